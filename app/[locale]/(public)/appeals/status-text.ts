import { createFormatter } from "next-intl";
import { BISHKEK_TIME_ZONE } from "@/lib/dates";
import type { AppealStatusText, AppealStatusView } from "@/lib/appeals/view-models";
import type { Locale } from "@/lib/i18n/routing";
import { translatorFor } from "@/lib/i18n/translate";

/** An appeal's status as the citizen reads it, every text in their language (issue 17: no translations in the browser). */
export function appealStatusText(a: AppealStatusView, locale: Locale): AppealStatusText {
  const t = translatorFor(locale);
  const format = createFormatter({ locale, timeZone: BISHKEK_TIME_ZONE });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00+06:00`), { dateStyle: "long" });
  const rows: AppealStatusText["rows"] = [
    { label: t("appeals.status.state"), value: t(`appeals.state.${a.state}`), testId: "appeal-state" },
    { label: t("appeals.status.office"), value: locale === "ky" ? a.officeNameKy : a.officeNameRu },
    { label: t("appeals.status.filedAt"), value: format.dateTime(new Date(a.filedAt), { dateStyle: "long" }) },
    { label: t("appeals.status.dueOn"), value: a.dueOn ? day(a.dueOn) : t("appeals.status.noDue") },
  ];
  if (a.answer)
    rows.push({ label: t("appeals.status.answer"), value: a.answer, testId: "appeal-answer", multiline: true });
  if (a.closedOn) rows.push({ label: t("appeals.status.closedOn"), value: day(a.closedOn) });
  return { number: a.number, rows };
}
