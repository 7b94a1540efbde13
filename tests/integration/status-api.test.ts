import { beforeAll, describe, expect, it } from "vitest";
import { GET as getStatus } from "../../app/api/v1/status/route";
import { GET as getTariffs } from "../../app/api/v1/tariffs/route";
import { todayInBishkek } from "../../lib/dates";
import { resolveDbTarget } from "../../lib/db/target";
import { createExternalCoverage, createPerson, createPolicy, makePin } from "../support/factories";

const dbKind = resolveDbTarget().kind;

async function status(query: string, headers: Record<string, string> = {}) {
  const res = await getStatus(new Request(`http://localhost/api/v1/status?${query}`, { headers }));
  return { status: res.status, body: await res.json() };
}

describe(`GET /api/v1/status on ${dbKind} (order No. 226 cl. 8, 12, 19, 23)`, () => {
  let insuredPin: string;
  let renewingPin: string;
  let externalPin: string;
  let refundedPin: string;

  beforeAll(async () => {
    const insured = await createPerson();
    insuredPin = insured.pin!;
    await createPolicy(insured.id, { validFrom: "2025-03-15", validTo: "2026-03-14", number: "T-INSURED-1" });

    // A running policy and the next one, paid but not yet in force (SPEC §3 renewal).
    const renewing = await createPerson({ sex: "FEMALE" });
    renewingPin = renewing.pin!;
    await createPolicy(renewing.id, { validFrom: "2025-06-01", validTo: "2026-05-31", number: "T-CURRENT-2" });
    await createPolicy(renewing.id, { validFrom: "2026-06-01", validTo: "2027-05-31", number: "T-NEXT-2" });

    const external = await createPerson();
    externalPin = external.pin!;
    await createExternalCoverage(external.id, "2025-01-01", "2025-12-31");

    const refunded = await createPerson();
    refundedPin = refunded.pin!;
    await createPolicy(refunded.id, { validFrom: "2025-03-15", validTo: "2026-03-14", status: "REFUNDED" });
  });

  it("answers insured with the covering policy on a day inside its validity", async () => {
    const { status: code, body } = await status(`pin=${insuredPin}&on=2025-08-01`);
    expect(code).toBe(200);
    expect(body).toEqual({
      insured: true,
      on: "2025-08-01",
      coverage: { source: "policy", policyNumber: "T-INSURED-1", validFrom: "2025-03-15", validTo: "2026-03-14" },
      next: null,
    });
  });

  it.each([
    ["the first day (cl. 5: in force from validFrom)", "2025-03-15", true],
    ["the last day", "2026-03-14", true],
    ["the day before it starts", "2025-03-14", false],
    ["the day after it ends", "2026-03-15", false],
  ])("is exact at the edges: %s", async (_name, on, insured) => {
    const { body } = await status(`pin=${insuredPin}&on=${on}`);
    expect(body.insured).toBe(insured);
    expect(body.on).toBe(on);
  });

  it("shows a paid policy not yet in force as `next`, then as `coverage` from its first day", async () => {
    const before = await status(`pin=${renewingPin}&on=2026-05-20`);
    expect(before.body.coverage).toMatchObject({ source: "policy", policyNumber: "T-CURRENT-2" });
    expect(before.body.next).toEqual({ policyNumber: "T-NEXT-2", validFrom: "2026-06-01", validTo: "2027-05-31" });

    const from = await status(`pin=${renewingPin}&on=2026-06-01`);
    expect(from.body.insured).toBe(true);
    expect(from.body.coverage).toMatchObject({ policyNumber: "T-NEXT-2", validFrom: "2026-06-01" });
    expect(from.body.next).toBeNull();
  });

  it("reports coverage from another source as external, without a policy number", async () => {
    const { body } = await status(`pin=${externalPin}&on=2025-06-30`);
    expect(body).toMatchObject({
      insured: true,
      coverage: { source: "external", policyNumber: null, validFrom: "2025-01-01", validTo: "2025-12-31" },
    });
  });

  it("does not count a refunded policy (cl. 32)", async () => {
    const { body } = await status(`pin=${refundedPin}&on=2025-08-01`);
    expect(body).toEqual({ insured: false, on: "2025-08-01", coverage: null, next: null });
  });

  it("answers an unknown PIN exactly like an uninsured person, with no name anywhere", async () => {
    const unknown = await status(`pin=${makePin()}&on=2025-08-01`);
    expect(unknown).toEqual({ status: 200, body: { insured: false, on: "2025-08-01", coverage: null, next: null } });
    const known = await status(`pin=${insuredPin}&on=2025-08-01`);
    expect(JSON.stringify(known.body)).not.toContain("Тестов");
  });

  it("defaults `on` to today in Asia/Bishkek", async () => {
    const { body } = await status(`pin=${insuredPin}`);
    expect(body.on).toBe(todayInBishkek());
  });

  it.each([
    ["too short", "pin=1234&on=2025-08-01", "pin", "rules.pinError.LENGTH"],
    ["letters", "pin=2150519850001X&on=2025-08-01", "pin", "rules.pinError.NOT_DIGITS"],
    ["impossible birth date 31.02", "pin=23102199000017&on=2025-08-01", "pin", "rules.pinError.BIRTH_DATE"],
    ["missing", "on=2025-08-01", "pin", "errors.pinRequired"],
    ["date not a date", `pin=21505198500017&on=15.03.2025`, "on", "errors.dateInvalid"],
    ["date impossible", `pin=21505198500017&on=2025-02-30`, "on", "errors.dateInvalid"],
  ])("rejects a malformed request (%s) with 400 and a translated message", async (_name, query, field, code) => {
    const res = await status(query);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, field });
    expect(res.body.error.message).toBe(res.body.error.messages.ru);
    expect(res.body.error.messages.ru).toMatch(/[А-Яа-я]/);
    expect(res.body.error.messages.ky).toMatch(/[А-Яа-яӨөҮүҢң]/);
    expect(res.body.error.messages.ky).not.toBe(code);
  });

  it("checks that arrive together share one statement and each gets its own answer (issue 17)", async () => {
    const unknownPin = makePin();
    const asked = [insuredPin, unknownPin, externalPin, refundedPin, renewingPin, insuredPin];
    const answers = await Promise.all(
      asked.map((pin, i) => status(`pin=${pin}&on=2025-08-01`, { "x-forwarded-for": `198.51.100.${i + 1}` })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.insured)).toEqual([true, false, true, false, true, true]);
    expect(answers[0]!.body.coverage.policyNumber).toBe("T-INSURED-1");
    expect(answers[2]!.body.coverage.source).not.toBe("policy");
    expect(answers[4]!.body.coverage.policyNumber).toBe("T-CURRENT-2");
    expect(answers[5]!.body).toEqual(answers[0]!.body);
  });

  it("answers the message in Kyrgyz when the caller asks for it", async () => {
    const res = await status("pin=123", { "accept-language": "ky-KG,ky;q=0.9" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(res.body.error.messages.ky);
  });
});

