import { afterEach, describe, expect, it, vi } from "vitest";
import { logUnexpectedError, redactPins } from "../../lib/errors";
import { findPins } from "../support/log-capture";
import { makePin } from "../support/factories";

// Issue 11, hole 9: the machine API keeps GET /api/v1/status?pin=…, but its PIN never appears in a log line. A
// database error quotes its query's arguments (the PIN) — simulated here — and must reach the log masked.
const failing = vi.hoisted(() => ({ pin: "" }));
vi.mock("../../lib/policies/queries", async (original) => ({
  ...(await original<typeof import("../../lib/policies/queries")>()),
  checkInsuredStatus: async (pin: string) => {
    failing.pin = pin;
    throw new Error(`Invalid \`prisma.person.findUnique()\` invocation: { where: { pin: "${pin}" } }`, {
      cause: new Error(`connection lost while reading ${pin}`),
    });
  },
}));
const { GET } = await import("../../app/api/v1/status/route");

/** What the process writes: the structured log (lib/log) goes to standard output, the console anywhere. */
function captureConsole() {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.stack} ${String(a.cause)}` : String(a))).join(" "));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
  }
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hole 9: no PIN in any log line", () => {
  it("GET /api/v1/status: an unexpected error is logged with the PIN masked and answered 500 with an id", async () => {
    const lines = captureConsole();
    const pin = makePin();
    const res = await GET(new Request(`http://127.0.0.1/api/v1/status?pin=${pin}`));
    expect(failing.pin).toBe(pin);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { id: string } };
    expect(body.error.id).toMatch(/^[A-Z0-9]{4,}$/);
    expect(JSON.stringify(body)).not.toContain(pin);
    expect(lines.join("\n")).toContain(body.error.id);
    expect(lines.join("\n")).toContain("[PIN]");
    expect(findPins(lines.join("\n"))).toEqual([]);
  });

  it("logUnexpectedError masks PINs in the context, the message, the stack and the cause", () => {
    const lines = captureConsole();
    const pin = makePin("FEMALE", "1988-02-29");
    logUnexpectedError(new Error(`bad ${pin}`, { cause: new Error(`deeper ${pin}`) }), `context ${pin}`);
    expect(lines.join("\n")).not.toContain(pin);
    expect(redactPins(`a ${pin}, b 12345678901234567 (17 digits stay)`)).toBe(
      "a [PIN], b 12345678901234567 (17 digits stay)",
    );
  });

  it("findPins (the log scan) sees PINs, not transaction ids or timestamps", () => {
    const pin = makePin();
    expect(findPins(`x ${pin} y`)).toEqual([pin]);
    expect(findPins(`txn 800012345678 at ${Date.now()} prv 12345678901234567890`)).toEqual([]);
  });
});
