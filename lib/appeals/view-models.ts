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

export type OfficeAppealView = AppealStatusView & {
  id: string;
  fullName: string;
  phone: string | null;
  subject: string;
  text: string;
  filedOnBehalf: boolean;
  overdue: boolean;
};
