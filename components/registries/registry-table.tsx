import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import type { RegistryListView } from "@/lib/registries/view-models";

const CELL = "py-2 pr-3";

/** A page of a registry: PINs already masked by the view model; each row opens its (audited) record page. */
export async function RegistryTable({ list, page }: { list: RegistryListView; page: number }) {
  const [t, tAll, format] = await Promise.all([getTranslations("registries"), getTranslations(), getFormatter()]);
  if (list.rows.length === 0) return <p data-testid="registry-empty">{t("empty")}</p>;
  const c = (key: Parameters<typeof t>[0]) => ({ label: t(key) });
  const num = (n: number) => format.number(n);
  let columns: { label: string; align?: "right" }[];
  let body: ReactNode;
  if (list.kind === "persons") {
    columns = [
      c("columns.pin"),
      c("columns.name"),
      c("columns.birthDate"),
      c("columns.category"),
      c("columns.document"),
      c("columns.created"),
    ];
    body = list.rows.map((r) => (
      <tr key={r.id} className="border-b border-[var(--color-line)]">
        <th scope="row" className={`${CELL} font-normal whitespace-nowrap`}>
          <Link href={`/staff/registries/persons/${r.id}`} data-testid="registry-pin">
            {r.maskedPin ?? t("record.none")}
          </Link>
        </th>
        <td className={CELL}>{r.name}</td>
        <td className={CELL}>{r.birthDate ?? t("record.none")}</td>
        <td className={CELL}>{tAll(`rules.category.${r.category}.name`)}</td>
        <td className={CELL}>{r.documentNumber ?? t("record.none")}</td>
        <td className={CELL}>{r.createdOn}</td>
      </tr>
    ));
  } else if (list.kind === "policies") {
    columns = [
      c("columns.number"),
      c("columns.pin"),
      c("columns.holder"),
      c("columns.status"),
      c("columns.category"),
      c("columns.channel"),
      c("columns.validFrom"),
      c("columns.validTo"),
      c("columns.office"),
      { label: t("columns.price"), align: "right" },
    ];
    body = list.rows.map((r) => (
      <tr key={r.id} className="border-b border-[var(--color-line)]">
        <th scope="row" className={`${CELL} font-normal whitespace-nowrap`}>
          <Link href={`/staff/registries/policies/${r.id}`}>{r.number}</Link>
        </th>
        <td className={`${CELL} whitespace-nowrap`} data-testid="registry-pin">
          {r.maskedPin ?? t("record.none")}
        </td>
        <td className={CELL}>{r.holder}</td>
        <td className={CELL}>{tAll(`staff.policyStatus.${r.status}`)}</td>
        <td className={CELL}>{tAll(`rules.category.${r.category}.name`)}</td>
        <td className={CELL}>{tAll(`staff.channel.${r.channel}`)}</td>
        <td className={CELL}>{r.validFrom ?? t("record.none")}</td>
        <td className={CELL}>{r.validTo ?? t("record.none")}</td>
        <td className={CELL}>{r.office ?? t("record.none")}</td>
        <td className={`${CELL} text-right`}>{num(r.priceSom)}</td>
      </tr>
    ));
  } else {
    columns = [
      c("columns.receipt"),
      c("columns.paidAt"),
      c("columns.channel"),
      { label: t("columns.amount"), align: "right" },
      c("columns.status"),
      c("columns.policy"),
      c("columns.pin"),
      c("columns.txn"),
    ];
    body = list.rows.map((r) => (
      <tr key={r.id} className="border-b border-[var(--color-line)]">
        <th scope="row" className={`${CELL} font-normal`}>
          <Link href={`/staff/registries/payments/${r.id}`}>{r.providerNumber}</Link>
        </th>
        <td className={`${CELL} whitespace-nowrap`}>{r.paidAt}</td>
        <td className={CELL}>{tAll(`staff.paymentChannel.${r.channel}`)}</td>
        <td className={`${CELL} text-right`}>{num(r.amountSom)}</td>
        <td className={CELL}>{t(`paymentStatus.${r.status}`)}</td>
        <td className={CELL}>{r.policyNumber ?? t("record.none")}</td>
        <td className={`${CELL} whitespace-nowrap`} data-testid="registry-pin">
          {r.maskedPin ?? t("record.none")}
        </td>
        <td className={`${CELL} break-all`}>{r.externalTxnId}</td>
      </tr>
    ));
  }
  return (
    <DataTable caption={t(`caption.${list.kind}`, { page })} columns={columns} testId="registry-table">
      <tbody>{body}</tbody>
    </DataTable>
  );
}
