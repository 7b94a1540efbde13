import { z } from "zod";

export const PROVIDER_CODES = ["quickpay", "megacom", "pay24"] as const;

export const ZRegistryUpload = z.object({
  provider: z.enum(PROVIDER_CODES, { error: "errors.providerRequired" }),
  file: z.instanceof(File, { error: "errors.fileRequired" }).refine((f) => f.size > 0, "errors.fileRequired").refine((f) => f.size <= 10 * 1024 * 1024, "errors.registryTooLarge"),
});

export const ZRegisterRegistryLine = z.object({ uploadId: z.uuid("errors.notFound"), txnId: z.string().regex(/^\d{1,20}$/, "errors.notFound") });
