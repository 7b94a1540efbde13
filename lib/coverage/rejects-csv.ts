import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { translatorFor } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/routing";
import { COVERAGE_ROW_REASONS, type CoverageRowReason } from "@/lib/rules";

const isReason = (s: string): s is CoverageRowReason => (COVERAGE_ROW_REASONS as readonly string[]).includes(s);

/** The rejected rows' report: the file's line and the reason in the admin's language (UTF-8 with a BOM, for Excel). */
export function coverageRejectsCsv(rows: AsyncIterable<{ line: number; reason: string }>, locale: Locale): Readable {
  const t = translatorFor(locale);
  const csv = stringify({
    bom: true,
    header: true,
    columns: [
      { key: "line", header: t("coverage.csv.line") },
      { key: "reason", header: t("coverage.csv.reason") },
    ],
  });
  void (async () => {
    try {
      for await (const r of rows) {
        const reason = isReason(r.reason) ? t(`coverage.reason.${r.reason}`) : r.reason;
        if (!csv.write({ line: r.line, reason })) await new Promise((resolve) => csv.once("drain", resolve));
      }
      csv.end();
    } catch (e) {
      csv.destroy(e as Error);
    }
  })();
  return csv;
}
