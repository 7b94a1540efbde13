import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/buy/button-form";
import { PageLink } from "@/lib/i18n/page-link";
import { dynamicKey } from "@/lib/i18n/message-key";

type Action = Parameters<typeof ButtonForm>[0]["action"];

function Reference({ label, reference }: { label: string; reference: string }) {
  return (
    <p className="text-[var(--color-muted)]">
      {label}: <span className="font-mono">{reference}</span>
    </p>
  );
}

/** Waiting for the bank: the same checkout can be resumed (the same payment, never a second one). */
export async function PendingOrder({
  secret,
  reference,
  hidden,
  resume,
}: {
  secret: string;
  reference: string;
  hidden: Record<string, string>;
  resume: Action;
}) {
  const t = await getTranslations("buy.order");
  return (
    <section data-testid="order-pending" className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("pendingTitle")}</h1>
      <p className="mb-4 text-lg">{t("pendingText")}</p>
      <p className="mb-6">
        <PageLink href={`/orders/${secret}`} data-testid="order-refresh">
          {t("refresh")}
        </PageLink>
      </p>
      <p className="mb-2">{t("resumeText")}</p>
      <ButtonForm action={resume} hidden={hidden} label={t("resume")} variant="secondary" testId="order-resume" />
      <Reference label={t("reference")} reference={reference} />
    </section>
  );
}

/**
 * The bank took the money but no policy came of it: the rules refused on the payment day, or the payment was
 * confirmed after the order was declined or expired. Say why, and that the money comes back (cl. 32).
 */
export async function RejectedOrder({ reason, reference }: { reason: string | null; reference: string }) {
  const [t, root] = await Promise.all([getTranslations("buy.order"), getTranslations()]);
  const text = reason?.startsWith("CONFIRMED_AFTER_")
    ? t("rejectedLate")
    : reason && root.has(dynamicKey(`rules.refusal.${reason}`))
      ? root(dynamicKey(`rules.refusal.${reason}`))
      : t("rejectedPriceChanged");
  return (
    <section data-testid="order-rejected" className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("rejectedTitle")}</h1>
      <p className="mb-4 text-lg">{text}</p>
      <p className="mb-4 text-lg">{t("rejectedRefund")}</p>
      <p className="mb-6">
        <PageLink href="/status">{t("rejectedStatus")}</PageLink>
      </p>
      <Reference label={t("reference")} reference={reference} />
    </section>
  );
}

/** Declined by the bank, or abandoned: nothing was charged; the same answers can be paid again. */
export async function DeclinedOrder({
  declined,
  reference,
  hidden,
  retry,
}: {
  declined: boolean;
  reference: string;
  hidden: Record<string, string>;
  retry: Action;
}) {
  const t = await getTranslations("buy.order");
  return (
    <section data-testid={declined ? "order-declined" : "order-expired"} className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t(declined ? "declinedTitle" : "expiredTitle")}</h1>
      <p className="mb-6 text-lg">{t(declined ? "declinedText" : "expiredText")}</p>
      <ButtonForm action={retry} hidden={hidden} label={t("retry")} testId="order-retry" />
      <p className="mb-6">
        <PageLink href="/buy">{t("buyAnother")}</PageLink>
      </p>
      <Reference label={t("reference")} reference={reference} />
    </section>
  );
}
