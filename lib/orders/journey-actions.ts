import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { publicAction } from "@/lib/actions/public-action";
import type { ActionResult } from "@/lib/actions/result";
import { now, todayInBishkek } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import type {
  ZCategoryStep,
  ZConfirmStep,
  ZDocumentStep,
  ZIdentifyStep,
  ZNameStep,
  ZOrderSecret,
  ZPhoneStep,
  ZPinStep,
  ZTermStep,
} from "./buy.schema";
import type { BuyDraft } from "./draft";
import { clearDraft, readDraft, writeDraft } from "./draft-cookie";
import { afterIdentity, assessDraft, buyPath, categoryChoices, firstMissingStep, isBirthDateAcceptable, NOT_ELIGIBLE, termsFor } from "./journey";
import { createOrderFromDraft, draftFromOrder, orderPath, startCheckout } from "./mutations";
import { findOrderBySecret } from "./queries";

// What each page of the journey does with its answer. Each returns where to go next; the wrapper saves the draft
// and redirects outside the error handler (a redirect is thrown, and must not be mistaken for a failure).

type Step<S extends z.ZodType> = (input: z.output<S>, draft: BuyDraft) => Promise<{ draft?: BuyDraft | null; to: string }>;

export function buyStepAction<S extends z.ZodType>(name: string, schema: S, step: Step<S>) {
  const inner = publicAction(name, schema, async (input: z.output<S>) => {
    const draft = await readDraft();
    const out = await step(input, draft);
    if (out.draft === null) await clearDraft();
    else if (out.draft) await writeDraft(out.draft);
    return out.to;
  });
  return async (prev: ActionResult<string>, formData: FormData): Promise<ActionResult<string>> => {
    const result = await inner(prev, formData);
    if (result.ok) redirect(result.data);
    return result;
  };
}

const go = (locale: Locale, draft: BuyDraft) => buyPath(locale, firstMissingStep(draft));

export const identifyStep: Step<typeof ZIdentifyStep> = async ({ locale, idKind }, draft) => {
  // Another kind of identity is another person: forget the identity and what depended on it.
  const next: BuyDraft = draft.idKind === idKind ? draft : { lastName: draft.lastName, firstName: draft.firstName, patronymic: draft.patronymic, phone: draft.phone, idKind };
  // Always the identity question next, even when answered before: the status check runs again on it.
  return { draft: next, to: buyPath(locale, idKind === "PIN" ? "pin" : "document") };
};

export const pinStep: Step<typeof ZPinStep> = async ({ locale, pin }, draft) => {
  const changed = draft.pin !== pin;
  const base: BuyDraft = {
    ...draft,
    idKind: "PIN",
    pin,
    documentType: undefined,
    documentNumber: undefined,
    birthDate: undefined,
    sex: undefined,
    ...(changed ? { currentPolicyEnd: undefined, renewalConfirmed: undefined } : {}),
  };
  const { draft: next, next: step } = await afterIdentity(base, todayInBishkek());
  return { draft: next, to: buyPath(locale, step) };
};

export const documentStep: Step<typeof ZDocumentStep> = async ({ locale, documentType, documentNumber, birthDate, sex }, draft) => {
  if (!isBirthDateAcceptable(birthDate, todayInBishkek())) throw new AppError("buy.errors.birthDateFuture", { field: "birthDate" });
  const changed = draft.documentType !== documentType || draft.documentNumber !== documentNumber;
  const base: BuyDraft = {
    ...draft,
    idKind: "DOCUMENT",
    pin: undefined,
    documentType,
    documentNumber,
    birthDate,
    sex,
    ...(changed ? { currentPolicyEnd: undefined, renewalConfirmed: undefined } : {}),
  };
  const { draft: next, next: step } = await afterIdentity(base, todayInBishkek());
  return { draft: next, to: buyPath(locale, step) };
};

export const confirmRenewalStep: Step<typeof ZConfirmStep> = async ({ locale }, draft) => {
  const next = { ...draft, renewalConfirmed: true };
  return { draft: next, to: go(locale, next) };
};

export const nameStep: Step<typeof ZNameStep> = async ({ locale, lastName, firstName, patronymic }, draft) => {
  const next = { ...draft, lastName, firstName, patronymic: patronymic || undefined };
  return { draft: next, to: go(locale, next) };
};

export const phoneStep: Step<typeof ZPhoneStep> = async ({ locale, phone }, draft) => {
  const next = { ...draft, phone };
  return { draft: next, to: go(locale, next) };
};

export const categoryStep: Step<typeof ZCategoryStep> = async ({ locale, category }, draft) => {
  if (!categoryChoices(draft).includes(category)) throw new AppError("buy.errors.categoryRequired", { field: "category" });
  const withCategory: BuyDraft = { ...draft, category, termMonths: undefined };
  const a = await assessDraft(withCategory, todayInBishkek());
  if (!a) return { draft: withCategory, to: go(locale, withCategory) };
  if (a.refusals.length > 0) return { draft: withCategory, to: buyPath(locale, NOT_ELIGIBLE) };
  const terms = termsFor(a);
  // Keep a term still on sale; a category sold for one term only needs no question (GOV.UK: don't ask what you know).
  const termMonths = draft.termMonths && terms.includes(draft.termMonths) ? draft.termMonths : terms.length === 1 ? terms[0] : undefined;
  const next = { ...withCategory, termMonths };
  return { draft: next, to: go(locale, next) };
};

export const termStep: Step<typeof ZTermStep> = async ({ locale, termMonths }, draft) => {
  const a = await assessDraft({ ...draft, termMonths: undefined }, todayInBishkek());
  if (!a || !termsFor(a).includes(termMonths)) throw new AppError("buy.errors.termRequired", { field: "termMonths" });
  const next = { ...draft, termMonths };
  return { draft: next, to: go(locale, next) };
};

/** "Confirm and pay": the order is made (priced by the server) and the person goes to the acquirer. */
export const confirmStep: Step<typeof ZConfirmStep> = async ({ locale }, draft) => {
  if (firstMissingStep(draft) !== "check") return { to: go(locale, draft) };
  const created = await createOrderFromDraft(draft, locale, now());
  if (!created.ok) return { to: buyPath(locale, NOT_ELIGIBLE) };
  const order = await db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
  const to = await startCheckout(order);
  // The answers are in the order now; a new purchase (another family member) starts clean.
  return { draft: null, to };
};

/** A declined payment: a new order with the same answers, checked and priced again today. */
export const retryOrderStep = async ({ locale, secret }: z.output<typeof ZOrderSecret>): Promise<{ draft?: BuyDraft | null; to: string }> => {
  const order = await findOrderBySecret(secret);
  if (!order || (order.status !== "DECLINED" && order.status !== "EXPIRED")) return { to: order ? orderPath(order.locale, secret) : buyPath(locale) };
  const draft = draftFromOrder(order);
  const created = await createOrderFromDraft(draft, locale, now(), order.basketId);
  if (!created.ok) return { draft, to: buyPath(locale, NOT_ELIGIBLE) };
  const fresh = await db.purchaseOrder.findUniqueOrThrow({ where: { id: created.orderId } });
  return { to: await startCheckout(fresh) };
};

/** A pending order whose payment was not finished: back to the same checkout (the same payment, never a second). */
export const resumeOrderStep = async ({ secret }: z.output<typeof ZOrderSecret>): Promise<{ to: string }> => {
  const order = await findOrderBySecret(secret);
  if (!order) throw new AppError("errors.notFound");
  if (order.status !== "PENDING") return { to: orderPath(order.locale, secret) };
  return { to: await startCheckout(order) };
};
