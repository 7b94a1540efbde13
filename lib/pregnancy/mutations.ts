import "server-only";
import { writeAccessDenied, writeAudits, type AuditActor } from "@/lib/audit/mutations";
import { canRegisterPregnancy, type StaffUser } from "@/lib/auth/permissions";
import { db, MONEY_TX_OPTIONS, sqlOn } from "@/lib/db";
import { fromDbDate, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findOrCreatePersonForUpdate, lockPeople } from "@/lib/people/mutations";
import { nextElectronicPolicyNumber } from "@/lib/policies/mutations";
import { findCoverage } from "@/lib/policies/queries";
import {
  addDays,
  decideFollowOnPolicy,
  decidePregnancyRegistration,
  pregnancyDocuments,
  PREGNANCY_MAX_DAYS,
  PREGNANCY_REGISTRATION_CODE,
  statelessFromRecord,
  type CalendarDate,
  type Refusal,
} from "@/lib/rules";
import type { TPregnancyRegistrationInput } from "./registration.schema";
import type { FollowOnResult } from "./view-models";

export type PregnancyRegistrationResult =
  | {
      outcome: "POLICY_ISSUED";
      registrationId: string;
      policyNumber: string;
      validFrom: CalendarDate;
      validTo: CalendarDate;
    }
  | { outcome: "ALREADY_INSURED"; registrationId: string; insuredUntil: CalendarDate; followsOn: CalendarDate | null }
  /** the same pregnancy is registered already at this organization: the doctor is sent to that record */
  | { outcome: "EXISTING"; registrationId: string }
  | { outcome: "REFUSED"; refusals: Refusal[] };

class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super("refused");
  }
}

/**
 * A family doctor takes a woman onto the pregnancy register (cl. 24–28). The rules decide
 * (`decidePregnancyRegistration`): uninsured and eligible → a free 12-month policy from the registration day, issued
 * under the ТУ of the doctor's organization and insured at once; insured already → the registration only; refused →
 * nothing is written at all. The woman's row is locked for the transaction, so two doctors registering her at the
 * same moment are decided one after the other: the second finds the first registration (one policy, never two).
 */
