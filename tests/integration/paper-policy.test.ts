import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "../../lib/auth/permissions";
import { db } from "../../lib/db";
import { isAppError } from "../../lib/errors";
import { ZRecordHandoverInput, type TRecordHandoverInput } from "../../lib/policies/paper/handover.schema";
import { journalCsv, journalXlsx } from "../../lib/policies/paper/journal-export";
import { readJournalParams } from "../../lib/policies/paper/journal-params";
import { openJournalSearch, sealJournalSearch } from "../../lib/policies/paper/journal-search";
import { recordHandover, recordPolicyPrint } from "../../lib/policies/paper/mutations";
import {
  findPrintablePolicy,
  findVerifiedPolicy,
  journalRowsForExport,
  listJournal,
  type JournalQuery,
} from "../../lib/policies/paper/queries";
import { isValidPolicySignature, policySignature, verificationPath } from "../../lib/policies/paper/verification";
import { findOfficePolicy } from "../../lib/policies/queries";
import { createPerson, createPolicy, makePin } from "../support/factories";

// Issue 12 part B: the paper policy's signed verification link, printing, the hand-over and the issuance journal.

const TODAY = "2026-12-01";
let seq = 0;

async function staffOf(role: "CLERK" | "DOCTOR", code: string): Promise<StaffUser> {
  const org = role === "DOCTOR" ? await db.healthOrganization.findUniqueOrThrow({ where: { code } }) : null;
  const office = org ? { id: org.officeId } : await db.territorialOffice.findUniqueOrThrow({ where: { code } });
  const login = `${role.toLowerCase()}.paper.${++seq}.${Date.now()}`;
  const user = await db.user.create({
    data: { login, fullName: "Сотрудник", role, passwordHash: "x", officeId: office.id, healthOrganizationId: org?.id },
  });
  return {
    id: user.id,
    login,
    fullName: "Сотрудник",
    role,
    officeId: office.id,
    healthOrganizationId: org?.id ?? null,
  };
}

/** A policy of an office, made at a Bishkek day (createdAt) — the journal's "made" day. */
async function officePolicy(
  officeCode: string,
  madeOn: string,
  over: { status?: "ISSUED" | "REFUNDED" | "PENDING"; lastName?: string; pin?: string } = {},
) {
  const person = await createPerson({ pin: over.pin });
  if (over.lastName) await db.person.update({ where: { id: person.id }, data: { lastName: over.lastName } });
  const number = `P-${randomUUID().slice(0, 8).toUpperCase()}`;
  const policy = await createPolicy(person.id, {
    validFrom: "2026-03-15",
    validTo: "2027-03-14",
    officeCode,
    number,
    status: over.status,
  });
  await db.policy.update({ where: { id: policy.id }, data: { createdAt: new Date(`${madeOn}T10:00:00+06:00`) } });
  return { ...policy, person };
}

const handover = (policyId: string, over: Partial<TRecordHandoverInput> = {}): TRecordHandoverInput =>
  ({
    locale: "ru",
    policyId,
    handedOn: TODAY,
    recipient: "HOLDER",
    recipientName: "Тестов Тест",
    documentType: null,
    documentNumber: null,
    ...over,
  }) as TRecordHandoverInput;

async function refusalOf(p: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error("expected a refusal");
}

const deniedRows = (target: string) =>
  db.auditLog.count({ where: { action: "access.denied", after: { path: ["target"], equals: target } } });

