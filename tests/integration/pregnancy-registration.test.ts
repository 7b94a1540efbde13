import { describe, expect, it } from "vitest";
import { GET as getStatus } from "../../app/api/v1/status/route";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { resolveDbTarget } from "../../lib/db/target";
import { issueFollowOnPolicy, registerPregnancy } from "../../lib/pregnancy/mutations";
import { findPregnancyRegistration, listPregnancyRegistrations } from "../../lib/pregnancy/queries";
import type { TPregnancyRegistrationInput } from "../../lib/pregnancy/registration.schema";
import { addDays, pregnancyDocuments, type Category } from "../../lib/rules";
import { concurrentTransaction } from "../support/concurrent-transaction";
import { createExternalCoverage, createPerson, makePin } from "../support/factories";

// Issue 13: family doctors register uninsured pregnant women; a free policy from the day of registration (cl. 24–28).

const TODAY = "2026-03-20";
let userSeq = 0;

async function doctorOf(code: string): Promise<StaffUser> {
  const org = await db.healthOrganization.findUniqueOrThrow({ where: { code } });
  const login = `doctor.test.${++userSeq}.${Date.now()}`;
  const user = await db.user.create({
    data: {
      login,
      fullName: "Врач",
      role: "DOCTOR",
      passwordHash: "x",
      officeId: org.officeId,
      healthOrganizationId: org.id,
    },
  });
  return { id: user.id, login, fullName: "Врач", role: "DOCTOR", officeId: org.officeId, healthOrganizationId: org.id };
}

function form(
  over: Partial<TPregnancyRegistrationInput> & { baseCategory?: Category } = {},
): TPregnancyRegistrationInput {
  const baseCategory = (over.baseCategory ?? "CITIZEN") as TPregnancyRegistrationInput["baseCategory"];
  return {
    locale: "ru",
    idKind: "PIN",
    pin: makePin("FEMALE", "1995-04-12"),
    lastName: "Асанова",
    firstName: "Айгуль",
    baseCategory,
    marriedToCitizen: false,
    registeredOn: TODAY,
    cardNumber: "ИК-1",
    documents: pregnancyDocuments(baseCategory).map((d) => d.code),
    ...over,
  };
}

async function status(query: string) {
  const res = await getStatus(new Request(`http://localhost/api/v1/status?${query}`));
  return res.json();
}

