"use server";

import { todayInBishkek } from "@/lib/dates";
import { ZRefundDecisionInput, ZRefundTransferInput } from "@/lib/refunds/case.schema";
import { decideRefundCase, recordRefundTransfer } from "@/lib/refunds/mutations";
import { serverAction } from "@/lib/web/action";

const casePath = (locale: string, id: string) => `/${locale}/staff/fund/refunds/${id}`;

/** The Fund's decision on a sent case (cl. 32): never by the person who prepared it. */
export const decideRefundAction = serverAction(
  { permission: "refund.approve", schema: ZRefundDecisionInput, redirect: true },
  async ({ user, input }) => {
    await decideRefundCase(user, input);
    return casePath(input.locale, input.caseId);
  },
);

/** The treasury transfer of an approved refund (cl. 35): its reference and date. */
export const recordTransferAction = serverAction(
  { permission: "refund.approve", schema: ZRefundTransferInput, redirect: true },
  async ({ user, input }) => {
    await recordRefundTransfer(
      user,
      { caseId: input.caseId, treasuryRef: input.treasuryRef, treasuryDate: input.treasuryDate as never },
      todayInBishkek(),
    );
    return casePath(input.locale, input.caseId);
  },
);
