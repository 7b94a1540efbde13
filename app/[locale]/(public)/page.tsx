import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageLink } from "@/lib/i18n/page-link";
import { enterPage, localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "common.home" }))("title") };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  await enterPage(params);
  const t = await getTranslations("common.home");
  const tb = await getTranslations("buy");
  const ta = await getTranslations("appeals");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold md:text-4xl">{t("title")}</h1>
      <p className="mb-8 max-w-2xl text-xl">{t("lead")}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="border-t-4 border-[var(--color-brand)] pt-4">
          <h2 className="mb-2 text-xl font-bold">
            <PageLink href="/status">{t("statusCard")}</PageLink>
          </h2>
          <p className="mb-2">{t("statusCardText")}</p>
          <p className="text-[var(--color-muted)]">{t("fiveDays")}</p>
        </section>
        <section className="border-t-4 border-[var(--color-success)] pt-4">
          <h2 className="mb-2 text-xl font-bold">
            <PageLink href="/buy" data-testid="home-buy">
              {tb("homeCard")}
            </PageLink>
          </h2>
          <p>{tb("homeCardText")}</p>
        </section>
        <section className="border-t-4 border-[var(--color-line)] pt-4">
          <h2 className="mb-2 text-xl font-bold">
            <PageLink href="/appeals" data-testid="home-appeals">
              {ta("file.title")}
            </PageLink>
          </h2>
          <p>
            <PageLink href="/appeals/status">{ta("file.statusLink")}</PageLink>
          </p>
        </section>
        <section className="border-t-4 border-[var(--color-line)] pt-4">
          <h2 className="mb-2 text-xl font-bold">
            <PageLink href="/staff">{t("staffCard")}</PageLink>
          </h2>
          <p>{t("staffCardText")}</p>
        </section>
      </div>
    </>
  );
}
