import { timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { TERMINAL_PROVIDERS, type TerminalProvider } from "@/lib/payments/channels";

/**
 * The demo credentials `.env.example` documents for trying terminals with `npm run dev` (README, "Payment
 * terminals"). Published, hence never accepted by a production server, even when someone copies them into its env.
 */
export const DEMO_TERMINAL_CREDENTIALS = "demo:demo-terminal-password";

export type TerminalAccess = "ok" | "unauthorized" | "forbidden";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** TERMINAL_ALLOW_<PROVIDER>: comma-separated addresses or CIDRs (IPv4 or IPv6). Unset or empty: any address. */
function allowList(raw: string | undefined): BlockList | null {
  const entries = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [base = "", bits] = entry.split("/");
    const family = isIP(base);
    // A malformed entry allows nobody rather than everybody: the list then holds only what parsed.
    if (family === 0) continue;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(base, type);
    else if (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
      list.addSubnet(base, Number(bits), type);
  }
  return list;
}

function isAllowed(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

function basicCredentials(request: { readonly headers: Pick<Headers, "get"> }): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match ? Buffer.from(match[1]!, "base64").toString("utf8") : null;
}

/**
 * Issue 11, hole 3: HTTP Basic per provider from TERMINAL_AUTH_<PROVIDER>="user:password", required in every mode —
 * no fallback secret, no exception for loopback or a forged X-Forwarded-For. Unconfigured, the provider is refused.
 * The published demo credentials are refused in production. With TERMINAL_ALLOW_<PROVIDER> set, the client address
 * (lib/web/client-address.ts, which believes proxy headers only as far as TRUSTED_PROXIES allows) must be on it.
 */
export function terminalAccess(
  request: { readonly headers: Pick<Headers, "get"> },
  provider: TerminalProvider,
  address: string,
  env: NodeJS.ProcessEnv = process.env,
): TerminalAccess {
  const configured = env[TERMINAL_PROVIDERS[provider].authEnv]?.trim();
  if (!configured || !configured.includes(":")) return "unauthorized";
  if (env.NODE_ENV === "production" && configured === DEMO_TERMINAL_CREDENTIALS) return "unauthorized";
  const sent = basicCredentials(request);
  if (sent === null || !safeEqual(sent, configured)) return "unauthorized";
  const list = allowList(env[TERMINAL_PROVIDERS[provider].allowEnv]);
  if (list && !isAllowed(list, address)) return "forbidden";
  return "ok";
}
