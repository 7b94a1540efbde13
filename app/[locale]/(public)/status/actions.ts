"use server";

import { hasLocale } from "next-intl";
import { redirect } from "next/navigation";
import { routing } from "@/lib/i18n/routing";
import { initialActionState } from "@/lib/web/action-result";
import { serverAction } from "@/lib/web/action";
import { enforceRateLimit } from "@/lib/web/rate-limit";
import { pinAction } from "../buy/actions";
import { todayInBishkek } from "@/lib/dates";
import { normalizeDocumentNumber } from "@/lib/rules";
import { checkInsuredStatus, checkInsuredStatusByDocument } from "@/lib/policies/queries";
import { statusView } from "@/lib/policies/status-view";
import { ZStatusDocumentQuery, ZStatusQuery } from "@/lib/policies/status.schema";

// A POST, not a GET form: a PIN is personal data (cl. 12.3) and must not sit in URLs, history or access logs.
// The answer is text in the page's language (issue 17: the browser has no translations; the form works without JS).
export const checkStatusAction = serverAction(
  { name: "status.check", schema: ZStatusQuery },
  async ({ input: { pin, on }, locale }) => {
    await enforceRateLimit("statusIp");
    await enforceRateLimit("statusPin", pin);
    return statusView(await checkInsuredStatus(pin, on ?? todayInBishkek()), locale);
  },
);

// SPEC §8, issue 9: a foreigner without a PIN checks by the number of their identity document (a POST too).
export const checkStatusByDocumentAction = serverAction(
  { name: "status.checkByDocument", schema: ZStatusDocumentQuery },
  async ({ input: { document, on }, locale }) => {
    await enforceRateLimit("statusIp");
    await enforceRateLimit("statusDocument", normalizeDocumentNumber(document));
    return statusView(await checkInsuredStatusByDocument(document, on ?? todayInBishkek()), locale);
  },
);

/**
 * "Not insured — buy a policy": the PIN just checked starts the purchase journey (it goes into the journey's encrypted
 * cookie through the journey's own PIN step, never into a URL), which then asks the remaining questions.
 */
export async function buyForPinAction(formData: FormData): Promise<void> {
  // a step that goes through redirects to the next question; one refused (over a limit, a changed field) sends the
  // person to the journey's PIN page, which asks again and says why if it refuses again — never a silent button
  await pinAction(initialActionState(), formData);
  const locale = formData.get("locale");
  redirect(`/${hasLocale(routing.locales, locale) ? locale : routing.defaultLocale}/buy/pin`);
}
