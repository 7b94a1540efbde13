import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

// Structured logs (issue 16): one JSON object per line on standard output, with the id of the request that wrote it,
// and never a PIN, a name or a phone number in clear (issue 11, hole 9). Personal fields are replaced by name
// (`redact`), and every string that is logged — messages, stacks, values — has PIN-like and phone-like runs masked,
// whatever wrote them (a database error quoting its arguments, a URL, an exception message).

const PIN_RUN = /(?<!\d)\d{14}(?!\d)/g;
/** +996 and nine digits, or 0 and nine (a Kyrgyz number), spaces or dashes allowed between the digits */
const PHONE_RUN = /(?<![\d+])(?:\+?996|0)(?:[\s-]?\d){9}(?!\d)/g;

/** Masks PIN-like (14 digits) and Kyrgyz phone-like runs in a text. */
export function maskPersonalData(text: string): string {
  return text.replace(PIN_RUN, "[PIN]").replace(PHONE_RUN, "[PHONE]");
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/** Field names that hold personal data: logged as "[redacted]" wherever they appear (two levels deep). */
const PERSONAL_KEYS = [
  "pin",
  "account",
  "phone",
  "email",
  "fullName",
  "lastName",
  "firstName",
  "patronymic",
  "payerName",
  "fio",
  "documentNumber",
];
const REDACT_PATHS = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`]);

type RequestContext = { requestId: string };
// On globalThis like the logger: Next bundles this module into several chunks (proxy, routes, actions), and the
// logger's mixin and `withRequestId` must share one store.
const shared = globalThis as unknown as { __omsLogContext?: AsyncLocalStorage<RequestContext> };
const context = (shared.__omsLogContext ??= new AsyncLocalStorage<RequestContext>());

/** every line's `service` */
const SERVICE = "oms-portal";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * A request id to carry: the proxy's (or the reverse proxy's, e.g. nginx `$request_id`) when well-formed, else new.
 * A header that holds a PIN- or phone-like run is not carried (it would be echoed in X-Request-Id and written on every
 * line of the request, the access line included — `logRequest` writes it unmasked).
 */
export function requestIdFrom(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) && maskPersonalData(header) === header ? header : randomUUID();
}

/** Runs `fn` with this request id on every log line it (and whatever it awaits) writes. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

/** The request's id, when the line is written inside one. */
function requestIdMixin(): { requestId?: string } {
  const store = context.getStore();
  return store ? { requestId: store.requestId } : {};
}

let stampedAt = 0;
let stamp = "";
/** pino's `isoTime`, made once per millisecond (under load, several lines share one). */
function isoTime(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

/** What every line has: level, time, the service's name; LOG_LEVEL (default info, warn in tests). */
function baseOptions(): pino.LoggerOptions {
  return {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: SERVICE },
    timestamp: isoTime,
    mixin: requestIdMixin,
  };
}

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    ...baseOptions(),
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === "string" ? maskPersonalData(a) : a)) as Parameters<typeof method>,
        );
      },
    },
    serializers: {
      err: (e: unknown) => {
        const s = pino.stdSerializers.err(e as Error);
        return maskDeep(s) as typeof s;
      },
    },
  };
  // process.stdout, not pino's own file-descriptor writer: whatever watches the process's output sees every line.
  return pino(options, destination ?? process.stdout);
}

/** One request's access line: a route's pattern (never its URL), the method, the status, the duration. */
export type AccessLine = { route: string; method: string; status: number; ms: number };

/** An access line is `info`, written when LOG_LEVEL lets info through (pino's own numbers of its levels). */
const INFO = pino.levels.values.info!;

/**
 * The access log's writer (issue 17): each line in the same shape as `log`'s — `{"level":30,"time",…,"service",
 * "requestId",route,method,status,ms,"msg":"request"}`, key for key — but made without pino (its formatting and one
 * synchronous `write` per line were ≈ 13 % of a status check's CPU), and the lines of one turn of the event loop go
 * out in one write, after the turn (setImmediate), or on a normal exit (a crash may lose that turn's lines). Other
 * lines are written at once, so an access line may follow a line logged after it: each carries its own time. No
 * masking pass: nothing in an access line can be personal (see `logRequest`).
 */
export function createAccessLog(
  destination: { write(chunk: string): unknown } = process.stdout,
  level = baseOptions().level ?? "info",
): (line: AccessLine) => void {
  const name = level.toLowerCase(); // pino takes WARN as warn too
  if (name === "silent" || (pino.levels.values[name] ?? INFO) > INFO) return () => {};
  let pending = "";
  const flush = () => {
    const chunk = pending;
    pending = "";
    if (chunk) destination.write(chunk);
  };
  process.once("exit", flush);
  return (line) => {
    if (!pending) setImmediate(flush);
    const id = context.getStore()?.requestId;
    pending +=
      `{"level":${INFO}${isoTime()},"service":${JSON.stringify(SERVICE)}${id === undefined ? "" : `,"requestId":${JSON.stringify(id)}`}` +
      `,"route":${JSON.stringify(line.route)},"method":${JSON.stringify(line.method)}` +
      `,"status":${JSON.stringify(line.status)},"ms":${JSON.stringify(line.ms)},"msg":"request"}\n`;
  };
}

const holder = globalThis as unknown as { __omsLog?: Logger; __omsAccessLine?: (line: AccessLine) => void };
/** The process's logger (one per process, shared by the proxy, routes and actions). */
export const log: Logger = (holder.__omsLog ??= createLogger());
const accessLog = (holder.__omsAccessLine ??= createAccessLog());

/**
 * Writes one access line, `{ route, method, status, ms, requestId, msg: "request" }` (issue 16). No masking pass (issue
 * 17: redacting and masking each of these lines cost ≈ 5 % of the status check's CPU): nothing in it can be personal —
 * the route is a pattern, the method is one Node's parser accepts, status and duration are numbers, and the request id
 * is never one that looks like a PIN or a phone (`requestIdFrom`).
 */
export function logRequest(line: AccessLine): void {
  accessLog(line);
}
