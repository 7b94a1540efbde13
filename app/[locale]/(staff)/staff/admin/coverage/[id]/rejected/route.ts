import { coverageRejectsForExport, findCoverageImport } from "@/lib/coverage/queries";
import { coverageRejectsCsv } from "@/lib/coverage/rejects-csv";
import { fileLocale, fileResponse, notFoundFile, staffFileUser } from "@/lib/web/staff-file";

export const dynamic = "force-dynamic";

/** GET /<locale>/staff/admin/coverage/<id>/rejected — the import's rejected rows as CSV (line and reason). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: raw, id } = await params;
  const locale = fileLocale(raw);
  if (!locale || !/^[0-9a-f-]{36}$/.test(id)) return notFoundFile();
  const auth = await staffFileUser("coverage.import", locale);
  if ("response" in auth) return auth.response;
  const imp = await findCoverageImport(auth.user, id);
  if (!imp) return notFoundFile();
  const csv = coverageRejectsCsv(coverageRejectsForExport(auth.user, id), locale);
  return fileResponse(csv, "text/csv; charset=utf-8", `coverage-rejected-${imp.periodFrom}_${imp.periodTo}.csv`);
}
