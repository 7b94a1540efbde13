import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { writeStandaloneAudit } from "@/lib/audit/mutations";
import { findUserForSignIn } from "@/lib/users/queries";
import { spendRecoveryCode, spendTotpCode } from "@/lib/users/mutations";
import { decryptTotpSecret } from "@/lib/auth/second-factor";
import { baseSecret } from "@/lib/secrets";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/auth/permissions";
import { consumeLimit, peekLimit, resetLimit } from "@/lib/limits";
import { clientAddress } from "./client-address";
import { SESSION_MAX_SECONDS } from "./session-idle";

/** The error a locked-out sign-in answers with: "locked:<seconds>" (the form shows a translated wait). */
const SIGN_IN_LOCKED = "locked";
/** Password right, the account has a second factor: the form asks for the code and sends all three again. */
const TOTP_REQUIRED = "totp_required";
const TOTP_INVALID = "totp_invalid";

function headerPairs(h: unknown): [string, string][] {
  if (!h || typeof h !== "object") return [];
  return Object.entries(h as Record<string, unknown>)
    .filter(([, v]) => typeof v === "string")
    .map(([k, v]) => [k, v as string]);
}

/** A failed sign-in counts against the account and the address; the failure that locks either is audited. */
async function countSignInFailure(login: string, ip: string, userId: string | null, actorLabel: string) {
  for (const [limit, key] of [
    ["signInAccount", login],
    ["signInIp", ip],
  ] as const) {
    const decision = await consumeLimit(limit, key);
    const now = await peekLimit(limit, key);
    if (!decision.ok || !now.ok) {
      await writeStandaloneAudit({
        actor: { id: userId, label: actorLabel },
        action: "auth.lockout",
        entity: "User",
        entityId: userId,
        after: {
          limit,
          retryAfterSeconds: decision.ok ? (now.ok ? 0 : now.retryAfterSeconds) : decision.retryAfterSeconds,
        },
      });
    }
  }
}

export const authOptions: NextAuthOptions = {
  secret: baseSecret(),
  // The token lives a working day at most; inactivity ends it sooner (lastSeen, renewed by proxy.ts and checked by
  // getStaffUser), and "sign out everywhere" at once (sessionVersion).
  session: { strategy: "jwt", maxAge: SESSION_MAX_SECONDS },
  pages: { signIn: "/ru/staff/sign-in", error: "/ru/staff/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { login: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        const login = String(credentials?.login ?? "")
          .trim()
          .toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!login || !password) return null;
        const ip = clientAddress(new Headers(headerPairs(req?.headers)));
        const actorLabel = `login:${login.slice(0, 40)}`;
        // Locked out (too many failures of this account, or from this address): refused before the password is checked.
        for (const [limit, key] of [
          ["signInAccount", login],
          ["signInIp", ip],
        ] as const) {
          const locked = await peekLimit(limit, key);
          if (!locked.ok) {
            await writeStandaloneAudit({
              actor: { id: null, label: actorLabel },
              action: "auth.sign_in_locked",
              entity: "User",
              after: { limit, retryAfterSeconds: locked.retryAfterSeconds },
            });
            throw new Error(`${SIGN_IN_LOCKED}:${locked.retryAfterSeconds}`);
          }
        }
        const user = await findUserForSignIn(login);
        // Verify against a dummy hash when the login is unknown so the answer takes the same time.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        if (!user || !ok || !user.active) {
          await writeStandaloneAudit({
            actor: { id: user?.id ?? null, label: actorLabel },
            action: user && ok && !user.active ? "auth.sign_in_blocked" : "auth.sign_in_failed",
            entity: "User",
            entityId: user?.id ?? null,
          });
          await countSignInFailure(login, ip, user?.id ?? null, actorLabel);
          return null;
        }
        if (user.totpEnabledAt && user.totpSecret) {
          const code = String(credentials?.code ?? "").trim();
          if (!code) throw new Error(TOTP_REQUIRED);
          const secret = decryptTotpSecret(user.totpSecret);
          const passed =
            (secret !== null && (await spendTotpCode(user.id, user.login, secret, code))) ||
            (await spendRecoveryCode(user.id, user.login, code));
          if (!passed) {
            await writeStandaloneAudit({
              actor: { id: user.id, label: user.login },
              action: "auth.second_factor_failed",
              entity: "User",
              entityId: user.id,
            });
            await countSignInFailure(login, ip, user.id, actorLabel);
            throw new Error(TOTP_INVALID);
          }
        }
        await resetLimit("signInAccount", login);
        await writeStandaloneAudit({
          actor: { id: user.id, label: user.login },
          action: "auth.sign_in",
          entity: "User",
          entityId: user.id,
        });
        return {
          id: user.id,
          name: user.fullName,
          login: user.login,
          role: user.role,
          officeId: user.officeId,
          healthOrganizationId: user.healthOrganizationId,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.login = user.login;
        token.role = user.role;
        token.officeId = user.officeId;
        token.healthOrganizationId = user.healthOrganizationId;
        token.sessionVersion = user.sessionVersion;
        token.lastSeen = Date.now();
        token.signedInAt = token.lastSeen;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        name: token.name ?? "",
        login: token.login,
        role: token.role,
        officeId: token.officeId ?? null,
        healthOrganizationId: token.healthOrganizationId ?? null,
      };
      session.sessionVersion = token.sessionVersion ?? 0;
      session.lastSeen = token.lastSeen ?? 0;
      session.signedInAt = token.signedInAt ?? 0;
      return session;
    },
  },
};

declare module "next-auth" {
  interface User {
    sessionVersion: number;
    login: string;
    role: StaffRole;
    officeId: number | null;
    healthOrganizationId: number | null;
  }
  interface Session {
    sessionVersion: number;
    lastSeen: number;
    /** ms since epoch of the sign-in: the session ends SESSION_MAX_SECONDS after it */
    signedInAt: number;
    user: {
      id: string;
      name: string;
      login: string;
      role: StaffRole;
      officeId: number | null;
      healthOrganizationId: number | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** ms since epoch of the last request (proxy.ts renews it at most once a minute) */
    lastSeen?: number;
    /** ms since epoch of the sign-in (a token without it predates the limit: over) */
    signedInAt?: number;
    login: string;
    role: StaffRole;
    officeId: number | null;
    healthOrganizationId: number | null;
  }
}
