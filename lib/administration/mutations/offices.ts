import { writeAudit, type AuditActor } from "@/lib/audit/mutations";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  ZHealthOrganizationInput,
  ZOfficeInput,
  type THealthOrganizationInput,
  type TOfficeInput,
} from "../administration.schema";

const OFFICE_FIELDS = {
  code: true,
  nameRu: true,
  nameKy: true,
  addressRu: true,
  addressKy: true,
  phone: true,
} as const;
const ORG_FIELDS = { code: true, nameRu: true, nameKy: true, officeId: true } as const;

/** A new territorial office (its code is kept for good). Audited "office.create". */
export async function addOffice(actor: AuditActor, raw: TOfficeInput, client: Db = defaultDb) {
  const input = ZOfficeInput.parse(raw);
  return client.$transaction(async (tx) => {
    if (await tx.territorialOffice.findUnique({ where: { code: input.code } }))
      throw new AppError("administration.errors.codeTaken", { field: "code" });
    const after = await tx.territorialOffice.create({
      data: { ...input, phone: input.phone || null },
      select: OFFICE_FIELDS,
    });
    await writeAudit(tx, { actor, action: "office.create", entity: "TerritorialOffice", entityId: input.code, after });
    return after;
  });
}

/** An office's names, addresses and phone (the code stays). Audited "office.update" with before/after. */
export async function updateOffice(actor: AuditActor, raw: TOfficeInput, client: Db = defaultDb) {
  const { code, ...input } = ZOfficeInput.parse(raw);
  return client.$transaction(async (tx) => {
    const before = await tx.territorialOffice.findUnique({ where: { code }, select: OFFICE_FIELDS });
    if (!before) throw new AppError("errors.notFound");
    const after = await tx.territorialOffice.update({
      where: { code },
      data: { ...input, phone: input.phone || null },
      select: OFFICE_FIELDS,
    });
    await writeAudit(tx, {
      actor,
      action: "office.update",
      entity: "TerritorialOffice",
      entityId: code,
      before,
      after,
    });
    return after;
  });
}

/** A new health organization of an office. Audited "health_organization.create". */
export async function addHealthOrganization(actor: AuditActor, raw: THealthOrganizationInput, client: Db = defaultDb) {
  const { officeCode, ...input } = ZHealthOrganizationInput.parse(raw);
  return client.$transaction(async (tx) => {
    const office = await tx.territorialOffice.findUnique({ where: { code: officeCode } });
    if (!office) throw new AppError("errors.officeUnknown", { field: "officeCode" });
    if (await tx.healthOrganization.findUnique({ where: { code: input.code } }))
      throw new AppError("administration.errors.codeTaken", { field: "code" });
    const after = await tx.healthOrganization.create({ data: { ...input, officeId: office.id }, select: ORG_FIELDS });
    await writeAudit(tx, {
      actor,
      action: "health_organization.create",
      entity: "HealthOrganization",
      entityId: input.code,
      after: { ...after, officeCode },
    });
    return after;
  });
}

/**
 * A health organization's names. Its office stays: its doctors' accounts and their policies are bound to that office.
 * Audited "health_organization.update" with before/after.
 */
export async function updateHealthOrganization(
  actor: AuditActor,
  raw: THealthOrganizationInput,
  client: Db = defaultDb,
) {
  const { code, nameRu, nameKy } = ZHealthOrganizationInput.parse(raw);
  return client.$transaction(async (tx) => {
    const before = await tx.healthOrganization.findUnique({ where: { code }, select: ORG_FIELDS });
    if (!before) throw new AppError("errors.notFound");
    const after = await tx.healthOrganization.update({ where: { code }, data: { nameRu, nameKy }, select: ORG_FIELDS });
    await writeAudit(tx, {
      actor,
      action: "health_organization.update",
      entity: "HealthOrganization",
      entityId: code,
      before,
      after,
    });
    return after;
  });
}
