"use server";

import { ZOrderSecret } from "@/lib/orders/buy.schema";
import { resumeOrderStep, retryOrderStep } from "@/lib/orders/journey-steps";
import { buyStepAction } from "@/lib/web/buy-step-action";

// The confirmation page's buttons. The order's secret is the only key: no secret, no order.
export const retryOrderAction = buyStepAction("order.retry", ZOrderSecret, retryOrderStep);
export const resumeOrderAction = buyStepAction("order.resume", ZOrderSecret, resumeOrderStep);
