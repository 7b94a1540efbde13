"use server";

import { serverAction } from "@/lib/web/action";
import { todayInBishkek } from "@/lib/dates";
import { checkInsuredStatus, checkInsuredStatusByDocument } from "@/lib/policies/queries";
import { ZStatusDocumentQuery, ZStatusQuery } from "@/lib/policies/status.schema";

// A POST, not a GET form: a PIN is personal data (cl. 12.3) and must not sit in URLs, history or access logs.
export const checkStatusAction = serverAction(
  { name: "status.check", schema: ZStatusQuery },
  ({ input: { pin, on } }) => checkInsuredStatus(pin, on ?? todayInBishkek()),
);

// SPEC §8, issue 9: a foreigner without a PIN checks by the number of their identity document (a POST too).
export const checkStatusByDocumentAction = serverAction(
  { name: "status.checkByDocument", schema: ZStatusDocumentQuery },
  ({ input: { document, on } }) => checkInsuredStatusByDocument(document, on ?? todayInBishkek()),
);
