"use server";

import { ZAppealStatusInput, ZFileAppealInput } from "@/lib/appeals/appeal.schema";
import { fileAppeal } from "@/lib/appeals/mutations";
import { findAppealStatus } from "@/lib/appeals/queries";
import { todayInBishkek } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { serverAction } from "@/lib/web/action";
import { enforceRateLimit } from "@/lib/web/rate-limit";
import { appealStatusText } from "./status-text";

/** A citizen files an appeal online (cl. 36–37); the confirmation shows its number (not the PIN). */
export const fileAppealAction = serverAction(
  { name: "appeals.file", schema: ZFileAppealInput, redirect: true },
  async ({ input }) => {
    await enforceRateLimit("appealFileIp"); // each appeal is a case in an office's queue
    const filed = await fileAppeal(input, todayInBishkek());
    return `/${input.locale}/appeals/filed/${filed.number}`;
  },
);

/** The status by number and PIN, posted (never a PIN in a URL); a wrong pair answers "not found", nothing more. */
export const appealStatusAction = serverAction(
  { name: "appeals.status", schema: ZAppealStatusInput },
  async ({ input, locale }) => {
    await enforceRateLimit("appealStatusIp");
    await enforceRateLimit("appealStatusNumber", input.number);
    const found = await findAppealStatus(input.number, input.pin);
    if (!found) throw new AppError("appeals.status.notFound");
    return appealStatusText(found, locale);
  },
);
