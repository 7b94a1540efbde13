import { isIP } from "node:net";

/**
 * The client's address, for per-IP limits and allow-lists. Next passes the socket's address in X-Forwarded-For only
 * when the request has none, so a client can write its own: the header is believed only as far as TRUSTED_PROXIES
 * allows. TRUSTED_PROXIES is a comma-separated list of the reverse proxies' addresses (IPv4/IPv6, or IPv4 CIDR like
 * 10.0.0.0/8). Set: the rightmost address that is not a trusted proxy is the client. Unset: only the rightmost
 * entry counts (the socket's address when the client sent none) — deploy behind a proxy and set TRUSTED_PROXIES.
 */
export function clientAddress(
  headers: Pick<Headers, "get">,
  trustedProxies: string | undefined = process.env.TRUSTED_PROXIES,
): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => normalize(s.trim()))
    .filter((s) => isIP(s) !== 0);
  if (hops.length === 0) return "unknown";
  const trusted = (trustedProxies ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trusted.length === 0) return hops[hops.length - 1]!;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.some((t) => matches(hops[i]!, t))) return hops[i]!;
  }
  return hops[0]!;
}

function normalize(ip: string): string {
  return ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function matches(ip: string, rule: string): boolean {
  const [base, bits] = rule.split("/");
  if (bits === undefined) return normalize(base!) === ip;
  if (isIP(ip) !== 4 || isIP(base!) !== 4) return false;
  const n = Number(bits);
  if (!Number.isInteger(n) || n < 0 || n > 32) return false;
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return (ipv4ToInt(ip) & mask) === (ipv4ToInt(base!) & mask);
}
