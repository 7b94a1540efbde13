import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { toDbDate } from "../../lib/db/calendar";
import { addCalendarDay, removeCalendarDay } from "../../lib/administration/mutations/calendar";
import { addEducationState, endEducationState } from "../../lib/administration/mutations/education-states";
import {
  addHealthOrganization,
  addOffice,
  updateHealthOrganization,
  updateOffice,
} from "../../lib/administration/mutations/offices";
import { addTariff } from "../../lib/administration/mutations/tariffs";
import { findTariffsInForce } from "../../lib/policies/queries";
import { todayInBishkek } from "../../lib/dates";
import { addDays, quotePrice } from "../../lib/rules";
import { recordPayment } from "../../lib/payments/record-payment";
import { makePin } from "../support/factories";
import { findTariffRows } from "../../lib/policies/queries";

// Issue 15: the admin's changes to the data that drives the rules — each audited with before/after, each refusal a
// translated error that changes nothing. Dates are relative to the real today: the Tariff trigger reads the clock.
const ADMIN = { id: null, label: "test-admin" };
const TODAY = todayInBishkek();
const TOMORROW = addDays(TODAY, 1);
const BASIS = { legalBasisRu: "Приказ ФОМС № 1 от 01.12.2026", legalBasisKy: "ФМСФ № 1 буйругу, 01.12.2026" };

async function audit(action: string, entityId?: string) {
  return db.auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });
}

async function rejects(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toMatchObject({ name: "AppError", code });
}

describe("tariffs: a new row from tomorrow on, history never edited (I38)", () => {
  it("adds a row from tomorrow, closes today's row today, and today's price stands", async () => {
    const before = quotePrice(await findTariffRows(), "CITIZEN", 12, TODAY);
    expect(before).toMatchObject({ ok: true, priceSom: 1840 });
    const created = await addTariff(
      ADMIN,
      { category: "CITIZEN", termMonths: 12, priceSom: 2100, effectiveFrom: TOMORROW, ...BASIS },
      TODAY,
    );
    const rows = await findTariffRows();
    expect(quotePrice(rows, "CITIZEN", 12, TODAY)).toMatchObject({ ok: true, priceSom: 1840 });
    expect(quotePrice(rows, "CITIZEN", 12, TOMORROW)).toMatchObject({ ok: true, priceSom: 2100 });
    const old = rows.find((r) => r.category === "CITIZEN" && r.termMonths === 12 && r.priceSom === 1840)!;
    expect(old.effectiveTo).toBe(TODAY);
    expect((await findTariffsInForce(TOMORROW)).find((r) => r.category === "CITIZEN")?.priceSom).toBe(2100);
    const [row] = await audit("tariff.create", String(created.id));
    expect(row).toMatchObject({ actorLabel: "test-admin", entity: "Tariff" });
    expect(row!.before).toMatchObject({ priceSom: 1840 });
    expect(row!.after).toMatchObject({ priceSom: 2100, effectiveFrom: TOMORROW, effectiveTo: null });
    const [closed] = await audit("tariff.close", String(old.id));
    expect(closed!.before).toEqual({ effectiveTo: null });
    expect(closed!.after).toEqual({ effectiveTo: TODAY });

    // A purchase today is priced as before: a terminal payment of the old price makes its policy; the new price is
    // refused as the wrong amount (it is not in force until tomorrow).
    const pin = makePin("FEMALE", "1990-04-12");
    const paid = (amountSom: number) =>
      recordPayment({
        channel: "QUICKPAY",
        externalTxnId: `QP-tariff-${amountSom}-${Date.now()}`,
        account: pin,
        beneficiary: { pin, lastName: "Тарифова", firstName: "Айгуль", category: "CITIZEN" },
        paidAt: new Date(),
        receivedAt: new Date(),
        amountSom,
        payer: { name: "" },
        termMonths: 12,
        issueChannel: "TERMINAL",
        actor: { id: null, label: "terminal:quickpay" },
      });
    expect(await paid(2100)).toMatchObject({ outcome: "wrong_amount", expectedSom: 1840 });
    expect(await paid(1840)).toMatchObject({ outcome: "created" });
  });

  it.each([
    ["today", { effectiveFrom: TODAY }, "administration.errors.tariffNotInFuture"],
    ["yesterday", { effectiveFrom: addDays(TODAY, -1) }, "administration.errors.tariffNotInFuture"],
    ["the same first day twice", { effectiveFrom: TOMORROW }, "administration.errors.tariffSameDay"],
  ])("refuses %s and changes nothing", async (_name, change, code) => {
    const count = await db.tariff.count();
    const audits = await db.auditLog.count();
    await rejects(
      addTariff(ADMIN, { category: "CITIZEN", termMonths: 12, priceSom: 2500, ...BASIS, ...change }, TODAY),
      code,
    );
    expect(await db.tariff.count()).toBe(count);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a free category (cl. 11, 24: no rows) at the form's schema", async () => {
    const count = await db.tariff.count();
    await expect(
      addTariff(
        ADMIN,
        { category: "PREGNANT", termMonths: 12, priceSom: 1, effectiveFrom: TOMORROW, ...BASIS } as never,
        TODAY,
      ),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.tariff.count()).toBe(count);
  });

  it("the database refuses to edit or delete a row in force (trigger), except closing it from today on", async () => {
    const inForce = await db.tariff.findFirstOrThrow({ where: { category: "FOREIGNER", termMonths: 12 } });
    await expect(db.tariff.update({ where: { id: inForce.id }, data: { priceSom: 1 } })).rejects.toThrow(
      /history|in force/i,
    );
    await expect(db.tariff.delete({ where: { id: inForce.id } })).rejects.toThrow(/in force|deleted/i);
    await expect(
      db.tariff.update({ where: { id: inForce.id }, data: { effectiveTo: toDbDate(addDays(TODAY, -1)) } }),
    ).rejects.toThrow(/in force/i);
    await db.tariff.update({ where: { id: inForce.id }, data: { effectiveTo: toDbDate(addDays(TODAY, 40)) } });
  });
});

