import NextAuth from "next-auth";
import { peekLimit } from "@/lib/limits";
import { authOptions } from "@/lib/web/auth-options";
import { clientAddress } from "@/lib/web/client-address";
import { tooManyRequests } from "@/lib/web/rate-limit";

const handler = NextAuth(authOptions);

/** Sign-in from an address locked out by too many failures (RATE_LIMIT_SIGN_IN_FAILURES_PER_IP): 429, Retry-After. */
async function post(request: Request, context: unknown) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const locked = await peekLimit("signInIp", clientAddress(request.headers));
    if (!locked.ok) return tooManyRequests(request, locked.retryAfterSeconds);
  }
  return (handler as (r: Request, c: unknown) => Promise<Response>)(request, context);
}

export { handler as GET, post as POST };
