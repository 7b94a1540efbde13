"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/web/action";
import { todayInBishkek } from "@/lib/dates";
import { ZCashReceiptInput } from "@/lib/payments/cash-desk/cash-receipt.schema";
import { registerCashReceipt } from "@/lib/payments/cash-desk/register-cash-receipt";

export const registerCashReceiptAction = serverAction(
  { permission: "office.workspace", schema: ZCashReceiptInput },
  async ({ user, input }) => {
    const issued = await registerCashReceipt(user, input, todayInBishkek());
    revalidatePath("/[locale]/staff/office", "page");
    return {
      policyId: issued.policyId,
      number: issued.policyNumber,
      validFrom: issued.validFrom,
      validTo: issued.validTo,
    };
  },
);
