import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { findOfficeApplication, findPeopleForClerk, listOfficeApplications } from "../../lib/applications/queries";
import { markPaperPolicyMade, saveClerkPerson, submitApplication } from "../../lib/applications/mutations";
import type { TApplicationInput } from "../../lib/applications/application.schema";
import { findWorkingCalendar } from "../../lib/calendar/queries";
import { db } from "../../lib/db";
import { toDbDate } from "../../lib/db/calendar";
import { recordPayment } from "../../lib/payments/record-payment";
import { ZPersonRecordInput } from "../../lib/people/person-record.schema";
import { applicationEntryDeadline, requiredDocuments, type Category } from "../../lib/rules";
import { createPerson, makePin } from "../support/factories";

let userSeq = 0;

async function clerkOf(code: string): Promise<StaffUser> {
  const office = await db.territorialOffice.findUniqueOrThrow({ where: { code } });
  const login = `clerk.desk.${++userSeq}.${Date.now()}`;
  const user = await db.user.create({
    data: { login, fullName: "Клерк", role: "CLERK", passwordHash: "x", officeId: office.id },
  });
  return { id: user.id, login, fullName: "Клерк", role: "CLERK", officeId: office.id, healthOrganizationId: null };
}

const docs = (c: Category) => requiredDocuments(c).map((d) => d.code as string);

function application(personId: string, over: Partial<TApplicationInput> = {}): TApplicationInput {
  return {
    locale: "ru",
    personId,
    category: "CITIZEN",
    termMonths: 12,
    receivedOn: over.receivedOn ?? "2026-03-19",
    documents: docs(over.category ?? "CITIZEN"),
    paymentId: undefined,
    receiptNumber: undefined,
    ...over,
  };
}

async function terminalPayment(pin: string, paidAt: Date, category: Category = "CITIZEN", amountSom = 1840) {
  const result = await recordPayment({
    channel: "QUICKPAY",
    externalTxnId: `QP-${randomUUID()}`,
    account: pin,
    paidAt,
    receivedAt: paidAt,
    amountSom,
    payer: { name: "" },
    beneficiary: { pin, lastName: "Уметалиев", firstName: "Бакыт", category },
    termMonths: 12,
    issueChannel: "TERMINAL",
    actor: { id: null, label: "terminal:quickpay" },
  });
  if (result.outcome !== "created") throw new Error(result.outcome);
  return result;
}

describe("working-day deadlines from the seeded calendar (cl. 13, 15)", () => {
  it("skips a weekend and seeded public holidays: Thursday 19 March 2026 + 1 working day → Tuesday 24 March", async () => {
    // Friday 20 March 2026 is Orozo ait, 21 March (Nooruz) is a Saturday, so Monday 23 March is its day off moved.
    const calendar = await findWorkingCalendar("2026-03-19");
    expect(applicationEntryDeadline("2026-03-19", calendar)).toBe("2026-03-24");
    expect(applicationEntryDeadline("2026-03-26", calendar)).toBe("2026-03-27");
  });

  it("an application accepted on that Thursday has its policy due on Tuesday, and the list says so", async () => {
    const clerk = await clerkOf("BISHKEK");
    const pin = makePin("MALE", "1990-01-15");
    await terminalPayment(pin, new Date("2026-03-18T10:00:00+06:00"));
    const person = await db.person.findUniqueOrThrow({ where: { pin } });
    const { applicationId } = await submitApplication(
      clerk,
      application(person.id, { receiptNumber: undefined, paymentId: await paymentIdOf(person.id) }),
      "2026-03-19",
    );
    const view = await findOfficeApplication(clerk, applicationId, "2026-03-19");
    expect(view).toMatchObject({ status: "ACCEPTED", policyDueOn: "2026-03-24", entryDueOn: "2026-03-24" });
    expect(view?.policy?.number).toMatch(/^E-2026-/);
    // The terminal's policy is now made in this office (its record page is the office's).
    const policy = await db.policy.findUniqueOrThrow({ where: { id: view!.policy!.id } });
    expect(policy.officeId).toBe(clerk.officeId);

    const onMonday = await listOfficeApplications(clerk, "2026-03-23", { due: true });
    expect(onMonday.rows.find((r) => r.id === applicationId)?.deadline).toBe("ON_TIME");
    const onTuesday = await listOfficeApplications(clerk, "2026-03-24", { due: true });
    expect(onTuesday.rows.find((r) => r.id === applicationId)?.deadline).toBe("DUE_TODAY");
    expect(onTuesday.dueToday).toBeGreaterThanOrEqual(1);
    const onWednesday = await listOfficeApplications(clerk, "2026-03-25", { due: true });
    expect(onWednesday.rows.find((r) => r.id === applicationId)?.deadline).toBe("OVERDUE");
    expect(onWednesday.overdue).toBeGreaterThanOrEqual(1);

    // cl. 15: the paper policy is made — the application leaves the list; another office cannot mark it.
    const osh = await clerkOf("OSH");
    await expect(markPaperPolicyMade(osh, applicationId, new Date())).rejects.toMatchObject({
      code: "desk.errors.applicationNotFound",
    });
    await markPaperPolicyMade(clerk, applicationId, new Date("2026-03-25T09:00:00+06:00"));
    await markPaperPolicyMade(clerk, applicationId, new Date("2026-03-26T09:00:00+06:00"));
    const made = await findOfficeApplication(clerk, applicationId, "2026-03-25");
    expect(made).toMatchObject({ deadline: "DONE", policyMadeOn: "2026-03-25" });
    const after = await listOfficeApplications(clerk, "2026-03-25", { due: true });
    expect(after.rows.map((r) => r.id)).not.toContain(applicationId);
  });
});

