import "server-only";
import { headers } from "next/headers";

/**
 * The portal's own address, for the URLs an acquirer calls back and returns to and for links in notifications.
 * Production: PORTAL_URL only — never the request's Host header (a forged Host would poison links and open
 * redirects); the server refuses to start without it (next.config.js). Development: PORTAL_URL, NEXTAUTH_URL, and
 * finally the request's own host so that `npm run dev` needs no set-up.
 */
export async function portalBaseUrl(): Promise<string> {
  return resolvePortalBaseUrl(process.env, headers);
}

export async function resolvePortalBaseUrl(
  env: Record<string, string | undefined>,
  requestHeaders: () => Promise<Pick<Headers, "get">>,
): Promise<string> {
  if (env.PORTAL_URL) return env.PORTAL_URL.replace(/\/$/, "");
  if (env.NODE_ENV === "production") {
    throw new Error("PORTAL_URL must be set in production (links are never built from the Host header)");
  }
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/$/, "");
  const h = await requestHeaders();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}