export async function registerPregnancy(
  user: StaffUser,
  input: TPregnancyRegistrationInput,
  today: CalendarDate,
): Promise<PregnancyRegistrationResult> {
  if (!canRegisterPregnancy(user)) throw new AppError("errors.forbidden");
  const required = pregnancyDocuments(input.baseCategory).map((d) => d.code);
  const missing = required.filter((code) => !input.documents.includes(code));
  if (missing.length > 0) throw new AppError("errors.documentsIncomplete", { field: "documents" });
  const org = await db.healthOrganization.findUniqueOrThrow({
    where: { id: user.healthOrganizationId! },
    select: { id: true, officeId: true },
  });
  const actor: AuditActor = { id: user.id, label: user.login };
  try {
    return await db.$transaction(async (tx) => {
      const person = await findOrCreatePersonForUpdate(sqlOn(tx), {
        pin: input.idKind === "PIN" ? input.pin : null,
        documentType: input.idKind === "DOCUMENT" ? "FOREIGN_PASSPORT" : null,
        documentNumber: input.idKind === "DOCUMENT" ? input.documentNumber : null,
        birthDate: input.idKind === "DOCUMENT" ? input.birthDate : null,
        sex: input.idKind === "DOCUMENT" ? "FEMALE" : null,
        lastName: input.lastName,
        firstName: input.firstName,
        patronymic: input.patronymic || null,
        category: input.baseCategory,
      });
      // cl. 24 names foreign citizens: what the doctor saw in her passport is recorded on her.
      if (input.baseCategory === "FOREIGNER" && input.citizenship) {
        await tx.person.update({ where: { id: person.id }, data: { stateless: input.citizenship === "stateless" } });
      }
      const registeredOn = input.registeredOn as CalendarDate;
      const same = await tx.pregnancyRegistration.findFirst({
        where: {
          personId: person.id,
          registeredOn: {
            gte: toDbDate(addDays(registeredOn, -PREGNANCY_MAX_DAYS)),
            lte: toDbDate(addDays(registeredOn, PREGNANCY_MAX_DAYS)),
          },
        },
        select: { id: true, healthOrganizationId: true },
      });
      if (same) {
        if (same.healthOrganizationId !== org.id) throw new AppError("errors.pregnancyRegisteredElsewhere");
        return { outcome: "EXISTING" as const, registrationId: same.id };
      }
      let record = await tx.person.findUniqueOrThrow({
        where: { id: person.id },
        select: { citizenship: true, stateless: true, sex: true, birthDate: true },
      });
      // A foreigner first seen at a terminal has no sex or birth date on record (interpretation I23): the doctor who
      // sees her and her passport completes them.
      if ((!record.sex || !record.birthDate) && input.idKind === "DOCUMENT" && input.birthDate) {
        record = await tx.person.update({
          where: { id: person.id },
          data: {
            sex: record.sex ?? "FEMALE",
            birthDate: record.birthDate ?? toDbDate(input.birthDate as CalendarDate),
          },
          select: { citizenship: true, stateless: true, sex: true, birthDate: true },
        });
      }
      const decision = decidePregnancyRegistration({
        baseCategory: input.baseCategory,
        sex: record.sex ?? "FEMALE",
        birthDate: record.birthDate ? fromDbDate(record.birthDate) : undefined,
        marriedToCitizen: input.marriedToCitizen,
        isStateless: statelessFromRecord(record),
        hasIdentityDocument: true,
        registrationDay: registeredOn,
        today,
        coverage: await findCoverage({ id: person.id }, tx),
      });
      if (decision.kind === "REFUSED") throw new Refused(decision.refusals);

      const base = {
        personId: person.id,
        healthOrganizationId: org.id,
        registeredById: user.id,
        registeredOn: toDbDate(registeredOn),
        cardNumber: input.cardNumber,
        baseCategory: input.baseCategory,
        marriedToCitizen: input.marriedToCitizen,
        documents: input.documents.filter((d) => required.includes(d as never)),
        code: PREGNANCY_REGISTRATION_CODE,
      };
      if (decision.kind === "ALREADY_INSURED") {
        const registration = await tx.pregnancyRegistration.create({
          data: {
            ...base,
            outcome: "ALREADY_INSURED",
            insuredUntil: toDbDate(decision.insuredUntil),
            followsOn: decision.followsOn ? toDbDate(decision.followsOn) : null,
          },
        });
        await writeAudits(tx, [
          {
            actor,
            action: "pregnancy.register",
            entity: "PregnancyRegistration",
            entityId: registration.id,
            after: { ...base, outcome: "ALREADY_INSURED", insuredUntil: decision.insuredUntil },
          },
        ]);
        return {
          outcome: "ALREADY_INSURED" as const,
          registrationId: registration.id,
          insuredUntil: decision.insuredUntil,
          followsOn: decision.followsOn,
        };
      }
      const policy = await issueFreePolicy(tx, actor, {
        personId: person.id,
        org,
        userId: user.id,
        numberDay: registeredOn,
        decision,
      });
      const registration = await tx.pregnancyRegistration.create({
        data: { ...base, outcome: "POLICY_ISSUED", policyId: policy.id },
      });
      await writeAudits(tx, [
        {
          actor,
          action: "pregnancy.register",
          entity: "PregnancyRegistration",
          entityId: registration.id,
          after: { ...base, outcome: "POLICY_ISSUED", policyNumber: policy.number },
        },
      ]);
      return {
        outcome: "POLICY_ISSUED" as const,
        registrationId: registration.id,
        policyNumber: policy.number,
        validFrom: decision.validFrom,
        validTo: decision.validTo,
      };
    }, MONEY_TX_OPTIONS);
  } catch (e) {
    // A refusal writes nothing, not even the person: the transaction rolled back.
    if (e instanceof Refused) return { outcome: "REFUSED", refusals: e.refusals };
    throw e;
  }
}

type Tx = Prisma.TransactionClient;

