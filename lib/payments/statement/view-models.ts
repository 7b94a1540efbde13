import type { PaymentChannel, PolicyStatus } from "@/lib/generated/prisma/client";
import type { CalendarDate, InsuredStatus } from "@/lib/rules";

type StatementRow = {
  paidAt: string;
  /** dated more than PAYMENT_DATE_WINDOW_DAYS before it reached us: counted from receivedAt (issue 11, hole 4) */
  lateDated: boolean;
  receivedAt: string;
  amountSom: number;
  channel: PaymentChannel;
  policyNumber: string | null;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  payerName: string;
  refundedSom: number;
  policyStatus: PolicyStatus | null;
};

export type PaymentStatement = {
  person: { fullName: string; pin: string | null; birthDate: CalendarDate };
  status: InsuredStatus;
  rows: StatementRow[];
  generatedAt: string;
  generatedBy: string;
};
