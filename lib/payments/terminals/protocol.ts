/**
 * The payment terminals' provider protocol (QIWI/OSMP style, used by QuickPay, Megacom and Pay24; order No. 226,
 * appendix): the terminal asks to `check` an account, then sends `pay`, and retries until it gets a final answer.
 * Fixed interface (issue #5) — other systems are built against it. Parsing and formatting only; no I/O.
 */
import { normalizeKgMobile } from "@/lib/people/phone";
import { isDocumentNumber, parsePin } from "@/lib/rules";

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

/** Extra named values of a `check` answer (the price due, the terms on offer): `<fields><field1 name="price">…` */
export type TerminalField = { name: string; value: string };

export type TerminalResponse = {
  osmpTxnId: string;
  /** the provider's transaction number: digits only (OSMP clients parse it as an integer) */
  prvTxn?: string;
  /** always with two decimals: 1840.00 */
  sum: string;
  result: ResultCode;
  comment: string;
  fields?: TerminalField[];
};

/** The menu items a terminal network configures (issue 18): `service=` or the last segment of the path. */
const TERMINAL_SERVICES = ["citizen", "foreigner", "student"] as const;
export type TerminalService = (typeof TERMINAL_SERVICES)[number];

export function isTerminalService(s: string): s is TerminalService {
  return (TERMINAL_SERVICES as readonly string[]).includes(s);
}

/** Tyiyn as the protocol writes a sum: 184000 → "1840.00". */
export function formatSum(tyiyn: number): string {
  return `${Math.floor(tyiyn / 100)}.${String(tyiyn % 100).padStart(2, "0")}`;
}

/** Whole som as the protocol writes a sum: 1840 → "1840.00". */
export function formatSom(som: number): string {
  return formatSum(som * 100);
}

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
    `<sum>${xmlEscape(r.sum)}</sum><result>${r.result}</result><comment>${xmlEscape(r.comment)}</comment>` +
    (r.fields?.length
      ? `<fields>${r.fields.map((f, i) => `<field${i + 1} name="${xmlEscape(f.name)}">${xmlEscape(f.value)}</field${i + 1}>`).join("")}</fields>`
      : "") +
    `</response>`
  );
}

export type ParsedAccount = { kind: "pin"; pin: string } | { kind: "document"; documentNumber: string };

export type TerminalRequest = {
  command: "check" | "pay";
  txnId: string;
  account: ParsedAccount;
  accountRaw: string;
  /**
   * in tyiyn (1/100 som), exactly as sent: a sum is compared with the price, never rounded. 0 on a `check` sent
   * before the money (no sum or sum=0.00): the answer names the price due (issue 18)
   */
  sumTyiyn: number;
  service: TerminalService;
  /** pay only */
  paidAt?: Date;
  fio?: string;
  phone?: string;
};

export type ParseResult =
  | { ok: true; request: TerminalRequest }
  | { ok: false; result: ResultCode; comment: string; txnId: string; sum: string };

const NO_SUM = "0.00";

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

export function parseAccount(raw: string, service: TerminalService): ParsedAccount | null {
  const account = raw.trim();
  if (/^\d{14}$/.test(account)) return parsePin(account).ok ? { kind: "pin", pin: account } : null;
  // Foreigners (students too) may pay by document number instead of a PIN (appendix, algorithms 4–5).
  if (service !== "citizen" && isDocumentNumber(account))
    return { kind: "document", documentNumber: account.toUpperCase() };
  return null;
}

/** `1840`, `1840.0`, `1840.00` (and a comma) are one amount; null when it is not a sum. */
function parseSum(raw: string): number | null {
  if (!SUM.test(raw)) return null;
  const [whole, fraction = ""] = raw.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/**
 * Validates a request in the order a terminal's operator would want the answer: what the request itself gets wrong
 * comes before what the rules say about the person. `pathService` is the service a per-service path names
 * (/terminal/<provider>/<service>); a request with neither it nor `service=` is for citizens (issue 18).
 */
export function parseTerminalRequest(params: URLSearchParams, now: Date, pathService?: TerminalService): ParseResult {
  const txnId = params.get("txn_id")?.trim() ?? "";
  const sumRaw = params.get("sum")?.trim() ?? "";
  const parsedSum = parseSum(sumRaw);
  const fail = (result: ResultCode, comment: string): ParseResult => ({
    ok: false,
    result,
    comment,
    txnId,
    sum: parsedSum === null ? NO_SUM : formatSum(parsedSum),
  });

  const command = params.get("command");
  if (command !== "check" && command !== "pay") return fail(RESULT.OTHER, "Неизвестная команда");
  if (!TXN_ID.test(txnId)) return fail(RESULT.OTHER, "Неверный номер транзакции");
  const serviceParam = params.get("service")?.trim() || null;
  const service = pathService ?? serviceParam ?? "citizen";
  if (!isTerminalService(service) || (pathService && serviceParam && serviceParam !== pathService))
    return fail(RESULT.OTHER, "Неизвестная услуга");
  const accountRaw = params.get("account") ?? "";
  const account = parseAccount(accountRaw, service);
  if (!account)
    return fail(RESULT.BAD_ACCOUNT, service === "citizen" ? "Неверный ПИН" : "Неверный ПИН или номер документа");
  // A `check` before the money comes without a sum or with 0.00 (issue 18); a payment always has one.
  const sumTyiyn = command === "check" && sumRaw === "" ? 0 : parsedSum;
  if (sumTyiyn === null || (command === "pay" && sumTyiyn === 0)) return fail(RESULT.OTHER, "Неверная сумма");

  const request: TerminalRequest = {
    command,
    txnId,
    account,
    accountRaw: accountRaw.trim(),
    sumTyiyn,
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
