"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/web/action";
import { rejectApproval } from "@/lib/payments/approvals/mutations";
import { approveCashReceipt } from "@/lib/payments/cash-desk/register-cash-receipt";
import { approveRegistryLine } from "@/lib/payments/reconcile/mutations";

const ZDecision = z.object({
  approvalId: z.uuid("errors.notFound"),
  kind: z.enum(["CASH_RECEIPT", "REGISTRY_LINE"], { error: "errors.notFound" }),
  decision: z.enum(["approve", "reject"], { error: "errors.notFound" }),
});

/** Issue 11, hole 4: a second person approves or rejects a held late payment (the domain re-checks kind and scope). */
export const decideApprovalAction = serverAction(
  { permission: "payments.approve", schema: ZDecision },
  async ({ user, input }) => {
    let answer: { decision: "approved" | "rejected" | "refused"; detail: string };
    if (input.decision === "reject") {
      await rejectApproval(user, input.approvalId);
      answer = { decision: "rejected", detail: "" };
    } else if (input.kind === "CASH_RECEIPT") {
      const issued = await approveCashReceipt(user, input.approvalId);
      answer = { decision: "approved", detail: issued.policyNumber };
    } else {
      const line = await approveRegistryLine(user, input.approvalId);
      answer =
        line.result === 0
          ? { decision: "approved", detail: line.comment }
          : { decision: "refused", detail: line.result === "pending" ? "" : line.comment };
    }
    revalidatePath("/[locale]/staff/approvals", "page");
    return answer;
  },
);
