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

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A request id to carry: the proxy's (or the reverse proxy's, e.g. nginx `$request_id`) when well-formed, else new. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs `fn` with this request id on every log line it (and whatever it awaits) writes. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: "oms-portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    mixin: () => {
      const store = context.getStore();
      return store ? { requestId: store.requestId } : {};
    },
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

const holder = globalThis as unknown as { __omsLog?: Logger };
/** The process's logger (one per process, shared by the proxy, routes and actions). */
export const log: Logger = (holder.__omsLog ??= createLogger());
