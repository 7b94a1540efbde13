import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { ZContractUpload } from "../../lib/contracts/contract.schema";
import { waitForJob } from "../../lib/contracts/jobs";
import { createContract, updateContract } from "../../lib/contracts/mutations/contracts";
import { confirmContractImport, startContractImport } from "../../lib/contracts/mutations/imports";
import {
  findContract,
  findContractImport,
  listContractPersons,
  listContracts,
  listRejectedRows,
} from "../../lib/contracts/queries";
import { dayToInstant, todayInBishkek } from "../../lib/dates";
import { db } from "../../lib/db";
import { checkInsuredStatus } from "../../lib/policies/queries";
import { addDays, bishkekDate } from "../../lib/rules";
import { createPerson, createPolicy, makePin } from "../support/factories";

// Issue 12 part C: contracts with legal entities (cl. 29–31) — a list of persons checked row by row, a preview,
// then policies issued per person from the accepted rows; the same file again creates nothing.

const TODAY = "2026-03-20";
const NOW = new Date("2026-03-20T06:00:00Z");
let seq = 0;

async function clerkOf(code: string): Promise<StaffUser> {
  const office = await db.territorialOffice.findUniqueOrThrow({ where: { code } });
  const login = `clerk.contracts.${++seq}.${Date.now()}`;
  const user = await db.user.create({
    data: { login, fullName: "Клерк", role: "CLERK", passwordHash: "x", officeId: office.id },
  });
  return { id: user.id, login, fullName: "Клерк", role: "CLERK", officeId: office.id, healthOrganizationId: null };
}

function contractInput(number: string) {
  return {
    number,
    entityName: "ОсОО «Тоо-Кен»",
    registrationNumber: "02712200110054",
    validFrom: "2026-01-01",
    validTo: "2026-12-31",
    contactName: "Айгуль Садыкова",
    contactPhone: "+996555123456",
    contactEmail: null,
  };
}

const HEADER = "last_name,first_name,patronymic,pin,document_type,document_number,category,term_months";
const csv = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\r\n") + "\r\n");
let docSeq = 100000;
const doc = () => `AN${++docSeq}${Math.floor(Math.random() * 900 + 100)}`;

async function importAndWait(user: StaffUser, contractId: string, fileName: string, bytes: Uint8Array) {
  const started = await startContractImport(user, { contractId, fileName, bytes }, TODAY);
  await waitForJob(started.id);
  return started;
}

