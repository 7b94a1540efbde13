import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** Anything that can write: the client or a transaction client. Audit rows go in the same transaction as the change. */
type AuditWriter = {
  auditLog: {
    create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown>;
    createMany(args: { data: Prisma.AuditLogCreateManyInput[] }): Promise<unknown>;
  };
};

export type AuditActor = { id: string | null; label: string };

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * What one call can write (issue 11, hole 6): the table is append-only, so whatever lands there stays. A request
 * cannot fill it with megabytes: each of before/after is capped, a longer one is replaced by a marker with its size
 * and the start of its text; short text columns are cut; and one call writes at most MAX_AUDIT_ROWS_PER_CALL rows.
 */
export const MAX_AUDIT_JSON_BYTES = 16 * 1024;
export const MAX_AUDIT_ROWS_PER_CALL = 100;
const MAX_LABEL_CHARS = 200;
const SECRET_KEYS = new Set(["passwordHash", "password", "totpSecret", "recoveryCodes", "recoveryCodeHashes"]);

/** Strips what must never sit in an audit row (password hashes, second-factor secrets), makes values JSON-safe
 * (BigInt, Date) and caps the size. */
function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  const text = toAuditJsonText(value);
  return text === undefined ? undefined : (JSON.parse(text) as Prisma.InputJsonValue);
}

/** toAuditJson as JSON text, for a writer that sends the text itself (issue 17: no parse and second stringify). */
function toAuditJsonText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = JSON.stringify(value, (key, v) => {
    if (SECRET_KEYS.has(key)) return undefined;
    if (typeof v === "bigint") return v.toString();
    return v;
  });
  if (text === undefined) return undefined;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_AUDIT_JSON_BYTES)
    return JSON.stringify({ truncated: true, originalBytes: bytes, preview: text.slice(0, 1000) });
  return text;
}

const cut = (s: string) => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

function toRow<J>(entry: AuditEntry, json: (value: unknown) => J | undefined) {
  return {
    actorId: entry.actor.id,
    actorLabel: cut(entry.actor.label),
    action: cut(entry.action),
    entity: cut(entry.entity),
    entityId: entry.entityId == null ? null : cut(entry.entityId),
    before: json(entry.before),
    after: json(entry.after),
  };
}

export async function writeAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({ data: toRow(entry, toAuditJson) });
}

function assertRowCount(entries: AuditEntry[]): void {
  if (entries.length > MAX_AUDIT_ROWS_PER_CALL) {
    throw new Error(`One call writes at most ${MAX_AUDIT_ROWS_PER_CALL} audit rows (got ${entries.length})`);
  }
}

/**
 * The rows one call writes, cut and capped as above — for a writer that inserts them in a statement of its own
 * (the payment path's single write, lib/payments/record-payment.ts). `after` comes as JSON text.
 */
export function auditRows(entries: AuditEntry[]) {
  assertRowCount(entries);
  return entries.map((entry) => {
    const row = toRow(entry, toAuditJsonText);
    return { ...row, before: row.before ?? null, after: row.after ?? null };
  });
}

/** Several rows in one statement (a payment and the policy it created). */
export async function writeAudits(writer: AuditWriter, entries: AuditEntry[]): Promise<void> {
  assertRowCount(entries);
  await writer.auditLog.createMany({ data: entries.map((entry) => toRow(entry, toAuditJson)) });
}

/** A refused permission, written outside any transaction (nothing else changed). */
export async function writeAccessDenied(actor: AuditActor, permission: string, target?: string): Promise<void> {
  await writeAudit(db, {
    actor,
    action: "access.denied",
    entity: "Permission",
    entityId: permission,
    after: target ? { target } : undefined,
  });
}

/** An audit row on its own, for events that change nothing else (sign-in, a rejected callback, a record view). */
export async function writeStandaloneAudit(entry: AuditEntry): Promise<void> {
  await writeAudit(db, entry);
}

/**
 * A background job's audit rows in one statement (a contract list's batch: a row per policy and payment, issue 12):
 * each row is cut and capped exactly as above; the number of rows is the job's batch, not a request's choice.
 */
export async function writeJobAudits(tx: Prisma.TransactionClient, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => toRow(entry, toAuditJsonText));
  const json = (v: string | undefined) => v ?? null;
  await tx.$executeRaw`INSERT INTO "AuditLog" ("actorId", "actorLabel", "action", "entity", "entityId", "before", "after")
    SELECT "actorId"::uuid, "actorLabel", "action", "entity", "entityId", "before"::jsonb, "after"::jsonb
    FROM UNNEST(${rows.map((r) => r.actorId)}::text[], ${rows.map((r) => r.actorLabel)}::text[],
      ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entity)}::text[], ${rows.map((r) => r.entityId)}::text[],
      ${rows.map((r) => json(r.before))}::text[], ${rows.map((r) => json(r.after))}::text[])
    AS t("actorId", "actorLabel", "action", "entity", "entityId", "before", "after")`;
}
