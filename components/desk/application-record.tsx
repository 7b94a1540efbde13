import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ApplicationView } from "@/lib/applications/view-models";
import { dynamicKey } from "@/lib/i18n/message-key";
import { longDateValues } from "@/lib/i18n/long-date";
import { Link } from "@/lib/i18n/navigation";

/**
 * One walk-in application: accepted — the policy and the slot where its paper policy is made (the policy's record
 * page, `/staff/office/policies/[id]`); refused — every reason explained for the person, as the rules word it (the
 * state covers children, no identity document, no payment, no need to buy and until when), and the missing papers.
 */
export function ApplicationRecord({ a, madeButton }: { a: ApplicationView; madeButton?: ReactNode }) {
  const t = useTranslations("desk.application");
  const tl = useTranslations("desk.list");
  const all = useTranslations();
  const tc = useTranslations("common");
  const tr = useTranslations("rules");
  const ts = useTranslations("staff");
  const day = (d: string) => tc("date.long", longDateValues(d));
  const rows: [string, ReactNode][] = [
    [t("holder"), `${a.holder}${a.pin ? ` · ${a.pin}` : a.documentNumber ? ` · ${a.documentNumber}` : ""}`],
    [t("category"), tr(`category.${a.category}.name`)],
    [t("term"), t("termValue", { months: a.termMonths })],
    [t("receivedOn"), day(a.receivedOn)],
    [t("enteredOn"), day(a.enteredOn)],
    [t("entryDue"), day(a.entryDueOn)],
    ...(a.policyDueOn
      ? ([
          [
            t("policyDue"),
            `${day(a.policyDueOn)}${a.deadline ? ` — ${tl(`deadlineValue.${a.deadline}`, { date: day(a.policyDueOn) })}` : ""}`,
          ],
        ] as [string, ReactNode][])
      : []),
    ...(a.payment
      ? ([
          [
            t("payment"),
            t("paymentValue", {
              channel: ts(`paymentChannel.${a.payment.channel}`),
              receipt: a.payment.externalTxnId,
              amount: a.payment.amountSom,
            }),
          ],
        ] as [string, ReactNode][])
      : []),
    [
      t("documents"),
      a.documents.length > 0
        ? a.documents
            .map((d) => (all.has(dynamicKey(`rules.document.${d}`)) ? all(dynamicKey(`rules.document.${d}`)) : d))
            .join("; ")
        : t("none"),
    ],
  ];
  return (
    <>
      {a.status === "ACCEPTED" && a.policy ? (
        <div
          className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4"
          data-testid="application-accepted"
        >
          <p className="font-bold">
            {t("accepted", {
              number: a.policy.number,
              from: a.policy.validFrom ? day(a.policy.validFrom) : "—",
              to: a.policy.validTo ? day(a.policy.validTo) : "—",
            })}
          </p>
          <p className="mt-2" data-testid="paper-policy-slot">
            {t("printSlot")}:{" "}
            <Link href={`/staff/office/policies/${a.policy.id}`} data-testid="open-policy">
              {t("openPolicy", { number: a.policy.number })}
            </Link>
          </p>
          {a.policyMadeOn ? (
            <p className="mt-2" data-testid="policy-made">
              {t("made", { date: day(a.policyMadeOn) })}
            </p>
          ) : (
            madeButton
          )}
        </div>
      ) : (
        <div className="mb-6 border-l-8 border-[var(--color-danger)] p-4" data-testid="application-refused">
          <h2 className="mb-2 text-xl font-bold">{t("refused")}</h2>
          <p className="mb-2">{t("refusedLead")}</p>
          <ul className="list-disc pl-6">
            {a.refusals.map((code) => (
              <li key={code} data-testid={`refusal-${code}`}>
                {all.has(dynamicKey(`rules.refusal.${code}`)) ? all(dynamicKey(`rules.refusal.${code}`)) : code}
              </li>
            ))}
          </ul>
          {a.insuredUntil && (
            <p className="mt-2 font-bold" data-testid="insured-until">
              {t("insuredUntil", { date: day(a.insuredUntil) })}
            </p>
          )}
          {a.missingDocuments.length > 0 && (
            <>
              <p className="mt-2">{t("missing")}</p>
              <ul className="list-disc pl-6" data-testid="missing-documents">
                {a.missingDocuments.map((d) => (
                  <li key={d}>
                    {all.has(dynamicKey(`rules.document.${d}`)) ? all(dynamicKey(`rules.document.${d}`)) : d}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {a.enteredLate && (
        <p className="mb-4 font-bold text-[var(--color-danger)]" data-testid="entered-late">
          {t("enteredLate")}
        </p>
      )}
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