async function paymentIdOf(personId: string): Promise<string> {
  const p = await db.payment.findFirstOrThrow({ where: { policy: { personId } }, orderBy: { paidAt: "desc" } });
  return p.id;
}

describe("walk-in applications (cl. 9–15)", () => {
  it("links a payment once: a second application with the same receipt is refused with a field error", async () => {
    const clerk = await clerkOf("BISHKEK");
    const pin = makePin("FEMALE", "1988-07-07");
    const paid = await terminalPayment(pin, new Date("2026-03-10T10:00:00+06:00"));
    const person = await db.person.findUniqueOrThrow({ where: { pin } });
    const receipt = (await db.payment.findUniqueOrThrow({ where: { id: paid.paymentId } })).externalTxnId;
    await submitApplication(clerk, application(person.id, { receiptNumber: receipt }), "2026-03-19");
    await expect(
      submitApplication(clerk, application(person.id, { receiptNumber: receipt }), "2026-03-19"),
    ).rejects.toMatchObject({ code: "desk.errors.paymentLinked", field: "receiptNumber" });
    expect(await db.policyApplication.count({ where: { personId: person.id } })).toBe(1);
  });

  it("finds a payment by the PIN the terminal was given, and refuses another person's payment", async () => {
    const clerk = await clerkOf("BISHKEK");
    const pin = makePin("MALE", "1991-11-11");
    await terminalPayment(pin, new Date("2026-03-11T10:00:00+06:00"));
    const person = await db.person.findUniqueOrThrow({ where: { pin } });
    const other = await createPerson();
    await expect(
      submitApplication(clerk, application(other.id, { receiptNumber: pin }), "2026-03-19"),
    ).rejects.toMatchObject({ code: "desk.errors.paymentOtherPerson", field: "receiptNumber" });
    const { applicationId } = await submitApplication(
      clerk,
      application(person.id, { receiptNumber: pin }),
      "2026-03-19",
    );
    expect((await findOfficeApplication(clerk, applicationId, "2026-03-19"))?.status).toBe("ACCEPTED");
  });

  it("refuses a citizen under 16 (the state covers children), without a payment, and records the refusal", async () => {
    const clerk = await clerkOf("OSH");
    const child = await createPerson({ birthDate: "2014-02-02" });
    const { applicationId } = await submitApplication(clerk, application(child.id), "2026-03-19");
    const view = await findOfficeApplication(clerk, applicationId, "2026-03-19");
    expect(view?.status).toBe("REFUSED");
    expect(view?.refusals).toEqual(["CITIZEN_UNDER_16", "NO_PAYMENT"]);
    expect(await db.policy.count({ where: { personId: child.id } })).toBe(0);
  });

  it("tells an insured person there is no need to buy, with until when", async () => {
    const clerk = await clerkOf("OSH");
    const pin = makePin("MALE", "1980-01-01");
    await terminalPayment(pin, new Date("2026-01-05T10:00:00+06:00"));
    const person = await db.person.findUniqueOrThrow({ where: { pin } });
    const { applicationId } = await submitApplication(clerk, application(person.id), "2026-03-19");
    const view = await findOfficeApplication(clerk, applicationId, "2026-03-19");
    expect(view).toMatchObject({ status: "REFUSED", insuredUntil: "2027-01-09" });
    expect(view?.refusals).toContain("ALREADY_INSURED");
  });

  it("issues the free EAEU child's policy from the issue day in the clerk's office (cl. 11)", async () => {
    const clerk = await clerkOf("BISHKEK");
    const personId = await saveClerkPerson(
      clerk,
      ZPersonRecordInput.parse({
        category: "EAEU_CHILD",
        lastName: "Иванова",
        firstName: "Алина",
        pin: makePin("FEMALE", "2016-04-04"),
        documentType: "BIRTH_CERTIFICATE",
        documentNumber: `BC${Date.now()}`,
        citizenship: "KZ",
      }),
    );
    const { applicationId } = await submitApplication(
      clerk,
      application(personId, { category: "EAEU_CHILD", documents: docs("EAEU_CHILD") }),
      "2026-03-19",
    );
    const view = await findOfficeApplication(clerk, applicationId, "2026-03-19");
    expect(view).toMatchObject({ status: "ACCEPTED", policy: { validFrom: "2026-03-19", validTo: "2027-03-18" } });
    const policy = await db.policy.findUniqueOrThrow({ where: { id: view!.policy!.id } });
    expect(policy).toMatchObject({ priceSom: 0, category: "EAEU_CHILD", channel: "OFFICE", officeId: clerk.officeId });
  });

  it("another office's application answers 'not found' and the attempt is audited", async () => {
    const bishkek = await clerkOf("BISHKEK");
    const osh = await clerkOf("OSH");
    const child = await createPerson({ birthDate: "2015-02-02" });
    const { applicationId } = await submitApplication(bishkek, application(child.id), "2026-03-19");
    expect(await findOfficeApplication(osh, applicationId, "2026-03-19")).toBeNull();
    const denied = await db.auditLog.findFirst({
      where: { action: "access.denied", actorId: osh.id },
      orderBy: { id: "desc" },
    });
    expect(denied?.after).toEqual({ target: `PolicyApplication:${applicationId}` });
    expect((await listOfficeApplications(osh, "2026-03-19")).rows.map((r) => r.id)).not.toContain(applicationId);
  });
});

