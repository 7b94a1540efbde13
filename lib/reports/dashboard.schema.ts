import { z } from "zod";
import { isCalendarDate } from "@/lib/rules";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The dashboard's filters, kept in the page's address (GET): a period of whole months, one office, the day to count
 * policies in force on. Nothing personal — the same parameters serve the page and its CSV. Messages are translation
 * keys of the "dashboard" namespace.
 */
const ZDashboardFilter = z
  .object({
    from: z
      .string()
      .regex(MONTH, "dashboard.errors.month")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    to: z
      .string()
      .regex(MONTH, "dashboard.errors.month")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    office: z
      .string()
      .regex(/^[A-Z0-9_]{1,40}$/, "dashboard.errors.office")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    day: z
      .string()
      .regex(DAY, "dashboard.errors.day")
      .refine((d) => isCalendarDate(d), "dashboard.errors.day")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "dashboard.errors.period" });
  });

export type TDashboardFilter = z.output<typeof ZDashboardFilter>;

export type DashboardParams = {
  filter: TDashboardFilter;
  /** the valid filters as given, for the form, the CSV links and the address */
  kept: Record<string, string>;
  /** translation keys of invalid filters (the dashboard is then shown with its defaults) */
  errors: string[];
};

/** The page and its CSV read the address the same way. */
export function readDashboardParams(raw: Record<string, string | string[] | undefined>): DashboardParams {
  const first: Record<string, string> = {};
  for (const key of ["from", "to", "office", "day"]) {
    const v = raw[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string") first[key] = s;
  }
  const parsed = ZDashboardFilter.safeParse(first);
  if (!parsed.success) return { filter: {}, kept: {}, errors: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v) kept[k] = v;
  return { filter: parsed.data, kept, errors: [] };
}
