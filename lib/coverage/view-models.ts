import type { CoverageImportStatus, ExternalCoverageSource } from "@/lib/generated/prisma/client";
import type { CalendarDate } from "@/lib/rules";

/** One upload of the external-coverage registry as the admin's pages show it. */
export type CoverageImportView = {
  id: string;
  source: ExternalCoverageSource;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  fileName: string;
  status: CoverageImportStatus;
  /** share of the file's bytes read, 0–100 */
  percent: number;
  readRows: number;
  acceptedRows: number;
  rejectedRows: number;
  coverageRows: number;
  personsCreated: number;
  replacedRows: number;
  /** RUNNING and still reading the file (after that: applying it in one transaction) */
  reading: boolean;
  /** a message key, with "#<error id>" for an unexpected failure */
  error: string | null;
  createdByLogin: string;
  /** ISO instant */
  createdAt: string;
};
