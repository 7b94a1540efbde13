"use server";

import { serverAction } from "@/lib/web/action";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus } from "@/lib/policies/queries";
import { ZStatusQuery } from "@/lib/policies/status.schema";

// A POST, not a GET form: a PIN is personal data (cl. 12.3) and must not sit in URLs, history or access logs.
export const checkStatusAction = serverAction(
  { name: "status.check", schema: ZStatusQuery },
  ({ input: { pin, on } }) => checkInsuredStatus(pin, on ?? todayInBishkek()),
);