describe("a mixed contract list (cl. 29–31)", () => {
  let clerk: StaffUser;
  let contractId: string;
  let otherContractId: string;
  const valid = [makePin("MALE", "1985-02-11"), makePin("FEMALE", "1992-07-30"), makePin("MALE", "1970-12-01")];
  const insuredPin = makePin("FEMALE", "1988-04-04");
  const otherContractPin = makePin("MALE", "1979-09-09");
  let file: Uint8Array;

  beforeAll(async () => {
    clerk = await clerkOf("BISHKEK");
    contractId = (await createContract(clerk, contractInput(`D-${Date.now()}`))).id;
    otherContractId = (await createContract(clerk, contractInput(`D-other-${Date.now()}`))).id;
    // already insured: a running policy on the day of the check
    const insured = await createPerson({ pin: insuredPin, sex: "FEMALE", birthDate: "1988-04-04" });
    await createPolicy(insured.id, { validFrom: "2026-01-10", validTo: "2027-01-09" });
    // on another active contract for an overlapping period
    await importAndWait(clerk, otherContractId, "other.csv", csv([`Осмонов,Бек,,${otherContractPin},,${doc()},,`]));
    const other = await findContractImport(
      clerk,
      (await db.contractImport.findFirstOrThrow({ where: { contractId: otherContractId } })).id,
      NOW,
    );
    await confirmContractImport(
      clerk,
      { importId: other!.id, paymentMode: "WHOLE", paymentReference: `PP-O-${Date.now()}`, paymentDate: TODAY },
      TODAY,
    );
    await waitForJob(other!.id);

    file = csv([
      `Асанов,Бакыт,Маратович,${valid[0]},KG_PASSPORT,${doc()},CITIZEN,12`, // 2 valid
      `Иванова,Мария,,${valid[1]},,${doc()},,`, // 3 valid (defaults)
      `Петров,Пётр,,2100319900000X,,${doc()},,`, // 4 malformed PIN
      `Сидоров,Сидор,,23102199000001,,${doc()},,`, // 5 impossible date (31.02.1990)
      `Бала,Кичине,,${makePin("MALE", "2015-06-15")},,${doc()},,`, // 6 under 16
      `Асанов,Бакыт,,${valid[0]},,${doc()},,`, // 7 duplicate in the file
      `Камсыз,Айна,,${insuredPin},,${doc()},,`, // 8 already insured
      `Осмонов,Бек,,${otherContractPin},,${doc()},,`, // 9 on another contract
      `Токтогулов,Нурлан,,${valid[2]},FOREIGN_PASSPORT,${doc()},FOREIGNER,6`, // 10 valid foreigner, 6 months
    ]);
  });

  it("previews: counts and every rejected row with its reason; nothing issued yet", async () => {
    const { id, reused } = await importAndWait(clerk, contractId, "list.csv", file);
    expect(reused).toBe(false);
    const imp = await findContractImport(clerk, id, NOW);
    expect(imp).toMatchObject({ status: "PREVIEW", totalRows: 9, acceptedRows: 3, rejectedRows: 6, issuedRows: 0 });
    expect(imp!.amountSom).toBe(1840 + 1840 + 5955);
    const { rows } = await listRejectedRows(clerk, id);
    expect(rows.map((r) => [r.rowNumber, r.reason])).toEqual([
      [4, "PIN_MALFORMED"],
      [5, "PIN_IMPOSSIBLE_DATE"],
      [6, "UNDER_16"],
      [7, "DUPLICATE_IN_FILE"],
      [8, "ALREADY_INSURED"],
      [9, "IN_OTHER_CONTRACT"],
    ]);
    expect(await db.contractPerson.count({ where: { contractId } })).toBe(0);
    expect(await db.person.count({ where: { pin: { in: valid } } })).toBe(0);
  });

  it("issues a policy per accepted person on confirmation, with one payment for the whole contract", async () => {
    const imp = await db.contractImport.findFirstOrThrow({ where: { contractId } });
    const reference = `PP-${Date.now()}`;
    await confirmContractImport(
      clerk,
      { importId: imp.id, paymentMode: "WHOLE", paymentReference: reference, paymentDate: TODAY },
      TODAY,
    );
    await waitForJob(imp.id);
    const done = await findContractImport(clerk, imp.id, NOW);
    expect(done).toMatchObject({ status: "DONE", issuedRows: 3, acceptedRows: 3 });
    const policies = await db.policy.findMany({ where: { person: { pin: { in: valid } } } });
    expect(policies).toHaveLength(3);
    expect(new Set(policies.map((p) => p.channel))).toEqual(new Set(["CONTRACT"]));
    expect(policies.every((p) => p.officeId === clerk.officeId)).toBe(true);
    const payment = await db.payment.findUniqueOrThrow({
      where: { channel_externalTxnId: { channel: "CONTRACT", externalTxnId: reference } },
    });
    expect(payment.amountSom).toBe(1840 + 1840 + 5955);
    // cl. 5: in force 5 days after the payment, and the public status check says so
    expect((await checkInsuredStatus(valid[0]!, "2026-03-25")).insured).toBe(true);
    expect((await checkInsuredStatus(valid[0]!, "2026-03-24")).insured).toBe(false);
    const persons = await listContractPersons(clerk, contractId);
    expect(persons.total).toBe(3);
    expect(
      await db.auditLog.count({ where: { action: "policy.issue", entityId: { in: policies.map((p) => p.id) } } }),
    ).toBe(3);
  });

  it("re-importing the same file creates nothing new", async () => {
    const before = await Promise.all([db.policy.count(), db.contractImport.count(), db.payment.count()]);
    const again = await startContractImport(clerk, { contractId, fileName: "list-copy.csv", bytes: file }, TODAY);
    expect(again.reused).toBe(true);
    await waitForJob(again.id);
    expect(await Promise.all([db.policy.count(), db.contractImport.count(), db.payment.count()])).toEqual(before);
  });

  it("a different file with the same persons rejects them as already on this contract", async () => {
    const { id } = await importAndWait(
      clerk,
      contractId,
      "list2.csv",
      csv([`Асанов,Бакыт,Маратович,${valid[0]},KG_PASSPORT,${doc()},CITIZEN,12`]),
    );
    const { rows } = await listRejectedRows(clerk, id);
    expect(rows.map((r) => r.reason)).toEqual(["ALREADY_IN_CONTRACT"]);
  });

  it("the database keeps a person once per contract", async () => {
    const cp = await db.contractPerson.findFirstOrThrow({ where: { contractId } });
    await expect(
      db.contractPerson.create({
        data: { contractId, importId: cp.importId, personId: cp.personId, policyId: cp.policyId, rowNumber: 99 },
      }),
    ).rejects.toThrow();
  });
});

