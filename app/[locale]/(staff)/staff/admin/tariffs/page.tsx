import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { DataTable } from "@/components/ui/data-table";
import { listTariffHistory } from "@/lib/administration/queries";
import { PAID_CATEGORIES } from "@/lib/rules";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { addTariffAction } from "../reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.tariffs"))("title") };
}

/** The tariff history (cost 1.1–1.3) and a new row (issue 15; I38): history is never edited in place. */
export default async function TariffsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const [t, tt, rows] = await Promise.all([
    getTranslations(),
    getTranslations("administration.tariffs"),
    listTariffHistory(user),
  ]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{tt("title")}</h1>
      <div className="mb-10">
        <DataTable
          caption={tt("caption")}
          testId="tariffs-table"
          columns={[
            { label: tt("category") },
            { label: tt("term"), align: "right" },
            { label: tt("price"), align: "right" },
            { label: tt("from") },
            { label: tt("to") },
            { label: tt("basis") },
          ]}
        >
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-[var(--color-line)]" data-testid={`tariff-${r.id}`}>
                <td className="py-2 pr-3">{t(`rules.category.${r.category}.name`)}</td>
                <td className="py-2 pr-3 text-right">{r.termMonths}</td>
                <td className="py-2 pr-3 text-right">{r.priceSom}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.effectiveFrom}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.effectiveTo ?? t("administration.common.openEnded")}</td>
                <td className="py-2">{locale === "ky" ? r.legalBasisKy : r.legalBasisRu}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <section className="max-w-2xl">
        <h2 className="mb-2 text-2xl font-bold">{tt("addTitle")}</h2>
        <p className="mb-4">{tt("addHint")}</p>
        <AdminForm
          action={addTariffAction}
          testId="tariff-form"
          resetOnSuccess
          submitLabel={tt("add")}
          successText={tt("added")}
          fields={[
            {
              name: "category",
              label: tt("category"),
              options: [
                { value: "", label: t("staff.admin.choose") },
                ...PAID_CATEGORIES.map((c) => ({ value: c, label: t(`rules.category.${c}.name`) })),
              ],
            },
            { name: "termMonths", label: tt("term"), inputMode: "numeric", defaultValue: "12" },
            { name: "priceSom", label: tt("price"), inputMode: "numeric" },
            { name: "effectiveFrom", label: tt("from"), hint: tt("effectiveFromHint") },
            { name: "legalBasisRu", label: tt("legalBasisRu") },
            { name: "legalBasisKy", label: tt("legalBasisKy") },
          ]}
        />
      </section>
    </>
  );
}
