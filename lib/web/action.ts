import "server-only";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { AuditActor } from "@/lib/audit/mutations";
import { hasPermission, type PermissionName, type StaffUser } from "@/lib/auth/permissions";
import { isAppError, logUnexpectedError } from "@/lib/errors";
import { dynamicKey } from "@/lib/i18n/message-key";
import { routing, type Locale } from "@/lib/i18n/routing";
import { requestIdFrom, withRequestId } from "@/lib/log";
import { formValues, zodFieldErrors, type ActionResult, type ErrorMessages } from "./action-result";
import { auditRefusal, getStaffUser } from "./session";

export type StaffActionContext<I> = { user: StaffUser; actor: AuditActor; input: I };
/** `locale`: the language of the page the form was posted from (its answer is in that language). */
export type PublicActionContext<I> = { input: I; locale: Locale };
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
 * A failure carries its errors translated into the form's language (`messages`): forms need no translations in the
 * browser, and a form posted without JavaScript is answered with a page that shows them (issue 17).
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
  handler: (ctx: StaffActionContext<z.output<S>> & { locale: Locale }) => Promise<T>,
): FormAction<T> {
  return async (_prev, formData) => {
    const values = formValues(formData);
    const result = await runAction(spec, handler, formData, values);
    if (result.ok && spec.redirect && typeof result.data === "string") redirect(result.data);
    if (result.ok) return result;
    return { ...result, messages: await errorMessages(result, await actionLocale(values)) };
  };
}

async function runAction<S extends z.ZodType, T>(
  spec: StaffSpec<S> | PublicSpec<S>,
  handler: (ctx: StaffActionContext<z.output<S>> & { locale: Locale }) => Promise<T>,
  formData: FormData,
  values: Record<string, string>,
): Promise<ActionResult<T>> {
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
  const input = "permission" in spec ? formInput(formData) : { ...values, ...secretInput(formData, spec.secretFields) };
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values };
  const name = "permission" in spec ? spec.permission : spec.name;
  const actor: AuditActor = user ? { id: user.id, label: user.login } : { id: null, label: "public" };
  const locale = await actionLocale(values);
  return runHandler(name, values, () => handler({ input: parsed.data, user: user!, actor, locale }));
}

/**
 * The language of the form: its `locale` field when it has one, else the page it was posted from (the Referer: the
 * portal's Referrer-Policy sends same-origin paths), else the default language.
 */
async function actionLocale(values: Record<string, string>): Promise<Locale> {
  if (hasLocale(routing.locales, values.locale)) return values.locale;
  const referer = (await headers()).get("referer");
  let first: string | undefined;
  try {
    first = referer ? new URL(referer).pathname.split("/")[1] : undefined;
  } catch {
    first = undefined;
  }
  return hasLocale(routing.locales, first) ? first : routing.defaultLocale;
}

/** A failure's error keys as text in the form's language; a key with no message reads as the generic one. */
async function errorMessages(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  locale: Locale,
): Promise<ErrorMessages> {
  const t = await getTranslations({ locale });
  const tr = (code: string, values?: Record<string, string | number>) =>
    t.has(dynamicKey(code)) ? t(dynamicKey(code), values) : t("errors.invalidInput");
  const fields: Record<string, string> = {};
  for (const [field, code] of Object.entries(result.fieldErrors)) fields[field] = tr(code, result.errorValues?.[field]);
  let form: string | undefined;
  if (result.formError) {
    const message = tr(result.formError, result.errorValues?.form);
    form = result.errorId ? `${message} (${result.errorId})` : message;
  }
  return { fields, form, summaryTitle: t("errors.summaryTitle"), titlePrefix: t("common.errorTitlePrefix") };
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