describe("an XLSX list paid per person", () => {
  it("reads the first sheet (a PIN typed as a number too) and records one payment per policy", async () => {
    const clerk = await clerkOf("OSH");
    const { id: contractId } = await createContract(clerk, contractInput(`X-${Date.now()}`));
    const pins = [makePin("MALE", "1980-01-01"), makePin("FEMALE", "1981-02-02")];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("list");
    ws.addRow(HEADER.split(","));
    ws.addRow(["Усенов", "Азамат", "", Number(pins[0]), "", doc(), "", ""]);
    ws.addRow(["Усенова", "Гүлзат", "", pins[1], "KG_ID_CARD", doc(), "CITIZEN", 12]);
    ws.addRow(["Жаш", "Бала", "", makePin("MALE", "2014-01-01"), "", doc(), "", ""]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { id } = await importAndWait(clerk, contractId, "list.xlsx", bytes);
    expect(await findContractImport(clerk, id, NOW)).toMatchObject({
      status: "PREVIEW",
      acceptedRows: 2,
      rejectedRows: 1,
    });
    expect((await listRejectedRows(clerk, id)).rows.map((r) => [r.rowNumber, r.reason])).toEqual([[4, "UNDER_16"]]);
    const reference = `PX-${Date.now()}`;
    await confirmContractImport(
      clerk,
      { importId: id, paymentMode: "PER_PERSON", paymentReference: reference, paymentDate: "2026-03-18" },
      TODAY,
    );
    await waitForJob(id);
    const payments = await db.payment.findMany({
      where: { channel: "CONTRACT", externalTxnId: { startsWith: `${reference}/` } },
    });
    expect(payments.map((p) => p.amountSom)).toEqual([1840, 1840]);
    expect(payments.every((p) => p.policyId !== null)).toBe(true);
    const policy = await db.policy.findUniqueOrThrow({ where: { id: payments[0]!.policyId! } });
    expect(policy.validFrom?.toISOString().slice(0, 10)).toBe("2026-03-23");
  });
});

describe("a transfer dated long before the confirmation (issue 11, hole 4; I33)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("counts from the confirmation, flagged: a clerk alone cannot back-date coverage", async () => {
    vi.stubEnv("PAYMENT_DATE_WINDOW_DAYS", "3");
    const clerk = await clerkOf("TALAS");
    const today = todayInBishkek();
    const { id: contractId } = await createContract(clerk, {
      ...contractInput(`B-${Date.now()}`),
      validFrom: "2025-01-01",
      validTo: addDays(today, 30),
    });
    const pins = [makePin("MALE", "1983-03-03"), makePin("FEMALE", "1984-04-04")];
    const whole = await importAndWait(clerk, contractId, "a.csv", csv([`Асанов,Бек,,${pins[0]},,${doc()},,`]));
    const perPerson = await importAndWait(clerk, contractId, "b.csv", csv([`Асанова,Айгүл,,${pins[1]},,${doc()},,`]));
    const reference = `PB-${Date.now()}`;
    for (const [imp, paymentMode] of [
      [whole, "WHOLE"],
      [perPerson, "PER_PERSON"],
    ] as const) {
      await confirmContractImport(
        clerk,
        { importId: imp.id, paymentMode, paymentReference: `${reference}-${paymentMode}`, paymentDate: "2025-01-02" },
        today,
      );
      await waitForJob(imp.id);
    }
    for (const pin of pins) {
      const [policy] = await db.policy.findMany({ where: { person: { pin } } });
      expect(policy?.validFrom?.toISOString().slice(0, 10)).toBe(addDays(today, 5)); // not 2025-01-07
      expect((await checkInsuredStatus(pin, "2025-06-01")).insured).toBe(false);
    }
    const payments = await db.payment.findMany({ where: { externalTxnId: { startsWith: reference } } });
    expect(payments).toHaveLength(2);
    for (const p of payments) {
      expect(p).toMatchObject({ lateDated: true, paidAt: dayToInstant("2025-01-02") });
      expect(bishkekDate(p.receivedAt)).toBe(today);
    }
    const confirmed = await db.auditLog.findFirstOrThrow({
      where: { action: "contract.import.confirm", entityId: whole.id },
    });
    expect(confirmed.after).toMatchObject({ lateDated: true, coverageCountsFrom: today });
    // decided once, at the confirmation: the job (or a resumed one) reads it back
    expect(await db.contractImport.findUniqueOrThrow({ where: { id: whole.id } })).toMatchObject({ lateDated: true });
  });
});

