import { z } from "zod";

import { TERMINAL_PROVIDER_CODES } from "@/lib/payments/channels";

export const ZRegistryUpload = z.object({
  provider: z.enum(TERMINAL_PROVIDER_CODES, { error: "errors.providerRequired" }),
  file: z
    .instanceof(File, { error: "errors.fileRequired" })
    .refine((f) => f.size > 0, "errors.fileRequired")
    .refine((f) => f.size <= 10 * 1024 * 1024, "errors.registryTooLarge"),
});

export const ZRegisterRegistryLine = z.object({
  uploadId: z.uuid("errors.notFound"),
  txnId: z.string().regex(/^\d{1,20}$/, "errors.notFound"),
});
