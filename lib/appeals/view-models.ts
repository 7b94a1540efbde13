import type { CalendarDate } from "@/lib/rules";

export type AppealStatusView = {
  number: string;
  state: "OPEN" | "ANSWERED";
  filedAt: string;
  dueOn: CalendarDate | null;
  answer: string | null;
  closedOn: CalendarDate | null;
  officeNameRu: string;
  officeNameKy: string;
};

/** The citizen's answer to a status check, as text in their language (app/[locale]/(public)/appeals/status-text.ts). */
export type AppealStatusText = {
  number: string;
  rows: { label: string; value: string; testId?: string; multiline?: boolean }[];
};

export type OfficeAppealView = AppealStatusView & {
  id: string;
  fullName: string;
  phone: string | null;
  subject: string;
  text: string;
  filedOnBehalf: boolean;
  overdue: boolean;
};
