import type { DocumentType, HandoverRecipient } from "@/lib/generated/prisma/client";
import type { CalendarDate, Category, HandoverStatus, PolicyStatus, PolicyValidity } from "@/lib/rules";

/** A journal line's hand-over (cl. 16), as screens, the PDF and the exports show it. */
export type HandoverView = {
  handedOn: CalendarDate;
  recipient: HandoverRecipient;
  recipientName: string;
  recipientDocumentType: DocumentType | null;
  recipientDocumentNumber: string | null;
};

/** Everything the paper policy prints (issue 12): both languages' office names, the form is bilingual. */
export type PaperPolicyView = {
  id: string;
  number: string;
  category: Category;
  status: PolicyStatus;
  validFrom: CalendarDate;
  validTo: CalendarDate;
  /** the Bishkek day the policy was made: the form's date of issue */
  madeOn: CalendarDate;
  holder: {
    fullName: string;
    pin: string | null;
    documentType: DocumentType | null;
    documentNumber: string | null;
    birthDate: CalendarDate | null;
  };
  office: { ru: string; ky: string };
};

/** The public verification page: the number and dates only — never the holder's name or PIN. */
export type VerifiedPolicyView = {
  number: string;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  validity: PolicyValidity;
};

/** A line of the office's issuance journal (cl. 16). */
export type JournalRowView = {
  id: string;
  number: string;
  category: Category;
  policyStatus: PolicyStatus;
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null;
  madeOn: CalendarDate;
  holder: string;
  pin: string | null;
  documentNumber: string | null;
  status: HandoverStatus;
  handover: HandoverView | null;
};
