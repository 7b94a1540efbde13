import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { placeOfRole, STAFF_ROLES } from "@/lib/auth/permissions";

const ZRole = z.enum(STAFF_ROLES, { error: "errors.roleRequired" });

/** Who a role belongs to (`placeOfRole`): a clerk names a ТУ, a doctor a health organization. */
function requirePlace(
  v: { role?: z.infer<typeof ZRole>; officeCode?: string; healthOrganizationCode?: string },
  ctx: z.RefinementCtx,
) {
  if (!v.role) return;
  const place = placeOfRole(v.role);
  if (place === "office" && !v.officeCode)
    ctx.addIssue({ code: "custom", path: ["officeCode"], message: "errors.officeRequired" });
  if (place === "healthOrganization" && !v.healthOrganizationCode)
    ctx.addIssue({ code: "custom", path: ["healthOrganizationCode"], message: "errors.healthOrganizationRequired" });
}

const ZPassword = z.string().min(MIN_PASSWORD_LENGTH, "errors.passwordTooShort").max(200, "errors.tooLong");

// Error messages are translation keys (namespace "errors"); forms translate them.
export const ZCreateStaffUserInput = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "errors.loginFormat"),
    fullName: z.string().trim().min(3, "errors.fullNameRequired").max(200, "errors.tooLong"),
    role: ZRole,
    password: ZPassword,
    officeCode: z.string().trim().optional(),
    healthOrganizationCode: z.string().trim().optional(),
  })
  .superRefine(requirePlace);

export type TCreateStaffUserInput = z.input<typeof ZCreateStaffUserInput>;

/** The admin changes an account's role and where it works (issue 15). */
export const ZChangeStaffRoleInput = z
  .object({
    userId: z.uuid("errors.notFound"),
    role: ZRole,
    officeCode: z.string().trim().optional(),
    healthOrganizationCode: z.string().trim().optional(),
  })
  .superRefine(requirePlace);

export type TChangeStaffRoleInput = z.input<typeof ZChangeStaffRoleInput>;

/** The staff member sets a new password through a one-time link (issue 15). */
export const ZResetPasswordInput = z
  .object({
    token: z.string().min(20, "administration.errors.resetLinkInvalid").max(200),
    password: ZPassword,
    passwordConfirm: z.string().max(200, "errors.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (typeof v.password === "string" && v.password !== v.passwordConfirm)
      ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "administration.errors.passwordsDiffer" });
  });
