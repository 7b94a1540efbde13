/**
 * The payment terminals' provider protocol (QIWI/OSMP style, used by QuickPay, Megacom and Pay24; order No. 226,
 * appendix): the terminal asks to `check` an account, then sends `pay`, and retries until it gets a final answer.
 * Fixed interface (issue #5) — other systems are built against it. Parsing and formatting only; no I/O.
 */
import { normalizeKgMobile } from "@/lib/people/phone";
import { isDocumentNumber, parsePin } from "@/lib/rules";

export { isTerminalProvider } from "@/lib/payments/channels";

/** Result codes of the protocol. */
export const RESULT = {
  OK: 0,
  TEMPORARY: 1, // temporary error: the terminal retries
  BAD_ACCOUNT: 4, // malformed account
  NOT_ALLOWED: 7, // payment not allowed: under 16, insured elsewhere, no tariff in force …
  SUM_TOO_SMALL: 241,
  SUM_TOO_LARGE: 242,
  OTHER: 300, // missing fio/phone, malformed date, txn_date in the future, txn_id reused with another account/sum
} as const;
export type ResultCode = (typeof RESULT)[keyof typeof RESULT];

export type TerminalResponse = { osmpTxnId: string; prvTxn?: string; sum: string; result: ResultCode; comment: string };

function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function toXml(r: TerminalResponse): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<response>` +
    `<osmp_txn_id>${xmlEscape(r.osmpTxnId)}</osmp_txn_id>` +
    (r.prvTxn !== undefined ? `<prv_txn>${xmlEscape(r.prvTxn)}</prv_txn>` : "") +
    `<sum>${xmlEscape(r.sum)}</sum><result>${r.result}</result><comment>${xmlEscape(r.comment)}</comment></response>`
  );
}

export type ParsedAccount = { kind: "pin"; pin: string } | { kind: "document"; documentNumber: string };

export type TerminalRequest = {
  command: "check" | "pay";
  txnId: string;
  account: ParsedAccount;
  accountRaw: string;
  /** in tyiyn (1/100 som), exactly as sent: a sum is compared with the price, never rounded */
  sumTyiyn: number;
  sumRaw: string;
  service: "citizen" | "foreigner";
  /** pay only */
  paidAt?: Date;
  fio?: string;
  phone?: string;
};

export type ParseResult =
  | { ok: true; request: TerminalRequest }
  | { ok: false; result: ResultCode; comment: string; txnId: string; sum: string };

const TXN_ID = /^\d{1,20}$/;
const SUM = /^\d{1,9}(?:[.,]\d{1,2})?$/;
const TXN_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `txn_date` is the moment the person paid in Asia/Bishkek local time (UTC+6 all year): YYYYMMDDHHMMSS. */
export function parseTxnDate(s: string): Date | null {
  const m = TXN_DATE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h - 6, mi, se);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null; // 31 April, 29 Feb of a common year
  return new Date(utc);
}

export function parseAccount(raw: string, service: "citizen" | "foreigner"): ParsedAccount | null {
  const account = raw.trim();
  if (/^\d{14}$/.test(account)) return parsePin(account).ok ? { kind: "pin", pin: account } : null;
  // Foreigners may pay by document number instead of a PIN (appendix, algorithms 4–5).
  if (service === "foreigner" && isDocumentNumber(account))
    return { kind: "document", documentNumber: account.toUpperCase() };
  return null;
}

/**
 * Validates a request in the order a terminal's operator would want the answer: what the request itself gets wrong
 * comes before what the rules say about the person.
 */
export function parseTerminalRequest(params: URLSearchParams, now: Date): ParseResult {
  const txnId = params.get("txn_id")?.trim() ?? "";
  const sumRaw = params.get("sum")?.trim() ?? "";
  const fail = (result: ResultCode, comment: string): ParseResult => ({
    ok: false,
    result,
    comment,
    txnId,
    sum: sumRaw,
  });

  const command = params.get("command");
  if (command !== "check" && command !== "pay") return fail(RESULT.OTHER, "Неизвестная команда");
  if (!TXN_ID.test(txnId)) return fail(RESULT.OTHER, "Неверный номер транзакции");
  const service = params.get("service");
  if (service !== "citizen" && service !== "foreigner") return fail(RESULT.OTHER, "Неизвестная услуга");
  const accountRaw = params.get("account") ?? "";
  const account = parseAccount(accountRaw, service);
  if (!account)
    return fail(RESULT.BAD_ACCOUNT, service === "citizen" ? "Неверный ПИН" : "Неверный ПИН или номер документа");
  if (!SUM.test(sumRaw)) return fail(RESULT.OTHER, "Неверная сумма");
  const [whole, fraction = ""] = sumRaw.replace(",", ".").split(".");
  const sumTyiyn = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));

  const request: TerminalRequest = {
    command,
    txnId,
    account,
    accountRaw: accountRaw.trim(),
    sumTyiyn,
    sumRaw,
    service,
  };
  if (command === "pay") {
    const paidAt = parseTxnDate(params.get("txn_date")?.trim() ?? "");
    if (!paidAt) return fail(RESULT.OTHER, "Неверная дата платежа");
    // A few minutes of clock difference between the terminal and us is not "the future".
    if (paidAt.getTime() > now.getTime() + 5 * 60_000) return fail(RESULT.OTHER, "Дата платежа в будущем");
    const fio = (params.get("fio") ?? "").trim().replace(/\s+/g, " ");
    if (fio.length < 3) return fail(RESULT.OTHER, "Не указано ФИО");
    const phone = normalizeKgMobile(params.get("phone") ?? "");
    if (!phone) return fail(RESULT.OTHER, "Не указан номер мобильного телефона");
    Object.assign(request, { paidAt, fio, phone });
  }
  return { ok: true, request };
}

/** Splits "Фамилия Имя Отчество" (cl. 20 asks for the full name) into its parts. */
export function splitFullName(fio: string): { lastName: string; firstName: string; patronymic: string | null } {
  const [lastName = fio, firstName = "—", ...rest] = fio.split(" ");
  return { lastName, firstName, patronymic: rest.length ? rest.join(" ") : null };
}
