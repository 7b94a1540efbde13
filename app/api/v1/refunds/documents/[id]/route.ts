import { readRefundDocument } from "@/lib/refunds/queries";
import { getStaffUser } from "@/lib/web/session";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * GET /api/v1/refunds/documents/<id> — a case's attachment for a reader who may see the case (its office, or a
 * refund officer once sent); every opening is audited. Served inline with its sniffed type, never as HTML.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getStaffUser();
  if (!user) return notFound();
  const { id } = await params;
  const doc = await readRefundDocument(user, id);
  if (!doc) return notFound();
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; plugin-types application/pdf; sandbox",
    },
  });
}
