import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FollowOnForm } from "@/components/clinic/follow-on-form";
import { dayToInstant, LONG_DATE, todayInBishkek } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { findPregnancyRegistration } from "@/lib/pregnancy/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { issueFollowOnAction } from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ existing?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clinic"))("title") };
}

/** One registration of the doctor's organization; another organization's is "not found" (and audited). */
export default async function PregnancyRecordPage({ params, searchParams }: Props) {
  const locale = await enterPage(params);
  const { id } = await params;
  const user = await requirePermission("pregnancy.register", locale);
  const r = await findPregnancyRegistration(user, id, todayInBishkek());
  if (!r) notFound();
  const [t, tp, tr, format, { existing }] = await Promise.all([
    getTranslations("clinic.record"),
    getTranslations("print.record"),
    getTranslations("rules"),
    getFormatter(),
    searchParams,
  ]);
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  const rows: [string, string][] = [
    [t("woman"), r.holder],
    [r.pin ? t("pin") : t("document"), r.pin ?? r.documentNumber ?? "—"],
    [t("category"), tr(`category.${r.baseCategory}.name`)],
    [t("card"), r.cardNumber],
    [t("code"), r.code],
  ];
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/staff/clinic">← {t("back")}</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("title", { date: day(r.registeredOn) })}</h1>
      {existing && (
        <p className="mb-4 border-l-8 border-[var(--color-brand)] p-3" role="status" data-testid="existing">
          {t("existing")}
        </p>
      )}
      <div className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4" data-testid="registration-outcome">
        {r.policy ? (
          <p className="font-bold">
            {t("policyIssued", { number: r.policy.number, from: day(r.policy.validFrom), to: day(r.policy.validTo) })}
          </p>
        ) : (
          <p className="font-bold">{t("alreadyInsured", { date: day(r.insuredUntil!) })}</p>
        )}
        {r.followOnPolicy ? (
          <p className="mt-2 font-bold" data-testid="follow-on-policy">
            {t("followOnIssued", {
              number: r.followOnPolicy.number,
              from: day(r.followOnPolicy.validFrom),
              to: day(r.followOnPolicy.validTo),
            })}
          </p>
        ) : (
          r.followsOn && (
            <>
              <p className="mt-2">{t("follows", { date: day(r.followsOn) })}</p>
              <FollowOnForm
                action={issueFollowOnAction}
                locale={locale}
                registrationId={r.id}
                followsOn={r.followsOn}
              />
            </>
          )
        )}
        {/* The same paper policy as the office prints (issue 13); printing is audited. */}
        {[
          r.policy?.status === "ISSUED" && { ...r.policy, testId: "print-policy" },
          r.followOnPolicy && { ...r.followOnPolicy, testId: "print-follow-on-policy" },
        ].map(
          (p) =>
            p && (
              <p key={p.id} className="no-print mt-2">
                <a href={`/${locale}/staff/policies/${p.id}/pdf`} className="font-bold" data-testid={p.testId}>
                  {tp("printForDoctor", { number: p.number })}
                </a>
              </p>
            ),
        )}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-bold">{label}</dt>
            <dd className="mb-2 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
