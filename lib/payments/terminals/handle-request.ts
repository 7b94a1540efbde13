import type { AuditActor } from "@/lib/audit/mutations";
import { logUnexpectedError } from "@/lib/errors";
import { findPersonByAccount, type PersonByAccount } from "@/lib/people/queries";
import {
  TERMINAL_CITIZEN_SERVICE,
  TERMINAL_FOREIGNER_SERVICE,
  terminalChannel,
  type TerminalProvider,
} from "@/lib/payments/channels";
import { recordPayment, type RecordPaymentRequest, type RecordPaymentResult } from "@/lib/payments/record-payment";
import { findCoverageByPersonId, findTariffRows } from "@/lib/policies/queries";
import {
  allowedTerms,
  bishkekDate,
  parsePin,
  planPurchase,
  quotePrice,
  type Category,
  type RefusalCode,
  type TariffRow,
} from "@/lib/rules";
import {
  parseTerminalRequest,
  RESULT,
  splitFullName,
  type ResultCode,
  type TerminalRequest,
  type TerminalResponse,
} from "./protocol";

/** Short reasons for result 7, in Russian as the protocol's comment field expects. */
const REFUSAL_COMMENTS: Partial<Record<RefusalCode, string>> = {
  CITIZEN_UNDER_16: "Гражданам до 16 лет полис не нужен: дети застрахованы государством",
  INSURED_ELSEWHERE: "Лицо уже застраховано, покупать полис не нужно",
  POLICY_ALREADY_PAID: "Полис уже оплачен и ещё не вступил в силу",
  NO_TARIFF: "Нет действующего тарифа",
  TERM_NOT_ALLOWED: "Срок не продаётся для этой категории",
  NO_IDENTITY_DOCUMENT: "Нет документа, удостоверяющего личность",
};

export type TerminalSale =
  | { ok: true; category: Category; termMonths: number; priceSom: number; person: PersonByAccount | null }
  | { ok: false; result: ResultCode; comment: string };

/** What a sale needs to know of a request: the account, the service and the sum (terminals and registry lines). */
export type SaleRequest = Pick<TerminalRequest, "account" | "service" | "sumTyiyn">;

function findPerson(req: SaleRequest) {
  return findPersonByAccount(
    req.account.kind === "pin" ? { pin: req.account.pin } : { documentNumber: req.account.documentNumber },
  );
}

/**
 * What a terminal payment buys (issue #5): `service=citizen` — the 12-month policy at the citizens' tariff;
 * `service=foreigner` — 6 or 12 months, the sum choosing the term. A sum that matches no term is below (241) or
 * above (242) the prices; between the 6- and 12-month prices it is short of the 12-month price (241).
 */
function chooseSale(
  req: SaleRequest,
  category: Category,
  tariffs: TariffRow[],
  day: string,
): { termMonths: number; priceSom: number } | { result: ResultCode; comment: string } {
  const terms =
    req.service === "citizen"
      ? allowedTerms(tariffs, category, day).filter((t) => t === 12)
      : allowedTerms(tariffs, category, day);
  const prices = terms
    .map((termMonths) => ({ termMonths, quote: quotePrice(tariffs, category, termMonths, day) }))
    .filter((p): p is { termMonths: number; quote: Extract<ReturnType<typeof quotePrice>, { ok: true }> } => p.quote.ok)
    .map((p) => ({ termMonths: p.termMonths, priceSom: p.quote.priceSom }))
    .sort((a, b) => a.priceSom - b.priceSom);
  if (prices.length === 0) return { result: RESULT.NOT_ALLOWED, comment: REFUSAL_COMMENTS.NO_TARIFF! };
  const exact = prices.find((p) => p.priceSom * 100 === req.sumTyiyn);
  if (exact) return exact;
  const largest = prices[prices.length - 1]!;
  if (req.sumTyiyn > largest.priceSom * 100)
    return { result: RESULT.SUM_TOO_LARGE, comment: `Сумма больше стоимости полиса (${largest.priceSom} сом)` };
  const next = prices.find((p) => p.priceSom * 100 > req.sumTyiyn)!;
  return { result: RESULT.SUM_TOO_SMALL, comment: `Сумма меньше стоимости полиса (${next.priceSom} сом)` };
}

