import "server-only";
import type { z } from "zod";
import { formValues, zodFieldErrors, type ActionResult } from "@/lib/actions/result";
import type { AuditActor } from "@/lib/audit/write-audit";
import { runHandler } from "@/lib/actions/run-handler";
import { hasPermission, type PermissionName, type StaffUser } from "./permissions";
import { auditRefusal, getStaffUser } from "./session";

export type ActionContext<I> = { user: StaffUser; actor: AuditActor; input: I };

/**
 * Wraps every staff server action: re-reads the session, checks the named permission (refusals are logged),
 * validates the input with zod, and turns errors into the result shape. A page-level check does not protect the
 * actions defined in it (Next.js data-security guide); this does.
 */
export function authorizedAction<S extends z.ZodType, T>(
  permission: PermissionName,
  schema: S,
  handler: (ctx: ActionContext<z.output<S>>) => Promise<T>,
) {
  return async (_prev: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    const user = await getStaffUser();
    if (!user) return { ok: false, fieldErrors: {}, formError: "errors.signInRequired", values };
    if (!hasPermission(user, permission)) {
      await auditRefusal(user, permission);
      return { ok: false, fieldErrors: {}, formError: "errors.forbidden", values };
    }
    const raw: Record<string, FormDataEntryValue> = Object.fromEntries(formData.entries());
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values };
    return runHandler(permission, values, () =>
      handler({ user, actor: { id: user.id, label: user.login }, input: parsed.data }),
    );
  };
}
