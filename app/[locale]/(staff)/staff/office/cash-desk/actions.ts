"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/web/action";
import { now } from "@/lib/dates";
import { ZCashReceiptInput } from "@/lib/payments/cash-desk/cash-receipt.schema";
import { registerCashReceipt } from "@/lib/payments/cash-desk/register-cash-receipt";

export const registerCashReceiptAction = serverAction(
  { permission: "office.workspace", schema: ZCashReceiptInput },
  async ({ user, input }) => {
    const registered = await registerCashReceipt(user, input, now());
    // Older than the window (issue 11, hole 4): held for another clerk's approval, nothing issued yet.
    if (registered.outcome === "pending") return { pending: true as const };
    revalidatePath("/[locale]/staff/office", "page");
    return {
      pending: false as const,
      policyId: registered.policyId,
      number: registered.policyNumber,
      validFrom: registered.validFrom,
      validTo: registered.validTo,
    };
  },
);
