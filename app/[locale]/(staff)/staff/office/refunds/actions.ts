"use server";

import { todayInBishkek } from "@/lib/dates";
import {
  ZOpenRefundCaseInput,
  ZRefundCaseDetailsInput,
  ZRefundCaseIdInput,
  ZRefundDocumentInput,
  ZReissueInput,
} from "@/lib/refunds/case.schema";
import { dynamicKey } from "@/lib/i18n/message-key";
import { AppError } from "@/lib/errors";
import {
  addRefundDocument,
  openOfficeRefundCase,
  ReissueRefused,
  reissuePolicy,
  saveRefundCaseDetails,
  sendRefundCase,
} from "@/lib/refunds/mutations";
import { serverAction } from "@/lib/web/action";

const casePath = (locale: string, id: string) => `/${locale}/staff/office/refunds/${id}`;

/** A territorial-office clerk opens a refund case from the policy number on the claimant's receipt (cl. 32–33). */
export const openRefundCaseAction = serverAction(
  { permission: "refund.prepare", schema: ZOpenRefundCaseInput, redirect: true },
  async ({ user, input }) => {
    const opened = await openOfficeRefundCase(user, input.policyNumber, todayInBishkek());
    return casePath(input.locale, opened.id);
  },
);

export const saveRefundDetailsAction = serverAction(
  { permission: "refund.prepare", schema: ZRefundCaseDetailsInput, redirect: true },
  async ({ user, input }) => {
    await saveRefundCaseDetails(user, input, todayInBishkek());
    return casePath(input.locale, input.caseId);
  },
);

export const uploadRefundDocumentAction = serverAction(
  { permission: "refund.prepare", schema: ZRefundDocumentInput, redirect: true },
  async ({ user, input }) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    await addRefundDocument(user, { caseId: input.caseId, code: input.code, fileName: input.file.name, bytes });
    return casePath(input.locale, input.caseId);
  },
);

/** Sends the case to the Fund with its letter's outgoing number — only when the rules say eligible (cl. 32). */
export const sendRefundCaseAction = serverAction(
  { permission: "refund.prepare", schema: ZRefundCaseIdInput, redirect: true },
  async ({ user, input }) => {
    await sendRefundCase(user, input.caseId, todayInBishkek());
    return `${casePath(input.locale, input.caseId)}?sent=1`;
  },
);

/** Re-issue instead of a refund (cl. 34): the new holder's policy opens in the office journal. */
export const reissuePolicyAction = serverAction(
  { permission: "refund.prepare", schema: ZReissueInput, redirect: true },
  async ({ user, input }) => {
    try {
      const issued = await reissuePolicy(user, input, todayInBishkek());
      return `/${input.locale}/staff/office/policies/${issued.policyId}`;
    } catch (e) {
      // The rules' first reason, in words (the new holder's own refusal when that is what stands in the way).
      if (e instanceof ReissueRefused) {
        const key = e.newHolderCodes[0] ? `rules.refusal.${e.newHolderCodes[0]}` : `rules.refundRefusal.${e.codes[0]}`;
        throw new AppError(dynamicKey(key));
      }
      throw e;
    }
  },
);