describe("education agreement states", () => {
  it("adds a state from today, ends it, and audits both with before/after", async () => {
    await addEducationState(
      ADMIN,
      { code: "uz", nameRu: "Узбекистан", nameKy: "Өзбекстан", effectiveFrom: TODAY, ...BASIS },
      TODAY,
    );
    expect(await db.educationAgreementState.findUnique({ where: { code: "UZ" } })).toMatchObject({ effectiveTo: null });
    await endEducationState(ADMIN, { stateCode: "UZ", effectiveTo: addDays(TODAY, 30) }, TODAY);
    const [ended] = await audit("education_state.end", "UZ");
    expect(ended!.before).toMatchObject({ effectiveTo: null });
    expect(ended!.after).toMatchObject({ effectiveTo: addDays(TODAY, 30) });
    expect(await audit("education_state.create", "UZ")).toHaveLength(1);
  });

  it.each([
    [
      "a duplicate",
      () => addEducationState(ADMIN, { code: "UZ", nameRu: "Уз", nameKy: "Өз", effectiveFrom: TODAY, ...BASIS }, TODAY),
      "administration.errors.stateExists",
    ],
    [
      "a start in the past",
      () =>
        addEducationState(
          ADMIN,
          { code: "TJ", nameRu: "Таджикистан", nameKy: "Тажикстан", effectiveFrom: addDays(TODAY, -1), ...BASIS },
          TODAY,
        ),
      "administration.errors.dateInPast",
    ],
    [
      "an end in the past",
      () => endEducationState(ADMIN, { stateCode: "UZ", effectiveTo: addDays(TODAY, -1) }, TODAY),
      "administration.errors.dateInPast",
    ],
    [
      "an unknown state",
      () => endEducationState(ADMIN, { stateCode: "ZZ", effectiveTo: TODAY }, TODAY),
      "errors.notFound",
    ],
  ])("refuses %s", async (_name, run, code) => {
    await rejects(run(), code);
  });
});

