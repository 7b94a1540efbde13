import { canViewAuditLog, type StaffUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 100;

export async function listAuditEntries(user: StaffUser, filter: { entity?: string; action?: string } = {}) {
  if (!canViewAuditLog(user)) return [];
  return db.auditLog.findMany({
    where: {
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE,
  });
}

export async function listAuditFacets() {
  const [entities, actions] = await Promise.all([
    db.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
