"use server";

import { ZCoverageUpload } from "@/lib/coverage/coverage.schema";
import { startCoverageImport } from "@/lib/coverage/mutations";
import { saveUploadToTempFile } from "@/lib/coverage/upload";
import { serverAction } from "@/lib/web/action";

/** The registry file is saved and its import starts in the background; the import's page shows the progress. */
export const uploadCoverageAction = serverAction(
  { permission: "coverage.import", schema: ZCoverageUpload, redirect: true },
  async ({ user, input }) => {
    const path = await saveUploadToTempFile(input.file);
    const started = await startCoverageImport(user, {
      source: input.source,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      fileName: input.file.name,
      path,
      removeFile: true,
    });
    return `/${input.locale}/staff/admin/coverage/${started.id}`;
  },
);
