import { z } from "zod";
import { isCalendarDate, isContractRegistrationNumber } from "@/lib/rules";
import { CONTRACT_FILE_MAX_BYTES } from "./read-file";

const date = z.string().trim().refine(isCalendarDate, "contracts.error.date");

/** The contract form (cl. 29): the legal entity, its identifiers, the period and whom to call. Messages are keys. */
export const ZContractInput = z
  .object({
    number: z.string().trim().min(1, "contracts.error.number").max(50, "contracts.error.number"),
    entityName: z.string().trim().min(2, "contracts.error.entityName").max(200, "contracts.error.entityName"),
    registrationNumber: z.string().trim().refine(isContractRegistrationNumber, "contracts.error.registrationNumber"),
    validFrom: date,
    validTo: date,
    contactName: z.string().trim().min(2, "contracts.error.contactName").max(120, "contracts.error.contactName"),
    contactPhone: z
      .string()
      .trim()
      .transform((s) => s.replace(/[\s()-]/g, ""))
      .refine((s) => /^\+?\d{9,15}$/.test(s), "contracts.error.phone"),
    contactEmail: z
      .string()
      .trim()
      .max(200, "contracts.error.email")
      .refine((s) => s === "" || z.email().safeParse(s).success, "contracts.error.email")
      .transform((s) => s || null),
  })
  .superRefine((v, ctx) => {
    if (isCalendarDate(v.validFrom) && isCalendarDate(v.validTo) && v.validTo < v.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "contracts.error.period" });
    }
  });
export type TContractInput = z.output<typeof ZContractInput>;

export const ZContractUpdate = ZContractInput.and(
  z.object({
    id: z.uuid("errors.notFound"),
    status: z.enum(["ACTIVE", "TERMINATED"], { error: "contracts.error.required" }),
  }),
);

/** A list of persons for a contract: CSV or XLSX, at most CONTRACT_FILE_MAX_BYTES (the type is read from its bytes). */
export const ZContractUpload = z.object({
  contractId: z.uuid("errors.notFound"),
  file: z
    .instanceof(File, { error: "contracts.error.fileRequired" })
    .refine((f) => f.size > 0, "contracts.error.fileRequired")
    .refine((f) => f.size <= CONTRACT_FILE_MAX_BYTES, "contracts.error.fileTooLarge"),
});

/** The clerk's confirmation of a checked list: how the entity paid (cl. 30). */
export const ZConfirmImport = z.object({
  importId: z.uuid("errors.notFound"),
  paymentMode: z.enum(["WHOLE", "PER_PERSON"], { error: "contracts.error.paymentMode" }),
  paymentReference: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}/-]{3,40}$/u, "contracts.error.reference"),
  paymentDate: date,
});
export type TConfirmImport = z.output<typeof ZConfirmImport>;

/** "Resume" on a list whose job stopped: the page to come back to is the list's own. */
export const ZResumeImport = z.object({
  importId: z.uuid("errors.notFound"),
  contractId: z.uuid("errors.notFound"),
  locale: z.enum(["ru", "ky"]).default("ru"),
});
