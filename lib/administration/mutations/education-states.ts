import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { db as defaultDb, type Db } from "@/lib/db";
import { fromDbDate, fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import { compareDates, type CalendarDate } from "@/lib/rules";
import {
  ZAddEducationStateInput,
  ZEndEducationStateInput,
  type TAddEducationStateInput,
  type TEndEducationStateInput,
} from "../administration.schema";

/**
 * Adds a state with an education agreement (cl. 4 note, cl. 7): its students pay the citizens' price from
 * `effectiveFrom`, which may not be in the past (a price already quoted stays). Audited "education_state.create".
 */
export async function addEducationState(
  actor: AuditActor,
  raw: TAddEducationStateInput,
  today: CalendarDate,
  client: Db = defaultDb,
) {
  const input = ZAddEducationStateInput.parse(raw);
  if (compareDates(input.effectiveFrom, today) < 0)
    throw new AppError("administration.errors.dateInPast", { field: "effectiveFrom" });
  return client.$transaction(async (tx) => {
    const existing = await tx.educationAgreementState.findUnique({ where: { code: input.code } });
    if (existing) throw new AppError("administration.errors.stateExists", { field: "code" });
    await tx.educationAgreementState.create({ data: { ...input, effectiveFrom: toDbDate(input.effectiveFrom) } });
    await writeAudit(tx, {
      actor,
      action: "education_state.create",
      entity: "EducationAgreementState",
      entityId: input.code,
      after: { ...input, effectiveTo: null },
    });
    return input;
  });
}

/**
 * Ends a state's agreement: `effectiveTo` is its last day in force, not before today (days already priced keep their
 * price) nor before its first day. Audited "education_state.end" with before/after.
 */
export async function endEducationState(
  actor: AuditActor,
  raw: TEndEducationStateInput,
  today: CalendarDate,
  client: Db = defaultDb,
) {
  const input = ZEndEducationStateInput.parse(raw);
  return client.$transaction(async (tx) => {
    const row = await tx.educationAgreementState.findUnique({ where: { code: input.stateCode } });
    if (!row) throw new AppError("errors.notFound");
    const before = { effectiveFrom: fromDbDate(row.effectiveFrom), effectiveTo: fromDbDateOrNull(row.effectiveTo) };
    if (before.effectiveTo !== null && compareDates(before.effectiveTo, today) < 0)
      throw new AppError("administration.errors.stateAlreadyEnded");
    if (compareDates(input.effectiveTo, today) < 0)
      throw new AppError("administration.errors.dateInPast", { field: "effectiveTo" });
    if (compareDates(input.effectiveTo, before.effectiveFrom) < 0)
      throw new AppError("administration.errors.endBeforeStart", { field: "effectiveTo" });
    await tx.educationAgreementState.update({
      where: { code: input.stateCode },
      data: { effectiveTo: toDbDate(input.effectiveTo) },
    });
    const after = { ...before, effectiveTo: input.effectiveTo };
    await writeAudit(tx, {
      actor,
      action: "education_state.end",
      entity: "EducationAgreementState",
      entityId: input.stateCode,
      before,
      after,
    });
    return after;
  });
}
