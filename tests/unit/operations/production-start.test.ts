import { spawnSync } from "node:child_process";
import path from "node:path";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { afterEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (Next reads it before any TypeScript is compiled)
import config, { productionServerProblems } from "../../../next.config.js";
import { poolLimitsFromEnv } from "../../../lib/db/client";

const root = path.resolve(import.meta.dirname, "../../..");
const PORTAL = { PORTAL_URL: "https://oms.fund.kg" };

describe("issue 16: a production server never runs on PGlite by accident", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("lists DATABASE_URL as missing in production, unless the test suite's own server asks for PGlite", () => {
    expect(productionServerProblems(PORTAL).join("\n")).toMatch(/DATABASE_URL is not set/);
    expect(productionServerProblems({ ...PORTAL, DATABASE_URL: "postgresql://oms@db:5432/oms" })).toEqual([]);
    expect(productionServerProblems({ ...PORTAL, OMS_ALLOW_PGLITE: "1" })).toEqual([]);
  });

  it("the config refuses the production server phase without it", () => {
    vi.stubEnv("PORTAL_URL", PORTAL.PORTAL_URL);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("OMS_ALLOW_PGLITE", "");
    expect(() => config(PHASE_PRODUCTION_SERVER)).toThrow(/refuses to start[\s\S]*DATABASE_URL is not set/);
  });

  it("`npm run start` with NODE_ENV=production and no DATABASE_URL exits non-zero with the message", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", ...PORTAL, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.DATABASE_URL;
    delete env.OMS_ALLOW_PGLITE;
    const run = spawnSync("npm", ["run", "start", "--", "-p", "0"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/refuses to start in production[\s\S]*DATABASE_URL is not set/);
  }, 70_000);
});

describe("issue 16: pool limits come from named variables", () => {
  it("has defaults for the pool size and every timeout", () => {
    expect(poolLimitsFromEnv({})).toEqual({
      size: 10,
      connectMs: 5_000,
      statementMs: 15_000,
      lockMs: 10_000,
      idleInTransactionMs: 30_000,
    });
  });

  it("reads each variable, and refuses a value that is not a whole number", () => {
    expect(poolLimitsFromEnv({ DATABASE_POOL_SIZE: "40", DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toMatchObject({
      size: 40,
      statementMs: 0,
    });
    expect(() => poolLimitsFromEnv({ DATABASE_LOCK_TIMEOUT_MS: "soon" })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
    expect(() => poolLimitsFromEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
