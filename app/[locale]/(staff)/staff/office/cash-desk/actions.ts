"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { todayInBishkek } from "@/lib/clock";
import { ZCashReceiptInput } from "@/lib/payments/cash-receipt.schema";
import { registerCashReceipt } from "@/lib/payments/register-cash-receipt";

export const registerCashReceiptAction = authorizedAction("office.workspace", ZCashReceiptInput, async ({ user, input }) => {
  const issued = await registerCashReceipt(user, input, todayInBishkek());
  revalidatePath("/[locale]/staff/office", "page");
  return { policyId: issued.policyId, number: issued.policyNumber, validFrom: issued.validFrom, validTo: issued.validTo };
});
