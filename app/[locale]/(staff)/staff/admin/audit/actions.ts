"use server";

import { writeStandaloneAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { ZAuditPerson } from "@/lib/people/audit-person.schema";
import { findAuditRecordIdsByPin } from "@/lib/people/queries";
import { serverAction } from "@/lib/web/action";

/**
 * The audit viewer's "by person" filter: the PIN arrives in the POST body and the viewer opens with the person's id
 * (never the PIN) in its URL. Looking a person up in the log is itself logged.
 */
export const filterAuditByPersonAction = serverAction(
  { permission: "audit.view", schema: ZAuditPerson, redirect: true },
  async ({ actor, input }) => {
    const found = await findAuditRecordIdsByPin(input.pin);
    if (!found) throw new AppError("audit.error.notFound", { field: "pin" });
    await writeStandaloneAudit({ actor, action: "audit.person_filter", entity: "Person", entityId: found.personId });
    return `/${input.locale}/staff/admin/audit?person=${found.personId}`;
  },
);
