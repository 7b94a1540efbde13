"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/web/action";
import { createStaffUser, setStaffUserActive } from "@/lib/users/mutations";
import { ZCreateStaffUserInput } from "@/lib/users/user.schema";

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
    revalidatePath("/[locale]/staff/admin", "page");
    return null;
  },
);