/** Who pays for what: the person the account names, the category the service sells them, and the term the sum buys. */
export async function resolveTerminalSale(req: SaleRequest, tariffs: TariffRow[], day: string): Promise<TerminalSale> {
  const person = await findPerson(req);
  // A document number identifies a foreigner only if the register knows them: a terminal payment carries no date of
  // birth or sex (interpretation, README "Payment terminals").
  if (!person && req.account.kind === "document")
    return { ok: false, result: RESULT.BAD_ACCOUNT, comment: "Документ не найден в реестре: оплатите по ПИН" };
  const offered = req.service === "citizen" ? TERMINAL_CITIZEN_SERVICE : TERMINAL_FOREIGNER_SERVICE;
  let category: Category = req.service === "citizen" ? "CITIZEN" : "FOREIGNER";
  if (person) {
    if (!offered.includes(person.category)) {
      return {
        ok: false,
        result: RESULT.NOT_ALLOWED,
        comment:
          req.service === "citizen"
            ? "Выберите услугу «Полис ОМС для иностранных граждан»"
            : "Выберите услугу «Полис ОМС» для граждан",
      };
    }
    category = person.category;
  }
  const sale = chooseSale(req, category, tariffs, day);
  if ("result" in sale) return { ok: false, ...sale };
  return { ok: true, category, ...sale, person };
}

function refusalComment(codes: RefusalCode[]): string {
  for (const c of codes) if (REFUSAL_COMMENTS[c]) return REFUSAL_COMMENTS[c]!;
  return "Оплата полиса не разрешена";
}

/** `check`: would this payment be accepted now? Reads only. */
async function check(req: TerminalRequest, now: Date): Promise<Omit<TerminalResponse, "osmpTxnId" | "sum">> {
  const day = bishkekDate(now);
  const tariffs = await findTariffRows();
  const sale = await resolveTerminalSale(req, tariffs, day);
  if (!sale.ok) return { result: sale.result, comment: sale.comment };
  const coverage = sale.person ? await findCoverageByPersonId(sale.person.id) : { policies: [], external: [] };
  const parsedPin = req.account.kind === "pin" ? parsePin(req.account.pin) : null;
  const who = sale.person ?? (parsedPin?.ok ? { birthDate: parsedPin.birthDate, sex: parsedPin.sex } : null);
  if (!who) return { result: RESULT.BAD_ACCOUNT, comment: "Неверный ПИН" };
  const plan = planPurchase({
    person: { category: sale.category, birthDate: who.birthDate, sex: who.sex, hasIdentityDocument: true },
    termMonths: sale.termMonths,
    paidAt: now,
    coverage,
    tariffs,
  });
  if (!plan.ok) return { result: RESULT.NOT_ALLOWED, comment: refusalComment(plan.refusals.map((r) => r.code)) };
  return {
    result: RESULT.OK,
    comment: `Полис ОМС на ${sale.termMonths} мес., ${sale.priceSom} сом. Действует с ${plan.validFrom}`,
  };
}

/** Who registers a terminal payment: the terminal itself, or Fund staff registering a line of a provider's registry. */
export type TerminalPaymentSource = { actor: AuditActor; payer: { name: string; phone: string | null } };

/**
 * The one payment transaction (recordPayment) for a terminal's sale. The name a terminal sends is the beneficiary's
 * (appendix: the ФИО of the person insured); the person's phone is the one entered at the terminal.
 */
