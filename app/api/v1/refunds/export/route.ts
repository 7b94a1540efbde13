import { hasPermission } from "@/lib/auth/permissions";
import { inertCell } from "@/lib/files/csv-cell";
import { todayInBishkek } from "@/lib/dates";
import { routing } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import { ZRefundQueueFilter } from "@/lib/refunds/case.schema";
import { refundQueueForExport } from "@/lib/refunds/queries";
import { auditRefusal, getStaffUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

/** A CSV cell: quoted, quotes doubled, and a leading formula character defused so a spreadsheet never runs it. */
const cell = (v: string | number | null) => `"${inertCell(v === null ? "" : String(v)).replace(/"/g, '""')}"`;

/** GET /api/v1/refunds/export?state=&ground=&office=&age=&lang= — the filtered queue as CSV (UTF-8 with BOM). */
export async function GET(request: Request) {
  const user = await getStaffUser();
  if (!user || !hasPermission(user, "refund.approve")) {
    if (user) await auditRefusal(user, "refund.approve", "refunds.export");
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = ZRefundQueueFilter.parse(params);
  const locale = routing.locales.find((l) => l === params.lang) ?? routing.defaultLocale;
  const t = translatorFor(locale);
  const head = [
    "number",
    "state",
    "ground",
    "office",
    "amount",
    "holder",
    "policy",
    "channel",
    "txn",
    "reason",
    "letter",
    "opened",
    "age",
  ] as const;
  const today = todayInBishkek();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${head.map((h) => cell(t(`refunds.csv.${h}`))).join(",")}\r\n`));
      for await (const r of refundQueueForExport(user, filter, today)) {
        const row = [
          r.number,
          t(`refunds.state.${r.state}`),
          t(`refunds.ground.${r.ground}`),
          r.officeCode,
          r.amountSom,
          r.holder,
          r.policyNumber,
          r.channel,
          r.providerTxnId,
          r.reason,
          r.outgoingNumber,
          r.createdAt,
          r.ageDays,
        ];
        controller.enqueue(encoder.encode(`${row.map(cell).join(",")}\r\n`));
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="refunds-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
