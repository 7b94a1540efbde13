import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { maskPin } from "../../lib/registries/mask";
import { recordRegistryView } from "../../lib/registries/mutations";
import { listRegistry, registryRowsForExport } from "../../lib/registries/queries";
import { openRegistrySearch, sealRegistrySearch } from "../../lib/registries/search-token";
import { registryListView } from "../../lib/registries/view-models";
import { createPerson, createPolicy, staffStub } from "../support/factories";

// Issue 15: the national registries — searches by PIN, document, policy and receipt number; masked PINs in lists; the
// opening of a record audited; the search never in the address (sealed for its user).

async function paidPolicy() {
  const person = await createPerson();
  const policy = await createPolicy(person.id, { validFrom: "2026-01-10", validTo: "2027-01-09", officeCode: "OSH" });
  const payment = await db.payment.create({
    data: {
      channel: "QUICKPAY",
      externalTxnId: `reg-${randomUUID().slice(0, 8)}`,
      amountSom: 1840,
      paidAt: new Date("2026-01-05T06:00:00Z"),
      payerName: "Плательщик",
      status: "CONFIRMED",
      policyId: policy.id,
    },
  });
  return { person, policy, payment };
}

describe("the national registries (issue 15)", () => {
  it("finds a person, their policies and payments by PIN, document, policy number and receipt number", async () => {
    const { person, policy, payment } = await paidPolicy();
    await paidPolicy(); // someone else
    const pin = person.pin!;
    expect((await listRegistry("persons", { text: pin }, 1)).rows.map((r) => r.id)).toEqual([person.id]);
    expect((await listRegistry("persons", { text: person.documentNumber! }, 1)).rows.map((r) => r.id)).toEqual([
      person.id,
    ]);
    expect((await listRegistry("policies", { text: pin }, 1)).rows.map((r) => r.id)).toEqual([policy.id]);
    expect((await listRegistry("policies", { text: policy.number }, 1)).rows.map((r) => r.id)).toEqual([policy.id]);
    expect((await listRegistry("payments", { text: pin }, 1)).rows.map((r) => r.id)).toEqual([payment.id]);
    expect(
      (await listRegistry("payments", { text: String(payment.providerNumber) }, 1)).rows.map((r) => r.id),
    ).toContain(payment.id);
    expect((await listRegistry("payments", { text: payment.externalTxnId }, 1)).rows.map((r) => r.id)).toEqual([
      payment.id,
    ]);
    expect((await listRegistry("persons", { text: "29999999999999" }, 1)).rows).toEqual([]);
  });

  it("pages newest first, 50 a page, and says whether another page follows", async () => {
    for (let i = 0; i < 52; i++) await createPerson();
    const first = await listRegistry("persons", {}, 1);
    const second = await listRegistry("persons", {}, 2);
    expect(first.rows).toHaveLength(50);
    expect(first.hasNext).toBe(true);
    expect(second.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(first.rows.length + second.rows.length);
    const all: string[] = [];
    for await (const r of registryRowsForExport("persons", {})) all.push(r.id);
    expect(all.slice(0, 50)).toEqual(first.rows.map((r) => r.id));
  });

  it("lists carry the PIN masked only; the full PIN never reaches a list's view", async () => {
    const { person } = await paidPolicy();
    const { rows } = await listRegistry("policies", { text: person.pin! }, 1);
    const view = registryListView("policies", rows);
    expect(JSON.stringify(view)).not.toContain(person.pin!);
    expect(view.rows[0]!.maskedPin).toBe(`${person.pin!.slice(0, 3)}••••••••${person.pin!.slice(11)}`);
    expect(maskPin("21505198500017")).toBe("215••••••••017");
    expect(maskPin(null)).toBeNull();
  });

  it("opening a record is audited: who, which record", async () => {
    const { person } = await paidPolicy();
    const user = await db.user.create({
      data: { login: `analyst.${randomUUID().slice(0, 6)}`, fullName: "Аналитик", role: "ANALYST", passwordHash: "x" },
    });
    await recordRegistryView(staffStub({ id: user.id, login: user.login, role: "ANALYST" }), "Person", person.id);
    const rows = await db.auditLog.findMany({ where: { action: "registry.view", entityId: person.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, entity: "Person" });
  });

  it("a sealed search opens for its user only", () => {
    const token = sealRegistrySearch("21505198500017", "user-a");
    expect(token).not.toContain("21505198500017");
    expect(openRegistrySearch(token, "user-a")).toBe("21505198500017");
    expect(openRegistrySearch(token, "user-b")).toBeUndefined();
    expect(openRegistrySearch(`${token}x`, "user-a")).toBeUndefined();
    expect(openRegistrySearch(token, "user-a", Date.now() + 3 * 60 * 60 * 1000)).toBeUndefined();
  });
});