describe("register or complete a person (issue 12)", () => {
  it("a foreigner created at a terminal from a document number gets the PIN and the rest in the same row", async () => {
    const clerk = await clerkOf("BISHKEK");
    const documentNumber = `N${Date.now()}`;
    const paid = await recordPayment({
      channel: "PAY24",
      externalTxnId: `P24-${randomUUID()}`,
      account: documentNumber,
      paidAt: new Date("2026-03-02T10:00:00+06:00"),
      receivedAt: new Date("2026-03-02T10:00:00+06:00"),
      amountSom: 5955,
      payer: { name: "" },
      beneficiary: {
        documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
        documentNumber,
        lastName: "Smith",
        firstName: "John",
        category: "FOREIGNER",
      },
      termMonths: 6,
      issueChannel: "TERMINAL",
      actor: { id: null, label: "terminal:pay24" },
    });
    expect(paid.outcome).toBe("created");
    const before = await db.person.findFirstOrThrow({ where: { documentNumber } });
    expect(before.pin).toBeNull();

    // Found by the start of the name in any case, and by the document number first.
    const byName = await findPeopleForClerk(clerk, "smith JO");
    expect(byName.map((p) => p.id)).toContain(before.id);
    const byDocument = await findPeopleForClerk(clerk, documentNumber.toLowerCase());
    expect(byDocument[0]).toMatchObject({ id: before.id, match: "DOCUMENT" });

    const pin = makePin("MALE", "1985-06-30");
    const personId = await saveClerkPerson(
      clerk,
      ZPersonRecordInput.parse({
        category: "FOREIGNER",
        lastName: "Smith",
        firstName: "John",
        pin,
        documentType: "FOREIGN_PASSPORT",
        documentNumber,
        citizenship: "GB",
      }),
    );
    expect(personId).toBe(before.id);
    const after = await db.person.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ pin, documentType: "FOREIGN_PASSPORT", sex: "MALE", citizenship: "GB" });
    expect(after.birthDate).toEqual(toDbDate("1985-06-30"));
    expect(await db.person.count({ where: { documentNumber } })).toBe(1);
    expect((await findPeopleForClerk(clerk, pin))[0]).toMatchObject({ id: before.id, match: "PIN" });
    // Saving the same again changes nothing and creates nobody.
    await saveClerkPerson(
      clerk,
      ZPersonRecordInput.parse({ category: "FOREIGNER", lastName: "Smith", firstName: "John", pin }),
    );
    expect(await db.person.count({ where: { OR: [{ pin }, { documentNumber }] } })).toBe(1);
  });

  it("a terminal foreigner whose PIN another record holds is merged into it, never duplicated", async () => {
    const clerk = await clerkOf("BISHKEK");
    const holder = await createPerson({ category: "FOREIGNER", birthDate: "1979-09-09" });
    const documentNumber = `M${Date.now()}`;
    await recordPayment({
      channel: "MEGACOM",
      externalTxnId: `MG-${randomUUID()}`,
      account: documentNumber,
      paidAt: new Date("2026-03-02T10:00:00+06:00"),
      receivedAt: new Date("2026-03-02T10:00:00+06:00"),
      amountSom: 5955,
      payer: { name: "" },
      beneficiary: {
        documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
        documentNumber,
        lastName: "Doe",
        firstName: "Jane",
        category: "FOREIGNER",
      },
      termMonths: 6,
      issueChannel: "TERMINAL",
      actor: { id: null, label: "terminal:megacom" },
    });
    const personId = await saveClerkPerson(
      clerk,
      ZPersonRecordInput.parse({
        category: "FOREIGNER",
        lastName: "Тестов",
        firstName: "Тест",
        pin: holder.pin!,
        documentType: "FOREIGN_PASSPORT",
        documentNumber,
      }),
    );
    expect(personId).toBe(holder.id);
    expect(await db.person.count({ where: { documentNumber } })).toBe(1);
    expect(await db.policy.count({ where: { personId: holder.id } })).toBe(1);
  });

  it("keeps the e-mail address the renewal reminders go to (issue 16), lower-case; refuses a malformed one", async () => {
    const clerk = await clerkOf("BISHKEK");
    const base = { category: "CITIZEN", lastName: "Почтова", firstName: "Айгуль", pin: makePin("FEMALE") };
    const bad = ZPersonRecordInput.safeParse({ ...base, email: "aigul@" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      "email",
      "desk.errors.emailFormat",
    ]);
    const personId = await saveClerkPerson(clerk, ZPersonRecordInput.parse({ ...base, email: " Aigul@Example.KG " }));
    expect((await db.person.findUniqueOrThrow({ where: { id: personId } })).email).toBe("aigul@example.kg");
  });

  it("rejects a PIN that does not fit the form's category rules (bad input changes nothing)", () => {
    const parsed = ZPersonRecordInput.safeParse({ category: "CITIZEN", lastName: "А", firstName: "Б" });
    expect(parsed.success).toBe(false);
  });
});

