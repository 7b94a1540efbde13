import type { IssueChannel, PaymentChannel } from "@/lib/generated/prisma/client";
import type {
  CalendarDate,
  Category,
  DeadlineState,
  DocumentType,
  InsuredStatus,
  PolicyStatus,
  Sex,
} from "@/lib/rules";

type ApplicationStatusView = "ACCEPTED" | "REFUSED";

/** A line of the office's applications list: days as 'YYYY-MM-DD', the cl. 15 deadline's state on today. */
export type ApplicationRowView = {
  id: string;
  enteredOn: CalendarDate;
  holder: string;
  category: Category;
  status: ApplicationStatusView;
  policyNumber: string | null;
  policyDueOn: CalendarDate | null;
  deadline: DeadlineState | null;
  /** cl. 13: entered after its deadline */
  enteredLate: boolean;
};

export type ApplicationView = ApplicationRowView & {
  personId: string;
  pin: string | null;
  documentNumber: string | null;
  termMonths: number;
  documents: string[];
  refusals: string[];
  missingDocuments: string[];
  insuredUntil: CalendarDate | null;
  receivedOn: CalendarDate;
  entryDueOn: CalendarDate;
  /** cl. 15: the day (Asia/Bishkek) the paper policy was made; null = still to be made */
  policyMadeOn: CalendarDate | null;
  policy: { id: string; number: string; validFrom: CalendarDate | null; validTo: CalendarDate | null } | null;
  payment: { channel: PaymentChannel; externalTxnId: string; amountSom: number; paidOn: CalendarDate } | null;
  createdAt: string;
};

type PersonPaymentView = {
  id: string;
  channel: PaymentChannel;
  externalTxnId: string;
  amountSom: number;
  /** the payment day (Asia/Bishkek) */
  paidOn: CalendarDate;
  policyNumber: string | null;
  policyCategory: Category | null;
  /** linked to an application already (a payment is linked once) */
  linked: boolean;
};

/** Everything the clerk sees of a person (issue 12): the record, the status as the public check answers it, … */
export type PersonFileView = {
  id: string;
  fullName: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  pin: string | null;
  category: Category;
  documentType: DocumentType | null;
  documentNumber: string | null;
  birthDate: CalendarDate | null;
  sex: Sex | null;
  citizenship: string | null;
  stateless: boolean | null;
  phone: string | null;
  email: string | null;
  /** a foreigner from a terminal whose record a clerk is to complete (README I23) */
  toComplete: boolean;
  status: InsuredStatus;
  policies: {
    id: string;
    number: string;
    category: Category;
    status: PolicyStatus;
    channel: IssueChannel;
    validFrom: CalendarDate | null;
    validTo: CalendarDate | null;
    /** of the clerk's own office: the record page opens */
    ownOffice: boolean;
  }[];
  payments: PersonPaymentView[];
  /** this office's applications of the person */
  applications: ApplicationRowView[];
};
