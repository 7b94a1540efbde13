import type { MessageKey } from "@/lib/i18n/message-key";
import { log } from "@/lib/log";

/**
 * Expected errors: a rule refusal or bad input the user can fix. `code` is a translation key, checked by the compiler
 * (typed keys, lib/i18n/message-key.ts); the UI shows that text. Anything else is unexpected: logged with an id, shown as a generic message.
 */
export class AppError extends Error {
  readonly code: MessageKey;
  readonly field?: string;
  readonly values?: Record<string, string | number>;
  constructor(code: MessageKey, options: { field?: string; values?: Record<string, string | number> } = {}) {
    super(code);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.values = options.values;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Issue 11, hole 9: no PIN in any log line. A PIN is 14 digits (SPEC §8); any run of 14 digits is masked, whatever
 * wrote it (a database error quoting its query's arguments, a URL, a message).
 */
export function redactPins(text: string): string {
  return text.replace(/(?<!\d)\d{14}(?!\d)/g, "[PIN]");
}

function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const own = e.stack ?? `${e.name}: ${e.message}`;
  return e.cause === undefined ? own : `${own}\n[cause] ${describeError(e.cause)}`;
}

/**
 * A short id to quote to support, written with the stack to the structured log (lib/log: one JSON line with the
 * request id) — PINs and phone numbers masked (hole 9).
 */
export function logUnexpectedError(e: unknown, context: string): string {
  const id = Math.random().toString(36).slice(2, 10).toUpperCase();
  log.error(
    { errorId: id, context: redactPins(context), error: redactPins(describeError(e)) },
    `unexpected error ${id}`,
  );
  return id;
}
