import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/buy/back-link";
import { StepForm } from "@/components/buy/step-form";
import { todayInBishkek } from "@/lib/dates";
import { assessDraft, buyPath, NOT_ELIGIBLE, previousStep, stepHref, termsFor } from "@/lib/orders/journey";
import { loadStep } from "@/lib/web/buy-journey-page";
import { quotePrice, studentInstalments } from "@/lib/rules";
import { termAction } from "../actions";
import { localeOf } from "@/lib/web/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await localeOf(params);
  return { title: (await getTranslations({ locale, namespace: "buy" }))("term.title") };
}

/** cl. 4: the terms on sale for the category today, each with its price from the tariff in force. */
export default async function TermPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, draft } = await loadStep(params, "term");
  const today = todayInBishkek();
  const a = await assessDraft({ ...draft, termMonths: undefined }, today);
  if (!a || a.refusals.length > 0) redirect(buyPath(locale, NOT_ELIGIBLE));
  const t = await getTranslations("buy");
  const tr = await getTranslations("rules");
  const tc = await getTranslations("common");
  const options = termsFor(a).map((term) => {
    const q = quotePrice(a.tariffs, draft.category!, term, today);
    const price = q.ok ? tc("som", { amount: q.priceSom }) : "";
    return { value: String(term), label: t("term.option", { term: tr("term.months", { count: term }), price }) };
  });
  // cl. 4 note: a foreign student may pay the 12 months in two halves — the first now (6 months), the second later.
  const halves = studentInstalments(a.tariffs, draft.category!, today);
  if (halves.ok) {
    const label = t("term.halves", {
      first: tc("som", { amount: halves.firstSom }),
      second: tc("som", { amount: halves.secondSom }),
    });
    options.push({ value: "12h", label });
  }
  return (
    <>
      <BackLink href={stepHref(previousStep(draft, "term"))} label={t("back")} />
      <StepForm
        action={termAction}
        testId="buy-term"
        title={t("term.title")}
        hidden={{ locale }}
        defaults={{
          termMonths: draft.termMonths ? `${draft.termMonths}${draft.instalment === "FIRST_HALF" ? "h" : ""}` : "",
        }}
        submitLabel={t("continue")}
        fields={[{ kind: "radios", name: "termMonths", label: t("term.title"), options }]}
      />
    </>
  );
}
