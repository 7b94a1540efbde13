import type { DocumentType, IssueChannel, PaymentChannel } from "@/lib/generated/prisma/client";
import type { HandoverView } from "./paper/view-models";
import type { CalendarDate, Category, PolicyStatus } from "@/lib/rules";

/** A line of the issuance journal as screens show it: calendar days as 'YYYY-MM-DD', instants as ISO strings. */
export type PolicyRowView = {
  id: string;
  number: string;
  category: Category;
  termMonths: number;
  priceSom: number;
  status: PolicyStatus;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  createdAt: string;
  holder: string;
  pin: string | null;
};

/** A policy of the clerk's office with its holder and payments (the record page). */
export type OfficePolicyView = {
  id: string;
  number: string;
  category: Category;
  termMonths: number;
  priceSom: number;
  status: PolicyStatus;
  channel: IssueChannel;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  /** the Bishkek day the policy was made */
  madeOn: CalendarDate;
  /** the issuance journal's line (cl. 16), once the paper policy is handed over */
  handover: HandoverView | null;
  holder: {
    fullName: string;
    pin: string | null;
    documentType: DocumentType | null;
    documentNumber: string | null;
    birthDate: CalendarDate | null;
    phone: string | null;
  };
  payments: {
    id: string;
    paidAt: string;
    channel: PaymentChannel;
    externalTxnId: string;
    payerName: string;
    amountSom: number;
  }[];
};
