import { createHash } from "node:crypto";
import { writeAudit } from "@/lib/audit/write-audit";
import { canReconcilePayments, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findTariffRows } from "@/lib/policies/tariffs";
import { bishkekDate, quotePrice } from "@/lib/rules";
import { payTerminal } from "@/lib/terminals/handle-terminal-request";
import { parseTerminalRequest, parseTxnDate, TERMINAL_PROVIDERS, type TerminalProvider } from "@/lib/terminals/protocol";

export const MAX_REGISTRY_LINES = 100_000;
const CHUNK = 1000;

export type RegistryLine = { line: number; txnId: string; txnDate: string; paidAt: string; account: string; sum: string; sumTyiyn: number };
export type ReconciliationResult = {
  missingOurs: RegistryLine[];
  missingTheirs: { txnId: string; paidAt: string; account: string | null; amountSom: number }[];
  mismatched: (RegistryLine & { amountSomOurs: number })[];
};

/** "2024-03-10 14:05:00" or "20240310140500", Bishkek local time, as the providers' registries write it. */
function parseRegistryDate(s: string): Date | null {
  return parseTxnDate(s.replace(/[-:\sT]/g, ""));
}

/** The provider's daily registry: CSV lines `txn_id, txn_date, account, sum` (comma or semicolon; a header is skipped). */
export function parseRegistryCsv(text: string): RegistryLine[] {
  const out: RegistryLine[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(/[;,]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (index === 0 && /txn/i.test(cells[0] ?? "")) return;
    const [txnId = "", txnDate = "", account = "", sum = ""] = cells;
    const paidAt = parseRegistryDate(txnDate);
    const sumMatch = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(sum);
    if (cells.length < 4 || !/^\d{1,20}$/.test(txnId) || !paidAt || !account || !sumMatch) {
      throw new AppError("errors.registryFormat", { field: "file", values: { line: index + 1 } });
    }
    const sumTyiyn = Number(sumMatch[1]) * 100 + Number((sumMatch[2] ?? "").padEnd(2, "0"));
    out.push({ line: index + 1, txnId, txnDate, paidAt: paidAt.toISOString(), account, sum, sumTyiyn });
  });
  if (out.length === 0) throw new AppError("errors.registryEmpty", { field: "file" });
  if (out.length > MAX_REGISTRY_LINES) throw new AppError("errors.registryTooLarge", { field: "file" });
  return out;
}

/**
 * Matches a provider's daily registry against recorded payments (issue #5): matched, missing on our side, missing on
 * theirs (our payments of that provider within the registry's days that it does not list), amount mismatches.
 * Re-uploading the same file (same provider and SHA-256) returns the stored result and changes nothing.
 */
