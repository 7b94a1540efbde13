import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { writeStandaloneAudit } from "@/lib/audit/mutations";
import { findUserForSignIn } from "@/lib/users/queries";
import { baseSecret } from "@/lib/secrets";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/auth/permissions";

const SESSION_HOURS = 8; // one working day

export const authOptions: NextAuthOptions = {
  secret: baseSecret(),
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/ru/staff/sign-in", error: "/ru/staff/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { login: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        const login = String(credentials?.login ?? "")
          .trim()
          .toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!login || !password) return null;
        const user = await findUserForSignIn(login);
        // Verify against a dummy hash when the login is unknown so the answer takes the same time.
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
        if (!user || !ok || !user.active) {
          await writeStandaloneAudit({
            actor: { id: user?.id ?? null, label: `login:${login.slice(0, 40)}` },
            action: user && ok && !user.active ? "auth.sign_in_blocked" : "auth.sign_in_failed",
            entity: "User",
            entityId: user?.id ?? null,
          });
          return null;
        }
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
      return session;
    },
  },
};

declare module "next-auth" {
  interface User {
    login: string;
    role: StaffRole;
    officeId: number | null;
    healthOrganizationId: number | null;
  }
  interface Session {
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
    login: string;
    role: StaffRole;
    officeId: number | null;
    healthOrganizationId: number | null;
  }
}
