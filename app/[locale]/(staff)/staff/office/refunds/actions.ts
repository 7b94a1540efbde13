"use server";

import { todayInBishkek } from "@/lib/dates";
import {
  ZOpenRefundCaseInput,
  ZRefundCaseDetailsInput,
  ZRefundCaseIdInput,
  ZRefundDocumentInput,
} from "@/lib/refunds/case.schema";
import {
  addRefundDocument,
  openOfficeRefundCase,
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
