import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getStatus } from "../../app/api/v1/status/route";
import type { StaffUser } from "../../lib/auth/permissions";
import { waitForJob } from "../../lib/contracts/jobs";
import { startCoverageImport } from "../../lib/coverage/mutations";
import { findCoverageImport, listCoverageRejects } from "../../lib/coverage/queries";
import { todayInBishkek } from "../../lib/dates";
import { db, sqlOn } from "../../lib/db";
import type { ExternalCoverageSource } from "../../lib/generated/prisma/client";
import { createOrderFromDraft } from "../../lib/orders/mutations";
import { findOrCreatePersonForUpdate } from "../../lib/people/mutations";
import { createPerson, makePin } from "../support/factories";

// Issue 15: the external-coverage registry. An imported file makes a person insured for the status check and the
// purchase rules; the same file twice leaves the same rows; a newer file for the same source and period replaces the
// older one's rows (README I39); bad rows are reported by line and reason and change nothing.

const TODAY = todayInBishkek();
const YEAR = TODAY.slice(0, 4);

async function adminUser(): Promise<StaffUser> {
  const login = `admin.coverage.${randomUUID().slice(0, 8)}`;
  const user = await db.user.create({ data: { login, fullName: "Админ", role: "ADMIN", passwordHash: "x" } });
  return { id: user.id, login, fullName: "Админ", role: "ADMIN", officeId: null, healthOrganizationId: null };
}

async function fileWith(lines: string[]): Promise<string> {
  const path = join(tmpdir(), `coverage-test-${randomUUID()}.csv`);
  await writeFile(path, ["pin,source,covered_from,covered_to", ...lines].join("\n") + "\n");
  return path;
}

async function importFile(
  admin: StaffUser,
  path: string,
  period: { source: ExternalCoverageSource; periodFrom: string; periodTo: string },
) {
  const started = await startCoverageImport(admin, { ...period, fileName: "registry.csv", path, removeFile: false });
  await waitForJob(started.id);
  return { started, view: (await findCoverageImport(admin, started.id))! };
}

/** The rows of a source and period as comparable text, ids and creation times aside. */
async function coverageOf(source: ExternalCoverageSource, from: string, to: string) {
  const rows = await db.$queryRaw<{ row: string }[]>`SELECT p."pin" || ' ' || e."validFrom"::text || ' ' ||
      e."validTo"::text AS "row"
    FROM "ExternalCoverage" e JOIN "Person" p ON p."id" = e."personId"
    WHERE e."source" = ${source}::"ExternalCoverageSource" AND e."validFrom" >= ${from}::date AND e."validTo" <= ${to}::date
      AND e."importId" IS NOT NULL
    ORDER BY 1`;
  return rows.map((r) => r.row);
}

