import { todayInBishkek } from "@/lib/dates";
import { findOfficeName } from "@/lib/offices/queries";
import { journalCsv, journalXlsx } from "@/lib/policies/paper/journal-export";
import { buildJournalPdf } from "@/lib/policies/paper/journal-pdf";
import { readJournalParams } from "@/lib/policies/paper/journal-params";
import { recordJournalExport } from "@/lib/policies/paper/mutations";
import { journalRowsForExport } from "@/lib/policies/paper/queries";
import { fileLocale, fileResponse, notFoundFile, staffFileUser } from "@/lib/web/staff-file";

export const dynamic = "force-dynamic";

/**
 * GET /<locale>/staff/office/journal/{pdf|csv|xlsx}?number&from&to&status&who — the office's issuance journal with
 * the page's filters (cl. 16): the PDF with a signature column, CSV and XLSX streamed. Scoped to the clerk's office.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; format: string }> }) {
  const { locale: raw, format } = await params;
  const locale = fileLocale(raw);
  if (!locale || !["pdf", "csv", "xlsx"].includes(format)) return notFoundFile();
  const auth = await staffFileUser("office.workspace", locale);
  if ("response" in auth) return auth.response;
  const { query, errors } = readJournalParams(Object.fromEntries(new URL(request.url).searchParams), auth.user.id);
  if (errors.length) return new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const today = todayInBishkek();
  await recordJournalExport(auth.user, format, query);
  const rows = journalRowsForExport(auth.user, query, today);
  const office = await findOfficeName(auth.user.officeId, locale);
  const name = `oms-journal-${query.from ?? ""}${query.to ? `_${query.to}` : ""}`.replace(/-$/, "") || "oms-journal";
  if (format === "csv") return fileResponse(journalCsv(rows, locale), "text/csv; charset=utf-8", `${name}.csv`);
  if (format === "xlsx") {
    return fileResponse(
      journalXlsx(rows, locale, office || "journal"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      `${name}.xlsx`,
    );
  }
  const pdf = await buildJournalPdf(rows, { locale, office, from: query.from, to: query.to, printedOn: today });
  return fileResponse(pdf, "application/pdf", `${name}.pdf`);
}
