import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const ROLES = ["CLERK", "DOCTOR", "REFUND_OFFICER", "ADMIN", "ANALYST"] as const;

// Error messages are translation keys (namespace "errors"); forms translate them.
export const ZCreateStaffUserInput = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "errors.loginFormat"),
    fullName: z.string().trim().min(3, "errors.fullNameRequired").max(200, "errors.tooLong"),
    role: z.enum(ROLES, { error: "errors.roleRequired" }),
    password: z.string().min(MIN_PASSWORD_LENGTH, "errors.passwordTooShort").max(200, "errors.tooLong"),
    officeCode: z.string().trim().optional(),
    healthOrganizationCode: z.string().trim().optional(),
  })
  .superRefine((v, ctx) => {
    // Who a role belongs to: a clerk to a ТУ (cl. 10–16), a doctor to a health organization (cl. 24–26).
    if (v.role === "CLERK" && !v.officeCode)
      ctx.addIssue({ code: "custom", path: ["officeCode"], message: "errors.officeRequired" });
    if (v.role === "DOCTOR" && !v.healthOrganizationCode)
      ctx.addIssue({ code: "custom", path: ["healthOrganizationCode"], message: "errors.healthOrganizationRequired" });
  });

export type TCreateStaffUserInput = z.input<typeof ZCreateStaffUserInput>;