describe("person search (issue 12)", () => {
  it("is case- and script-insensitive, prefix only, ranked PIN → document → name", async () => {
    const clerk = await clerkOf("BISHKEK");
    const tag = String(Date.now()).slice(-6);
    const a = await db.person.create({
      data: { lastName: `Щербакова${tag}`, firstName: "Айжан", category: "CITIZEN", pin: makePin("FEMALE") },
    });
    const stored = await db.$queryRaw<{ searchName: string }[]>`
      SELECT "searchName" FROM "Person" WHERE "id" = ${a.id}::uuid`;
    expect(stored[0]!.searchName).toBe(`ЩЕРБАКОВА${tag} АИЖАН`);
    expect((await findPeopleForClerk(clerk, `shcherbakova${tag} ai`)).map((p) => p.id)).toEqual([a.id]);
    expect((await findPeopleForClerk(clerk, `ЩЕРБАКОВА${tag}`)).map((p) => p.id)).toEqual([a.id]);
    expect(await findPeopleForClerk(clerk, `ербакова${tag}`)).toEqual([]);
    // Kyrgyz letters and Latin spellings meet: Ү/У, Ө/О, Ы/И, Ң/Н, j → Ж.
    const b = await db.person.create({
      data: { lastName: `Үсөнбаева${tag}`, firstName: "Жыпар", category: "CITIZEN", pin: makePin("FEMALE") },
    });
    expect((await findPeopleForClerk(clerk, `Usonbaeva${tag} jypar`)).map((p) => p.id)).toEqual([b.id]);
    const other: StaffUser = { ...clerk, role: "DOCTOR" };
    expect(await findPeopleForClerk(other, `ЩЕРБАКОВА${tag}`)).toEqual([]);
  });
});
