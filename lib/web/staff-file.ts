import "server-only";
import { Readable } from "node:stream";
import { hasLocale } from "next-intl";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasPermission, type PermissionName, type StaffUser } from "@/lib/auth/permissions";
import { routing, type Locale } from "@/lib/i18n/routing";
import { auditRefusal, getStaffUser } from "./session";

// Files for staff (the paper policy, the journal's PDF and exports): route handlers, so each checks the session and
// the named permission itself, like a server action (a page's check protects nothing else).

/** The route's language, or null for an unknown one (answered 404). */
export function fileLocale(locale: string): Locale | null {
  return hasLocale(routing.locales, locale) ? locale : null;
}

/**
 * The signed-in staff member with the permission; not signed in → the sign-in page; refused → 403 (audited); asked
 * for by another site's page → 403.
 */
export async function staffFileUser(
  permission: PermissionName,
  locale: Locale,
): Promise<{ user: StaffUser } | { response: Response }> {
  // Opened from the portal's own pages, or typed: never from another site's link, which would carry the clerk's
  // session (SameSite=Lax) — printing a policy writes its audit row and makes the real print a "re-print".
  const site = (await headers()).get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return { response: forbidden() };
  const user = await getStaffUser();
  if (!user) redirect(`/${locale}/staff/sign-in`);
  if (!hasPermission(user, permission)) {
    await auditRefusal(user, permission);
    return { response: forbidden() };
  }
  return { user };
}

const forbidden = () => new Response("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });

export const notFoundFile = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** A private download: never cached, never referred, named for the browser's "save as". */
export function fileResponse(body: Uint8Array | Readable, contentType: string, filename: string): Response {
  const stream = body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : Buffer.from(body);
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
