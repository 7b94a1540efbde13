import { describe, expect, it, vi } from "vitest";

// A staff file (a policy's PDF, the journal's export) asked for by another site's link or page: refused before the
// session is looked at — a print would be recorded in the clerk's name (session 13's security review).
const site = vi.hoisted(() => ({ value: "cross-site" as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(site.value ? { "sec-fetch-site": site.value } : {}),
}));
const session = vi.hoisted(() => ({ asked: 0 }));
vi.mock("../../lib/web/session", () => ({
  getStaffUser: async () => {
    session.asked++;
    return { id: "00000000-0000-4000-8000-000000000001", login: "t", role: "CLERK", officeId: 1 };
  },
  auditRefusal: async () => undefined,
}));
const { staffFileUser } = await import("../../lib/web/staff-file");

describe("staff files and other sites", () => {
  it.each([
    ["cross-site", 403],
    ["same-site", 403],
    ["same-origin", "user"],
    ["none", "user"], // typed, or a bookmark
    [null, "user"], // an older browser
  ])("Sec-Fetch-Site %s → %s", async (value, expected) => {
    site.value = value;
    const before = session.asked;
    const answer = await staffFileUser("policies.print", "ru");
    if (expected === "user") expect("user" in answer).toBe(true);
    else {
      expect("response" in answer && answer.response.status).toBe(expected);
      expect(session.asked).toBe(before);
    }
  });
});
