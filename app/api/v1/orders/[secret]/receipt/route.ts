import { now } from "@/lib/dates";
import { routing } from "@/lib/i18n/routing";
import { findOrderBySecret } from "@/lib/orders/queries";
import { paidReceipt } from "@/lib/orders/receipt";
import { buildReceiptPdf } from "@/lib/orders/receipt-pdf";
import { instrumented } from "@/lib/web/instrumented";

export const dynamic = "force-dynamic";

/** GET /api/v1/orders/<secret>/receipt?lang=ru|ky — the paid order's receipt as PDF; anything else is a bare 404. */
async function get(request: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const order = await findOrderBySecret(secret);
  const receipt = order ? paidReceipt(order) : null;
  if (!receipt) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = routing.locales.find((l) => l === lang) ?? (order!.locale === "ky" ? "ky" : "ru");
  const pdf = await buildReceiptPdf(receipt, locale, now());
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="oms-policy-${receipt.policyNumber}.pdf"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

export const GET = instrumented("/api/v1/orders/[secret]/receipt", get);