export function terminalPaymentRequest(
  provider: TerminalProvider,
  req: Pick<TerminalRequest, "txnId" | "accountRaw" | "account" | "sumTyiyn"> & { paidAt: Date },
  sale: Extract<TerminalSale, { ok: true }>,
  source: TerminalPaymentSource,
): RecordPaymentRequest {
  const name = splitFullName(source.payer.name);
  const phone = source.payer.phone;
  return {
    channel: terminalChannel(provider),
    externalTxnId: req.txnId,
    account: req.accountRaw,
    paidAt: req.paidAt,
    amountSom: req.sumTyiyn / 100,
    payer: source.payer,
    beneficiary:
      req.account.kind === "pin"
        ? { pin: req.account.pin, ...name, category: sale.category, phone }
        : {
            documentNumber: req.account.documentNumber,
            documentType: "FOREIGN_PASSPORT",
            ...name,
            category: sale.category,
            phone,
            ...(sale.person ? { birthDate: sale.person.birthDate, sex: sale.person.sex } : {}),
          },
    termMonths: sale.termMonths,
    issueChannel: "TERMINAL",
    actor: source.actor,
  };
}

/** A recorded payment's outcome in the protocol's terms. */
export function terminalAnswer(
  outcome: RecordPaymentResult,
  sumTyiyn: number,
): Omit<TerminalResponse, "osmpTxnId" | "sum"> {
  switch (outcome.outcome) {
    case "created":
    case "duplicate":
      return {
        prvTxn: outcome.paymentId,
        result: RESULT.OK,
        comment: `Полис № ${outcome.policyNumber} действует с ${outcome.validFrom} по ${outcome.validTo}`,
      };
    case "conflict":
      return { result: RESULT.OTHER, comment: "Номер транзакции уже использован с другим счётом или суммой" };
    case "refused":
      return { result: RESULT.NOT_ALLOWED, comment: refusalComment(outcome.refusals.map((r) => r.code)) };
    case "wrong_amount":
      return sumTyiyn < outcome.expectedSom * 100
        ? { result: RESULT.SUM_TOO_SMALL, comment: `Сумма меньше стоимости полиса (${outcome.expectedSom} сом)` }
        : { result: RESULT.SUM_TOO_LARGE, comment: `Сумма больше стоимости полиса (${outcome.expectedSom} сом)` };
  }
}

/** `pay`: the payment happened at txn_date; record it once, whatever how many times the terminal asks. */
async function pay(
  provider: TerminalProvider,
  req: TerminalRequest,
): Promise<Omit<TerminalResponse, "osmpTxnId" | "sum">> {
  const paidAt = req.paidAt!;
  const sale = await resolveTerminalSale(req, await findTariffRows(), bishkekDate(paidAt));
  if (!sale.ok) return { result: sale.result, comment: sale.comment };
  const source: TerminalPaymentSource = {
    actor: { id: null, label: `terminal:${provider}` },
    payer: { name: req.fio!, phone: req.phone ?? null },
  };
  const outcome = await recordPayment(terminalPaymentRequest(provider, { ...req, paidAt }, sale, source));
  return terminalAnswer(outcome, req.sumTyiyn);
}

export async function handleTerminalRequest(
  provider: TerminalProvider,
  params: URLSearchParams,
  now: Date,
): Promise<TerminalResponse> {
  const parsed = parseTerminalRequest(params, now);
  if (!parsed.ok) return { osmpTxnId: parsed.txnId, sum: parsed.sum, result: parsed.result, comment: parsed.comment };
  const req = parsed.request;
  try {
    const answer = req.command === "check" ? await check(req, now) : await pay(provider, req);
    return { osmpTxnId: req.txnId, sum: req.sumRaw, ...answer };
  } catch (e) {
    // Temporary: the terminal retries the same request, which is safe (idempotent by txn_id).
    const id = logUnexpectedError(e, `terminal ${provider} ${req.command} ${req.txnId}`);
    return {
      osmpTxnId: req.txnId,
      sum: req.sumRaw,
      result: RESULT.TEMPORARY,
      comment: `Временная ошибка, повторите запрос (${id})`,
    };
  }
}
