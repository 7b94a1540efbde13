import type { PaymentChannel, PolicyStatus, RefundGround, RefundState } from "@/lib/generated/prisma/client";
import type { CalendarDate, RefundDocumentCode, RefundRefusal } from "@/lib/rules";

export type RefundDocumentView = {
  id: string;
  code: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
};

/** One row of the Fund's queue and of a ТУ's list. */
export type RefundQueueRow = {
  id: string;
  number: string;
  ground: RefundGround;
  state: RefundState;
  officeCode: string | null;
  officeNameRu: string | null;
  officeNameKy: string | null;
  amountSom: number;
  holder: string;
  policyNumber: string | null;
  providerTxnId: string | null;
  channel: PaymentChannel | null;
  reason: string | null;
  outgoingNumber: string | null;
  createdAt: string;
  sentAt: string | null;
  /** whole days since the case was opened (Bishkek days) */
  ageDays: number;
};

export type RefundCaseView = RefundQueueRow & {
  paymentDay: CalendarDate | null;
  paidSom: number;
  policyStatus: PolicyStatus | null;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  claimantRelation: string | null;
  claimantName: string | null;
  claimantDocument: string | null;
  deathDate: CalendarDate | null;
  otherCoverage: string | null;
  claimDate: CalendarDate | null;
  bankName: string | null;
  bankAccount: string | null;
  preparedById: string | null;
  preparedBy: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  treasuryRef: string | null;
  treasuryDate: CalendarDate | null;
  documents: RefundDocumentView[];
};

/** What the rules say about a case at a ТУ before it can be sent (cl. 32–33). */
export type RefundAssessment =
  | { ok: true; amountSom: number; required: RefundDocumentCode[]; missing: RefundDocumentCode[] }
  | { ok: false; refusals: RefundRefusal[]; required: RefundDocumentCode[]; missing: RefundDocumentCode[] };
