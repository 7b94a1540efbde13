import type { AuditActor } from "@/lib/audit/mutations";
import { logUnexpectedError } from "@/lib/errors";
import {
  TERMINAL_CITIZEN_SERVICE,
  TERMINAL_FOREIGNER_SERVICE,
  TERMINAL_STUDENT_SERVICE,
  terminalChannel,
  type TerminalProvider,
} from "@/lib/payments/channels";
import { recordPayment, type RecordPaymentRequest, type RecordPaymentResult } from "@/lib/payments/record-payment";
import {
  findCoverageByPersonId,
  findPayerByAccount,
  findTariffRows,
  findUnfinishedStudentPolicy,
  type PayerByAccount,
} from "@/lib/policies/queries";
import {
  allowedTerms,
  bishkekDate,
  classifyStudentPayment,
  decidePaymentDate,
  parsePin,
  paymentDateWindowDays,
  planPurchase,
  quotePrice,
  STUDENT_TERM_MONTHS,
  studentInstalments,
  type Category,
  type RefusalCode,
  type TariffRow,
} from "@/lib/rules";
import {
  formatSom,
  formatSum,
  parseTerminalRequest,
  RESULT,
  splitFullName,
  type ResultCode,
  type TerminalField,
  type TerminalRequest,
  type TerminalResponse,
  type TerminalService,
} from "./protocol";

/** Short reasons for result 7, in Russian as the protocol's comment field expects. */
const REFUSAL_COMMENTS: Partial<Record<RefusalCode, string>> = {
  CITIZEN_UNDER_16: "Гражданам до 16 лет полис не нужен: дети застрахованы государством",
  INSURED_ELSEWHERE: "Лицо уже застраховано, покупать полис не нужно",
  POLICY_ALREADY_PAID: "Полис уже оплачен и ещё не вступил в силу",
  NO_TARIFF: "Нет действующего тарифа",
  TERM_NOT_ALLOWED: "Срок не продаётся для этой категории",
  NO_IDENTITY_DOCUMENT: "Нет документа, удостоверяющего личность",
  SECOND_INSTALMENT_TOO_LATE: "Срок оплаты второй половины истёк: первые 6 месяцев полиса закончились",
  SECOND_INSTALMENT_WITHOUT_FIRST: "Первая половина стоимости полиса не оплачена",
  ALREADY_PAID_IN_FULL: "Полис студента уже оплачен полностью",
};

type Answer = Omit<TerminalResponse, "osmpTxnId" | "sum">;

const OFFERED: Record<TerminalService, readonly Category[]> = {
  citizen: TERMINAL_CITIZEN_SERVICE,
  foreigner: TERMINAL_FOREIGNER_SERVICE,
  student: TERMINAL_STUDENT_SERVICE,
};
/** The category a service sells to a person the register does not know yet. */
const NEW_PERSON_CATEGORY: Record<TerminalService, Category> = {
  citizen: "CITIZEN",
  foreigner: "FOREIGNER",
  student: "FOREIGN_STUDENT",
};
const WRONG_SERVICE: Record<TerminalService, string> = {
  citizen: "Выберите услугу «Полис ОМС для иностранных граждан»",
  foreigner: "Выберите услугу «Полис ОМС» для граждан",
  student: "Услуга «Полис ОМС для иностранных студентов» — только для иностранных студентов",
};

export type TerminalSale =
  | { ok: true; category: Category; termMonths: number; priceSom: number; person: PayerByAccount | null }
  | { ok: false; result: ResultCode; comment: string };

/** What a sale needs to know of a request: the account, the service and the sum (terminals and registry lines). */
export type SaleRequest = Pick<TerminalRequest, "account" | "service" | "sumTyiyn">;

