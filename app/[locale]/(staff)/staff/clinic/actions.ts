"use server";

import { revalidatePath } from "next/cache";
import { todayInBishkek } from "@/lib/dates";
import { issueFollowOnPolicy, registerPregnancy } from "@/lib/pregnancy/mutations";
import { listPregnancyRegistrations } from "@/lib/pregnancy/queries";
import {
  ZFollowOnInput,
  ZPregnancyRegistrationInput,
  ZPregnancySearchInput,
} from "@/lib/pregnancy/registration.schema";
import { AppError } from "@/lib/errors";
import { serverAction } from "@/lib/web/action";

/**
 * A family doctor registers a pregnancy (cl. 24–28). A registration (new, or the existing one of the same pregnancy)
 * opens its record; a refusal stays on the form with every reason the rules give.
 */
export const registerPregnancyAction = serverAction(
  { permission: "pregnancy.register", schema: ZPregnancyRegistrationInput, redirect: true },
  async ({ user, input }) => {
    const result = await registerPregnancy(user, input, todayInBishkek());
    if (result.outcome === "REFUSED") return { refusals: result.refusals.map((r): string => r.code) };
    revalidatePath("/[locale]/staff/clinic", "page");
    return `/${input.locale}/staff/clinic/registrations/${result.registrationId}${result.outcome === "EXISTING" ? "?existing=1" : ""}`;
  },
);

/** The doctor's search: posted, so a PIN or a surname never lands in a URL (issue 11, hole 9). */
export const searchPregnancyAction = serverAction(
  { permission: "pregnancy.register", schema: ZPregnancySearchInput },
  async ({ user, input }) => listPregnancyRegistrations(user, todayInBishkek(), { q: input.q }),
);

/** Interpretation I32: the free policy that follows her coverage; the record then shows it. */
export const issueFollowOnAction = serverAction(
  { permission: "pregnancy.register", schema: ZFollowOnInput },
  async ({ user, input }) => {
    const result = await issueFollowOnPolicy(user, input.registrationId, todayInBishkek());
    if (!result) throw new AppError("errors.notFound");
    revalidatePath("/[locale]/staff/clinic", "layout");
    return result;
  },
);
