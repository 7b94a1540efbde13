import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { DataTable } from "@/components/ui/data-table";
import { listEducationStates } from "@/lib/administration/queries";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { addEducationStateAction, endEducationStateAction } from "../reference-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("administration.educationStates"))("title") };
}

/** States with an education agreement (cl. 4 note, cl. 7): list, add, end (issue 15). */
export default async function EducationStatesPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("reference.administer", locale);
  const [t, te, rows] = await Promise.all([
    getTranslations("administration"),
    getTranslations("administration.educationStates"),
    listEducationStates(user),
  ]);
  const name = (r: { nameRu: string; nameKy: string }) => (locale === "ky" ? r.nameKy : r.nameRu);
  const open = rows.filter((r) => r.effectiveTo === null);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{te("title")}</h1>
      <div className="mb-10">
        <DataTable
          caption={te("caption")}
          testId="education-states-table"
          columns={[
            { label: te("code") },
            { label: te("name") },
            { label: te("from") },
            { label: te("to") },
            { label: te("basis") },
          ]}
        >
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className="border-b border-[var(--color-line)]" data-testid={`state-${r.code}`}>
                <td className="py-2 pr-3 font-mono">{r.code}</td>
                <td className="py-2 pr-3">{name(r)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.effectiveFrom}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.effectiveTo ?? t("common.openEnded")}</td>
                <td className="py-2">{locale === "ky" ? r.legalBasisKy : r.legalBasisRu}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
      <section className="mb-10 max-w-2xl">
        <h2 className="mb-4 text-2xl font-bold">{te("addTitle")}</h2>
        <AdminForm
          action={addEducationStateAction}
          testId="state-form"
          resetOnSuccess
          submitLabel={te("add")}
          successText={te("added")}
          fields={[
            { name: "code", label: te("code"), hint: te("codeHint") },
            { name: "nameRu", label: te("nameRu") },
            { name: "nameKy", label: te("nameKy") },
            { name: "effectiveFrom", label: te("from"), hint: t("common.dateHint") },
            { name: "legalBasisRu", label: te("legalBasisRu") },
            { name: "legalBasisKy", label: te("legalBasisKy") },
          ]}
        />
      </section>
      {open.length > 0 && (
        <section className="max-w-2xl">
          <h2 className="mb-4 text-2xl font-bold">{te("end")}</h2>
          <AdminForm
            action={endEducationStateAction}
            testId="state-end-form"
            resetOnSuccess
            submitLabel={te("end")}
            successText={te("ended")}
            fields={[
              {
                name: "stateCode",
                label: te("name"),
                options: open.map((r) => ({ value: r.code, label: `${name(r)} (${r.code})` })),
              },
              { name: "effectiveTo", label: te("to"), hint: t("common.dateHint") },
            ]}
          />
        </section>
      )}
    </>
  );
}
