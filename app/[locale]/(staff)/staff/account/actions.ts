"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { enrolSecondFactor, signOutEverywhere } from "@/lib/users/mutations";
import { serverAction } from "@/lib/web/action";
import { openEnrolmentOffer } from "@/lib/web/second-factor-enrolment";
import { staffSessionState } from "@/lib/web/session";

const ZEnrol = z.object({
  sealed: z.string().min(1).max(500),
  code: z.string().trim().min(1, "auth.totpInvalid").max(20),
});

/** Enrols the second factor of the signed-in user (also one who must enrol before anything else). */
export const enrolSecondFactorAction = serverAction({ name: "account.enrol", schema: ZEnrol }, async ({ input }) => {
  const state = await staffSessionState();
  if (state.kind === "none") throw new AppError("errors.signInRequired");
  const secret = openEnrolmentOffer(input.sealed, state.user.id);
  if (!secret) throw new AppError("auth.totpInvalid", { field: "code" });
  const actor = { id: state.user.id, label: state.user.login };
  return { recoveryCodes: await enrolSecondFactor(actor, state.user.id, secret, input.code) };
});

/** Ends every session of the signed-in user, this one included. */
export const signOutEverywhereAction = serverAction(
  { name: "account.signOutEverywhere", schema: z.object({}) },
  async () => {
    const state = await staffSessionState();
    if (state.kind === "none") throw new AppError("errors.signInRequired");
    await signOutEverywhere({ id: state.user.id, label: state.user.login }, state.user.id);
    return true;
  },
);
