import { decode, encode } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { baseSecret } from "@/lib/secrets";

/** A staff session ends after this long without a request (STAFF_SESSION_IDLE_MINUTES, default 30). */
export function sessionIdleSeconds(env: Record<string, string | undefined> = process.env): number {
  const minutes = Number(env.STAFF_SESSION_IDLE_MINUTES);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 30) * 60;
}

const COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const RENEW_AFTER_MS = 60_000;
/**
 * A staff session lasts one working day from its sign-in at most, however active (auth-options' session.maxAge; the
 * token's `signedInAt`, checked by staffSessionState — a renewed token's own expiry moves on with every renewal).
 */
export const SESSION_MAX_SECONDS = 8 * 60 * 60;
const MAX_AGE_SECONDS = SESSION_MAX_SECONDS;

/**
 * Sliding inactivity (proxy.ts): a staff request renews the session token's `lastSeen` (at most once a minute); a
 * token idle too long is removed. getStaffUser checks `lastSeen` itself, so this only keeps active people signed in.
 */
export async function renewStaffSession(request: NextRequest, response: NextResponse): Promise<void> {
  const name = COOKIES.find((n) => request.cookies.has(n));
  const secret = baseSecret();
  if (!name || !secret) return;
  const token = await decode({ token: request.cookies.get(name)!.value, secret }).catch(() => null);
  if (!token?.lastSeen) return;
  const idleMs = Date.now() - token.lastSeen;
  if (idleMs > sessionIdleSeconds() * 1000) {
    // a __Secure- cookie is removed only by a Set-Cookie that carries Secure too (cookies.delete sends none)
    response.cookies.set(name, "", { ...cookieOptions(name), maxAge: 0 });
    return;
  }
  if (idleMs < RENEW_AFTER_MS) return;
  const value = await encode({ token: { ...token, lastSeen: Date.now() }, secret, maxAge: MAX_AGE_SECONDS });
  response.cookies.set(name, value, { ...cookieOptions(name), maxAge: MAX_AGE_SECONDS });
}

const cookieOptions = (name: string) =>
  ({ httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-") }) as const;