describe("the external-coverage registry (issue 15, I39)", () => {
  let admin: StaffUser;
  beforeAll(async () => {
    admin = await adminUser();
  });

  it("makes the status check answer insured with source external and a purchase answer already insured", async () => {
    const known = await createPerson();
    const unknownPin = makePin("FEMALE", "1985-02-03");
    const path = await fileWith([
      `${known.pin},EMPLOYMENT,${YEAR}-01-01,${YEAR}-12-31`,
      `${unknownPin},,${YEAR}-01-01,${YEAR}-12-31`,
    ]);
    const { view } = await importFile(admin, path, {
      source: "EMPLOYMENT",
      periodFrom: `${YEAR}-01-01`,
      periodTo: `${YEAR}-12-31`,
    });
    expect(view).toMatchObject({
      status: "COMPLETED",
      acceptedRows: 2,
      rejectedRows: 0,
      coverageRows: 2,
      personsCreated: 1,
    });

    for (const pin of [known.pin!, unknownPin]) {
      const res = await getStatus(new Request(`http://localhost/api/v1/status?pin=${pin}&on=${TODAY}`));
      expect(await res.json()).toMatchObject({
        insured: true,
        on: TODAY,
        coverage: { source: "external", policyNumber: null, validFrom: `${YEAR}-01-01`, validTo: `${YEAR}-12-31` },
      });
    }
    // the person the file registered carries what the PIN says, and no name (I39)
    const registered = await db.person.findUniqueOrThrow({ where: { pin: unknownPin } });
    expect(registered).toMatchObject({ sex: "FEMALE", lastName: "", category: "CITIZEN" });

    const order = await createOrderFromDraft(
      {
        idKind: "PIN",
        pin: unknownPin,
        lastName: "Асанова",
        firstName: "Айгуль",
        phone: "+996700123456",
        category: "CITIZEN",
        termMonths: 12,
      },
      "ru",
      new Date(),
    );
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.refusals.map((r) => r.code)).toContain("INSURED_ELSEWHERE");
    expect(await db.purchaseOrder.count({ where: { pin: unknownPin } })).toBe(0);

    // the first registration that brings a name completes the person the file registered (I39)
    await db.$transaction((tx) =>
      findOrCreatePersonForUpdate(sqlOn(tx), {
        pin: unknownPin,
        lastName: "Асанова",
        firstName: "Айгуль",
        category: "CITIZEN",
      }),
    );
    expect(await db.person.findUniqueOrThrow({ where: { pin: unknownPin } })).toMatchObject({
      lastName: "Асанова",
      firstName: "Айгуль",
    });
  });

  it("leaves the same rows when the same file is imported twice", async () => {
    const period = { source: "STATE" as const, periodFrom: "2031-01-01", periodTo: "2031-06-30" };
    const pins = [makePin(), makePin("FEMALE"), makePin()];
    const path = await fileWith(pins.map((p, i) => `${p},STATE,2031-0${i + 1}-01,2031-06-30`));
    const first = await importFile(admin, path, period);
    expect(first.view.status).toBe("COMPLETED");
    const before = await coverageOf("STATE", "2031-01-01", "2031-06-30");
    const ids = await db.externalCoverage.findMany({ where: { importId: first.started.id }, select: { id: true } });
    expect(before).toHaveLength(3);

    const second = await importFile(admin, path, period);
    expect(second.started.unchanged).toBe(true);
    expect(second.view).toMatchObject({ status: "UNCHANGED", acceptedRows: 3, rejectedRows: 0 });
    expect(await coverageOf("STATE", "2031-01-01", "2031-06-30")).toEqual(before);
    const idsAfter = await db.externalCoverage.findMany({
      where: { importId: first.started.id },
      select: { id: true },
    });
    expect(idsAfter).toEqual(ids);
    expect((await findCoverageImport(admin, first.started.id))!.status).toBe("COMPLETED");
  });

  it("replaces the coverage of the same source and period with a newer file, and no other", async () => {
    const period = { source: "OTHER" as const, periodFrom: "2032-01-01", periodTo: "2032-12-31" };
    const [a, b, c] = [makePin(), makePin(), makePin("FEMALE")];
    const older = await importFile(
      admin,
      await fileWith([`${a},,2032-01-01,2032-12-31`, `${b},,2032-01-01,2032-12-31`]),
      period,
    );
    // another period of the same source (overlapping, not the same): untouched by the newer file
    const other = await importFile(admin, await fileWith([`${a},,2032-03-01,2032-03-31`]), {
      ...period,
      periodFrom: "2032-03-01",
      periodTo: "2032-03-31",
    });
    const newer = await importFile(
      admin,
      await fileWith([`${b},,2032-01-01,2032-06-30`, `${c},,2032-01-01,2032-12-31`]),
      period,
    );
    expect(newer.view).toMatchObject({ status: "COMPLETED", coverageRows: 2, replacedRows: 2 });
    expect((await findCoverageImport(admin, older.started.id))!.status).toBe("SUPERSEDED");
    expect((await findCoverageImport(admin, other.started.id))!.status).toBe("COMPLETED");
    expect(await coverageOf("OTHER", "2032-01-01", "2032-12-31")).toEqual(
      [`${a} 2032-03-01 2032-03-31`, `${b} 2032-01-01 2032-06-30`, `${c} 2032-01-01 2032-12-31`].sort(),
    );
  });

  it("reports bad rows with their line and reason and imports only the good ones", async () => {
    const period = { source: "EMPLOYMENT" as const, periodFrom: "2033-01-01", periodTo: "2033-03-31" };
    const good = makePin();
    const bad = makePin();
    const path = await fileWith([
      `${good},EMPLOYMENT,01.01.2033,31.03.2033`, // line 2: accepted (DD.MM.YYYY)
      `1234,EMPLOYMENT,2033-01-01,2033-03-31`, // 3: short PIN
      `${bad},STATE,2033-01-01,2033-03-31`, // 4: another source's row
      `${bad},PENSION,2033-01-01,2033-03-31`, // 5: unknown source
      `${bad},,2033-02-30,2033-03-31`, // 6: no such day
      `${bad},,2033-03-01,2033-02-01`, // 7: from after to
      `${bad},,2033-01-01,2033-04-30`, // 8: beyond the period
      `32001199912345,,2033-01-01,2033-03-31`, // 9: sex digit 3
    ]);
    const { started, view } = await importFile(admin, path, period);
    expect(view).toMatchObject({ status: "COMPLETED", readRows: 8, acceptedRows: 1, rejectedRows: 7, coverageRows: 1 });
    const rejects = await listCoverageRejects(admin, started.id, 1);
    expect(rejects.rows).toEqual([
      { line: 3, reason: "PIN_LENGTH" },
      { line: 4, reason: "SOURCE_MISMATCH" },
      { line: 5, reason: "SOURCE_UNKNOWN" },
      { line: 6, reason: "FROM_INVALID" },
      { line: 7, reason: "FROM_AFTER_TO" },
      { line: 8, reason: "OUTSIDE_PERIOD" },
      { line: 9, reason: "PIN_SEX_DIGIT" },
    ]);
    expect(await db.person.count({ where: { pin: bad } })).toBe(0);
    expect(await coverageOf("EMPLOYMENT", "2033-01-01", "2033-03-31")).toEqual([`${good} 2033-01-01 2033-03-31`]);
    expect(await db.externalCoverageStage.count({ where: { importId: started.id } })).toBe(0);
  });

  it("reads an XLSX file (a PIN typed as a number, dates as date cells)", async () => {
    const pin = makePin("FEMALE", "1991-09-09");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Реестр");
    sheet.addRow(["ПИН", "Источник", "Действует с", "Действует по"]);
    sheet.addRow([Number(pin), "государство", new Date("2035-01-01T00:00:00Z"), new Date("2035-06-30T00:00:00Z")]);
    sheet.addRow(["bad", "", "2035-01-01", "2035-06-30"]);
    const path = join(tmpdir(), `coverage-test-${randomUUID()}.xlsx`);
    await workbook.xlsx.writeFile(path);
    const started = await startCoverageImport(admin, {
      source: "STATE",
      periodFrom: "2035-01-01",
      periodTo: "2035-12-31",
      fileName: "registry.xlsx",
      path,
      removeFile: true,
    });
    await waitForJob(started.id);
    expect(await findCoverageImport(admin, started.id)).toMatchObject({
      status: "COMPLETED",
      acceptedRows: 1,
      rejectedRows: 1,
    });
    expect(await coverageOf("STATE", "2035-01-01", "2035-12-31")).toEqual([`${pin} 2035-01-01 2035-06-30`]);
    expect((await listCoverageRejects(admin, started.id, 1)).rows).toEqual([{ line: 3, reason: "PIN_NOT_DIGITS" }]);
  });

  it("refuses a file of another type and a non-admin, writing nothing", async () => {
    const path = join(tmpdir(), `coverage-test-${randomUUID()}.pdf`);
    await writeFile(path, "%PDF-1.4");
    const period = { source: "EMPLOYMENT" as const, periodFrom: "2034-01-01", periodTo: "2034-01-31" };
    const count = await db.externalCoverageImport.count();
    await expect(
      startCoverageImport(admin, { ...period, fileName: "x.pdf", path, removeFile: false }),
    ).rejects.toMatchObject({ code: "coverage.error.fileType" });
    await expect(
      startCoverageImport({ ...admin, role: "CLERK" }, { ...period, fileName: "x.csv", path, removeFile: false }),
    ).rejects.toMatchObject({ code: "errors.forbidden" });
    expect(await db.externalCoverageImport.count()).toBe(count);
  });
});
