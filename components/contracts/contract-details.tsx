import { useTranslations } from "next-intl";
import { longDateValues } from "@/lib/i18n/long-date";
import type { ContractView } from "@/lib/contracts/view-models";

/** The contract's particulars as a definition list (stacks on phones). */
export function ContractDetails({ contract }: { contract: ContractView }) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const day = (d: string) => tc("date.long", longDateValues(d));
  const items: [string, string][] = [
    [t("field.entityName"), contract.entityName],
    [t("field.registrationNumber"), contract.registrationNumber],
    [t("list.period"), t("period", { from: day(contract.validFrom), to: day(contract.validTo) })],
    [t("field.status"), t(`status.${contract.status}`)],
    [
      t("detail.contact"),
      [contract.contactName, contract.contactPhone, contract.contactEmail].filter(Boolean).join(", "),
    ],
  ];
  return (
    <dl className="mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]" data-testid="contract-details">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
