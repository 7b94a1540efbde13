import type { ZodError } from "zod";

/**
 * The one shape every form action returns (STYLE §5). Errors are full message keys ("errors.loginTaken").
 * `values` echoes the non-secret input so React 19's form reset loses nothing.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; values: Record<string, string> }
  | {
      ok: false;
      fieldErrors: Record<string, string>;
      formError?: string;
      /** values for the error messages' placeholders, by field name (or "form") */
      errorValues?: Record<string, Record<string, string | number>>;
      errorId?: string;
      values: Record<string, string>;
      /** the errors as text in the form's language, translated by the server (lib/web/action.ts) */
      messages?: ErrorMessages;
    };

/**
 * A failed action's errors, translated on the server: a form shows them with no translations of its own in the
 * browser (issue 17: citizen pages ship no message catalogue and no message formatter).
 */
export type ErrorMessages = {
  /** by field name */
  fields: Record<string, string>;
  /** the form-level error, with the error id of an unexpected failure */
  form?: string;
  /** the error summary's heading and the "Error: " prefix of the page title */
  summaryTitle: string;
  titlePrefix: string;
};

export function initialActionState<T>(): ActionResult<T> {
  return { ok: false, fieldErrors: {}, values: {} };
}

const SECRET_FIELDS = new Set(["password", "passwordConfirm"]);

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !SECRET_FIELDS.has(k) && !k.startsWith("$")) out[k] = v;
  }
  return out;
}

/** First message per field, in the order of the form. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