/** cl. 26: the free 12-month pregnancy policy, issued under the ТУ of the doctor's organization, audited. */
async function issueFreePolicy(
  tx: Tx,
  actor: AuditActor,
  p: {
    personId: string;
    org: { id: number; officeId: number };
    userId: string;
    numberDay: CalendarDate;
    decision: { termMonths: number; validFrom: CalendarDate; validTo: CalendarDate };
  },
) {
  const number = await nextElectronicPolicyNumber(tx, p.numberDay);
  const policy = await tx.policy.create({
    data: {
      number,
      personId: p.personId,
      category: "PREGNANT",
      termMonths: p.decision.termMonths,
      priceSom: 0,
      status: "ISSUED",
      validFrom: toDbDate(p.decision.validFrom),
      validTo: toDbDate(p.decision.validTo),
      channel: "HEALTH_ORG",
      officeId: p.org.officeId,
      healthOrganizationId: p.org.id,
      createdById: p.userId,
    },
    select: { id: true, number: true },
  });
  await writeAudits(tx, [
    {
      actor,
      action: "policy.issue",
      entity: "Policy",
      entityId: policy.id,
      after: {
        number,
        personId: p.personId,
        category: "PREGNANT",
        priceSom: 0,
        validFrom: p.decision.validFrom,
        validTo: p.decision.validTo,
      },
    },
  ]);
  return policy;
}

/**
 * Interpretation I32: the free policy that follows a woman's coverage when it ends during the pregnancy, issued by a
 * doctor of the organization that registered her. The registration row is locked, so two clicks issue one policy
 * (and `followOnPolicyId` is unique). Another organization's registration is "not found" (null), audited.
 */
export async function issueFollowOnPolicy(
  user: StaffUser,
  registrationId: string,
  today: CalendarDate,
): Promise<FollowOnResult | null> {
  if (!canRegisterPregnancy(user)) throw new AppError("errors.forbidden");
  if (!/^[0-9a-f-]{36}$/i.test(registrationId)) return null;
  const actor: AuditActor = { id: user.id, label: user.login };
  const result = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "PregnancyRegistration"
      WHERE id = ${registrationId}::uuid AND "healthOrganizationId" = ${user.healthOrganizationId}
      FOR UPDATE`;
    if (locked.length === 0) return null;
    const r = await tx.pregnancyRegistration.findUniqueOrThrow({
      where: { id: registrationId },
      select: {
        personId: true,
        registeredOn: true,
        outcome: true,
        followOnPolicy: { select: { number: true, validFrom: true, validTo: true } },
        healthOrganization: { select: { id: true, officeId: true } },
      },
    });
    const done = r.followOnPolicy;
    if (done?.validFrom && done.validTo) {
      return {
        outcome: "POLICY_ISSUED" as const,
        policyNumber: done.number,
        validFrom: fromDbDate(done.validFrom),
        validTo: fromDbDate(done.validTo),
      };
    }
    if (r.outcome !== "ALREADY_INSURED") throw new AppError("errors.forbidden");
    // her coverage is read under her lock: a payment for her at this moment is decided before or after, never beside
    await lockPeople(sqlOn(tx), { ids: [r.personId] });
    const decision = decideFollowOnPolicy({
      registrationDay: fromDbDate(r.registeredOn),
      today,
      coverage: await findCoverage({ id: r.personId }, tx),
    });
    if (decision.kind === "NOT_NEEDED") return { outcome: "NOT_NEEDED" as const, insuredUntil: decision.insuredUntil };
    if (decision.kind === "PREGNANCY_OVER") return { outcome: "PREGNANCY_OVER" as const };
    const policy = await issueFreePolicy(tx, actor, {
      personId: r.personId,
      org: r.healthOrganization,
      userId: user.id,
      numberDay: today,
      decision,
    });
    await tx.pregnancyRegistration.update({ where: { id: registrationId }, data: { followOnPolicyId: policy.id } });
    await writeAudits(tx, [
      {
        actor,
        action: "pregnancy.followOn",
        entity: "PregnancyRegistration",
        entityId: registrationId,
        after: { followOnPolicyNumber: policy.number, validFrom: decision.validFrom, validTo: decision.validTo },
      },
    ]);
    return {
      outcome: "POLICY_ISSUED" as const,
      policyNumber: policy.number,
      validFrom: decision.validFrom,
      validTo: decision.validTo,
    };
  }, MONEY_TX_OPTIONS);
  if (result === null && (await db.pregnancyRegistration.count({ where: { id: registrationId } }))) {
    await writeAccessDenied(actor, "pregnancy.register", `PregnancyRegistration:${registrationId}`);
  }
  return result;
}