function findPerson(req: SaleRequest) {
  return findPayerByAccount(
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
  const prices = offeredPrices(req.service, category, tariffs, day);
  if (prices.length === 0) return { result: RESULT.NOT_ALLOWED, comment: REFUSAL_COMMENTS.NO_TARIFF! };
  // A `check` before the money (issue 18): the cheapest term stands for the sale; the answer names every price.
  if (req.sumTyiyn === 0) return prices[0]!;
  const exact = prices.find((p) => p.priceSom * 100 === req.sumTyiyn);
  if (exact) return exact;
  const largest = prices[prices.length - 1]!;
  if (req.sumTyiyn > largest.priceSom * 100)
    return {
      result: RESULT.SUM_TOO_LARGE,
      comment: `Сумма больше стоимости полиса (${formatSom(largest.priceSom)} сом)`,
    };
  const next = prices.find((p) => p.priceSom * 100 > req.sumTyiyn)!;
  return { result: RESULT.SUM_TOO_SMALL, comment: `Сумма меньше стоимости полиса (${formatSom(next.priceSom)} сом)` };
}

/** The terms a service sells this category on a day, cheapest first: citizens 12 months, foreigners 6 or 12. */
function offeredPrices(
  service: TerminalService,
  category: Category,
  tariffs: TariffRow[],
  day: string,
): { termMonths: number; priceSom: number }[] {
  const terms =
    service === "foreigner"
      ? allowedTerms(tariffs, category, day)
      : allowedTerms(tariffs, category, day).filter((t) => t === 12);
  return terms
    .map((termMonths) => ({ termMonths, quote: quotePrice(tariffs, category, termMonths, day) }))
    .filter((p): p is { termMonths: number; quote: Extract<ReturnType<typeof quotePrice>, { ok: true }> } => p.quote.ok)
    .map((p) => ({ termMonths: p.termMonths, priceSom: p.quote.priceSom }))
    .sort((a, b) => a.priceSom - b.priceSom);
}

/**
 * Who pays for what: the person the account names, the category the service sells them, and the term the sum buys.
 * A document number the register does not know is a foreigner seen for the first time (appendix, algorithm 4): the
 * payment registers them (README "Payment terminals"). A student's sum is judged by recordPayment (first half, full
 * sum or the second half of their unfinished policy), so a student sale is always the 12-month policy here.
 */
export async function resolveTerminalSale(req: SaleRequest, tariffs: TariffRow[], day: string): Promise<TerminalSale> {
  return saleTo(req, await findPerson(req), tariffs, day);
}

/** resolveTerminalSale for the person the account names, read already. */
function saleTo(req: SaleRequest, person: PayerByAccount | null, tariffs: TariffRow[], day: string): TerminalSale {
  let category: Category = NEW_PERSON_CATEGORY[req.service];
  if (person) {
    if (!OFFERED[req.service].includes(person.category))
      return { ok: false, result: RESULT.NOT_ALLOWED, comment: WRONG_SERVICE[req.service] };
    category = person.category;
  }
  if (req.service === "student") {
    const quote = quotePrice(tariffs, category, STUDENT_TERM_MONTHS, day);
    if (!quote.ok) return { ok: false, result: RESULT.NOT_ALLOWED, comment: REFUSAL_COMMENTS.NO_TARIFF! };
    return { ok: true, category, termMonths: STUDENT_TERM_MONTHS, priceSom: quote.priceSom, person };
  }
  const sale = chooseSale(req, category, tariffs, day);
  if ("result" in sale) return { ok: false, ...sale };
  return { ok: true, category, ...sale, person };
}

function refusalComment(codes: RefusalCode[]): string {
  for (const c of codes) if (REFUSAL_COMMENTS[c]) return REFUSAL_COMMENTS[c]!;
  return "Оплата полиса не разрешена";
}

/**
 * cl. 4 note: what a student may pay now — the full price and its first half, or the second half of their unfinished
 * policy while its first 6 months run — and whether this sum is one of them.
 */
async function checkStudent(
  req: TerminalRequest,
  sale: Extract<TerminalSale, { ok: true }>,
  tariffs: TariffRow[],
  now: Date,
): Promise<Answer | null> {
  const day = bishkekDate(now);
  const unfinished = sale.person ? await findUnfinishedStudentPolicy(sale.person.id) : null;
  const split = studentInstalments(tariffs, sale.category, day);
  if (unfinished) {
    const remaining = unfinished.priceSom - unfinished.paidSom;
    const probe = classifyStudentPayment({
      category: sale.category,
      amountSom: req.sumTyiyn === 0 ? remaining : req.sumTyiyn / 100,
      paidAt: now,
      tariffs,
      unfinishedPolicy: unfinished,
    });
    if (probe.ok && probe.stage === "SECOND_INSTALMENT")
      return {
        result: RESULT.OK,
        comment: `Вторая половина полиса № ${unfinished.number}: ${formatSom(remaining)} сом. Полис будет действовать по ${probe.validTo}`,
        fields: [
          { name: "price", value: formatSom(remaining) },
          { name: "second_instalment", value: formatSom(remaining) },
          { name: "valid_to", value: probe.validTo },
        ],
      };
    if (!probe.ok && req.sumTyiyn === 0)
      return { result: RESULT.NOT_ALLOWED, comment: refusalComment(probe.refusals.map((r) => r.code)) };
  }
  if (!split.ok) return { result: RESULT.NOT_ALLOWED, comment: REFUSAL_COMMENTS.NO_TARIFF! };
  if (req.sumTyiyn !== 0 && req.sumTyiyn !== split.totalSom * 100 && req.sumTyiyn !== split.firstSom * 100) {
    const sums = [split.firstSom, split.totalSom];
    const above = sums.find((s) => s * 100 > req.sumTyiyn);
    return above === undefined
      ? { result: RESULT.SUM_TOO_LARGE, comment: `Сумма больше стоимости полиса (${formatSom(split.totalSom)} сом)` }
      : { result: RESULT.SUM_TOO_SMALL, comment: `Сумма меньше ожидаемой (${formatSom(above)} сом)` };
  }
  return null;
}

/**
 * The tariff table and the person the account names, read at once: neither waits for the other (issue 17: a
 * terminal's request waited for one round trip, then the next).
 */
function readTariffsAndPerson(req: SaleRequest) {
  return Promise.all([findTariffRows(), findPerson(req)]);
}

/**
 * `check`: would this payment be accepted now? Reads only. Without a sum (or with 0.00) it is asked before the money
 * (issue 18): the answer names the price due and, for foreigners, every term on offer, in the comment and in fields.
 */
async function check(req: TerminalRequest, now: Date): Promise<Answer> {
  const day = bishkekDate(now);
  const [tariffs, person] = await readTariffsAndPerson(req);
  const sale = saleTo(req, person, tariffs, day);
  if (!sale.ok) return { result: sale.result, comment: sale.comment };
  const coverage = sale.person
    ? (sale.person.held?.coverage ?? (await findCoverageByPersonId(sale.person.id)))
    : { policies: [], external: [] };
  if (req.service === "student") {
    const answer = await checkStudent(req, sale, tariffs, now);
    if (answer) return answer;
  }
  const parsedPin = req.account.kind === "pin" ? parsePin(req.account.pin) : null;
  // A first-time foreigner by document has no birth date or sex yet (README I23): their categories need neither.
  const who = sale.person ?? (parsedPin?.ok ? parsedPin : { birthDate: null, sex: null });
  const plan = planPurchase({
    person: { category: sale.category, birthDate: who.birthDate, sex: who.sex, hasIdentityDocument: true },
    termMonths: sale.termMonths,
    paidAt: now,
    coverage,
    tariffs,
  });
  if (!plan.ok) return { result: RESULT.NOT_ALLOWED, comment: refusalComment(plan.refusals.map((r) => r.code)) };
  return { result: RESULT.OK, ...priceAnswer(req, sale, tariffs, day, plan.validFrom) };
}

/** The price due (and the terms on offer) as the comment and the fields of a successful `check`. */
function priceAnswer(
  req: TerminalRequest,
  sale: Extract<TerminalSale, { ok: true }>,
  tariffs: TariffRow[],
  day: string,
  validFrom: string,
): { comment: string; fields: TerminalField[] } {
  if (req.service === "student") {
    const split = studentInstalments(tariffs, sale.category, day);
    const first = split.ok ? split.firstSom : sale.priceSom;
    const paid = req.sumTyiyn === 0 ? sale.priceSom : req.sumTyiyn / 100;
    return {
      comment:
        `Полис ОМС студента на 12 мес., ${formatSom(sale.priceSom)} сом, или первая половина ${formatSom(first)} сом ` +
        `(6 мес.). Действует с ${validFrom}`,
      fields: [
        { name: "price", value: formatSom(paid) },
        { name: "term_months", value: paid === first && paid !== sale.priceSom ? "6" : "12" },
        { name: "full_price", value: formatSom(sale.priceSom) },
        { name: "first_instalment", value: formatSom(first) },
        { name: "valid_from", value: validFrom },
      ],
    };
  }
  const terms = offeredPrices(req.service, sale.category, tariffs, day);
  const chosen = req.sumTyiyn === 0 ? null : sale;
  const termsText = terms.map((t) => `${t.termMonths} мес. — ${formatSom(t.priceSom)} сом`).join(", ");
  const due = chosen ?? terms[terms.length - 1]!;
  return {
    comment: chosen
      ? `Полис ОМС на ${chosen.termMonths} мес., ${formatSom(chosen.priceSom)} сом. Действует с ${validFrom}`
      : `К оплате: ${termsText}. Действует с ${validFrom}`,
    fields: [
      { name: "price", value: formatSom(due.priceSom) },
      { name: "term_months", value: String(due.termMonths) },
      ...(terms.length > 1 ? terms.map((t) => ({ name: `price_${t.termMonths}m`, value: formatSom(t.priceSom) })) : []),
      { name: "valid_from", value: validFrom },
    ],
  };
}

/**
 * Who registers a terminal payment: the terminal itself, or Fund staff registering a line of a provider's registry.
 * `payer.name` is the name the terminal sent — the beneficiary's (appendix: the ФИО of the person insured); the
 * payer standing at the terminal is unnamed (README, interpretation I24).
 */
export type TerminalPaymentSource = { actor: AuditActor; payer: { name: string; phone: string | null } };

/** A terminal's payer is whoever stands at it: the payment records no name (README I24). */
const UNNAMED_PAYER = "";

/**
 * The one payment transaction (recordPayment) for a terminal's sale. The name a terminal sends is the beneficiary's;
 * the person's phone is the one entered at the terminal. A document number the register does not know registers a
 * foreigner "to be completed" (appendix, algorithm 4; README I23): no birth date or sex until a ТУ adds the PIN.
 */
export function terminalPaymentRequest(
  provider: TerminalProvider,
  req: Pick<TerminalRequest, "txnId" | "accountRaw" | "account" | "sumTyiyn"> & { paidAt: Date; receivedAt: Date },
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
    receivedAt: req.receivedAt,
    amountSom: req.sumTyiyn / 100,
    payer: { name: UNNAMED_PAYER, phone },
    beneficiary:
      req.account.kind === "pin"
        ? { pin: req.account.pin, ...name, category: sale.category, phone }
        : {
            documentNumber: req.account.documentNumber,
            documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
            ...name,
            category: sale.category,
            phone,
          },
    termMonths: sale.termMonths,
    issueChannel: "TERMINAL",
    actor: source.actor,
  };
}

