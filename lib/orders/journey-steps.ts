import "server-only";
import type { z } from "zod";
import { now, todayInBishkek } from "@/lib/dates";
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
import { isStudentCategory } from "@/lib/rules";
import type { BuyDraft } from "./draft";
import {
  afterIdentity,
  assessDraft,
  buyPath,
  categoryChoices,
  firstMissingStep,
  isBirthDateAcceptable,
  NOT_ELIGIBLE,
  termsFor,
} from "./journey";
import { createOrderFromDraft, draftFromOrder, orderPath, startCheckout } from "./mutations";
import { findOrderBySecret, findOrderForCheckout } from "./queries";

// What each page of the journey does with its answer. Each returns where to go next; the web layer
// (lib/web/buy-step-action.ts) keeps the draft in its cookie and redirects. `baseUrl` is the portal's public address,
// for the acquirer's return and callback URLs.

type StepEnv = { baseUrl: string };
export type Step<S extends z.ZodType> = (
  input: z.output<S>,
  draft: BuyDraft,
  env: StepEnv,
) => Promise<{ draft?: BuyDraft | null; to: string }>;

const go = (locale: Locale, draft: BuyDraft) => buyPath(locale, firstMissingStep(draft));

export const identifyStep: Step<typeof ZIdentifyStep> = async ({ locale, idKind }, draft) => {
  // Another kind of identity is another person: forget the identity and what depended on it.
  const next: BuyDraft =
    draft.idKind === idKind
      ? draft
      : {
          lastName: draft.lastName,
          firstName: draft.firstName,
          patronymic: draft.patronymic,
          phone: draft.phone,
          idKind,
        };
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

export const documentStep: Step<typeof ZDocumentStep> = async (
  { locale, documentType, documentNumber, birthDate, sex },
  draft,
) => {
  if (!isBirthDateAcceptable(birthDate, todayInBishkek()))
    throw new AppError("buy.errors.birthDateFuture", { field: "birthDate" });
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
  if (!categoryChoices(draft).includes(category))
    throw new AppError("buy.errors.categoryRequired", { field: "category" });
  const withCategory: BuyDraft = { ...draft, category, termMonths: undefined, instalment: undefined };
  const a = await assessDraft(withCategory, todayInBishkek());
  if (!a) return { draft: withCategory, to: go(locale, withCategory) };
  if (a.refusals.length > 0) return { draft: withCategory, to: buyPath(locale, NOT_ELIGIBLE) };
  const terms = termsFor(a);
  // Keep a term still on sale; a category sold for one term only needs no question (GOV.UK: don't ask what you know).
  // A foreign student is always asked: the one term may be paid in full or in two halves (cl. 4 note).
  const termMonths =
    draft.termMonths && terms.includes(draft.termMonths) && !isStudentCategory(category)
      ? draft.termMonths
      : terms.length === 1 && !isStudentCategory(category)
        ? terms[0]
        : undefined;
  const next = { ...withCategory, termMonths };
  return { draft: next, to: go(locale, next) };
};

export const termStep: Step<typeof ZTermStep> = async ({ locale, termMonths: choice }, draft) => {
  const a = await assessDraft({ ...draft, termMonths: undefined, instalment: undefined }, todayInBishkek());
  if (!a || !termsFor(a).includes(choice.months))
    throw new AppError("buy.errors.termRequired", { field: "termMonths" });
  if (choice.halves && !isStudentCategory(draft.category!)) {
    throw new AppError("buy.errors.termRequired", { field: "termMonths" });
  }
  const next: BuyDraft = { ...draft, termMonths: choice.months, instalment: choice.halves ? "FIRST_HALF" : undefined };
  return { draft: next, to: go(locale, next) };
};

/** "Confirm and pay": the order is made (priced by the server) and the person goes to the acquirer. */
export const confirmStep: Step<typeof ZConfirmStep> = async ({ locale }, draft, { baseUrl }) => {
  if (firstMissingStep(draft) !== "check") return { to: go(locale, draft) };
  const created = await createOrderFromDraft(draft, locale, now());
  if (!created.ok) return { to: buyPath(locale, NOT_ELIGIBLE) };
  const to = await startCheckout(await findOrderForCheckout(created.orderId), baseUrl);
  // The answers are in the order now; a new purchase (another family member) starts clean.
  return { draft: null, to };
};

/** A declined payment: a new order with the same answers, checked and priced again today. */
export const retryOrderStep: Step<typeof ZOrderSecret> = async ({ locale, secret }, _draft, { baseUrl }) => {
  const order = await findOrderBySecret(secret);
  if (!order || (order.status !== "DECLINED" && order.status !== "EXPIRED"))
    return { to: order ? orderPath(order.locale, secret) : buyPath(locale) };
  const draft = draftFromOrder(order);
  const created = await createOrderFromDraft(draft, locale, now(), order.basketId);
  if (!created.ok) return { draft, to: buyPath(locale, NOT_ELIGIBLE) };
  return { to: await startCheckout(await findOrderForCheckout(created.orderId), baseUrl) };
};

/** A pending order whose payment was not finished: back to the same checkout (the same payment, never a second). */
export const resumeOrderStep: Step<typeof ZOrderSecret> = async ({ secret }, _draft, { baseUrl }) => {
  const order = await findOrderBySecret(secret);
  if (!order) throw new AppError("errors.notFound");
  if (order.status !== "PENDING") return { to: orderPath(order.locale, secret) };
  return { to: await startCheckout(order, baseUrl) };
};
