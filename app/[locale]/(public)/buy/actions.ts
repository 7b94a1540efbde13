"use server";

import {
  ZCategoryStep,
  ZConfirmStep,
  ZDocumentStep,
  ZIdentifyStep,
  ZNameStep,
  ZPhoneStep,
  ZPinStep,
  ZTermStep,
} from "@/lib/orders/buy.schema";
import {
  categoryStep,
  confirmRenewalStep,
  confirmStep,
  documentStep,
  identifyStep,
  nameStep,
  phoneStep,
  pinStep,
  termStep,
} from "@/lib/orders/journey-steps";
import { buyStepAction } from "@/lib/web/buy-step-action";
import { normalizeDocumentNumber } from "@/lib/rules";
import { rateLimitedStep, statusLookupStep } from "@/lib/web/rate-limit";

// The purchase journey's answers (one action per page). Citizens have no account: the action wrapper validates, the
// step decides the next page. The PIN travels in a POST and an encrypted cookie, never in a URL (cl. 12.3).
export const identifyAction = buyStepAction("buy.identify", ZIdentifyStep, identifyStep);
// The PIN and document steps answer with the person's insured status (the next page says so): the status check's
// limits apply to them as to the status check itself.
export const pinAction = buyStepAction(
  "buy.pin",
  ZPinStep,
  statusLookupStep("statusPin", (i) => i.pin, pinStep),
);
export const documentAction = buyStepAction(
  "buy.document",
  ZDocumentStep,
  statusLookupStep("statusDocument", (i) => normalizeDocumentNumber(i.documentNumber), documentStep),
);
export const confirmRenewalAction = buyStepAction("buy.renewal", ZConfirmStep, confirmRenewalStep);
export const nameAction = buyStepAction("buy.name", ZNameStep, nameStep);
export const phoneAction = buyStepAction("buy.phone", ZPhoneStep, phoneStep);
export const categoryAction = buyStepAction("buy.category", ZCategoryStep, categoryStep);
export const termAction = buyStepAction("buy.term", ZTermStep, termStep);
// Purchase start is limited per client address (RATE_LIMIT_PURCHASE_START_PER_HOUR): each one is an order and a
// checkout at the acquirer.
export const confirmOrderAction = buyStepAction(
  "buy.confirm",
  ZConfirmStep,
  rateLimitedStep("purchaseStartIp", confirmStep),
);
