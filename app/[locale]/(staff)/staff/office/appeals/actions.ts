"use server";

import { ZAnswerAppealInput, ZFileAppealInput } from "@/lib/appeals/appeal.schema";
import { answerAppeal, fileAppeal } from "@/lib/appeals/mutations";
import { todayInBishkek } from "@/lib/dates";
import { serverAction } from "@/lib/web/action";

/** A clerk registers an appeal on a citizen's behalf, at the clerk's own office (cl. 36–37). */
export const fileAppealOnBehalfAction = serverAction(
  { permission: "appeals.handle", schema: ZFileAppealInput, redirect: true },
  async ({ user, input }) => {
    const filed = await fileAppeal(input, todayInBishkek(), user);
    return `/${input.locale}/staff/office/appeals/${filed.id}`;
  },
);

/** The office's answer closes the appeal. */
export const answerAppealAction = serverAction(
  { permission: "appeals.handle", schema: ZAnswerAppealInput, redirect: true },
  async ({ user, input }) => {
    await answerAppeal(user, input, todayInBishkek());
    return `/${input.locale}/staff/office/appeals/${input.appealId}`;
  },
);