describe(`GET /api/v1/tariffs on ${dbKind} (order on cost, from 2024-02-01)`, () => {
  async function tariffs(on: string) {
    const res = await getTariffs(new Request(`http://localhost/api/v1/tariffs?on=${on}`));
    return { status: res.status, body: await res.json() };
  }

  it("lists the tariffs in force with their legal basis", async () => {
    const { status: code, body } = await tariffs("2024-02-01");
    expect(code).toBe(200);
    expect(body.on).toBe("2024-02-01");
    const price = (category: string, term: number) =>
      body.tariffs.find(
        (t: { category: string; termMonths: number }) => t.category === category && t.termMonths === term,
      )?.priceSom;
    expect(price("CITIZEN", 12)).toBe(1840);
    expect(price("FOREIGNER", 6)).toBe(5955);
    expect(price("FOREIGNER", 12)).toBe(11910);
    expect(price("FOREIGN_STUDENT", 12)).toBe(11910);
    for (const t of body.tariffs) {
      expect(t.legalBasis.ru.length).toBeGreaterThan(5);
      expect(t.legalBasis.ky.length).toBeGreaterThan(5);
    }
  });

  it("has no tariff the day before the order took effect", async () => {
    const { body } = await tariffs("2024-01-31");
    expect(body.tariffs).toEqual([]);
  });

  it("rejects a malformed date with 400", async () => {
    const { status: code, body } = await tariffs("2024-13-01");
    expect(code).toBe(400);
    expect(body.error.code).toBe("errors.dateInvalid");
  });
});
