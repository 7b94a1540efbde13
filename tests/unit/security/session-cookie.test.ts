import { encode } from "next-auth/jwt";
import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { baseSecret } from "../../../lib/secrets";
import { renewStaffSession } from "../../../lib/web/session-idle";

// The proxy's sliding inactivity (lib/web/session-idle.ts): a renewed token, and an idle one removed — a __Secure-
// cookie only goes when the removing Set-Cookie carries Secure as well.
const NAME = "__Secure-next-auth.session-token";

async function requestWith(lastSeen: number) {
  const token = await encode({
    token: {
      sub: "u1",
      lastSeen,
      signedInAt: lastSeen,
      login: "t",
      role: "CLERK",
      officeId: 1,
      healthOrganizationId: null,
    },
    secret: baseSecret()!,
  });
  return new NextRequest("https://oms.example/ru/staff", { headers: { cookie: `${NAME}=${token}` } });
}

describe("the staff session cookie", () => {
  it("an idle one is removed with Secure, HttpOnly and its path", async () => {
    const response = NextResponse.next();
    await renewStaffSession(await requestWith(Date.now() - 3 * 3600_000), response);
    const set = response.headers.get("set-cookie") ?? "";
    expect(set).toMatch(new RegExp(`^${NAME}=;`));
    expect(set).toMatch(/Max-Age=0/i);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Path=\//);
  });

  it("an active one is renewed, Secure, for the session's hours", async () => {
    const response = NextResponse.next();
    await renewStaffSession(await requestWith(Date.now() - 5 * 60_000), response);
    const set = response.headers.get("set-cookie") ?? "";
    expect(set).toMatch(new RegExp(`^${NAME}=[^;]+;`));
    expect(set).toMatch(/Max-Age=28800/);
    expect(set).toMatch(/Secure/);
  });
});
