/**
 * Expected errors: a rule refusal or bad input the user can fix. `code` is a translation key in the "errors"
 * namespace; the UI shows that text. Anything else is unexpected: logged with an id, shown as a generic message.
 */
export class AppError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly values?: Record<string, string | number>;
  constructor(code: string, options: { field?: string; values?: Record<string, string | number> } = {}) {
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
