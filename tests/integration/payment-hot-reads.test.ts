import { describe, expect, it } from "vitest";
import { db, sqlOn, sqlTransaction } from "../../lib/db";
import { findOrCreatePersonForUpdate } from "../../lib/people/mutations";
import { findPersonByAccount } from "../../lib/people/queries";
import { findTariffRows } from "../../lib/policies/queries";
import { makePin } from "../support/factories";

// Issue 17: the reads and the transaction a terminal payment is made of — shared per turn, plain SQL — answer what
// the ones they replaced answered.
describe("the terminal payment's reads and its plain-SQL transaction (issue 17)", () => {
  it("the tariff table asked for at once is read once, frozen, and equals Prisma's read of it", async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => findTariffRows()));
    expect(new Set(all).size).toBe(1);
    const rows = all[0]!;
    expect(Object.isFrozen(rows) && rows.every((r) => Object.isFrozen(r))).toBe(true);
    expect(() => (rows as unknown[]).push({})).toThrow();
    const viaPrisma = await db.$transaction((tx) => findTariffRows(tx));
    expect(rows).toEqual(viaPrisma);
    // a later turn reads again
    expect(await findTariffRows()).not.toBe(rows);
  });

  it("payers looked up at once by PIN: each their own record, unknown and malformed PINs none", async () => {
    const pins = [makePin(), makePin("FEMALE", "1975-01-02"), makePin()];
    for (const [i, pin] of pins.entries())
      await db.person.create({
        data: {
          pin,
          lastName: `Фамилия${i}`,
          firstName: "Имя",
          patronymic: i === 0 ? null : "Отчество",
          birthDate: new Date(i === 1 ? "1975-01-02" : "1990-05-17"),
          sex: i === 1 ? "FEMALE" : "MALE",
          category: "CITIZEN",
          phone: i === 2 ? "+996700000002" : null,
        },
      });
    const [a, b, c, unknown, malformed] = await Promise.all([
      ...pins.map((pin) => findPersonByAccount({ pin })),
      findPersonByAccount({ pin: makePin() }),
      findPersonByAccount({ pin: "123" }),
    ]);
    expect(a).toMatchObject({ category: "CITIZEN", birthDate: "1990-05-17", sex: "MALE", fullName: "Фамилия0 Имя" });
    expect(b).toMatchObject({ birthDate: "1975-01-02", sex: "FEMALE", fullName: "Фамилия1 Имя Отчество", phone: null });
    expect(c).toMatchObject({ fullName: "Фамилия2 Имя Отчество", phone: "+996700000002" });
    expect(a).not.toHaveProperty("pin");
    expect(unknown).toBeNull();
    expect(malformed).toBeNull();
  });

  it("the payer locked by PIN in one statement: registered once, a known record unchanged, a nameless one named", async () => {
    const pin = makePin();
    const who = { pin, lastName: "Асанов", firstName: "Бакыт", category: "CITIZEN" as const, phone: "+996555000111" };
    const first = await sqlTransaction((sql) => findOrCreatePersonForUpdate(sql, who));
    expect(first).toMatchObject({ pin, sex: "MALE", category: "CITIZEN", createdNow: true });
    expect(first.birthDate?.toISOString().slice(0, 10)).toBe("1990-05-17");
    const before = await db.person.findUniqueOrThrow({ where: { pin } });
    const again = await sqlTransaction((sql) => findOrCreatePersonForUpdate(sql, { ...who, lastName: "Другой" }));
    expect(again).toEqual({ ...first, createdNow: undefined });
    expect(await db.person.findUniqueOrThrow({ where: { pin } })).toEqual(before); // no column changed
    expect(await db.person.count({ where: { pin } })).toBe(1);

    // a record the external-coverage registry made carries no name (I39): the first payment names it
    const nameless = makePin("FEMALE");
    await db.person.create({
      data: {
        pin: nameless,
        lastName: "",
        firstName: "",
        category: "CITIZEN",
        sex: "FEMALE",
        birthDate: new Date("1990-05-17"),
      },
    });
    await db.$transaction((tx) =>
      findOrCreatePersonForUpdate(sqlOn(tx), {
        pin: nameless,
        lastName: "Осмонова",
        firstName: "Айпери",
        category: "CITIZEN",
      }),
    );
    expect(await db.person.findUniqueOrThrow({ where: { pin: nameless } })).toMatchObject({
      lastName: "Осмонова",
      firstName: "Айпери",
      searchName: "ОСМОНОВА АИПЕРИ", // й folds to И (oms_search_key),
    });
  });

  it("a plain-SQL transaction commits whole or not at all, and its connection serves the next one", async () => {
    const pin = makePin();
    const who = { pin, lastName: "Тестов", firstName: "Тест", category: "CITIZEN" as const };
    for (let i = 0; i < 30; i++) {
      await expect(
        sqlTransaction(async (sql) => {
          await findOrCreatePersonForUpdate(sql, who);
          throw new Error("the rules refused");
        }),
      ).rejects.toThrow("the rules refused");
    }
    expect(await db.person.count({ where: { pin } })).toBe(0);
    await expect(sqlTransaction((sql) => sql(`SELECT 1/0 AS "x"`, []))).rejects.toThrow();
    const id = await sqlTransaction(async (sql) => (await findOrCreatePersonForUpdate(sql, who)).id);
    expect((await db.person.findUniqueOrThrow({ where: { pin } })).id).toBe(id);
  });
});
