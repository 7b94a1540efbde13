"use server";

import { revalidatePath } from "next/cache";
import {
  ZConfirmImport,
  ZContractInput,
  ZContractUpdate,
  ZContractUpload,
  ZResumeImport,
} from "@/lib/contracts/contract.schema";
import { createContract, updateContract } from "@/lib/contracts/mutations/contracts";
import { confirmContractImport, resumeContractImport, startContractImport } from "@/lib/contracts/mutations/imports";
import { todayInBishkek } from "@/lib/dates";
import { serverAction } from "@/lib/web/action";

// Contracts with legal entities (cl. 29–31): thin actions over lib/contracts; every one checks office.workspace
// (serverAction) and lib/contracts scopes every record to the clerk's office.

export const createContractAction = serverAction(
  { permission: "office.workspace", schema: ZContractInput },
  async ({ user, input }) => {
    const created = await createContract(user, input);
    revalidatePath("/[locale]/staff/office/contracts", "page");
    return created;
  },
);

export const updateContractAction = serverAction(
  { permission: "office.workspace", schema: ZContractUpdate },
  async ({ user, input }) => {
    const updated = await updateContract(user, input.id, input);
    revalidatePath("/[locale]/staff/office/contracts", "layout");
    return updated;
  },
);

/** The list is stored and its check starts in the background; the page of the list shows the progress. */
export const uploadContractListAction = serverAction(
  { permission: "office.workspace", schema: ZContractUpload },
  async ({ user, input }) =>
    startContractImport(
      user,
      {
        contractId: input.contractId,
        fileName: input.file.name,
        bytes: new Uint8Array(await input.file.arrayBuffer()),
      },
      todayInBishkek(),
    ),
);

export const confirmContractImportAction = serverAction(
  { permission: "office.workspace", schema: ZConfirmImport },
  async ({ user, input }) => {
    const confirmed = await confirmContractImport(user, input, todayInBishkek());
    revalidatePath("/[locale]/staff/office/contracts", "layout");
    return confirmed;
  },
);

export const resumeContractImportAction = serverAction(
  { permission: "office.workspace", schema: ZResumeImport, redirect: true },
  async ({ user, input }) => {
    await resumeContractImport(user, input.importId, todayInBishkek());
    return `/${input.locale}/staff/office/contracts/${input.contractId}/imports/${input.importId}`;
  },
);
