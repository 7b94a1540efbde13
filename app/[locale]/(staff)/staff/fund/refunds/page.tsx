import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueFilter } from "@/components/refunds/queue-filter";
import { RefundTable } from "@/components/refunds/refund-table";
import { todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { ZRefundQueueFilter } from "@/lib/refunds/case.schema";
import { listOffices } from "@/lib/offices/queries";
import { listRefundQueue } from "@/lib/refunds/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("refunds.fund"))("title") };
}

/** The one refunds queue (issue 14): territorial offices' letters and the system's own cases, paged and filtered, oldest first. */
export default async function RefundQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Search;
}) {
  const locale = await enterPage(params);
  const user = await requirePermission("refund.approve", locale);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = ZRefundQueueFilter.parse(raw);
  const [t, queue, offices] = await Promise.all([
    getTranslations(),
    listRefundQueue(user, filter, todayInBishkek()),
    listOffices(),
  ]);
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const query = new URLSearchParams(
    Object.entries({ state: filter.state, ground: filter.ground, office: filter.office, age: filter.age }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  ).toString();
  const pageHref = (page: number) => `/staff/fund/refunds?${query}${query ? "&" : ""}page=${page}`;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("refunds.fund.title")}</h1>
      <p className="mb-6 max-w-3xl">{t("refunds.fund.lead")}</p>
      <QueueFilter filter={filter} offices={offices} query={query} />
      <p className="mb-2" data-testid="refund-queue-total">
        {t("refunds.fund.total", { count: queue.total })}
      </p>
      {queue.rows.length === 0 ? (
        <p data-testid="refund-queue-empty">{t("refunds.fund.empty")}</p>
      ) : (
        <RefundTable
          rows={queue.rows}
          caption={t("refunds.fund.title")}
          hrefBase="/staff/fund/refunds"
          testId="refund-queue"
        />
      )}
      <nav aria-label={t("refunds.fund.pagination")} className="mt-4 flex flex-wrap items-center gap-4">
        {queue.page > 1 && <Link href={pageHref(queue.page - 1)}>{t("refunds.fund.previous")}</Link>}
        <span>{t("refunds.fund.page", { page: queue.page, pages })}</span>
        {queue.page < pages && <Link href={pageHref(queue.page + 1)}>{t("refunds.fund.next")}</Link>}
      </nav>
    </>
  );
}
