"use server";

import { ZResetPasswordInput } from "@/lib/users/user.schema";
import { resetPasswordWithToken } from "@/lib/users/mutations";
import { serverAction } from "@/lib/web/action";

/** The staff member's own step (no session): the one-time link's token proves who they are. */
export const resetPasswordAction = serverAction(
  { name: "staff.resetPassword", schema: ZResetPasswordInput, secretFields: ["password", "passwordConfirm"] },
  async ({ input }) => resetPasswordWithToken(input),
);