describe("the verification link: a short HMAC so that numbers cannot be walked through", () => {
  it("answers a valid signature with the dates and validity, never the holder", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10");
    const view = await findVerifiedPolicy(p.number, policySignature(p.number), TODAY);
    expect(view).toEqual({ number: p.number, validFrom: "2026-03-15", validTo: "2027-03-14", validity: "VALID" });
    expect(JSON.stringify(view)).not.toContain(p.person.pin!);
    expect(verificationPath("ky", p.number)).toBe(`/ky/verify/${p.number}/${policySignature(p.number)}`);
    expect(policySignature(p.number)).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("answers null (404) for a bare number, an altered signature, an altered number or a forged one", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10");
    const sig = policySignature(p.number);
    const flipped = sig.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    const next = `${p.number.slice(0, -1)}${p.number.endsWith("0") ? "1" : "0"}`;
    for (const [number, signature] of [
      [p.number, ""],
      [p.number, flipped],
      [p.number, sig.slice(0, 15)],
      [next, sig],
      [p.number.toLowerCase(), sig],
      [p.number, "AAAAAAAAAAAAAAAA"],
    ]) {
      expect(await findVerifiedPolicy(number!, signature!, TODAY), `${number} / ${signature}`).toBeNull();
      expect(isValidPolicySignature(number!, signature!)).toBe(false);
    }
  });

  it("says when a policy is not yet valid, expired or ended, and hides an unpaid one", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10");
    const sig = policySignature(p.number);
    expect((await findVerifiedPolicy(p.number, sig, "2026-03-14"))?.validity).toBe("NOT_YET");
    expect((await findVerifiedPolicy(p.number, sig, "2027-03-15"))?.validity).toBe("EXPIRED");
    await db.policy.update({ where: { id: p.id }, data: { status: "REFUNDED" } });
    expect((await findVerifiedPolicy(p.number, sig, TODAY))?.validity).toBe("ENDED");
    await db.policy.update({ where: { id: p.id }, data: { status: "PENDING" } });
    expect(await findVerifiedPolicy(p.number, sig, TODAY)).toBeNull();
    const unknown = `P-${randomUUID().slice(0, 8).toUpperCase()}`;
    expect(await findVerifiedPolicy(unknown, policySignature(unknown), TODAY)).toBeNull();
  });
});

describe("printing (issue 12, 13): scoped, every print audited, first print and re-print told apart", () => {
  let bishkekClerk: StaffUser;
  let oshClerk: StaffUser;
  beforeAll(async () => {
    bishkekClerk = await staffOf("CLERK", "BISHKEK");
    oshClerk = await staffOf("CLERK", "OSH");
  });

  it("a clerk prints their office's policy; the second print is a re-print", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10");
    const view = await findPrintablePolicy(bishkekClerk, p.id);
    expect(view).toMatchObject({
      number: p.number,
      validFrom: "2026-03-15",
      validTo: "2027-03-14",
      madeOn: "2026-03-10",
    });
    expect(view?.office.ru).toMatch(/Бишкек/);
    expect(await recordPolicyPrint(bishkekClerk, view!)).toEqual({ reprint: false, printNumber: 1 });
    expect(await recordPolicyPrint(bishkekClerk, view!)).toEqual({ reprint: true, printNumber: 2 });
    const actions = await db.auditLog.findMany({ where: { entity: "Policy", entityId: p.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["policy.print", "policy.reprint"]);
    expect(actions.every((a) => a.actorId === bishkekClerk.id)).toBe(true);
  });

  it("another office's policy is not found, and the attempt is audited (print and record page)", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10");
    expect(await findPrintablePolicy(oshClerk, p.id)).toBeNull();
    expect(await deniedRows(`Policy:${p.id}`)).toBe(1);
    expect(await findOfficePolicy(oshClerk, p.id)).toBeNull();
    expect(await deniedRows(`Policy:${p.id}`)).toBe(2);
    expect(await findPrintablePolicy(oshClerk, randomUUID())).toBeNull();
    expect(await findPrintablePolicy(oshClerk, "not-a-uuid")).toBeNull();
  });

  it("an unpaid policy has nothing to print", async () => {
    const p = await officePolicy("BISHKEK", "2026-03-10", { status: "PENDING" });
    expect(await findPrintablePolicy(bishkekClerk, p.id)).toBeNull();
  });

  it("a doctor prints the pregnancy policy of their own organization, not another's", async () => {
    const doctor = await staffOf("DOCTOR", "CFM_BISHKEK_1");
    const other = await staffOf("DOCTOR", "CFM_BISHKEK_6");
    const p = await officePolicy("BISHKEK", "2026-03-10");
    await db.policy.update({
      where: { id: p.id },
      data: { channel: "HEALTH_ORG", category: "PREGNANT", healthOrganizationId: doctor.healthOrganizationId },
    });
    expect((await findPrintablePolicy(doctor, p.id))?.number).toBe(p.number);
    expect(await findPrintablePolicy(other, p.id)).toBeNull();
    expect(await deniedRows(`Policy:${p.id}`)).toBe(1);
  });
});

