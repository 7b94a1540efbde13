"use server";

import { revalidatePath } from "next/cache";
import { todayInBishkek } from "@/lib/dates";
import {
  ZAddEducationStateInput,
  ZAddTariffInput,
  ZCalendarDayInput,
  ZEndEducationStateInput,
  ZHealthOrganizationInput,
  ZOfficeInput,
  ZRemoveCalendarDayInput,
} from "@/lib/administration/administration.schema";
import { addCalendarDay, removeCalendarDay } from "@/lib/administration/mutations/calendar";
import { addEducationState, endEducationState } from "@/lib/administration/mutations/education-states";
import {
  addHealthOrganization,
  addOffice,
  updateHealthOrganization,
  updateOffice,
} from "@/lib/administration/mutations/offices";
import { addTariff } from "@/lib/administration/mutations/tariffs";
import { serverAction } from "@/lib/web/action";

// The admin's changes to the data that drives the rules (issue 15): each checks "reference.administer" first
// (serverAction), and each mutation writes its audit row with before/after in the same transaction.

const refresh = () => revalidatePath("/[locale]/staff/admin", "layout");

export const addTariffAction = serverAction(
  { permission: "reference.administer", schema: ZAddTariffInput },
  async ({ actor, input }) => {
    await addTariff(actor, input, todayInBishkek());
    refresh();
    return null;
  },
);

export const addEducationStateAction = serverAction(
  { permission: "reference.administer", schema: ZAddEducationStateInput },
  async ({ actor, input }) => {
    await addEducationState(actor, input, todayInBishkek());
    refresh();
    return null;
  },
);

export const endEducationStateAction = serverAction(
  { permission: "reference.administer", schema: ZEndEducationStateInput },
  async ({ actor, input }) => {
    await endEducationState(actor, input, todayInBishkek());
    refresh();
    return null;
  },
);

export const addOfficeAction = serverAction(
  { permission: "reference.administer", schema: ZOfficeInput },
  async ({ actor, input }) => {
    await addOffice(actor, input);
    refresh();
    return null;
  },
);

export const updateOfficeAction = serverAction(
  { permission: "reference.administer", schema: ZOfficeInput },
  async ({ actor, input }) => {
    await updateOffice(actor, input);
    refresh();
    return null;
  },
);

export const addHealthOrganizationAction = serverAction(
  { permission: "reference.administer", schema: ZHealthOrganizationInput },
  async ({ actor, input }) => {
    await addHealthOrganization(actor, input);
    refresh();
    return null;
  },
);

export const updateHealthOrganizationAction = serverAction(
  { permission: "reference.administer", schema: ZHealthOrganizationInput },
  async ({ actor, input }) => {
    await updateHealthOrganization(actor, input);
    refresh();
    return null;
  },
);

export const addCalendarDayAction = serverAction(
  { permission: "reference.administer", schema: ZCalendarDayInput },
  async ({ actor, input }) => {
    await addCalendarDay(actor, input, todayInBishkek());
    refresh();
    return null;
  },
);

export const removeCalendarDayAction = serverAction(
  { permission: "reference.administer", schema: ZRemoveCalendarDayInput },
  async ({ actor, input }) => {
    await removeCalendarDay(actor, input, todayInBishkek());
    refresh();
    return null;
  },
);
