import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { ZFileAppealInput } from "../../lib/appeals/appeal.schema";
import { answerAppeal, fileAppeal } from "../../lib/appeals/mutations";
import { findAppealStatus, findOfficeAppeal, listOfficeAppeals } from "../../lib/appeals/queries";
import { db } from "../../lib/db";
import { makePin } from "../support/factories";

// Issue 14: appeals (cl. 36–37) — registered with a number and an office, answered, closed, kept.

const TODAY = "2026-03-20";

async function clerk(code: string): Promise<StaffUser> {
  const office = await db.territorialOffice.findUniqueOrThrow({ where: { code } });
  const login = `appeal.clerk.${randomBytes(4).toString("hex")}`;
  const user = await db.user.create({
    data: { login, fullName: "Клерк", role: "CLERK", passwordHash: "x", officeId: office.id },
  });
  return { id: user.id, login, fullName: "Клерк", role: "CLERK", officeId: office.id, healthOrganizationId: null };
}

const form = (pin: string, officeCode = "NARYN") =>
  ZFileAppealInput.parse({
    locale: "ru",
    pin,
    fullName: "Асанов Бакыт",
    phone: "",
    officeCode,
    subject: "Заказ отклонён",
    text: "Оплатил полис, но заказ отклонён. Прошу разобраться.",
  });

describe("appeals (cl. 36–37)", () => {
  it("filed online: a number, the office; answered by that office; the citizen sees it with number + PIN only", async () => {
    const pin = makePin();
    const filed = await fileAppeal(form(pin), TODAY);
    expect(filed.number).toMatch(/^A-2026-\d{6}$/);
    expect(await findAppealStatus(filed.number, pin)).toMatchObject({
      state: "OPEN",
      dueOn: "2026-04-06",
      answer: null,
    });
    // I37: 10 working days — 20 March is Orozo ait and 23 March the day off moved from Nooruz (Saturday 21 March)
    expect(await findAppealStatus(filed.number, makePin())).toBeNull();

    const naryn = await clerk("NARYN");
    const other = await clerk("OSH");
    const listed = await listOfficeAppeals(naryn, TODAY);
    expect(listed.find((a) => a.number === filed.number)).toMatchObject({ overdue: false, filedOnBehalf: false });
    expect((await listOfficeAppeals(other, TODAY)).some((a) => a.number === filed.number)).toBe(false);
    expect(await findOfficeAppeal(other, filed.id, TODAY)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: other.id } })).toBe(1);
    await expect(answerAppeal(other, { appealId: filed.id, answer: "Не наше" }, TODAY)).rejects.toThrow(
      "appeals.errors.notFound",
    );

    await answerAppeal(naryn, { appealId: filed.id, answer: "Деньги будут возвращены." }, TODAY);
    expect(await findAppealStatus(filed.number, pin)).toMatchObject({
      state: "ANSWERED",
      answer: "Деньги будут возвращены.",
      closedOn: TODAY,
    });
    await expect(answerAppeal(naryn, { appealId: filed.id, answer: "Ещё раз" }, TODAY)).rejects.toThrow(
      "appeals.errors.alreadyAnswered",
    );
    const audit = await db.auditLog.findMany({ where: { entity: "Appeal", entityId: filed.number } });
    expect(audit.map((a) => a.action).sort()).toEqual(["appeal.answered", "appeal.filed"]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after, a.entityId]))).not.toContain(pin);
  });

  it("a clerk registers one on the citizen's behalf, at the clerk's own office", async () => {
    const talas = await clerk("TALAS");
    const filed = await fileAppeal(form(makePin(), "BATKEN"), TODAY, talas);
    const row = await db.appeal.findUniqueOrThrow({ where: { id: filed.id }, include: { office: true } });
    expect(row).toMatchObject({ filedById: talas.id });
    expect(row.office.code).toBe("TALAS");
  });

  it("an appeal past its due day is marked overdue in the office's list", async () => {
    const osh = await clerk("OSH");
    const filed = await fileAppeal(form(makePin(), "OSH"), TODAY);
    await db.appeal.update({ where: { id: filed.id }, data: { dueOn: new Date("2026-03-19T00:00:00Z") } });
    expect((await listOfficeAppeals(osh, TODAY)).find((a) => a.id === filed.id)).toMatchObject({ overdue: true });
  });
});
