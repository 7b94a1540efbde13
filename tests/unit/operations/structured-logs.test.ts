import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createAccessLog, createLogger, maskPersonalData, requestIdFrom, withRequestId } from "../../../lib/log";

// Issue 16: structured JSON logs with a request id on every line, and no PIN, name or phone in clear.

function capture(create = createLogger) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: create(stream), lines, raw };
}

const PIN = "21505198500099";
const PHONE = "+996 700 123 456";

describe("structured logs (issue 16)", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { logger, lines } = capture();
    logger.warn({ route: "/api/v1/status", status: 200 }, "request");
    expect(lines[0]).toMatchObject({ level: 40, msg: "request", route: "/api/v1/status", service: "oms-portal" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("puts the request id on every line written inside the request, and only there", async () => {
    const { logger, lines } = capture();
    await withRequestId("req-12345678", async () => {
      logger.warn("first");
      await new Promise((r) => setTimeout(r, 5));
      logger.error("after an await");
    });
    logger.warn("outside");
    expect(lines.map((l) => l.requestId)).toEqual(["req-12345678", "req-12345678", undefined]);
  });

  it("never writes a PIN, a name or a phone in clear: personal fields redacted, PIN- and phone-like runs masked", () => {
    const { logger, raw } = capture();
    logger.warn(
      { pin: PIN, person: { lastName: "Асанова", phone: PHONE }, note: `paid for ${PIN} from ${PHONE}` },
      `terminal pay ${PIN}`,
    );
    logger.error({ err: new Error(`lookup of ${PIN} failed`, { cause: new Error(`call ${PHONE}`) }) }, "failed");
    const text = raw.join("\n");
    expect(text).not.toContain(PIN);
    expect(text).not.toContain("Асанова");
    expect(text).not.toContain("700 123 456");
    expect(text).toContain("[redacted]");
    expect(text).toContain("[PIN]");
  });

  it("masks PIN- and phone-shaped runs, leaving other numbers", () => {
    expect(maskPersonalData(`pin ${PIN} tel +996555987654 or 0700123456; txn 800012345678; 12345678901234567`)).toBe(
      "pin [PIN] tel [PHONE] or [PHONE]; txn 800012345678; 12345678901234567",
    );
  });

  it("keeps a well-formed incoming request id (e.g. nginx's $request_id) and replaces anything else", () => {
    expect(requestIdFrom("0f8e5a3c9b2d4e6f8a1b3c5d7e9f0a2b")).toBe("0f8e5a3c9b2d4e6f8a1b3c5d7e9f0a2b");
    expect(requestIdFrom("bad id\nwith newline")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(null)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never carries a request id that holds a PIN or a phone (it is echoed and written unmasked on access lines)", () => {
    for (const id of [`req-${PIN}`, PIN, "call-0700123456", "x.996700123456"]) {
      expect(requestIdFrom(id)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom("req-800012345678")).toBe("req-800012345678");
  });

  it("writes access lines in the same shape as every other line, with the request id, a turn's lines in one write", async () => {
    const writes: string[] = [];
    const write = createAccessLog({ write: (chunk: string) => writes.push(chunk) }, "info");
    await withRequestId("req-12345678", async () => {
      write({ route: "/api/v1/status", method: "GET", status: 200, ms: 3 });
      write({ route: "/api/v1/status", method: "GET", status: 429, ms: 1 });
    });
    write({ route: "/api/health", method: "HEAD", status: 200, ms: 0 });
    expect(writes).toEqual([]); // written after the turn
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.split("\n");
    expect(lines.pop()).toBe("");
    const time = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const line = (fields: Record<string, unknown>) => ({ level: 30, time, service: "oms-portal", ...fields });
    const status = { route: "/api/v1/status", method: "GET" };
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      line({ requestId: "req-12345678", ...status, status: 200, ms: 3, msg: "request" }),
      line({ requestId: "req-12345678", ...status, status: 429, ms: 1, msg: "request" }),
      line({ route: "/api/health", method: "HEAD", status: 200, ms: 0, msg: "request" }),
    ]);
    // key for key what pino writes for the same line (the shape every other line has)
    const { logger, raw } = capture((d) => createLogger(d));
    logger.level = "info";
    await withRequestId("req-12345678", async () => {
      logger.info({ route: "/api/v1/status", method: "GET", status: 200, ms: 3 }, "request");
    });
    const keys = (line: string) => Object.keys(JSON.parse(line) as object);
    expect(keys(lines[0]!)).toEqual(keys(raw[0]!));
  });

  it.each(["warn", "WARN", "error", "silent"])(
    "writes no access line when LOG_LEVEL is %s (above info)",
    async (level) => {
      const writes: string[] = [];
      const write = createAccessLog({ write: (chunk: string) => writes.push(chunk) }, level);
      write({ route: "/api/v1/status", method: "GET", status: 200, ms: 3 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(writes).toEqual([]);
    },
  );
});
