import type { PaymentApprovalKind, PaymentChannel } from "@/lib/generated/prisma/client";

/** A payment waiting for a second person's approval (issue 11, hole 4), as the approvals page shows it. */
export type PendingApprovalView = {
  id: string;
  kind: PaymentApprovalKind;
  channel: PaymentChannel;
  externalTxnId: string;
  /** ISO instant the payment is dated */
  paidAt: string;
  amountSom: number;
  /** ISO instant it was brought to us */
  requestedAt: string;
  requestedBy: string;
  /** the viewer asked for it: they may not decide it */
  isOwn: boolean;
};
