import type { CalendarDate, ContractRowReason } from "@/lib/rules";

// What the contract screens show (no database rows, days as 'YYYY-MM-DD', instants as ISO strings).

type ContractStatusView = "ACTIVE" | "TERMINATED";
type ContractImportState = "VALIDATING" | "PREVIEW" | "IMPORTING" | "DONE" | "FAILED";
type ContractPaymentModeView = "WHOLE" | "PER_PERSON";

export type ContractRowView = {
  id: string;
  number: string;
  entityName: string;
  registrationNumber: string;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  status: ContractStatusView;
  persons: number;
};

export type ContractView = ContractRowView & {
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
};

export type ContractImportRowView = {
  id: string;
  fileName: string;
  createdAt: string;
  status: ContractImportState;
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  issuedRows: number;
};

export type ContractImportView = ContractImportRowView & {
  contractId: string;
  contractNumber: string;
  contractValidFrom: CalendarDate;
  contractValidTo: CalendarDate;
  processedRows: number;
  /** the sum of the accepted rows' tariffs on the preview day (cl. 30: what the entity transfers) */
  amountSom: number;
  error: string | null;
  paymentMode: ContractPaymentModeView | null;
  paymentReference: string | null;
  paymentDate: CalendarDate | null;
  /** VALIDATING or IMPORTING, and its job has not written for a while (the server restarted): it may be resumed */
  stale: boolean;
};

export type RejectedRowView = {
  rowNumber: number;
  name: string;
  pin: string;
  document: string;
  reason: ContractRowReason;
};

export type ContractPersonView = {
  id: string;
  holder: string;
  pin: string | null;
  policyId: string;
  policyNumber: string;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
};
