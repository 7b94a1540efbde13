import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { AuditActor } from "@/lib/audit/mutations";
import { hasPermission, type PermissionName, type StaffUser } from "@/lib/auth/permissions";
import { isAppError, logUnexpectedError } from "@/lib/errors";
import { requestIdFrom, withRequestId } from "@/lib/log";
import { formValues, zodFieldErrors, type ActionResult } from "./action-result";
import { auditRefusal, getStaffUser } from "./session";

export type StaffActionContext<I> = { user: StaffUser; actor: AuditActor; input: I };
export type PublicActionContext<I> = { input: I };
export type FormAction<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

type StaffSpec<S> = { permission: PermissionName; schema: S; redirect?: boolean };
/**
 * Citizens have no account: a public action is named (for the error log) instead of checking a permission. Its input
 * is the form's text without secrets, unless a field is named in `secretFields` (a new password set through a one-time
 * link): that one reaches the schema but is never echoed back.
 */
type PublicSpec<S> = { name: string; schema: S; redirect?: boolean; secretFields?: readonly string[] };

/**
 * The one wrapper every server action goes through (STYLE §2). For staff: re-reads the session and checks the named
 * permission before anything else (refusals are audited) — a page-level check does not protect the actions defined
 * in it (Next.js data-security guide). Then for everyone: zod validation, expected errors (AppError) with their own
 * translated message, unexpected ones logged with an id and shown generically, and the one result shape (STYLE §5).
 * With `redirect: true` the handler returns a path and a successful action redirects there (outside the error
 * handling: a redirect is thrown and must not be mistaken for a failure).
 */
export function serverAction<S extends z.ZodType, T>(
  spec: StaffSpec<S>,
  handler: (ctx: StaffActionContext<z.output<S>>) => Promise<T>,
): FormAction<T>;
export function serverAction<S extends z.ZodType, T>(
  spec: PublicSpec<S>,
  handler: (ctx: PublicActionContext<z.output<S>>) => Promise<T>,
): FormAction<T>;
export function serverAction<S extends z.ZodType, T>(
  spec: StaffSpec<S> | PublicSpec<S>,
  handler: (ctx: StaffActionContext<z.output<S>>) => Promise<T>,
): FormAction<T> {
  return async (_prev, formData) => {
    const values = formValues(formData);
    let user: StaffUser | null = null;
    if ("permission" in spec) {
      user = await getStaffUser();
      if (!user) return { ok: false, fieldErrors: {}, formError: "errors.signInRequired", values };
      if (!hasPermission(user, spec.permission)) {
        await auditRefusal(user, spec.permission);
        return { ok: false, fieldErrors: {}, formError: "errors.forbidden", values };
      }
    }
    // Staff forms may carry files (registry uploads); public forms are text only and never echo secrets.
    const input =
      "permission" in spec ? formInput(formData) : { ...values, ...secretInput(formData, spec.secretFields) };
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values };
    const name = "permission" in spec ? spec.permission : spec.name;
    const actor: AuditActor = user ? { id: user.id, label: user.login } : { id: null, label: "public" };
    const result = await runHandler(name, values, () => handler({ input: parsed.data, user: user!, actor }));
    if (result.ok && spec.redirect && typeof result.data === "string") redirect(result.data);
    return result;
  };
}

function secretInput(formData: FormData, names: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") out[name] = v;
  }
  return out;
}

/** A form's fields; a name that repeats (a checklist's checkboxes) becomes a list of its values. */
function formInput(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

/** Expected errors (AppError) keep their own message; anything else is logged with an id and shown generically. */
async function runHandler<T>(
  name: string,
  values: Record<string, string>,
  fn: () => Promise<T>,
): Promise<ActionResult<T>> {
  // Issue 16: every log line the action causes carries the id the proxy gave its request.
  const requestId = requestIdFrom((await headers()).get("x-request-id"));
  try {
    return { ok: true, data: await withRequestId(requestId, fn), values };
  } catch (e) {
    if (isAppError(e)) {
      const errorValues = e.values ? { [e.field ?? "form"]: e.values } : undefined;
      return e.field
        ? { ok: false, fieldErrors: { [e.field]: e.code }, errorValues, values }
        : { ok: false, fieldErrors: {}, formError: e.code, errorValues, values };
    }
    return {
      ok: false,
      fieldErrors: {},
      formError: "errors.unexpected",
      errorId: withRequestId(requestId, () => logUnexpectedError(e, `action ${name}`)),
      values,
    };
  }
}