describe("a transfer of today, confirmed in the morning", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("is not a payment from the future: its policies count from today + 5", async () => {
    vi.stubEnv("PAYMENT_DATE_WINDOW_DAYS", "3");
    const today = todayInBishkek();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${today}T03:00:00Z`) }); // 09:00 in Bishkek
    const clerk = await clerkOf("NARYN");
    const { id: contractId } = await createContract(clerk, {
      ...contractInput(`M-${Date.now()}`),
      validFrom: addDays(today, -10),
      validTo: addDays(today, 300),
    });
    const pin = makePin("MALE", "1986-06-06");
    const imp = await importAndWait(clerk, contractId, "m.csv", csv([`Бекова,Нур,,${pin},,${doc()},,`]));
    const reference = `PM-${Date.now()}`;
    await confirmContractImport(
      clerk,
      { importId: imp.id, paymentMode: "WHOLE", paymentReference: reference, paymentDate: today },
      today,
    );
    await waitForJob(imp.id);
    const [policy] = await db.policy.findMany({ where: { person: { pin } } });
    expect(policy?.validFrom?.toISOString().slice(0, 10)).toBe(addDays(today, 5));
    const payment = await db.payment.findFirstOrThrow({ where: { externalTxnId: reference } });
    expect(payment.lateDated).toBe(false);
    expect(payment.paidAt.getTime()).toBeLessThanOrEqual(payment.receivedAt.getTime());
  });
});

describe("refusals that change nothing", () => {
  let clerk: StaffUser;
  let contractId: string;
  beforeAll(async () => {
    clerk = await clerkOf("BISHKEK");
    contractId = (await createContract(clerk, contractInput(`R-${Date.now()}`))).id;
  });

  it("refuses a file that is neither CSV nor XLSX, and an oversized one, with a message", async () => {
    const before = await db.contractImport.count();
    await expect(
      startContractImport(
        clerk,
        { contractId, fileName: "list.pdf", bytes: new TextEncoder().encode("%PDF-1.4") },
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "contracts.error.fileType" });
    await expect(
      startContractImport(
        clerk,
        { contractId, fileName: "list.xls", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) },
        TODAY,
      ),
    ).rejects.toMatchObject({ code: "contracts.error.fileType" });
    await expect(
      startContractImport(clerk, { contractId, fileName: "big.csv", bytes: new Uint8Array(6 * 1024 * 1024) }, TODAY),
    ).rejects.toMatchObject({ code: "contracts.error.fileTooLarge" });
    const big = new File([new Uint8Array(6 * 1024 * 1024)], "big.csv");
    const parsed = ZContractUpload.safeParse({ contractId, file: big });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("contracts.error.fileTooLarge");
    expect(await db.contractImport.count()).toBe(before);
  });

  it("fails a file without the template's columns with the reason, issuing nothing", async () => {
    const { id } = await importAndWait(clerk, contractId, "bad.csv", new TextEncoder().encode("name;id\nA;1\n"));
    expect(await findContractImport(clerk, id, NOW)).toMatchObject({
      status: "FAILED",
      error: "contracts.error.header",
    });
  });

  it("answers 'not found' for another office's contract and import, and audits the attempt", async () => {
    const osh = await clerkOf("OSH");
    expect(await findContract(osh, contractId)).toBeNull();
    expect((await listContracts(osh)).map((c) => c.id)).not.toContain(contractId);
    await expect(
      updateContract(osh, contractId, { ...contractInput("hijack"), status: "TERMINATED" }),
    ).rejects.toMatchObject({ code: "errors.notFound" });
    await expect(
      startContractImport(osh, { contractId, fileName: "x.csv", bytes: csv([]) }, TODAY),
    ).rejects.toMatchObject({ code: "errors.notFound" });
    const denied = await db.auditLog.count({
      where: {
        action: "access.denied",
        actorId: osh.id,
        after: { path: ["target"], equals: `Contract:${contractId}` },
      },
    });
    expect(denied).toBeGreaterThanOrEqual(3);
    expect((await findContract(clerk, contractId))?.number).toMatch(/^R-/);
  });
});
