import "server-only";
import { createHash } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations";
import { canReconcilePayments, type StaffUser } from "@/lib/auth/permissions";
import { bishkekDayRange } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findPersonByAccount } from "@/lib/people/queries";
import { terminalChannel, terminalProviderOf, type TerminalProvider } from "@/lib/payments/channels";
import { approvalForDecision, holdForApproval, markApprovalDecided } from "@/lib/payments/approvals/mutations";
import { recordPayment, type RecordPaymentRequest } from "@/lib/payments/record-payment";
import { resolveTerminalSale, terminalAnswer, terminalPaymentRequest } from "@/lib/payments/terminals/handle-request";
import { parseAccount, RESULT } from "@/lib/payments/terminals/protocol";
import { findTariffRows } from "@/lib/policies/queries";
import { bishkekDate, decidePaymentDate, paymentDateWindowDays, quotePrice } from "@/lib/rules";
import { parseRegistryCsv, type ReconciliationResult } from "./registry-csv";

const CHUNK = 1000;

/**
 * Matches a provider's daily registry against recorded payments (issue #5): matched, missing on our side, missing on
 * theirs (our payments of that provider within the registry's days that it does not list), amount mismatches.
 * Re-uploading the same file (same provider and SHA-256) returns the stored result and changes nothing.
 */
export async function reconcileRegistry(
  user: StaffUser,
  input: { provider: TerminalProvider; fileName: string; text: string },
) {
  if (!canReconcilePayments(user)) throw new AppError("errors.forbidden");
  const channel = terminalChannel(input.provider);
  const fileSha256 = createHash("sha256").update(input.text).digest("hex");
  const existing = await db.registryUpload.findUnique({
    where: { provider_fileSha256: { provider: channel, fileSha256 } },
  });
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
  // Every line is kept, matched ones too, so the result page lists every row (paged, by kind); the counts stay columns.
  const result: Required<ReconciliationResult> = { matched: [], missingOurs: [], missingTheirs: [], mismatched: [] };
  for (const l of lines) {
    const p = ours.get(l.txnId);
    if (!p) result.missingOurs.push(l);
    else if (p.amountSom * 100 !== l.sumTyiyn) result.mismatched.push({ ...l, amountSomOurs: p.amountSom });
    else result.matched.push(l);
  }
  // Our payments on the registry's days (Bishkek) that the registry does not list.
  const days = lines.map((l) => bishkekDate(new Date(l.paidAt))).sort();
  const range = bishkekDayRange(days[0]!, days[days.length - 1]!);
  const listed = new Set(ids);
  const inRange = await db.payment.findMany({
    where: { channel, paidAt: range },
    select: { externalTxnId: true, paidAt: true, account: true, amountSom: true },
    orderBy: { paidAt: "asc" },
  });
  for (const p of inRange) {
    if (!listed.has(p.externalTxnId))
      result.missingTheirs.push({
        txnId: p.externalTxnId,
        paidAt: p.paidAt.toISOString(),
        account: p.account,
        amountSom: p.amountSom,
      });
  }
  const counts = {
    lineCount: lines.length,
    matched: result.matched.length,
    missingOurs: result.missingOurs.length,
    missingTheirs: result.missingTheirs.length,
    mismatched: result.mismatched.length,
  };
  try {
    const upload = await db.$transaction(async (tx) => {
      const created = await tx.registryUpload.create({
        data: {
          provider: channel,
          fileName: input.fileName.slice(0, 200),
          fileSha256,
          ...counts,
          result: result as unknown as Prisma.InputJsonValue,
          uploadedById: user.id,
        },
      });
      await writeAudit(tx, {
        actor: { id: user.id, label: user.login },
        action: "registry.reconcile",
        entity: "RegistryUpload",
        entityId: created.id,
        after: { provider: channel, fileName: input.fileName, fileSha256, ...counts },
      });
      return created;
    });
    return { upload, reused: false };
  } catch (e) {
    // The same file uploaded twice at once: the unique (provider, hash) keeps one; show it.
    const again = await db.registryUpload.findUnique({
      where: { provider_fileSha256: { provider: channel, fileSha256 } },
    });
    if (again) return { upload: again, reused: true };
    throw e;
  }
}

type LineAnswer = { result: number; comment: string } | { result: "pending"; approvalId: string };

/**
 * Registers a registry line missing on our side through the one payment transaction, like every channel: the
 * terminals' sale rules decide category and term, recordPayment is idempotent by (channel, txn id). The registry has
 * no service, name or phone: the citizens' price means `service=citizen`, any other sum `service=foreigner`; the
 * register's name and phone are used when the person is known. The line reached us when its registry was uploaded:
 * dated in the future it is refused; dated more than PAYMENT_DATE_WINDOW_DAYS before that it is held for another
 * Fund officer's approval and counts from the upload (issue 11, hole 4; interpretation I33).
 */
