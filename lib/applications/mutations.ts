import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { writeAudits, type AuditActor, type AuditEntry } from "@/lib/audit/mutations";
import { canUseOfficeWorkspace, type StaffUser } from "@/lib/auth/permissions";
import { findWorkingCalendar } from "@/lib/calendar/queries";
import { db, MONEY_TX_OPTIONS } from "@/lib/db";
import { fromDbDateOrNull, toDbDate } from "@/lib/db/calendar";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { savePersonRecord } from "@/lib/people/mutations";
import type { TPersonRecordInput } from "@/lib/people/person-record.schema";
import { nextElectronicPolicyNumber } from "@/lib/policies/mutations";
import { findCoverage, findTariffRows } from "@/lib/policies/queries";
import {
  addDays,
  applicationEntryDeadline,
  compareDates,
  decideWalkInApplication,
  isFreeCategory,
  policyMakingDeadline,
  requiredDocuments,
  type CalendarDate,
  type Category,
} from "@/lib/rules";
import type { TApplicationInput } from "./application.schema";

type Tx = Prisma.TransactionClient;

/** How far back a clerk may date a visit (a queue served the next working day; cl. 13 allows one). */
const MAX_RECEIVED_DAYS_AGO = 30;

/** A clerk registers or completes a person (issue 12); see savePersonRecord. Permission first. */
export async function saveClerkPerson(user: StaffUser, input: TPersonRecordInput): Promise<string> {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  const result = await savePersonRecord(
    {
      ...input,
      category: input.category as Category,
      sex: input.sex,
    },
    { id: user.id, label: user.login },
  );
  if (result.ok) return result.personId;
  switch (result.code) {
    case "NOT_FOUND":
      throw new AppError("desk.errors.personNotFound");
    case "PIN_MISMATCH":
      throw new AppError("desk.errors.pinMismatch", { field: "pin" });
    case "OTHER_PIN":
      throw new AppError("desk.errors.otherPin", { field: "pin" });
    case "DOCUMENT_TAKEN":
      throw new AppError("desk.errors.documentTaken", { field: "documentNumber" });
  }
}

type LinkedPayment = {
  id: string;
  paidAt: Date;
  externalTxnId: string;
  policy: {
    id: string;
    number: string;
    personId: string;
    category: Category;
    termMonths: number;
    status: string;
    officeId: number | null;
  } | null;
  application: { id: string } | null;
};

const paymentSelect = {
  id: true,
  paidAt: true,
  externalTxnId: true,
  policy: {
    select: { id: true, number: true, personId: true, category: true, termMonths: true, status: true, officeId: true },
  },
  application: { select: { id: true } },
} as const satisfies Prisma.PaymentSelect;

/**
 * The payment brought to the desk: the one picked from the person's list, or one found by its receipt (transaction)
 * number — or by the PIN or document number the channel was given — in any channel: a terminal's, a bank's or the
 * portal's. It must be confirmed, be the applicant's, and not be linked to another application yet (the latest
 * such payment when several match).
 */
async function findPaymentToLink(tx: Tx, personId: string, input: TApplicationInput): Promise<LinkedPayment | null> {
  if (!input.paymentId && !input.receiptNumber) return null;
  const field = input.receiptNumber ? "receiptNumber" : "paymentId";
  const candidates: LinkedPayment[] = input.receiptNumber
    ? await tx.payment.findMany({
        where: {
          status: "CONFIRMED",
          OR: [{ externalTxnId: input.receiptNumber }, { account: input.receiptNumber }],
        },
        select: paymentSelect,
        orderBy: { paidAt: "desc" },
        take: 20,
      })
    : await tx.payment.findMany({ where: { id: input.paymentId, status: "CONFIRMED" }, select: paymentSelect });
  if (candidates.length === 0) throw new AppError("desk.errors.paymentNotFound", { field });
  const own = candidates.filter((p) => p.policy?.personId === personId);
  if (own.length === 0) throw new AppError("desk.errors.paymentOtherPerson", { field });
  const payment = own.find((p) => p.application === null);
  if (!payment) throw new AppError("desk.errors.paymentLinked", { field });
  return payment;
}

