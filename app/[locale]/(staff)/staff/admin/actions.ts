"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/web/action";
import { portalBaseUrl } from "@/lib/web/portal-url";
import {
  changeStaffRole,
  createStaffUser,
  issuePasswordReset,
  resetSecondFactor,
  setStaffUserActive,
} from "@/lib/users/mutations";
import { ZChangeStaffRoleInput, ZCreateStaffUserInput } from "@/lib/users/user.schema";

export const createStaffUserAction = serverAction(
  { permission: "users.manage", schema: ZCreateStaffUserInput },
  async ({ actor, input }) => {
    const user = await createStaffUser(actor, input);
    revalidatePath("/[locale]/staff/admin", "page");
    return { login: user.login };
  },
);

const ZSetActive = z.object({ userId: z.uuid("errors.notFound"), active: z.enum(["true", "false"]) });

export const setStaffUserActiveAction = serverAction(
  { permission: "users.manage", schema: ZSetActive },
  async ({ actor, input }) => {
    await setStaffUserActive(actor, input.userId, input.active === "true");
    revalidatePath("/[locale]/staff/admin", "layout");
    return null;
  },
);

export const changeStaffRoleAction = serverAction(
  { permission: "users.manage", schema: ZChangeStaffRoleInput },
  async ({ actor, input }) => {
    await changeStaffRole(actor, input);
    revalidatePath("/[locale]/staff/admin", "layout");
    return null;
  },
);

const ZIssueReset = z.object({ userId: z.uuid("errors.notFound"), locale: z.enum(["ru", "ky"]).catch("ru") });

/** The one-time link is shown to the admin once, in the action's answer; only its hash is stored. */
export const issuePasswordResetAction = serverAction(
  { permission: "users.manage", schema: ZIssueReset },
  async ({ actor, input }) => {
    const { token, expiresAt } = await issuePasswordReset(actor, input.userId);
    return {
      link: `${await portalBaseUrl()}/${input.locale}/staff/reset/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  },
);

const ZResetSecondFactor = z.object({ userId: z.uuid("errors.notFound") });

/** A lost authenticator: the account's second factor removed and its sessions ended (never one's own). */
export const resetSecondFactorAction = serverAction(
  { permission: "users.manage", schema: ZResetSecondFactor },
  async ({ actor, input }) => {
    await resetSecondFactor(actor, input.userId);
    revalidatePath("/[locale]/staff/admin", "layout");
    return null;
  },
);
