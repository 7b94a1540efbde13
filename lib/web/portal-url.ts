import "server-only";
import { headers } from "next/headers";

/** The portal's own address, for the URLs an acquirer calls back and returns to. */
export async function portalBaseUrl(): Promise<string> {
  const configured = process.env.PORTAL_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  return `${proto}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}