/** A recorded payment's outcome in the protocol's terms. */
export function terminalAnswer(outcome: RecordPaymentResult, sumTyiyn: number): Answer {
  switch (outcome.outcome) {
    case "created":
    case "duplicate":
      return {
        prvTxn: String(outcome.providerNumber),
        result: RESULT.OK,
        comment:
          outcome.studentStage === "SECOND_INSTALMENT"
            ? `Вторая половина оплачена. Полис № ${outcome.policyNumber} действует с ${outcome.validFrom} по ${outcome.validTo}`
            : `Полис № ${outcome.policyNumber} действует с ${outcome.validFrom} по ${outcome.validTo}`,
      };
    case "conflict":
      return { result: RESULT.OTHER, comment: "Номер транзакции уже использован с другим счётом или суммой" };
    case "date_in_future":
      return { result: RESULT.OTHER, comment: "Дата платежа в будущем" };
    case "refused":
      return { result: RESULT.NOT_ALLOWED, comment: refusalComment(outcome.refusals.map((r) => r.code)) };
    case "wrong_amount":
      return sumTyiyn < outcome.expectedSom * 100
        ? { result: RESULT.SUM_TOO_SMALL, comment: `Сумма меньше ожидаемой (${formatSom(outcome.expectedSom)} сом)` }
        : { result: RESULT.SUM_TOO_LARGE, comment: `Сумма больше ожидаемой (${formatSom(outcome.expectedSom)} сом)` };
  }
}

