import { canViewAuditLog, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const AUDIT_PAGE_SIZE = 50;

/**
 * The audit viewer's filter (issue 15). Every part is optional; `before` is the keyset cursor (rows with a smaller
 * id, newest first), so a page costs the same on the millionth row as on the first. Instants, not days: the caller
 * turns the Bishkek days of the form into them.
 */
export type AuditQuery = {
  action?: string;
  actorId?: string;
  /** the records of one person (their id, policies, payments, orders) or one record id */
  entityIds?: string[];
  from?: Date;
  /** exclusive */
  to?: Date;
  before?: bigint;
};

export type AuditRow = {
  id: string;
  at: Date;
  actorLabel: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

function whereOf(q: AuditQuery): Prisma.AuditLogWhereInput {
  return {
    ...(q.action ? { action: q.action } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.entityIds ? { entityId: { in: q.entityIds } } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
    ...(q.before !== undefined ? { id: { lt: q.before } } : {}),
  };
}

/** A page of the log, newest first, and the cursor of the next (older) page; auditors only. */
export async function listAuditPage(
  user: StaffUser,
  q: AuditQuery,
  size = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  if (!canViewAuditLog(user)) return { rows: [], nextBefore: null };
  const found = await db.auditLog.findMany({
    where: whereOf(q),
    orderBy: { id: "desc" },
    take: size + 1,
    include: { actor: { select: { fullName: true } } },
  });
  const rows = found.slice(0, size).map((r) => ({
    id: r.id.toString(),
    at: r.at,
    actorLabel: r.actorLabel,
    actorName: r.actor?.fullName ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { rows, nextBefore: found.length > size ? rows[rows.length - 1]!.id : null };
}

/**
 * The actions the log holds, for the filter: a loose index scan over the (action, id) index — one index probe per
 * distinct action, not a pass over the whole log.
 */
export async function listAuditActions(user: StaffUser): Promise<string[]> {
  if (!canViewAuditLog(user)) return [];
  const rows = await db.$queryRaw<{ action: string }[]>`WITH RECURSIVE a AS (
      SELECT min("action") AS "action" FROM "AuditLog"
      UNION ALL
      SELECT (SELECT min("action") FROM "AuditLog" WHERE "action" > a."action") FROM a WHERE a."action" IS NOT NULL
    )
    SELECT "action" FROM a WHERE "action" IS NOT NULL`;
  return rows.map((r) => r.action);
}

/** Staff accounts, for the "who" filter. */
export async function listAuditActors(user: StaffUser): Promise<{ id: string; login: string; fullName: string }[]> {
  if (!canViewAuditLog(user)) return [];
  return db.user.findMany({ select: { id: true, login: true, fullName: true }, orderBy: { login: "asc" } });
}
