import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { REFUND_QUEUE_AGES, type TRefundQueueFilter } from "@/lib/refunds/case.schema";

const STATES = ["DRAFT", "SENT", "APPROVED", "REJECTED", "PAID"] as const;
const GROUNDS = ["DEATH", "ALREADY_INSURED", "REFUSED_BY_RULES", "LATE_CONFIRMATION", "DUPLICATE_PAYMENT"] as const;

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block font-bold">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value}
        className="block w-full border-2 border-[var(--color-ink)] bg-white px-2 py-2"
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The queue's filter: a GET form (no personal data in it), and the same query for the CSV export. */
export async function QueueFilter({
  filter,
  offices,
  query,
}: {
  filter: TRefundQueueFilter;
  offices: { code: string; nameRu: string; nameKy: string }[];
  query: string;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <form method="get" className="mb-6" data-testid="refund-queue-filter" aria-label={t("refunds.fund.filters")}>
      <div className="mb-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select
          name="state"
          label={t("refunds.columns.state")}
          value={filter.state ?? ""}
          options={[
            ["", t("refunds.fund.anyState")],
            ...STATES.map((s): [string, string] => [s, t(`refunds.state.${s}`)]),
          ]}
        />
        <Select
          name="ground"
          label={t("refunds.columns.ground")}
          value={filter.ground ?? ""}
          options={[
            ["", t("refunds.fund.anyGround")],
            ...GROUNDS.map((g): [string, string] => [g, t(`refunds.ground.${g}`)]),
          ]}
        />
        <Select
          name="office"
          label={t("refunds.columns.office")}
          value={filter.office ?? ""}
          options={[
            ["", t("refunds.fund.anyOffice")],
            ["none", t("refunds.fund.noOffice")],
            ...offices.map((o): [string, string] => [o.code, locale === "ky" ? o.nameKy : o.nameRu]),
          ]}
        />
        <Select
          name="age"
          label={t("refunds.fund.age")}
          value={filter.age ?? ""}
          options={[
            ["", t("refunds.fund.anyAge")],
            ...REFUND_QUEUE_AGES.map((a): [string, string] => [a, t(`refunds.fund.age${a}`)]),
          ]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="bg-[var(--color-success)] px-4 py-2 font-bold text-white">
          {t("refunds.fund.apply")}
        </button>
        <a href={`/api/v1/refunds/export?${query}&lang=${locale}`} data-testid="refund-export" download>
          {t("refunds.fund.export")}
        </a>
        <Link href="/staff/fund">{t("staff.fund.title")}</Link>
      </div>
    </form>
  );
}
