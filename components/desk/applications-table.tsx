import { useTranslations } from "next-intl";
import type { ApplicationRowView } from "@/lib/applications/view-models";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";
import { DataTable } from "@/components/ui/data-table";

const DEADLINE_STYLE = {
  DONE: "",
  ON_TIME: "",
  DUE_TODAY: "font-bold",
  OVERDUE: "font-bold text-[var(--color-danger)]",
} as const;

/** Walk-in applications (cl. 10–15) with the cl. 15 deadline of each accepted one: due today, overdue, or made. */
export function ApplicationsTable({
  rows,
  caption,
  empty,
}: {
  rows: ApplicationRowView[];
  caption: string;
  empty: string;
}) {
  const t = useTranslations("desk.list");
  const tr = useTranslations("rules");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  if (rows.length === 0) return <p data-testid="applications-none">{empty}</p>;
  return (
    <DataTable
      caption={caption}
      testId="applications"
      columns={[
        { label: t("enteredOn") },
        { label: t("holder") },
        { label: t("category") },
        { label: t("status") },
        { label: t("policy") },
        { label: t("deadline") },
      ]}
    >
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`border-b border-[var(--color-line)] align-top ${r.deadline === "OVERDUE" ? "bg-red-50" : r.deadline === "DUE_TODAY" ? "bg-yellow-50" : ""}`}
            data-testid={`application-row-${r.id}`}
          >
            <td className="py-2 pr-3">
              <Link href={`/staff/office/applications/${r.id}`} aria-label={t("open", { date: day(r.enteredOn) })}>
                {day(r.enteredOn)}
              </Link>
            </td>
            <td className="py-2 pr-3">{r.holder}</td>
            <td className="py-2 pr-3">{tr(`category.${r.category}.name`)}</td>
            <td className="py-2 pr-3">{t(`statusValue.${r.status}`)}</td>
            <td className="py-2 pr-3 font-mono">{r.policyNumber ?? "—"}</td>
            <td className={`py-2 ${r.deadline ? DEADLINE_STYLE[r.deadline] : ""}`} data-testid={`deadline-${r.id}`}>
              {r.deadline && r.policyDueOn ? t(`deadlineValue.${r.deadline}`, { date: day(r.policyDueOn) }) : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
