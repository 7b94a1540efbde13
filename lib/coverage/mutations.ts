import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { canImportExternalCoverage, type StaffUser } from "@/lib/auth/permissions";
import { isJobRunning, startJob } from "@/lib/contracts/jobs";
import { db } from "@/lib/db";
import { openCopyWriter } from "@/lib/db/copy";
import { toDbDate } from "@/lib/db/calendar";
import { AppError, isAppError } from "@/lib/errors";
import type { ExternalCoverageSource } from "@/lib/generated/prisma/client";
import { checkCoverageRow, type CalendarDate, type CoverageImportPeriod, type CoverageRowReason } from "@/lib/rules";
import { detectCoverageFileFormat, readCoverageFile, type CoverageFileFormat } from "./read-file";

// The external-coverage registry (issue 15, README I39): an admin's file of persons insured through employment
// contributions or as state-paid categories. The file is read as a stream by a background job of the server process
// (lib/contracts/jobs.ts); accepted rows wait in an UNLOGGED staging table, rejected ones are kept with their line and
// reason; then ONE transaction registers the PINs the portal has not met, replaces the coverage of the import in force
// for the same source and period, and writes the new rows. The status check and the purchase rules read
// ExternalCoverage, so they see the old file or the new one, never a half.

/** Rows per staging statement: one UNNEST insert each (lib/contracts/mutations/bulk-insert.ts explains why). */
const BATCH_ROWS = 5000;
/** A RUNNING import whose job has not written for this long died with its process (a restart). */
const STALE_AFTER_MS = 5 * 60_000;
/** The final transaction of a 1 000 000-row file takes well under a minute; this is the ceiling. */
const APPLY_TIMEOUT_MS = 15 * 60_000;

export type StartCoverageImportInput = CoverageImportPeriod & {
  fileName: string;
  /** the uploaded file on disk (the action writes it to a temporary file; the benchmark passes its own) */
  path: string;
  /** delete the file once the job is done with it (an upload's temporary copy) */
  removeFile: boolean;
};

export type StartedCoverageImport = { id: string; unchanged: boolean };

type Key = { source: ExternalCoverageSource; periodFrom: Date; periodTo: Date };

const keyOf = (p: CoverageImportPeriod): Key => ({
  source: p.source,
  periodFrom: toDbDate(p.periodFrom),
  periodTo: toDbDate(p.periodTo),
});

async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/**
 * Starts an import (or answers that nothing is to do). The same file as the import in force for this source and
 * period changes nothing (I39): it is recorded as UNCHANGED with the earlier counts and no job runs. Expected
 * problems (not an admin, a file of another type, a period ending before it starts) are AppErrors; nothing is written.
 */
export async function startCoverageImport(
  user: StaffUser,
  input: StartCoverageImportInput,
): Promise<StartedCoverageImport> {
  if (!canImportExternalCoverage(user)) throw new AppError("errors.forbidden");
  if (input.periodFrom > input.periodTo) throw new AppError("coverage.error.period", { field: "periodTo" });
  const actor: AuditActor = { id: user.id, label: user.login };
  let format: CoverageFileFormat;
  try {
    format = await detectCoverageFileFormat(input.fileName, input.path);
  } catch (e) {
    if (input.removeFile) await unlink(input.path).catch(() => {});
    throw e;
  }
  const { sha256, bytes } = await sha256OfFile(input.path);
  const key = keyOf(input);
  await failStaleImports();

  const inForce = await db.externalCoverageImport.findFirst({ where: { ...key, status: "COMPLETED" } });
  const running = await db.externalCoverageImport.findFirst({
    where: { ...key, status: "RUNNING", fileSha256: sha256 },
  });
  if (running || inForce?.fileSha256 === sha256) {
    if (input.removeFile) await unlink(input.path).catch(() => {});
    if (running) return { id: running.id, unchanged: true };
    const same = inForce!;
    const created = await db.$transaction(async (tx) => {
      const row = await tx.externalCoverageImport.create({
        data: {
          ...key,
          fileName: input.fileName,
          fileBytes: BigInt(bytes),
          fileSha256: sha256,
          status: "UNCHANGED",
          bytesRead: BigInt(bytes),
          readRows: same.readRows,
          acceptedRows: same.acceptedRows,
          rejectedRows: same.rejectedRows,
          createdById: user.id,
          createdByLogin: user.login,
          finishedAt: new Date(),
        },
      });
      await writeAudit(tx, {
        actor,
        action: "coverage.import.unchanged",
        entity: "ExternalCoverageImport",
        entityId: row.id,
        after: { source: input.source, periodFrom: input.periodFrom, periodTo: input.periodTo, sameAs: same.id },
      });
      return row;
    });
    return { id: created.id, unchanged: true };
  }

  const created = await db.$transaction(async (tx) => {
    const row = await tx.externalCoverageImport.create({
      data: {
        ...key,
        fileName: input.fileName,
        fileBytes: BigInt(bytes),
        fileSha256: sha256,
        createdById: user.id,
        createdByLogin: user.login,
      },
    });
    await writeAudit(tx, {
      actor,
      action: "coverage.import.start",
      entity: "ExternalCoverageImport",
      entityId: row.id,
      after: { source: input.source, periodFrom: input.periodFrom, periodTo: input.periodTo, fileName: input.fileName },
    });
    return row;
  });
  startJob(
    created.id,
    async () => {
      try {
        await runCoverageImport(created.id, format, input, actor);
      } catch (e) {
        // an unreadable file or a missing column is the file's fault: FAILED with its own message, not an error id
        if (!isAppError(e)) throw e;
        await markFailed(created.id, e.code);
      } finally {
        if (input.removeFile) await unlink(input.path).catch(() => {});
      }
    },
    async (errorId) => markFailed(created.id, "coverage.error.jobFailed", errorId),
  );
  return { id: created.id, unchanged: false };
}

