import { longDateValues } from "@/lib/i18n/long-date";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";
import type { InsuredStatus } from "@/lib/rules";

/**
 * The status check's answer as text in the asker's language (issue 17: the page's form shows it without translations
 * of its own in the browser). Dates come from the messages' month names (lib/i18n/long-date.ts).
 */
export type StatusView = {
  insured: boolean;
  heading: string;
  title: string;
  coverage: {
    policyNumber: string | null;
    from: string;
    to: string;
    source: string;
    labels: { policyNumber: string; validFrom: string; validTo: string };
  } | null;
  /** what to do when not insured and nothing paid is waiting */
  help: string | null;
  next: { title: string; text: string } | null;
  privacy: string;
};

export function statusView(status: InsuredStatus, locale: Locale): StatusView {
  const t = translatorFor(locale);
  const day = (d: string) => t("common.date.long", longDateValues(d));
  const { coverage, next } = status;
  return {
    insured: status.insured,
    heading: t("status.resultHeading"),
    title: t(status.insured ? "status.insuredTitle" : "status.notInsuredTitle", { date: day(status.on) }),
    coverage: coverage && {
      policyNumber: coverage.policyNumber ?? null,
      from: day(coverage.validFrom),
      to: day(coverage.validTo),
      source: t(coverage.source === "policy" ? "status.sourcePolicy" : "status.sourceExternal"),
      labels: {
        policyNumber: t("status.policyNumber"),
        validFrom: t("status.validFrom"),
        validTo: t("status.validTo"),
      },
    },
    help: !status.insured && !next ? t("status.notInsuredHelp") : null,
    next: next && {
      title: t("status.nextTitle"),
      text: t("status.nextText", { number: next.policyNumber, from: day(next.validFrom), to: day(next.validTo) }),
    },
    privacy: t("status.privacy"),
  };
}
