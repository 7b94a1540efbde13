import { isAppError, logUnexpectedError } from "@/lib/errors";
import type { ActionResult } from "./result";

/** Expected errors (AppError) keep their own message; anything else is logged with an id and shown generically. */
export async function runHandler<T>(name: string, values: Record<string, string>, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), values };
  } catch (e) {
    if (isAppError(e)) {
      const errorValues = e.values ? { [e.field ?? "form"]: e.values } : undefined;
      return e.field
        ? { ok: false, fieldErrors: { [e.field]: e.code }, errorValues, values }
        : { ok: false, fieldErrors: {}, formError: e.code, errorValues, values };
    }
    return { ok: false, fieldErrors: {}, formError: "errors.unexpected", errorId: logUnexpectedError(e, `action ${name}`), values };
  }
}