/**
 * A walk-in application (cl. 10–15) in the clerk's own office. The rules decide (decideWalkInApplication): a paid
 * category with its payment → the payment's policy is linked (and placed in this office, where its paper policy is
 * made); the EAEU child (cl. 11) → a free policy is issued here; else the application is recorded as REFUSED with
 * every reason, and nothing else changes. Deadlines from the Fund's calendar: entry (cl. 13) one working day after
 * the visit, the paper policy (cl. 15) one working day after entry. The person's row is locked, the payment is linked
 * once (a unique column), and everything — with its audit rows — is one transaction.
 */
export async function submitApplication(
  user: StaffUser,
  input: TApplicationInput,
  today: CalendarDate,
): Promise<{ applicationId: string }> {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  const receivedOn = input.receivedOn as CalendarDate;
  if (compareDates(receivedOn, today) > 0) throw new AppError("errors.dateInFuture", { field: "receivedOn" });
  if (compareDates(receivedOn, addDays(today, -MAX_RECEIVED_DAYS_AGO)) < 0)
    throw new AppError("desk.errors.receivedTooOld", { field: "receivedOn" });
  if (input.category !== "PREGNANT") {
    const known = requiredDocuments(input.category).map((d) => d.code as string);
    if (input.documents.some((d) => !known.includes(d)))
      throw new AppError("errors.invalidInput", { field: "documents" });
  }
  const calendar = await findWorkingCalendar(receivedOn, today);
  const officeId = user.officeId!;
  const actor: AuditActor = { id: user.id, label: user.login };
  try {
    return await db.$transaction(async (tx) => {
      const [person] = await tx.$queryRaw<
        { id: string; category: Category; birthDate: Date | null; sex: "FEMALE" | "MALE" | null }[]
      >`
        SELECT "id", "category", "birthDate", "sex" FROM "Person" WHERE "id" = ${input.personId}::uuid FOR UPDATE`;
      if (!person) throw new AppError("desk.errors.personNotFound");
      const payment = await findPaymentToLink(tx, person.id, input);
      if (payment && isFreeCategory(input.category))
        throw new AppError("desk.errors.paymentForFree", { field: "category" });
      if (payment?.policy && payment.policy.category !== input.category)
        throw new AppError("desk.errors.paymentOtherCategory", { field: "category" });
      if (payment?.policy?.officeId != null && payment.policy.officeId !== officeId)
        throw new AppError("desk.errors.paymentOtherOffice", {
          field: input.receiptNumber ? "receiptNumber" : "paymentId",
        });
      const termMonths = payment?.policy?.termMonths ?? input.termMonths;

      // one after the other: a transaction is one connection (pg refuses overlapping queries on one client from v9)
      const coverage = await findCoverage({ id: person.id }, tx);
      const tariffs = await findTariffRows(tx);
      // The linked payment's own policy is what the application is for: it does not count as "insured already".
      const others = payment?.policy
        ? { ...coverage, policies: coverage.policies.filter((p) => p.number !== payment.policy!.number) }
        : coverage;
      const decision = decideWalkInApplication({
        category: input.category,
        termMonths,
        person: { category: person.category, birthDate: fromDbDateOrNull(person.birthDate), sex: person.sex },
        ticked: input.documents,
        payment: payment ? { hasIssuedPolicy: payment.policy?.status === "ISSUED" } : null,
        coverage: others,
        tariffs,
        today,
      });

      const base = {
        officeId,
        personId: person.id,
        category: input.category,
        termMonths,
        documents: input.documents,
        startedOn: toDbDate(receivedOn),
        enteredOn: toDbDate(today),
        entryDueOn: toDbDate(applicationEntryDeadline(receivedOn, calendar)),
        createdById: user.id,
      };
      const audits: AuditEntry[] = [];
      if (decision.kind === "REFUSED") {
        const app = await tx.policyApplication.create({
          data: {
            ...base,
            status: "REFUSED",
            refusals: decision.refusals.map((r) => r.code),
            missingDocuments: decision.missingDocuments,
            insuredUntil: decision.insuredUntil ? toDbDate(decision.insuredUntil) : null,
          },
          select: { id: true },
        });
        await writeAudits(tx, [
          {
            actor,
            action: "application.refuse",
            entity: "PolicyApplication",
            entityId: app.id,
            after: { category: input.category, refusals: decision.refusals, missing: decision.missingDocuments },
          },
        ]);
        return { applicationId: app.id };
      }

      const policyDueOn = toDbDate(policyMakingDeadline(today, calendar));
      let policyId: string;
      if (decision.kind === "ISSUE_FREE") {
        const number = await nextElectronicPolicyNumber(tx, today);
        const policy = await tx.policy.create({
          data: {
            number,
            personId: person.id,
            category: decision.category,
            termMonths: decision.termMonths,
            priceSom: 0,
            status: "ISSUED",
            validFrom: toDbDate(decision.validFrom),
            validTo: toDbDate(decision.validTo),
            channel: "OFFICE",
            officeId,
            createdById: user.id,
          },
          select: { id: true },
        });
        policyId = policy.id;
        audits.push({
          actor,
          action: "policy.issue",
          entity: "Policy",
          entityId: policy.id,
          after: {
            number,
            personId: person.id,
            category: decision.category,
            priceSom: 0,
            validFrom: decision.validFrom,
            validTo: decision.validTo,
          },
        });
      } else {
        const policy = payment!.policy!;
        policyId = policy.id;
        if (policy.officeId === null) {
          await tx.policy.update({ where: { id: policy.id }, data: { officeId } });
          audits.push({
            actor,
            action: "policy.office",
            entity: "Policy",
            entityId: policy.id,
            before: { officeId: null },
            after: { officeId, reason: "walk-in application" },
          });
        }
      }
      const app = await tx.policyApplication.create({
        data: { ...base, status: "ACCEPTED", paymentId: payment?.id ?? null, policyId, policyDueOn },
        select: { id: true },
      });
      audits.unshift({
        actor,
        action: "application.accept",
        entity: "PolicyApplication",
        entityId: app.id,
        after: {
          category: input.category,
          termMonths,
          documents: input.documents,
          paymentId: payment?.id ?? null,
          policyId,
          policyDueOn: fromDbDateOrNull(policyDueOn),
        },
      });
      await writeAudits(tx, audits);
      return { applicationId: app.id };
    }, MONEY_TX_OPTIONS);
  } catch (e) {
    // Two clerks linking the same payment (or policy) at once: the unique column decides, the loser is told.
    if (isUniqueViolation(e)) throw new AppError("desk.errors.paymentLinked", { field: "paymentId" });
    throw e;
  }
}

/**
 * cl. 15: the paper policy of an accepted application of the clerk's own office has been made — it leaves the list
 * of policies to make. Another office's application is "not found". Repeating it changes nothing. Audited. (The
 * printing of the paper policy calls this too.)
 */
export async function markPaperPolicyMade(user: StaffUser, applicationId: string, at: Date): Promise<void> {
  if (!canUseOfficeWorkspace(user)) throw new AppError("errors.forbidden");
  await db.$transaction(async (tx) => {
    const { count } = await tx.policyApplication.updateMany({
      where: { id: applicationId, officeId: user.officeId!, status: "ACCEPTED", policyMadeAt: null },
      data: { policyMadeAt: at },
    });
    if (count === 0) {
      const mine = await tx.policyApplication.count({ where: { id: applicationId, officeId: user.officeId! } });
      if (mine === 0) throw new AppError("desk.errors.applicationNotFound");
      return;
    }
    await writeAudits(tx, [
      {
        actor: { id: user.id, label: user.login },
        action: "application.policyMade",
        entity: "PolicyApplication",
        entityId: applicationId,
        after: { policyMadeAt: at.toISOString() },
      },
    ]);
  });
}
