import { z } from "zod";
import { EXTERNAL_COVERAGE_SOURCES, parseRegistryDate } from "@/lib/rules";

/**
 * The largest registry file the page takes: a national file of 1 000 000 rows is about 40 MB as CSV. Also the limit
 * of the page's server action (lib/web/security-headers.ts, next.config.js).
 */
export const COVERAGE_FILE_MAX_BYTES = 64 * 1024 * 1024;

const day = z
  .string()
  .trim()
  .transform((s) => parseRegistryDate(s) ?? "")
  .refine((s) => s !== "", "coverage.error.date");

/** The upload form: the source and period the file is for (I39) and the file (its type is read from its bytes). */
export const ZCoverageUpload = z
  .object({
    /** the page to come back to is in the admin's language */
    locale: z.enum(["ru", "ky"]).default("ru"),
    source: z.enum(EXTERNAL_COVERAGE_SOURCES, { error: "coverage.error.source" }),
    periodFrom: day,
    periodTo: day,
    file: z
      .instanceof(File, { error: "coverage.error.fileRequired" })
      .refine((f) => f.size > 0, "coverage.error.fileRequired")
      .refine((f) => f.size <= COVERAGE_FILE_MAX_BYTES, "coverage.error.fileTooLarge"),
  })
  .superRefine((v, ctx) => {
    if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "coverage.error.period" });
    }
  });
