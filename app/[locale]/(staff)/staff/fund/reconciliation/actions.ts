"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/web/action";
import { now } from "@/lib/dates";
import { reconcileRegistry, registerRegistryLine } from "@/lib/payments/reconcile/mutations";
import { ZRegisterRegistryLine, ZRegistryUpload } from "@/lib/payments/reconcile/reconcile.schema";

export const uploadRegistryAction = serverAction(
  { permission: "payments.reconcile", schema: ZRegistryUpload },
  async ({ user, input }) => {
    const { upload, reused } = await reconcileRegistry(user, {
      provider: input.provider,
      fileName: input.file.name,
      text: await input.file.text(),
    });
    revalidatePath("/[locale]/staff/fund/reconciliation", "page");
    return { id: upload.id, reused };
  },
);

export const registerRegistryLineAction = serverAction(
  { permission: "payments.reconcile", schema: ZRegisterRegistryLine },
  async ({ user, input }) => {
    const answer = await registerRegistryLine(user, input.uploadId, input.txnId, now());
    revalidatePath("/[locale]/staff/fund/reconciliation/[id]", "page");
    // Older than the window (issue 11, hole 4): held for another officer's approval.
    if (answer.result === "pending") return { result: "pending" as const, comment: "" };
    return { result: answer.result, comment: answer.comment };
  },
);
