"use server";

import { revalidatePath } from "next/cache";
import { todayInBishkek } from "@/lib/dates";
import { registerPregnancy } from "@/lib/pregnancy/mutations";
import { ZPregnancyRegistrationInput } from "@/lib/pregnancy/registration.schema";
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
