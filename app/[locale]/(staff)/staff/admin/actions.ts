"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { createStaffUser, setStaffUserActive } from "@/lib/users/mutations";
import { ZCreateStaffUserInput } from "@/lib/users/user.schema";

export const createStaffUserAction = authorizedAction("users.manage", ZCreateStaffUserInput, async ({ actor, input }) => {
  const user = await createStaffUser(actor, input);
  revalidatePath("/[locale]/staff/admin", "page");
  return { login: user.login };
});

const ZSetActive = z.object({ userId: z.uuid("errors.notFound"), active: z.enum(["true", "false"]) });

export const setStaffUserActiveAction = authorizedAction("users.manage", ZSetActive, async ({ actor, input }) => {
  await setStaffUserActive(actor, input.userId, input.active === "true");
  revalidatePath("/[locale]/staff/admin", "page");
  return null;
});
