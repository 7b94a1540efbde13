import "server-only";
import { writeStandaloneAudit } from "@/lib/audit/mutations";
import type { StaffUser } from "@/lib/auth/permissions";

/**
 * Opening a registry record shows a full PIN (issue 15): every opening is in the audit log — who, which record, when.
 * Lists show PINs masked and are not logged row by row; their CSV downloads are (`recordRegistryExport`).
 */
export async function recordRegistryView(user: StaffUser, entity: "Person" | "Policy" | "Payment", id: string) {
  await writeStandaloneAudit({
    actor: { id: user.id, label: user.login },
    action: "registry.view",
    entity,
    entityId: id,
  });
}

export async function recordRegistryExport(user: StaffUser, kind: string, searched: boolean) {
  await writeStandaloneAudit({
    actor: { id: user.id, label: user.login },
    action: "registry.export",
    entity: "Registry",
    entityId: kind,
    after: { searched },
  });
}
