import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { afterEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (Next reads it before any TypeScript is compiled)
import config, { productionServerProblems } from "../../../next.config.js";
import { resolvePortalBaseUrl } from "../../../lib/web/portal-url";

const forged = async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" });

describe("hole 8: Host header trusted", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("production builds links from PORTAL_URL, never from a forged Host header", async () => {
    const env = { NODE_ENV: "production", PORTAL_URL: "https://oms.fund.kg/" };
    await expect(resolvePortalBaseUrl(env, forged)).resolves.toBe("https://oms.fund.kg");
  });

  it("production without PORTAL_URL refuses instead of falling back to the Host header", async () => {
    await expect(resolvePortalBaseUrl({ NODE_ENV: "production" }, forged)).rejects.toThrow(/PORTAL_URL/);
    await expect(
      resolvePortalBaseUrl({ NODE_ENV: "production", NEXTAUTH_URL: "https://x.kg" }, forged),
    ).rejects.toThrow(/PORTAL_URL/);
  });

  it("development still works without set-up", async () => {
    await expect(resolvePortalBaseUrl({ NODE_ENV: "development" }, forged)).resolves.toBe("http://evil.example");
  });

  it("the production server refuses to start without PORTAL_URL, with a clear message", () => {
    vi.stubEnv("PORTAL_URL", "");
    expect(() => config(PHASE_PRODUCTION_SERVER)).toThrow(/refuses to start[\s\S]*PORTAL_URL is not set/);
    expect(
      productionServerProblems({ PORTAL_URL: "https://oms.fund.kg/path?x", DATABASE_URL: "postgresql://db/oms" }),
    ).toHaveLength(1);
    // a build does not need it (the address belongs to the deployment, not the artefact)
    expect(() => config(PHASE_PRODUCTION_BUILD)).not.toThrow();
  });

  it("starts with PORTAL_URL set and pins next-auth's own URL to it", () => {
    vi.stubEnv("PORTAL_URL", "https://oms.fund.kg");
    vi.stubEnv("DATABASE_URL", "postgresql://oms@db.internal:5432/oms");
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(() => config(PHASE_PRODUCTION_SERVER)).not.toThrow();
    expect(process.env.NEXTAUTH_URL).toBe("https://oms.fund.kg");
  });
});
