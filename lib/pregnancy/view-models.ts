import type { CalendarDate, Category, PolicyStatus } from "@/lib/rules";

/** A woman on the doctor's pregnancy register, as the list and the record show her (no database rows). */
export type PregnancyRegistrationView = {
  id: string;
  registeredOn: CalendarDate;
  cardNumber: string;
  code: string;
  baseCategory: Category;
  holder: string;
  pin: string | null;
  documentNumber: string | null;
  outcome: "POLICY_ISSUED" | "ALREADY_INSURED";
  policy: { id: string; number: string; status: PolicyStatus; validFrom: CalendarDate; validTo: CalendarDate } | null;
  insuredUntil: CalendarDate | null;
  followsOn: CalendarDate | null;
  /** the free policy issued when her coverage ended during the pregnancy (I32) */
  followOnPolicy: { id: string; number: string; validFrom: CalendarDate; validTo: CalendarDate } | null;
  /** her free policy (or other coverage) ends within 30 days of today: the list highlights her */
  endsSoon: boolean;
};

/** What the doctor's "issue the follow-on policy" button led to (interpretation I32). */
export type FollowOnResult =
  | { outcome: "POLICY_ISSUED"; policyNumber: string; validFrom: CalendarDate; validTo: CalendarDate }
  | { outcome: "NOT_NEEDED"; insuredUntil: CalendarDate }
  | { outcome: "PREGNANCY_OVER" };