describe("pregnancy registration (issue 13; cl. 24–28)", () => {
  const eligible: { clause: string; over: Partial<TPregnancyRegistrationInput> }[] = [
    { clause: "cl. 24: a citizen of the KR", over: { baseCategory: "CITIZEN" } },
    { clause: "cl. 24: a family member of an EAEU worker", over: { baseCategory: "EAEU_FAMILY" } },
    { clause: "cl. 24: a kairylman", over: { baseCategory: "KAIRYLMAN" } },
    {
      clause: "cl. 24: a foreign citizen married to a citizen",
      over: { baseCategory: "FOREIGNER", citizenship: "citizen", marriedToCitizen: true },
    },
  ];
  it.each(eligible)(
    "$clause: uninsured → a free policy from the registration day, insured at once",
    async ({ over }) => {
      const doctor = await doctorOf("CFM_BISHKEK_1");
      const input = form({ ...over, documents: pregnancyDocuments(over.baseCategory as Category).map((d) => d.code) });
      const result = await registerPregnancy(doctor, input, TODAY);
      expect(result).toMatchObject({ outcome: "POLICY_ISSUED", validFrom: TODAY, validTo: "2027-03-19" });
      const policy = await db.policy.findFirstOrThrow({ where: { person: { pin: input.pin } } });
      expect(policy).toMatchObject({
        category: "PREGNANT",
        priceSom: 0,
        channel: "HEALTH_ORG",
        officeId: doctor.officeId,
      });
      // The public status check answers insured from that very day (no 5-day delay, cl. 26).
      expect(await status(`pin=${input.pin}&on=${TODAY}`)).toMatchObject({
        insured: true,
        coverage: { validFrom: TODAY },
      });
      const registration = await db.pregnancyRegistration.findFirstOrThrow({ where: { policyId: policy.id } });
      expect(registration).toMatchObject({ code: "040", outcome: "POLICY_ISSUED" });
      expect(await db.auditLog.count({ where: { entityId: registration.id, action: "pregnancy.register" } })).toBe(1);
    },
  );

  const refusals: { clause: string; over: Partial<TPregnancyRegistrationInput>; code: string }[] = [
    { clause: "cl. 24: a man's PIN", over: { pin: makePin("MALE", "1990-01-01") }, code: "PREGNANCY_WRONG_SEX" },
    {
      clause: "cl. 24: a stateless woman",
      over: { baseCategory: "FOREIGNER", citizenship: "stateless", marriedToCitizen: true },
      code: "PREGNANCY_STATELESS",
    },
    {
      clause: "cl. 24: a foreign citizen not married to a citizen",
      over: { baseCategory: "FOREIGNER", citizenship: "citizen", marriedToCitizen: false },
      code: "PREGNANCY_NOT_MARRIED_TO_CITIZEN",
    },
    {
      clause: "I30: a registration dated tomorrow",
      over: { registeredOn: addDays(TODAY, 1) },
      code: "REGISTRATION_DATE_IN_FUTURE",
    },
    { clause: "I30: 31 days back", over: { registeredOn: addDays(TODAY, -31) }, code: "REGISTRATION_DATE_TOO_OLD" },
  ];
  it.each(refusals)("$clause → refused with its reason, nothing written", async ({ over, code }) => {
    const doctor = await doctorOf("CFM_BISHKEK_1");
    const input = form({
      ...over,
      documents: pregnancyDocuments((over.baseCategory ?? "CITIZEN") as Category).map((d) => d.code),
    });
    const before = { people: await db.person.count(), policies: await db.policy.count() };
    const result = await registerPregnancy(doctor, input, TODAY);
    expect(result.outcome).toBe("REFUSED");
    expect(result.outcome === "REFUSED" && result.refusals.map((r) => r.code)).toContain(code);
    expect({ people: await db.person.count(), policies: await db.policy.count() }).toEqual(before);
  });

  it("refuses an incomplete documents checklist (cl. 27) with a field error and writes nothing", async () => {
    const doctor = await doctorOf("CFM_BISHKEK_1");
    await expect(registerPregnancy(doctor, form({ documents: ["PREGNANCY_CARD"] }), TODAY)).rejects.toMatchObject({
      code: "errors.documentsIncomplete",
      field: "documents",
    });
  });

  it("cl. 24: insured through employment → the registration is recorded, no policy, with until when and what follows", async () => {
    const doctor = await doctorOf("CFM_BISHKEK_1");
    const person = await createPerson({ sex: "FEMALE", birthDate: "1992-02-02" });
    await createExternalCoverage(person.id, "2026-01-01", "2026-06-30");
    const result = await registerPregnancy(doctor, form({ pin: person.pin! }), TODAY);
    expect(result).toMatchObject({ outcome: "ALREADY_INSURED", insuredUntil: "2026-06-30", followsOn: "2026-07-01" });
    expect(await db.policy.count({ where: { personId: person.id } })).toBe(0);
  });

  it("registering the same woman again for the same pregnancy opens the existing record, no second policy", async () => {
    const doctor = await doctorOf("CFM_BISHKEK_1");
    const input = form();
    const first = await registerPregnancy(doctor, input, TODAY);
    const second = await registerPregnancy(
      doctor,
      { ...input, cardNumber: "ИК-2", registeredOn: addDays(TODAY, -3) },
      TODAY,
    );
    expect(second).toEqual({
      outcome: "EXISTING",
      registrationId: first.outcome === "POLICY_ISSUED" ? first.registrationId : "",
    });
    expect(await db.policy.count({ where: { person: { pin: input.pin } } })).toBe(1);
  });

  it("two doctors registering the same woman at the same moment produce one policy", async () => {
    const [a, b] = [await doctorOf("CFM_BISHKEK_1"), await doctorOf("CFM_BISHKEK_1")];
    const input = form();
    const results = await Promise.all([registerPregnancy(a, input, TODAY), registerPregnancy(b, input, TODAY)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["EXISTING", "POLICY_ISSUED"]);
    expect(await db.policy.count({ where: { person: { pin: input.pin } } })).toBe(1);
    expect(await db.pregnancyRegistration.count({ where: { person: { pin: input.pin } } })).toBe(1);
  });

  it("a doctor of another organization gets 'not found' for the registration, and the attempt is audited", async () => {
    const own = await doctorOf("CFM_BISHKEK_1");
    const other = await doctorOf("CFM_OSH_CITY");
    const result = await registerPregnancy(own, form(), TODAY);
    const id = result.outcome === "POLICY_ISSUED" ? result.registrationId : "";
    expect(await findPregnancyRegistration(own, id, TODAY)).toMatchObject({ id, outcome: "POLICY_ISSUED" });
    expect(await findPregnancyRegistration(other, id, TODAY)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: other.id } })).toBe(1);
    expect((await listPregnancyRegistrations(other, TODAY)).rows.map((r) => r.id)).not.toContain(id);
    expect((await listPregnancyRegistrations(own, TODAY)).rows.map((r) => r.id)).toContain(id);
  });

  it("the doctor's list finds a woman by surname or PIN and highlights coverage ending within 30 days", async () => {
    const doctor = await doctorOf("CFM_KARAKOL");
    const person = await createPerson({ sex: "FEMALE", birthDate: "1993-03-03" });
    await createExternalCoverage(person.id, "2025-06-01", addDays(TODAY, 10));
    await registerPregnancy(doctor, form({ pin: person.pin!, lastName: "Токтогулова" }), TODAY);
    const soon = await listPregnancyRegistrations(doctor, TODAY, { endsSoon: true });
    expect(soon.rows).toHaveLength(1);
    expect(soon.rows[0]).toMatchObject({ endsSoon: true, outcome: "ALREADY_INSURED" });
    expect((await listPregnancyRegistrations(doctor, TODAY, { q: person.pin! })).total).toBe(1);
    expect((await listPregnancyRegistrations(doctor, TODAY, { q: "Тестов" })).total).toBe(1);
    expect((await listPregnancyRegistrations(doctor, TODAY, { q: "Нетакой" })).total).toBe(0);
  });

  it("I32: her coverage ends during the pregnancy → the doctor issues the free policy that follows it, once", async () => {
    const doctor = await doctorOf("CFM_BISHKEK_1");
    const person = await createPerson({ sex: "FEMALE", birthDate: "1991-01-01" });
    await createExternalCoverage(person.id, "2026-01-01", "2026-06-30");
    const registered = await registerPregnancy(doctor, form({ pin: person.pin! }), TODAY);
    const id = registered.outcome === "ALREADY_INSURED" ? registered.registrationId : "";
    const later = "2026-06-20";
    const twice = await Promise.all([issueFollowOnPolicy(doctor, id, later), issueFollowOnPolicy(doctor, id, later)]);
    const expected = { outcome: "POLICY_ISSUED", validFrom: "2026-07-01", validTo: "2027-06-30" };
    expect(twice[0]).toMatchObject(expected);
    expect(twice[1]).toEqual(twice[0]);
    const policies = await db.policy.findMany({ where: { personId: person.id } });
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ category: "PREGNANT", priceSom: 0, channel: "HEALTH_ORG" });
    expect(await findPregnancyRegistration(doctor, id, later)).toMatchObject({
      followOnPolicy: { number: policies[0]!.number, validFrom: "2026-07-01" },
    });
    expect(await db.auditLog.count({ where: { action: "pregnancy.followOn", entityId: id } })).toBe(1);
  });

  it.skipIf(resolveDbTarget().kind !== "postgres")(
    "I32: a payment for her at that moment is decided first or after — the follow-on policy reads her coverage under her lock",
    async () => {
      const doctor = await doctorOf("CFM_BISHKEK_1");
      const person = await createPerson({ sex: "FEMALE", birthDate: "1991-02-02" });
      await createExternalCoverage(person.id, "2026-01-01", "2026-06-30");
      const registered = await registerPregnancy(doctor, form({ pin: person.pin! }), TODAY);
      const id = registered.outcome === "ALREADY_INSURED" ? registered.registrationId : "";
      const payment = await concurrentTransaction(); // a payment for her: her row locked, her policy written
      await payment.query(`SELECT 1 FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`, [person.id]);
      await payment.query(
        `INSERT INTO "Policy" ("id", "number", "personId", "category", "termMonths", "priceSom", "status", "validFrom",
                               "validTo", "channel", "updatedAt")
         VALUES (gen_random_uuid(), 'T-' || $1, $1::uuid, 'CITIZEN', 12, 1840, 'ISSUED', '2026-07-01', '2027-06-30',
                 'TERMINAL', now())`,
        [person.id],
      );
      const followOn = issueFollowOnPolicy(doctor, id, "2026-06-20");
      await payment.blocksSomeone(); // the follow-on waits for her lock
      await payment.commit();
      expect(await followOn).toEqual({ outcome: "NOT_NEEDED", insuredUntil: "2027-06-30" });
      expect(await db.policy.count({ where: { personId: person.id } })).toBe(1);
    },
  );

  it("I32: another organization's doctor cannot issue it (not found, audited); coverage lasting the pregnancy needs none", async () => {
    const own = await doctorOf("CFM_BISHKEK_1");
    const other = await doctorOf("CFM_OSH_CITY");
    const person = await createPerson({ sex: "FEMALE", birthDate: "1990-05-05" });
    await createExternalCoverage(person.id, "2026-01-01", "2026-06-30");
    const registered = await registerPregnancy(own, form({ pin: person.pin! }), TODAY);
    const id = registered.outcome === "ALREADY_INSURED" ? registered.registrationId : "";
    expect(await issueFollowOnPolicy(other, id, TODAY)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: other.id } })).toBe(1);
    await createExternalCoverage(person.id, "2026-07-01", "2027-06-30");
    expect(await issueFollowOnPolicy(own, id, TODAY)).toEqual({ outcome: "NOT_NEEDED", insuredUntil: "2027-06-30" });
    expect(await db.policy.count({ where: { personId: person.id } })).toBe(0);
  });
});
