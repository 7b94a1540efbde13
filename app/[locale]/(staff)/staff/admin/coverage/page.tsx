import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CoverageImportsTable } from "@/components/coverage/coverage-imports-table";
import { CoverageUploadForm } from "@/components/coverage/coverage-upload-form";
import { COVERAGE_FILE_MAX_BYTES } from "@/lib/coverage/coverage.schema";
import { listCoverageImports } from "@/lib/coverage/queries";
import { COVERAGE_COLUMNS } from "@/lib/coverage/read-file";
import { Link } from "@/lib/i18n/navigation";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";
import { uploadCoverageAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coverage"))("title") };
}

/** The external-coverage registry (issue 15): upload a file for a source and period; the history of uploads. */
export default async function CoveragePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await enterPage(params);
  const user = await requirePermission("coverage.import", locale);
  const [t, imports] = await Promise.all([getTranslations("coverage"), listCoverageImports(user)]);
  return (
    <>
      <p className="mb-4">
        <Link href="/staff/admin">{t("back")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <section aria-labelledby="upload-title" className="mb-10">
        <h2 id="upload-title" className="mb-4 text-2xl font-bold">
          {t("form.title")}
        </h2>
        <CoverageUploadForm
          action={uploadCoverageAction}
          columns={COVERAGE_COLUMNS.join(", ")}
          maxMb={COVERAGE_FILE_MAX_BYTES / 1024 / 1024}
        />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-4 text-2xl font-bold">
          {t("history.title")}
        </h2>
        {imports.length === 0 ? <p>{t("history.empty")}</p> : <CoverageImportsTable imports={imports} />}
      </section>
    </>
  );
}