export async function reconcileRegistry(user: StaffUser, input: { provider: TerminalProvider; fileName: string; text: string }) {
  if (!canReconcilePayments(user)) throw new AppError("errors.forbidden");
  const channel = TERMINAL_PROVIDERS[input.provider];
  const fileSha256 = createHash("sha256").update(input.text).digest("hex");
  const existing = await db.registryUpload.findUnique({ where: { provider_fileSha256: { provider: channel, fileSha256 } } });
  if (existing) return { upload: existing, reused: true };

  const lines = parseRegistryCsv(input.text);
  const ours = new Map<string, { amountSom: number }>();
  const ids = [...new Set(lines.map((l) => l.txnId))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.payment.findMany({
      where: { channel, externalTxnId: { in: ids.slice(i, i + CHUNK) } },
      select: { externalTxnId: true, amountSom: true },
    });
    for (const r of rows) ours.set(r.externalTxnId, { amountSom: r.amountSom });
  }
  const result: ReconciliationResult = { missingOurs: [], missingTheirs: [], mismatched: [] };
  let matched = 0;
  for (const l of lines) {
    const p = ours.get(l.txnId);
    if (!p) result.missingOurs.push(l);
    else if (p.amountSom * 100 !== l.sumTyiyn) result.mismatched.push({ ...l, amountSomOurs: p.amountSom });
    else matched++;
  }
  // Our payments on the registry's days (Bishkek) that the registry does not list.
  const days = lines.map((l) => bishkekDate(new Date(l.paidAt))).sort();
  const from = new Date(`${days[0]}T00:00:00+06:00`);
  const to = new Date(new Date(`${days[days.length - 1]}T00:00:00+06:00`).getTime() + 86_400_000);
  const listed = new Set(ids);
  const inRange = await db.payment.findMany({
    where: { channel, paidAt: { gte: from, lt: to } },
    select: { externalTxnId: true, paidAt: true, account: true, amountSom: true },
    orderBy: { paidAt: "asc" },
  });
  for (const p of inRange) {
    if (!listed.has(p.externalTxnId)) result.missingTheirs.push({ txnId: p.externalTxnId, paidAt: p.paidAt.toISOString(), account: p.account, amountSom: p.amountSom });
  }
  const counts = { lineCount: lines.length, matched, missingOurs: result.missingOurs.length, missingTheirs: result.missingTheirs.length, mismatched: result.mismatched.length };
  try {
    const upload = await db.$transaction(async (tx) => {
      const created = await tx.registryUpload.create({
        data: { provider: channel, fileName: input.fileName.slice(0, 200), fileSha256, ...counts, result: result as unknown as Prisma.InputJsonValue, uploadedById: user.id },
      });
      await writeAudit(tx, { actor: { id: user.id, label: user.login }, action: "registry.reconcile", entity: "RegistryUpload", entityId: created.id, after: { provider: channel, fileName: input.fileName, fileSha256, ...counts } });
      return created;
    });
    return { upload, reused: false };
  } catch (e) {
    // The same file uploaded twice at once: the unique (provider, hash) keeps one; show it.
    const again = await db.registryUpload.findUnique({ where: { provider_fileSha256: { provider: channel, fileSha256 } } });
    if (again) return { upload: again, reused: true };
    throw e;
  }
}

/**
 * Registers a registry line missing on our side through the terminals' own idempotent `pay` path. The registry has
 * no service: the citizens' price means `service=citizen`, any other sum `service=foreigner`.
 */
export async function registerRegistryLine(user: StaffUser, uploadId: string, txnId: string, now: Date) {
  if (!canReconcilePayments(user)) throw new AppError("errors.forbidden");
  const upload = await db.registryUpload.findUnique({ where: { id: uploadId } });
  if (!upload) throw new AppError("errors.notFound");
  const line = (upload.result as unknown as ReconciliationResult).missingOurs.find((l) => l.txnId === txnId);
  if (!line) throw new AppError("errors.notFound");
  const provider = (Object.keys(TERMINAL_PROVIDERS) as TerminalProvider[]).find((p) => TERMINAL_PROVIDERS[p] === upload.provider)!;
  const paidAt = new Date(line.paidAt);
  const citizenPrice = quotePrice(await findTariffRows(), "CITIZEN", 12, bishkekDate(paidAt));
  const service = citizenPrice.ok && citizenPrice.priceSom * 100 === line.sumTyiyn ? "citizen" : "foreigner";
  const person = await db.person.findFirst({
    where: /^\d{14}$/.test(line.account) ? { pin: line.account } : { documentNumber: line.account.toUpperCase() },
    select: { lastName: true, firstName: true, patronymic: true, phone: true },
  });
  const name = person ? [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ") : `${upload.provider} ${line.txnId}`;
  // The same validation as a terminal's request; the registry has no fio or phone, so the register's are used.
  const parsed = parseTerminalRequest(
    new URLSearchParams({ command: "pay", txn_id: line.txnId, account: line.account, sum: line.sum, service, txn_date: line.txnDate.replace(/[-:\sT]/g, ""), fio: name, phone: "0700000000" }),
    now,
  );
  if (!parsed.ok) return { result: parsed.result, comment: parsed.comment };
  const req = parsed.request;
  return payTerminal(provider, req, { actor: { id: user.id, label: user.login }, payer: { name, phone: person?.phone ?? null } });
}
