"use server";

import { ZOrderSecret } from "@/lib/orders/buy.schema";
import { resumeOrderStep, retryOrderStep } from "@/lib/orders/journey-steps";
import { buyStepAction } from "@/lib/web/buy-step-action";
import { rateLimitedStep } from "@/lib/web/rate-limit";

// The confirmation page's buttons. The order's secret is the only key: no secret, no order.
// A retry is a new order and a new checkout at the acquirer: limited as the purchase start is.
export const retryOrderAction = buyStepAction(
  "order.retry",
  ZOrderSecret,
  rateLimitedStep("purchaseStartIp", retryOrderStep),
);
export const resumeOrderAction = buyStepAction("order.resume", ZOrderSecret, resumeOrderStep);
