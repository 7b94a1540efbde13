import { timingSafeEqual } from "node:crypto";
import { TERMINAL_PROVIDERS, type TerminalProvider } from "@/lib/payments/channels";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The address the request came from: Next sets x-forwarded-for to the socket's address when no proxy did. */
function clientAddress(request: Request): string {
  return (request.headers.get("x-forwarded-for") ?? "").split(",")[0]!.trim();
}

function isLoopback(address: string): boolean {
  return address === "::1" || address === "127.0.0.1" || address.startsWith("127.") || address === "::ffff:127.0.0.1";
}

/**
 * HTTP Basic per provider from TERMINAL_AUTH_<PROVIDER>="user:password". Without credentials configured: in
 * development and tests, requests from loopback are accepted; in production an unconfigured provider is refused.
 */
export function isTerminalAuthorized(
  request: Request,
  provider: TerminalProvider,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const configured = env[TERMINAL_PROVIDERS[provider].authEnv]?.trim();
  if (!configured) return env.NODE_ENV !== "production" && isLoopback(clientAddress(request));
  const header = request.headers.get("authorization") ?? "";
  const match = /^Basic\s+(.+)$/i.exec(header);
  if (!match) return false;
  let decoded: string;
  try {
    decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  } catch {
    return false;
  }
  return safeEqual(decoded, configured);
}
