import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { db as defaultDb, type Db } from "@/lib/db";
import { toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { findTariffRows } from "@/lib/policies/queries";
import { planTariffAddition, type CalendarDate } from "@/lib/rules";
import { ZAddTariffInput, type TAddTariffInput } from "../administration.schema";

const REFUSALS = {
  NOT_IN_FUTURE: "administration.errors.tariffNotInFuture",
  SAME_DAY_EXISTS: "administration.errors.tariffSameDay",
  FREE_CATEGORY: "administration.errors.tariffFreeCategory",
} as const;

/**
 * Adds a tariff row (issue 15; I38): from tomorrow at the earliest; the row in force before it is closed the day
 * before it (the one change the Tariff trigger allows on a row in force). One transaction, serialized with other
 * tariff changes, audited as "tariff.create" (and "tariff.close" for the row closed) with before/after.
 */
export async function addTariff(actor: AuditActor, raw: TAddTariffInput, today: CalendarDate, client: Db = defaultDb) {
  const input = ZAddTariffInput.parse(raw);
  return client.$transaction(async (tx) => {
    // two admins adding rows at once would each close the same open row: one at a time
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('Tariff'))`;
    const rows = await findTariffRows(tx);
    const plan = planTariffAddition(rows, input, today);
    if (!plan.ok)
      throw new AppError(REFUSALS[plan.reason], {
        field: plan.reason === "FREE_CATEGORY" ? "category" : "effectiveFrom",
      });
    if (plan.close) {
      const { row, effectiveTo } = plan.close;
      await tx.tariff.update({ where: { id: row.id }, data: { effectiveTo: toDbDate(effectiveTo) } });
      await writeAudit(tx, {
        actor,
        action: "tariff.close",
        entity: "Tariff",
        entityId: String(row.id),
        before: { effectiveTo: row.effectiveTo },
        after: { effectiveTo },
      });
    }
    const created = await tx.tariff.create({
      data: {
        category: input.category,
        termMonths: input.termMonths,
        priceSom: input.priceSom,
        effectiveFrom: toDbDate(input.effectiveFrom),
        effectiveTo: plan.effectiveTo ? toDbDate(plan.effectiveTo) : null,
        legalBasisRu: input.legalBasisRu,
        legalBasisKy: input.legalBasisKy,
      },
      select: { id: true },
    });
    const after = { ...input, effectiveTo: plan.effectiveTo };
    const before = plan.close
      ? { priceSom: plan.close.row.priceSom, effectiveFrom: plan.close.row.effectiveFrom, tariffId: plan.close.row.id }
      : null;
    await writeAudit(tx, {
      actor,
      action: "tariff.create",
      entity: "Tariff",
      entityId: String(created.id),
      before,
      after,
    });
    return { id: created.id, ...after };
  });
}
