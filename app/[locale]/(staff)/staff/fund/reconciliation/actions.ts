"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { reconcileRegistry, registerRegistryLine } from "@/lib/payments/reconcile";
import { ZRegisterRegistryLine, ZRegistryUpload } from "@/lib/payments/reconcile.schema";

export const uploadRegistryAction = authorizedAction("payments.reconcile", ZRegistryUpload, async ({ user, input }) => {
  const { upload, reused } = await reconcileRegistry(user, { provider: input.provider, fileName: input.file.name, text: await input.file.text() });
  revalidatePath("/[locale]/staff/fund/reconciliation", "page");
  return { id: upload.id, reused };
});

export const registerRegistryLineAction = authorizedAction("payments.reconcile", ZRegisterRegistryLine, async ({ user, input }) => {
  const answer = await registerRegistryLine(user, input.uploadId, input.txnId, now());
  revalidatePath("/[locale]/staff/fund/reconciliation/[id]", "page");
  return { result: answer.result as number, comment: answer.comment };
});