describe("territorial offices and health organizations", () => {
  const office = {
    code: "TALAS_2",
    nameRu: "Таласское ТУ-2",
    nameKy: "Талас АБ-2",
    addressRu: "г. Талас, ул. Сарыгулова, 1",
    addressKy: "Талас ш., Сарыгулов к., 1",
    phone: "0342 5 00 00",
  };

  it("adds and edits an office, and a health organization of it, audited with before/after", async () => {
    await addOffice(ADMIN, office);
    await updateOffice(ADMIN, { ...office, nameRu: "Таласское ТУ (второе)", phone: "" });
    const saved = await db.territorialOffice.findUniqueOrThrow({ where: { code: "TALAS_2" } });
    expect(saved).toMatchObject({ nameRu: "Таласское ТУ (второе)", phone: null });
    const [upd] = await audit("office.update", "TALAS_2");
    expect(upd!.before).toMatchObject({ nameRu: "Таласское ТУ-2", phone: "0342 5 00 00" });
    expect(upd!.after).toMatchObject({ nameRu: "Таласское ТУ (второе)", phone: null });

    await addHealthOrganization(ADMIN, { code: "CFM_TALAS_2", nameRu: "ЦСМ", nameKy: "ҮМБ", officeCode: "TALAS_2" });
    await updateHealthOrganization(ADMIN, {
      code: "CFM_TALAS_2",
      nameRu: "ЦСМ Таласа",
      nameKy: "Талас ҮМБ",
      officeCode: "NARYN",
    });
    const org = await db.healthOrganization.findUniqueOrThrow({ where: { code: "CFM_TALAS_2" } });
    expect(org).toMatchObject({ nameRu: "ЦСМ Таласа", officeId: saved.id });
    expect(await audit("health_organization.update", "CFM_TALAS_2")).toHaveLength(1);
  });

  it.each([
    ["a taken office code", () => addOffice(ADMIN, office), "administration.errors.codeTaken"],
    [
      "an organization of an unknown office",
      () => addHealthOrganization(ADMIN, { code: "X_ORG", nameRu: "Орг", nameKy: "Уюм", officeCode: "MARS" }),
      "errors.officeUnknown",
    ],
    ["editing an unknown office", () => updateOffice(ADMIN, { ...office, code: "NOPE" }), "errors.notFound"],
  ])("refuses %s", async (_name, run, code) => {
    await rejects(run(), code);
  });
});

describe("working-day calendar", () => {
  // a Saturday at least a week ahead, and the Monday after it
  const saturday = (() => {
    let d = addDays(TODAY, 7);
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1);
    return d;
  })();
  const monday = addDays(saturday, 2);

  it("adds a holiday and a transferred working day, removes one; audited", async () => {
    await db.workingCalendarDay.deleteMany({ where: { date: { in: [toDbDate(saturday), toDbDate(monday)] } } });
    await addCalendarDay(ADMIN, { date: monday, kind: "HOLIDAY", nameRu: "Праздник", nameKy: "Майрам" }, TODAY);
    await addCalendarDay(ADMIN, { date: saturday, kind: "WORKING_DAY", nameRu: "Перенос", nameKy: "Которуу" }, TODAY);
    expect(await db.workingCalendarDay.count({ where: { date: { in: [toDbDate(saturday), toDbDate(monday)] } } })).toBe(
      2,
    );
    await removeCalendarDay(ADMIN, { date: monday }, TODAY);
    expect(await db.workingCalendarDay.findUnique({ where: { date: toDbDate(monday) } })).toBeNull();
    const [removed] = await audit("calendar_day.delete", monday);
    expect(removed!.before).toMatchObject({ kind: "HOLIDAY", nameRu: "Праздник" });
    expect(await audit("calendar_day.create", saturday)).toHaveLength(1);
  });

  it.each([
    [
      "a working day on a weekday",
      () => addCalendarDay(ADMIN, { date: monday, kind: "WORKING_DAY", nameRu: "Раб", nameKy: "Иш" }, TODAY),
      "administration.errors.workingDayNotWeekend",
    ],
    [
      "a day already there",
      () => addCalendarDay(ADMIN, { date: saturday, kind: "HOLIDAY", nameRu: "Дубль", nameKy: "Кайра" }, TODAY),
      "administration.errors.dayExists",
    ],
    [
      "a past day",
      () =>
        addCalendarDay(ADMIN, { date: addDays(TODAY, -3), kind: "HOLIDAY", nameRu: "Было", nameKy: "Болгон" }, TODAY),
      "administration.errors.dateInPast",
    ],
    ["removing a day not there", () => removeCalendarDay(ADMIN, { date: monday }, TODAY), "errors.notFound"],
  ])("refuses %s", async (_name, run, code) => {
    await rejects(run(), code);
  });
});
