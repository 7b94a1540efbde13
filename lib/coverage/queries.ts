import "server-only";
import { canImportExternalCoverage, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fromDbDate } from "@/lib/db/calendar";
import type { CoverageImportView } from "./view-models";

const COVERAGE_HISTORY_SIZE = 50;
export const COVERAGE_REJECTS_PAGE_SIZE = 100;
/** Rows per read of the downloadable report. */
const EXPORT_BATCH = 5000;

type ImportRow = Awaited<ReturnType<typeof db.externalCoverageImport.findFirstOrThrow>>;

function toView(r: ImportRow): CoverageImportView {
  return {
    id: r.id,
    source: r.source,
    periodFrom: fromDbDate(r.periodFrom),
    periodTo: fromDbDate(r.periodTo),
    fileName: r.fileName,
    status: r.status,
    percent: r.fileBytes > 0n ? Math.min(100, Number((r.bytesRead * 100n) / r.fileBytes)) : 0,
    readRows: r.readRows,
    acceptedRows: r.acceptedRows,
    rejectedRows: r.rejectedRows,
    coverageRows: r.coverageRows,
    personsCreated: r.personsCreated,
    replacedRows: r.replacedRows,
    reading: r.status === "RUNNING" && r.bytesRead < r.fileBytes,
    error: r.error,
    createdByLogin: r.createdByLogin,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The import history, newest first (admins only). */
export async function listCoverageImports(user: StaffUser): Promise<CoverageImportView[]> {
  if (!canImportExternalCoverage(user)) return [];
  const rows = await db.externalCoverageImport.findMany({
    orderBy: { createdAt: "desc" },
    take: COVERAGE_HISTORY_SIZE,
  });
  return rows.map(toView);
}

export async function findCoverageImport(user: StaffUser, id: string): Promise<CoverageImportView | null> {
  if (!canImportExternalCoverage(user)) return null;
  const row = await db.externalCoverageImport.findUnique({ where: { id } });
  return row ? toView(row) : null;
}

/** A page of rejected rows by line; an UNCHANGED import shows the report of the import it repeats. */
export async function listCoverageRejects(
  user: StaffUser,
  id: string,
  page: number,
): Promise<{ rows: { line: number; reason: string }[]; total: number }> {
  if (!canImportExternalCoverage(user)) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    db.externalCoverageReject.findMany({
      where: { importId: id },
      orderBy: { line: "asc" },
      skip: (page - 1) * COVERAGE_REJECTS_PAGE_SIZE,
      take: COVERAGE_REJECTS_PAGE_SIZE,
      select: { line: true, reason: true },
    }),
    db.externalCoverageReject.count({ where: { importId: id } }),
  ]);
  return { rows, total };
}

/** Every rejected row of an import, read in batches by line (keyset) for the CSV report. */
export async function* coverageRejectsForExport(
  user: StaffUser,
  id: string,
): AsyncGenerator<{ line: number; reason: string }> {
  if (!canImportExternalCoverage(user)) return;
  let after = 0;
  for (;;) {
    const rows = await db.externalCoverageReject.findMany({
      where: { importId: id, line: { gt: after } },
      orderBy: { line: "asc" },
      take: EXPORT_BATCH,
      select: { line: true, reason: true },
    });
    yield* rows;
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.line;
  }
}
