import type { MessageKey } from "@/lib/i18n/message-key";

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

/** A short id to quote to support, printed with the stack in the server log. */
export function logUnexpectedError(e: unknown, context: string): string {
  const id = Math.random().toString(36).slice(2, 10).toUpperCase();
  console.error(`[error ${id}] ${context}`, e);
  return id;
}
