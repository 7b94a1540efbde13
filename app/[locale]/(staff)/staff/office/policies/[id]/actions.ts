"use server";

import { revalidatePath } from "next/cache";
import { todayInBishkek } from "@/lib/dates";
import { ZRecordHandoverInput } from "@/lib/policies/paper/handover.schema";
import { recordHandover } from "@/lib/policies/paper/mutations";
import { serverAction } from "@/lib/web/action";

/** The clerk writes the hand-over to the office's issuance journal (cl. 16); the record page then shows it. */
export const recordHandoverAction = serverAction(
  { permission: "office.workspace", schema: ZRecordHandoverInput, redirect: true },
  async ({ user, input }) => {
    await recordHandover(user, input.policyId, input, todayInBishkek());
    revalidatePath("/[locale]/staff/office/journal", "page");
    return `/${input.locale}/staff/office/policies/${input.policyId}?handedOver=1`;
  },
);
