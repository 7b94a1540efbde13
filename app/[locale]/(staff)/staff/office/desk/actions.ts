"use server";

import { revalidatePath } from "next/cache";
import { ZApplicationInput, ZPersonSearchInput, ZPolicyMadeInput } from "@/lib/applications/application.schema";
import { markPaperPolicyMade, saveClerkPerson, submitApplication } from "@/lib/applications/mutations";
import { findPeopleForClerk } from "@/lib/applications/queries";
import { now, todayInBishkek } from "@/lib/dates";
import { ZPersonRecordInput } from "@/lib/people/person-record.schema";
import { serverAction } from "@/lib/web/action";

/** The desk's search (issue 12): POSTed, so no PIN or name ever sits in a URL; the answer is the matching people. */
export const searchPeopleAction = serverAction(
  { permission: "office.workspace", schema: ZPersonSearchInput },
  async ({ user, input }) => findPeopleForClerk(user, input.q),
);

/** Registers a person or completes their record, then opens their file. */
export const savePersonAction = serverAction(
  { permission: "office.workspace", schema: ZPersonRecordInput, redirect: true },
  async ({ user, input }) => {
    const personId = await saveClerkPerson(user, input);
    return `/${input.locale}/staff/office/people/${personId}`;
  },
);

/** A walk-in application (cl. 10–15): accepted or refused, it opens the application's record with the explanation. */
export const submitApplicationAction = serverAction(
  { permission: "office.workspace", schema: ZApplicationInput, redirect: true },
  async ({ user, input }) => {
    const { applicationId } = await submitApplication(user, input, todayInBishkek());
    revalidatePath("/[locale]/staff/office/applications", "page");
    return `/${input.locale}/staff/office/applications/${applicationId}`;
  },
);

/** cl. 15: the clerk records that the paper policy is made; the application leaves the list of policies to make. */
export const markPolicyMadeAction = serverAction(
  { permission: "office.workspace", schema: ZPolicyMadeInput },
  async ({ user, input }) => {
    await markPaperPolicyMade(user, input.applicationId, now());
    revalidatePath("/[locale]/staff/office/applications", "page");
    revalidatePath("/[locale]/staff/office/applications/[id]", "page");
    return true;
  },
);
