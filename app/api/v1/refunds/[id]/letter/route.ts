import { todayInBishkek } from "@/lib/dates";
import { routing } from "@/lib/i18n/routing";
import { buildRefundLetterPdf } from "@/lib/refunds/letter-pdf";
import { findRefundLetter } from "@/lib/refunds/queries";
import { getStaffUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

/** GET /api/v1/refunds/<id>/letter?lang=ru|ky — the territorial office's letter to the Fund (PDF) for a sent case its reader may see. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getStaffUser();
  const { id } = await params;
  const letter = user ? await findRefundLetter(user, id, todayInBishkek()) : null;
  if (!letter) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = routing.locales.find((l) => l === lang) ?? routing.defaultLocale;
  const pdf = await buildRefundLetterPdf(letter, locale);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="refund-letter-${letter.outgoingNumber}-${locale}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