describe("the hand-over (cl. 16): once, for an issued policy, scoped and audited", () => {
  let clerk: StaffUser;
  beforeAll(async () => {
    clerk = await staffOf("CLERK", "BISHKEK");
  });

  it("records the holder's hand-over, audited without the name; a second one is refused", async () => {
    const p = await officePolicy("BISHKEK", "2026-11-30");
    expect(await recordHandover(clerk, p.id, handover(p.id), TODAY)).toEqual({ handedOn: TODAY });
    const row = await db.policyHandover.findUniqueOrThrow({ where: { policyId: p.id } });
    expect(row).toMatchObject({ recipient: "HOLDER", recipientName: "Тестов Тест", recordedById: clerk.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "policy.handover" } });
    expect(JSON.stringify(audit.after)).not.toContain("Тестов");
    expect(await refusalOf(recordHandover(clerk, p.id, handover(p.id), TODAY))).toEqual({
      code: "print.handover.errors.ALREADY_HANDED_OVER",
      field: undefined,
    });
    expect((await findOfficePolicy(clerk, p.id))?.handover).toMatchObject({
      handedOn: TODAY,
      recipientName: "Тестов Тест",
    });
  });

  it("records a representative with their document", async () => {
    const p = await officePolicy("BISHKEK", "2026-11-30");
    const input = ZRecordHandoverInput.parse({
      policyId: p.id,
      handedOn: TODAY,
      recipient: "REPRESENTATIVE",
      recipientName: "  Иванов   Иван ",
      documentType: "KG_PASSPORT",
      documentNumber: "ab 1234567",
    });
    await recordHandover(clerk, p.id, input, TODAY);
    expect(await db.policyHandover.findUniqueOrThrow({ where: { policyId: p.id } })).toMatchObject({
      recipient: "REPRESENTATIVE",
      recipientName: "Иванов Иван",
      recipientDocumentType: "KG_PASSPORT",
      recipientDocumentNumber: "AB1234567",
    });
  });

  it("refuses bad input with a translated error per field and writes nothing", async () => {
    const bad = ZRecordHandoverInput.safeParse({
      policyId: randomUUID(),
      handedOn: "2026-02-30",
      recipient: "REPRESENTATIVE",
      recipientName: "",
      documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
      documentNumber: "",
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({
      handedOn: "print.handover.errors.dateInvalid",
      recipientName: "print.handover.errors.nameRequired",
    });
    const docs = ZRecordHandoverInput.safeParse({
      policyId: randomUUID(),
      handedOn: TODAY,
      recipient: "REPRESENTATIVE",
      recipientName: "Иванов Иван",
      documentType: "FOREIGN_DOCUMENT_TO_COMPLETE",
      documentNumber: "x",
    });
    expect(docs.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["documentType", "print.handover.errors.documentTypeRequired"],
      ["documentNumber", "print.handover.errors.documentNumberInvalid"],
    ]);
  });

  it.each([
    ["a day in the future", { handedOn: "2026-12-02" }, "2026-11-30", undefined, "IN_FUTURE", "handedOn"],
    ["a day before it was made", { handedOn: "2026-11-29" }, "2026-11-30", undefined, "BEFORE_MADE", "handedOn"],
    ["a refunded policy", {}, "2026-11-30", "REFUNDED" as const, "NOT_ISSUED", undefined],
  ])("refuses %s", async (_name, over, madeOn, status, code, field) => {
    const p = await officePolicy("BISHKEK", madeOn, { status });
    expect(await refusalOf(recordHandover(clerk, p.id, handover(p.id, over), TODAY))).toEqual({
      code: `print.handover.errors.${code}`,
      field,
    });
    expect(await db.policyHandover.count({ where: { policyId: p.id } })).toBe(0);
  });

  it("another office's policy is not found and audited", async () => {
    const p = await officePolicy("OSH", "2026-11-30");
    expect(await refusalOf(recordHandover(clerk, p.id, handover(p.id), TODAY))).toEqual({
      code: "errors.notFound",
      field: undefined,
    });
    expect(await deniedRows(`Policy:${p.id}`)).toBe(1);
  });

  it("two clerks recording at the same moment make one line", async () => {
    const other = await staffOf("CLERK", "BISHKEK");
    const p = await officePolicy("BISHKEK", "2026-11-30");
    const results = await Promise.allSettled([
      recordHandover(clerk, p.id, handover(p.id), TODAY),
      recordHandover(other, p.id, handover(p.id, { recipientName: "Другой" }), TODAY),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.policyHandover.count({ where: { policyId: p.id } })).toBe(1);
  });
});

describe("the issuance journal (cl. 16): scoped, searchable, filtered, paged, exported", () => {
  let clerk: StaffUser;
  let made: Awaited<ReturnType<typeof officePolicy>>;
  let old: Awaited<ReturnType<typeof officePolicy>>;
  let handed: Awaited<ReturnType<typeof officePolicy>>;
  let osh: Awaited<ReturnType<typeof officePolicy>>;
  const pin = makePin("FEMALE", "1991-02-03");
  const surname = `Журналова${randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    // The journal's own office (TALAS), so that other tests' rows do not mix in.
    clerk = await staffOf("CLERK", "TALAS");
    made = await officePolicy("TALAS", "2026-11-25", { lastName: surname, pin });
    old = await officePolicy("TALAS", "2026-10-01"); // 61 days before TODAY: not collected
    handed = await officePolicy("TALAS", "2026-10-02");
    await recordHandover(clerk, handed.id, handover(handed.id, { handedOn: "2026-11-28" }), TODAY);
    await officePolicy("TALAS", "2026-11-26", { status: "PENDING" }); // not made: never in the journal
    osh = await officePolicy("OSH", "2026-11-25");
  });

  const ids = async (q: JournalQuery, page = 1) =>
    (await listJournal(clerk, q, TODAY, page)).rows.map((r) => r.id).sort();

  it("lists the office's made policies only, each with its hand-over status", async () => {
    const { rows, total } = await listJournal(clerk, {}, TODAY);
    expect(total).toBe(3);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [made.id, "MADE"],
      [handed.id, "HANDED_OVER"],
      [old.id, "NOT_COLLECTED"],
    ]);
    expect(rows.map((r) => r.id)).not.toContain(osh.id);
    expect(rows[1]!.handover).toMatchObject({ handedOn: "2026-11-28", recipient: "HOLDER" });
  });

  it.each([
    ["MADE", () => [made.id]],
    ["HANDED_OVER", () => [handed.id]],
    ["NOT_COLLECTED", () => [old.id]],
  ] as const)("filters by status %s", async (status, want) => {
    expect(await ids({ status })).toEqual(want().sort());
  });

  it("searches by number prefix, full PIN and the start of a name", async () => {
    expect(await ids({ number: made.number.slice(0, 6) + made.number.slice(6).toLowerCase() })).toEqual([made.id]);
    expect(await ids({ who: pin })).toEqual([made.id]);
    expect(await ids({ who: surname.slice(0, 12).toLowerCase() })).toEqual([made.id]);
    expect(await ids({ who: `${surname} Тест` })).toEqual([made.id]);
    expect(await ids({ who: "Несуществующий" })).toEqual([]);
  });

  it("a date range holds the policies made or handed over within it (the day's journal)", async () => {
    expect(await ids({ from: "2026-11-28", to: "2026-11-28" })).toEqual([handed.id]);
    expect(await ids({ from: "2026-11-25", to: "2026-11-25" })).toEqual([made.id]);
    expect(await ids({ from: "2026-09-01", to: "2026-10-01" })).toEqual([old.id]);
    expect(await ids({ from: "2026-11-01" })).toEqual([made.id, handed.id].sort());
  });

  it("pages by 25 and counts the total", async () => {
    const { rows, total } = await listJournal(clerk, {}, TODAY, 2);
    expect(rows).toEqual([]);
    expect(total).toBe(3);
  });

  it("reads the address: a sealed name/PIN search opens only for its clerk; bad dates are reported", () => {
    const token = sealJournalSearch(pin, clerk.id);
    expect(token).not.toContain(pin);
    expect(openJournalSearch(token, clerk.id)).toBe(pin);
    expect(openJournalSearch(token, "someone-else")).toBeUndefined();
    // alter the first character of the sealed body (the last one may carry only base64 padding bits)
    const [iv, tag, body] = token.split(".") as [string, string, string];
    const altered = `${iv}.${tag}.${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(openJournalSearch(altered, clerk.id)).toBeUndefined();
    expect(openJournalSearch(token, clerk.id, Date.now() + 3 * 3600_000)).toBeUndefined();
    expect(readJournalParams({ who: token, status: "MADE", page: "2" }, clerk.id)).toMatchObject({
      query: { who: pin, status: "MADE" },
      page: 2,
      kept: { status: "MADE" },
      whoToken: token,
      errors: [],
    });
    expect(readJournalParams({ from: "2026-13-01" }, clerk.id).errors).toEqual(["print.journal.errors.dateInvalid"]);
    expect(readJournalParams({ from: "2026-12-02", to: "2026-12-01" }, clerk.id).errors).toEqual([
      "print.journal.errors.rangeReversed",
    ]);
  });

  it("exports CSV that parses back, with a header in the clerk's language", async () => {
    const chunks: Buffer[] = [];
    for await (const c of journalCsv(journalRowsForExport(clerk, {}, TODAY), "ru")) chunks.push(Buffer.from(c));
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      "Номер полиса": made.number,
      ПИН: pin,
      Оформлен: "2026-11-25",
      Состояние: "Оформлен",
      Выдан: "",
    });
    expect(records[1]).toMatchObject({ "Номер полиса": handed.number, Выдан: "2026-11-28", Получатель: "Тестов Тест" });
  });

  it("exports XLSX that opens back, in Kyrgyz", async () => {
    const chunks: Buffer[] = [];
    for await (const c of journalXlsx(journalRowsForExport(clerk, { status: "NOT_COLLECTED" }, TODAY), "ky", "Талас")) {
      chunks.push(Buffer.from(c));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Талас");
    expect(sheet.getRow(1).getCell(1).value).toBe("Полистин номери");
    expect(sheet.getRow(2).getCell(1).value).toBe(old.number);
    expect(sheet.getRow(2).getCell(8).value).toBe("Алынбаган");
    expect(sheet.rowCount).toBe(2);
  });

  it("gives nothing to a user outside the office workspace", async () => {
    const doctor = await staffOf("DOCTOR", "CFM_TALAS");
    expect(await listJournal(doctor, {}, TODAY)).toEqual({ rows: [], total: 0 });
    const rows = [];
    for await (const r of journalRowsForExport(doctor, {}, TODAY)) rows.push(r);
    expect(rows).toEqual([]);
  });
});