/**
 * `pay`: the payment happened at txn_date; record it once, whatever how many times the terminal asks. A txn_date
 * more than PAYMENT_DATE_WINDOW_DAYS before the request counts from the request (issue 11, hole 4; I33).
 */
async function pay(provider: TerminalProvider, req: TerminalRequest, now: Date): Promise<Answer> {
  const paidAt = req.paidAt!;
  const dates = decidePaymentDate({
    paidAt,
    receivedAt: now,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  if (!dates.ok) return { result: RESULT.OTHER, comment: "Дата платежа в будущем" };
  const [tariffs, person] = await readTariffsAndPerson(req);
  const sale = saleTo(req, person, tariffs, bishkekDate(dates.countsFrom));
  if (!sale.ok) return { result: sale.result, comment: sale.comment };
  const source: TerminalPaymentSource = {
    actor: { id: null, label: `terminal:${provider}` },
    payer: { name: req.fio!, phone: req.phone ?? null },
  };
  // the tariffs this sale was priced by are the payment's: read once per request (issue 17)
  const outcome = await recordPayment({
    ...terminalPaymentRequest(provider, { ...req, paidAt, receivedAt: now }, sale, source),
    tariffs,
    beneficiaryUnknown: sale.person === null,
    beneficiaryKnown: sale.person?.held && {
      id: sale.person.id,
      birthDate: sale.person.birthDate,
      sex: sale.person.sex,
      ...sale.person.held,
    },
  });
  return terminalAnswer(outcome, req.sumTyiyn);
}

export async function handleTerminalRequest(
  provider: TerminalProvider,
  params: URLSearchParams,
  now: Date,
  pathService?: TerminalService,
): Promise<TerminalResponse> {
  const parsed = parseTerminalRequest(params, now, pathService);
  if (!parsed.ok) return { osmpTxnId: parsed.txnId, sum: parsed.sum, result: parsed.result, comment: parsed.comment };
  const req = parsed.request;
  const sum = formatSum(req.sumTyiyn);
  try {
    const answer = req.command === "check" ? await check(req, now) : await pay(provider, req, now);
    return { osmpTxnId: req.txnId, sum, ...answer };
  } catch (e) {
    // Temporary: the terminal retries the same request, which is safe (idempotent by txn_id).
    const id = logUnexpectedError(e, `terminal ${provider} ${req.command} ${req.txnId}`);
    return {
      osmpTxnId: req.txnId,
      sum,
      result: RESULT.TEMPORARY,
      comment: `Временная ошибка, повторите запрос (${id})`,
    };
  }
}