async function markFailed(id: string, error: string, errorId?: string): Promise<void> {
  await db.externalCoverageStage.deleteMany({ where: { importId: id } });
  await db.externalCoverageImport.update({
    where: { id },
    data: { status: "FAILED", error: errorId ? `${error}#${errorId}` : error, finishedAt: new Date() },
  });
}

/** RUNNING imports no job of this process runs and nobody touched for STALE_AFTER_MS: their process died. */
async function failStaleImports(): Promise<void> {
  const stale = await db.externalCoverageImport.findMany({
    where: { status: "RUNNING", updatedAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
    select: { id: true },
  });
  for (const { id } of stale) if (!isJobRunning(id)) await markFailed(id, "coverage.error.interrupted");
}

type StageRow = { line: number; pin: string; birthDate: string; sex: string; validFrom: string; validTo: string };
type Reject = { line: number; reason: CoverageRowReason };

async function insertStage(importId: string, rows: StageRow[]): Promise<void> {
  if (rows.length === 0) return;
  const c = <K extends keyof StageRow>(k: K) => rows.map((r) => r[k]);
  await db.$executeRaw`INSERT INTO "ExternalCoverageStage" ("importId", "line", "pin", "birthDate", "sex", "validFrom", "validTo")
    SELECT ${importId}::uuid, t."line", t."pin", t."birthDate", t."sex"::"Sex", t."validFrom", t."validTo"
    FROM UNNEST(${c("line")}::int[], ${c("pin")}::text[], ${c("birthDate")}::date[], ${c("sex")}::text[],
      ${c("validFrom")}::date[], ${c("validTo")}::date[]) AS t("line", "pin", "birthDate", "sex", "validFrom", "validTo")
    ON CONFLICT DO NOTHING`;
}

async function insertRejects(importId: string, rows: Reject[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`INSERT INTO "ExternalCoverageReject" ("importId", "line", "reason")
    SELECT ${importId}::uuid, t."line", t."reason"
    FROM UNNEST(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.reason)}::text[]) AS t("line", "reason")
    ON CONFLICT DO NOTHING`;
}

/**
 * A PIN the portal has not met becomes a person with what the PIN carries (sex, birth date; SPEC §8) and no name: the
 * status check and the purchase find coverage through the person (I39). Done per batch while the file is read, in
 * short statements of their own: inside the final transaction a million new PINs would hold their unique-index
 * entries for minutes, and a purchase by one of those PINs would wait for it. A person registered for an import that
 * then fails stays registered, without coverage — as if they had checked their status.
 */
async function registerPins(rows: StageRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$executeRaw`INSERT INTO "Person" ("id", "pin", "lastName", "firstName", "birthDate", "sex", "category",
      "updatedAt")
    SELECT gen_random_uuid(), t."pin", '', '', t."birthDate", t."sex"::"Sex", 'CITIZEN', now()
    FROM UNNEST(${rows.map((r) => r.pin)}::text[], ${rows.map((r) => r.birthDate)}::date[],
      ${rows.map((r) => r.sex)}::text[]) AS t("pin", "birthDate", "sex")
    WHERE NOT EXISTS (SELECT 1 FROM "Person" p WHERE p."pin" = t."pin")
    ON CONFLICT DO NOTHING`;
}

/** A staged row as a line of COPY's text format (no value here can hold a tab, a newline or a backslash). */
const copyLine = (importId: string, r: StageRow) =>
  `${importId}\t${r.line}\t${r.pin}\t${r.birthDate}\t${r.sex}\t${r.validFrom}\t${r.validTo}\n`;

/**
 * The job: the file row by row into the staging table — COPY on PostgreSQL, batched UNNEST inserts on PGlite — with
 * the progress written after every batch; then applyCoverageImport.
 */
async function runCoverageImport(
  importId: string,
  format: CoverageFileFormat,
  period: StartCoverageImportInput,
  actor: AuditActor,
): Promise<void> {
  const path = period.path;
  const copy = await openCopyWriter(
    `COPY "ExternalCoverageStage" ("importId", "line", "pin", "birthDate", "sex", "validFrom", "validTo") FROM STDIN`,
  );
  let bytesRead = 0;
  let readRows = 0;
  let acceptedRows = 0;
  let rejectedRows = 0;
  let personsCreated = 0;
  let stage: StageRow[] = [];
  let rejects: Reject[] = [];
  const flush = async () => {
    if (copy) await copy.write(stage.map((r) => copyLine(importId, r)).join(""));
    else await insertStage(importId, stage);
    await insertRejects(importId, rejects);
    personsCreated += await registerPins(stage);
    stage = [];
    rejects = [];
    await db.externalCoverageImport.update({
      where: { id: importId },
      data: { bytesRead: BigInt(bytesRead), readRows, acceptedRows, rejectedRows, personsCreated },
    });
  };
  try {
    for await (const { line, raw } of readCoverageFile(format, path, (n) => (bytesRead += n))) {
      readRows++;
      const checked = checkCoverageRow(raw, period);
      if (checked.ok) {
        acceptedRows++;
        stage.push({ line, ...checked });
      } else {
        rejectedRows++;
        rejects.push({ line, reason: checked.reason });
      }
      if (stage.length + rejects.length >= BATCH_ROWS) await flush();
    }
    bytesRead = (await stat(path)).size;
    await flush();
    await copy?.finish();
  } catch (e) {
    await copy?.abort();
    throw e;
  }
  await applyCoverageImport(importId, keyOf(period), actor);
}

/**
 * The one transaction of I39. Imports of the same source and period are applied one at a time (an advisory lock on
 * the key); the newest upload wins: an import finding a newer one already in force is itself SUPERSEDED at once.
 */
async function applyCoverageImport(importId: string, key: Key, actor: AuditActor): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const lockKey = `coverage:${key.source}:${key.periodFrom.toISOString()}:${key.periodTo.toISOString()}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`;
      // one transaction over a million rows: the pool's 15 s statement limit is for requests, not for this
      await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      const mine = await tx.externalCoverageImport.findUniqueOrThrow({ where: { id: importId } });
      const others = await tx.externalCoverageImport.findMany({
        where: { ...key, status: "COMPLETED", id: { not: importId } },
        select: { id: true, createdAt: true },
      });
      if (others.some((o) => o.createdAt > mine.createdAt)) {
        await tx.externalCoverageStage.deleteMany({ where: { importId } });
        await tx.externalCoverageImport.update({
          where: { id: importId },
          data: { status: "SUPERSEDED", finishedAt: new Date() },
        });
        return;
      }
      const previous = others.map((o) => o.id);
      // the planner's row counts for the staging table (autovacuum has not seen it): hash joins, not index loops
      await tx.$executeRaw`ANALYZE "ExternalCoverageStage"`;
      const replacedRows =
        previous.length === 0
          ? 0
          : await tx.$executeRaw`DELETE FROM "ExternalCoverage" WHERE "importId" = ANY(${previous}::uuid[])`;
      // the same person and dates twice in one file are one coverage
      const coverageRows = await tx.$executeRaw`INSERT INTO "ExternalCoverage" ("id", "personId", "source", "validFrom",
          "validTo", "importId")
        SELECT gen_random_uuid(), p."id", ${key.source}::"ExternalCoverageSource", s."validFrom", s."validTo", ${importId}::uuid
        FROM (SELECT DISTINCT "pin", "validFrom", "validTo" FROM "ExternalCoverageStage" WHERE "importId" = ${importId}::uuid) s
        JOIN "Person" p ON p."pin" = s."pin"`;
      if (previous.length > 0) {
        await tx.externalCoverageImport.updateMany({
          where: { id: { in: previous } },
          data: { status: "SUPERSEDED" },
        });
      }
      await tx.externalCoverageStage.deleteMany({ where: { importId } });
      const done = await tx.externalCoverageImport.update({
        where: { id: importId },
        data: { status: "COMPLETED", coverageRows, replacedRows, finishedAt: new Date() },
      });
      await writeAudit(tx, {
        actor,
        action: "coverage.import.complete",
        entity: "ExternalCoverageImport",
        entityId: importId,
        before: previous.length > 0 ? { replacedImports: previous, coverageRows: replacedRows } : undefined,
        after: {
          source: key.source,
          periodFrom: isoDay(key.periodFrom),
          periodTo: isoDay(key.periodTo),
          readRows: done.readRows,
          acceptedRows: done.acceptedRows,
          rejectedRows: done.rejectedRows,
          coverageRows,
          personsCreated: done.personsCreated,
        },
      });
    },
    { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
  );
}

const isoDay = (d: Date): CalendarDate => d.toISOString().slice(0, 10);
