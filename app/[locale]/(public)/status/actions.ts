"use server";

import { publicAction } from "@/lib/actions/public-action";
import { todayInBishkek } from "@/lib/clock";
import { checkInsuredStatus } from "@/lib/policies/status";
import { ZStatusQuery } from "@/lib/policies/status.schema";

// A POST, not a GET form: a PIN is personal data (cl. 12.3) and must not sit in URLs, history or access logs.
export const checkStatusAction = publicAction("status.check", ZStatusQuery, ({ pin, on }) =>
  checkInsuredStatus(pin, on ?? todayInBishkek()),
);
