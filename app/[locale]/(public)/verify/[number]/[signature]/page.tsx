import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { dayToInstant, LONG_DATE, todayInBishkek } from "@/lib/dates";
import { PageLink } from "@/lib/i18n/page-link";
import { findVerifiedPolicy } from "@/lib/policies/paper/queries";
import { enterPage, localeOf } from "@/lib/web/page-locale";
import { pageRateLimit } from "@/lib/web/rate-limit";

type Props = { params: Promise<{ locale: string; number: string; signature: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "print.verify" });
  // A verification link is for the person holding the paper, not for search engines.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The paper policy's QR code opens this page (issue 12): is this policy valid today, and its dates — never the
 * holder's name or PIN. A bare or altered number (no valid signature) is a 404, like an unknown one. Rate limited
 * per address, like the status check. Server-rendered HTML: works without JavaScript.
 */
export default async function VerifyPolicyPage({ params }: Props) {
  await enterPage(params);
  const { number, signature } = await params;
  const t = await getTranslations("print.verify");
  const wait = await pageRateLimit("verifyIp");
  if (wait !== null) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
        <p className="border-l-8 border-[var(--color-danger)] p-4" data-testid="verify-limited">
          {t("tooMany", { seconds: wait })}
        </p>
      </>
    );
  }
  const today = todayInBishkek();
  const policy = await findVerifiedPolicy(safeDecode(number), signature, today);
  if (!policy) notFound();
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  const valid = policy.validity === "VALID";
  const verdict = {
    VALID: () => t("valid", { today: day(today) }),
    NOT_YET: () => t("notYet", { from: day(policy.validFrom!) }),
    EXPIRED: () => t("expired", { to: day(policy.validTo!) }),
    ENDED: () => t("ended"),
  }[policy.validity]();
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <div
        className={`mb-6 border-l-8 p-4 ${valid ? "border-[var(--color-success)] bg-green-50" : "border-[var(--color-danger)] bg-red-50"}`}
        data-testid="verify-verdict"
        data-validity={policy.validity}
      >
        <p className="text-xl font-bold">{verdict}</p>
      </div>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("number")}</dt>
        <dd className="mb-2 break-words sm:mb-0" data-testid="verify-number">
          {policy.number}
        </dd>
        {policy.validFrom && (
          <>
            <dt className="font-bold">{t("validFrom")}</dt>
            <dd className="mb-2 sm:mb-0" data-testid="verify-from">
              {day(policy.validFrom)}
            </dd>
          </>
        )}
        {policy.validTo && (
          <>
            <dt className="font-bold">{t("validTo")}</dt>
            <dd className="mb-2 sm:mb-0" data-testid="verify-to">
              {day(policy.validTo)}
            </dd>
          </>
        )}
      </dl>
      <p className="mb-4 max-w-2xl text-[var(--color-muted)]">{t("privacy")}</p>
      <p>
        <PageLink href="/status">{t("statusLink")}</PageLink>
      </p>
    </>
  );
}

/** A malformed escape in the address is just another unknown number (404), not a server error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