export async function registerRegistryLine(
  user: StaffUser,
  uploadId: string,
  txnId: string,
  now: Date,
): Promise<LineAnswer> {
  if (!canReconcilePayments(user)) throw new AppError("errors.forbidden");
  const found = await registryLine(uploadId, txnId);
  // The upload time is when the line reached us; a clock set wrong when it was stored must not move "now" back.
  const receivedAt = found.upload.createdAt < now ? found.upload.createdAt : now;
  const dates = decidePaymentDate({
    paidAt: new Date(found.line.paidAt),
    receivedAt,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  if (!dates.ok) return { result: RESULT.OTHER, comment: "Дата платежа в будущем" };
  if (dates.lateDated) {
    return {
      result: "pending",
      ...(await holdForApproval(user, {
        kind: "REGISTRY_LINE",
        channel: found.upload.provider,
        externalTxnId: found.line.txnId,
        input: { uploadId, txnId, receivedAt: receivedAt.toISOString() },
        paidAt: new Date(found.line.paidAt),
        amountSom: found.line.sumTyiyn / 100,
        officeId: null,
      })),
    };
  }
  return recordRegistryLine(user, found, receivedAt);
}

/** Another Fund officer approves a held registry line (four eyes): recorded and marked in one transaction. */
export async function approveRegistryLine(user: StaffUser, approvalId: string): Promise<LineAnswer> {
  const approval = await approvalForDecision(user, approvalId);
  if (approval.kind !== "REGISTRY_LINE") throw new AppError("errors.notFound");
  const stored = approval.input as { uploadId: string; txnId: string; receivedAt: string };
  const found = await registryLine(stored.uploadId, stored.txnId);
  return recordRegistryLine(user, found, new Date(stored.receivedAt), (tx, issued) =>
    markApprovalDecided(tx, user, approval, {
      status: "APPROVED",
      paymentId: issued.paymentId,
      policyNumber: issued.policyNumber,
    }),
  );
}

async function registryLine(uploadId: string, txnId: string) {
  const upload = await db.registryUpload.findUnique({ where: { id: uploadId } });
  if (!upload) throw new AppError("errors.notFound");
  const line = (upload.result as unknown as ReconciliationResult).missingOurs.find((l) => l.txnId === txnId);
  const provider: TerminalProvider | null = terminalProviderOf(upload.provider);
  if (!line || !provider) throw new AppError("errors.notFound");
  return { upload, line, provider };
}

async function recordRegistryLine(
  user: StaffUser,
  { upload, line, provider }: Awaited<ReturnType<typeof registryLine>>,
  receivedAt: Date,
  afterIssue?: RecordPaymentRequest["afterIssue"],
): Promise<LineAnswer> {
  const paidAt = new Date(line.paidAt);
  const dates = decidePaymentDate({
    paidAt,
    receivedAt,
    windowDays: paymentDateWindowDays(process.env.PAYMENT_DATE_WINDOW_DAYS),
  });
  if (!dates.ok) return { result: RESULT.OTHER, comment: "Дата платежа в будущем" };
  const tariffs = await findTariffRows();
  const day = bishkekDate(dates.countsFrom);
  const citizenPrice = quotePrice(tariffs, "CITIZEN", 12, day);
  const service = citizenPrice.ok && citizenPrice.priceSom * 100 === line.sumTyiyn ? "citizen" : "foreigner";
  const account = parseAccount(line.account, service);
  if (!account) return { result: RESULT.BAD_ACCOUNT, comment: "Неверный ПИН или номер документа" };
  const request = {
    txnId: line.txnId,
    accountRaw: line.account.trim(),
    account,
    sumTyiyn: line.sumTyiyn,
    paidAt,
    receivedAt,
  };
  const sale = await resolveTerminalSale({ account, service, sumTyiyn: line.sumTyiyn }, tariffs, day);
  if (!sale.ok) return { result: sale.result, comment: sale.comment };
  const person = await findPersonByAccount(
    account.kind === "pin" ? { pin: account.pin } : { documentNumber: account.documentNumber },
  );
  const payer = { name: person?.fullName ?? `${upload.provider} ${line.txnId}`, phone: person?.phone ?? null };
  const outcome = await recordPayment({
    ...terminalPaymentRequest(provider, request, sale, { actor: { id: user.id, label: user.login }, payer }),
    afterIssue,
  });
  return terminalAnswer(outcome, line.sumTyiyn);
}
