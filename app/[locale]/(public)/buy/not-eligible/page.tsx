import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/buy/back-link";
import { todayInBishkek } from "@/lib/dates";
import { PageLink } from "@/lib/i18n/page-link";
import { assessDraft, buyPath, firstMissingStep, NOT_ELIGIBLE, previousStep, stepHref } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import type { RefusalCode } from "@/lib/rules";

/** Refusals that mean "you are covered already", not "you may not": the page says there is no need to buy. */
const NO_NEED: readonly RefusalCode[] = [
  "INSURED_ELSEWHERE",
  "POLICY_ALREADY_PAID",
  "ALREADY_INSURED",
  "EAEU_FAMILY_CHILD_FREE",
  "CITIZEN_UNDER_16",
];

async function refusalsFor(params: Promise<{ locale: string }>) {
  const { locale, draft } = await loadStep(params, null);
  const a = await assessDraft(draft, todayInBishkek());
  return { locale, draft, refusals: a?.refusals ?? [] };
}

function titleKey(codes: RefusalCode[]) {
  return codes.length > 0 && codes.every((c) => NO_NEED.includes(c))
    ? ("notEligible.insuredTitle" as const)
    : ("notEligible.title" as const);
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale, refusals } = await refusalsFor(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))(titleKey(refusals.map((r) => r.code))) };
}

/**
 * Eligibility is explained on its own page, in the rules' own words (STYLE §8; cl. 9, 11, 12.2, 19, 24). The
 * refusals are worked out again here from the answers, never taken from the URL.
 */
export default async function NotEligiblePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft, refusals } = await refusalsFor(params);
  if (refusals.length === 0) redirect(buyPath(locale, firstMissingStep(draft)));
  const t = await getTranslations("buy");
  const tr = await getTranslations("rules");
  const codes = refusals.map((r) => r.code);
  const back = previousStep(draft, NOT_ELIGIBLE);
  return (
    <>
      <BackLink href={stepHref(back)} label={t("back")} />
      <h1 className="mb-4 text-3xl font-bold">{t(titleKey(codes))}</h1>
      <p className="mb-4 max-w-2xl text-lg">{t("notEligible.lead")}</p>
      <div data-testid="refusals" className="mb-6 max-w-2xl space-y-3">
        {codes.map((code) => (
          <p
            key={code}
            data-testid={`refusal-${code}`}
            className="border-l-8 border-[var(--color-brand)] bg-blue-50 p-4 text-lg"
          >
            {tr(`refusal.${code}`)}
          </p>
        ))}
      </div>
      <p className="mb-6 max-w-2xl">{t("notEligible.help")}</p>
      <ul className="space-y-2">
        <li>
          <PageLink href="/status">{t("notEligible.status")}</PageLink>
        </li>
        {back && (
          <li>
            <PageLink href={stepHref(back)}>{t("notEligible.changeAnswers")}</PageLink>
          </li>
        )}
        <li>
          <PageLink href="/buy/identify">{t("notEligible.startAgain")}</PageLink>
        </li>
      </ul>
    </>
  );
}
