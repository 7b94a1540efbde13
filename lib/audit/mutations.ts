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

/** Strips what must never sit in an audit row (password hashes) and makes values JSON-safe (BigInt, Date). */
function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === "passwordHash" || key === "password") return undefined;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

function toRow(entry: AuditEntry) {
  return {
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: toAuditJson(entry.before),
    after: toAuditJson(entry.after),
  };
}

export async function writeAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({ data: toRow(entry) });
}

/** Several rows in one statement (a payment and the policy it created). */
export async function writeAudits(writer: AuditWriter, entries: AuditEntry[]): Promise<void> {
  await writer.auditLog.createMany({ data: entries.map(toRow) });
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
