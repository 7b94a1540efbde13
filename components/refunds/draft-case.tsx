import { getTranslations } from "next-intl/server";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { ActionResult } from "@/lib/web/action-result";
import type { RefundAssessment, RefundCaseView } from "@/lib/refunds/view-models";
import { CLAIMANT_RELATIONS, REFUND_DOCUMENT_CODES, REFUND_GROUNDS } from "@/lib/rules";
import { ActionForm } from "./action-form";
import { DocumentList } from "./document-list";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/**
 * A territorial office's draft case: the claim (ground, claimant, facts, bank details), the documents of cl. 33, what the rules say,
 * and sending — which the server allows only when the rules say eligible and every document is attached.
 */
export async function DraftCase({
  view,
  assessment,
  locale,
  maxMb,
  actions,
}: {
  view: RefundCaseView;
  assessment: RefundAssessment | null;
  locale: string;
  maxMb: number;
  actions: { details: Action; upload: Action; send: Action };
}) {
  const t = await getTranslations();
  const hidden = { locale, caseId: view.id };
  const required = assessment?.required ?? [];
  return (
    <>
      <h2 className="mb-2 text-xl font-bold">{t("refunds.details.title")}</h2>
      <ActionForm
        action={actions.details}
        hidden={hidden}
        testId="refund-details-form"
        submitLabel={t("refunds.details.save")}
        fields={[
          {
            kind: "radios",
            name: "ground",
            label: t("refunds.details.ground"),
            defaultValue: view.ground,
            options: REFUND_GROUNDS.map((g) => ({ value: g, label: t(`rules.refundGround.${g}`) })),
          },
          {
            kind: "select",
            name: "claimantRelation",
            label: t("refunds.details.claimantRelation"),
            defaultValue: view.claimantRelation ?? "",
            options: [
              { value: "", label: "—" },
              ...CLAIMANT_RELATIONS.map((c) => ({ value: c, label: t(`rules.claimant.${c}`) })),
            ],
          },
          {
            kind: "text",
            name: "claimantName",
            label: t("refunds.details.claimantName"),
            defaultValue: view.claimantName ?? "",
          },
          {
            kind: "text",
            name: "claimantDocument",
            label: t("refunds.details.claimantDocument"),
            defaultValue: view.claimantDocument ?? "",
          },
          {
            kind: "date",
            name: "claimDate",
            label: t("refunds.details.claimDate"),
            defaultValue: view.claimDate ?? "",
          },
          {
            kind: "date",
            name: "deathDate",
            label: t("refunds.details.deathDate"),
            hint: t("refunds.details.deathDateHint"),
            defaultValue: view.deathDate ?? "",
          },
          {
            kind: "textarea",
            name: "otherCoverage",
            label: t("refunds.details.otherCoverage"),
            hint: t("refunds.details.otherCoverageHint"),
            defaultValue: view.otherCoverage ?? "",
          },
          { kind: "text", name: "bankName", label: t("refunds.details.bankName"), defaultValue: view.bankName ?? "" },
          {
            kind: "text",
            name: "bankAccount",
            label: t("refunds.details.bankAccount"),
            hint: t("refunds.details.bankAccountHint"),
            defaultValue: view.bankAccount ?? "",
          },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">{t("refunds.documents.title")}</h2>
      <DocumentList documents={view.documents} required={required} />
      <ActionForm
        action={actions.upload}
        hidden={hidden}
        testId="refund-upload-form"
        submitLabel={t("refunds.documents.upload")}
        fields={[
          {
            kind: "select",
            name: "code",
            label: t("refunds.documents.code"),
            defaultValue: required.find((c) => !view.documents.some((d) => d.code === c)) ?? "",
            options: REFUND_DOCUMENT_CODES.filter((c) => c !== "REISSUE_APPLICATION").map((c) => ({
              value: c,
              label: t(`rules.refundDocument.${c}`),
            })),
          },
          {
            kind: "file",
            name: "file",
            label: t("refunds.documents.file"),
            hint: t("refunds.documents.fileHint", { maxMb }),
            accept: "application/pdf,image/jpeg,image/png",
          },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">{t("refunds.verdict.title")}</h2>
      <div className="mb-4 border-l-4 border-[var(--color-line)] pl-3" data-testid="refund-verdict">
        {assessment?.ok ? (
          <p>{t("refunds.verdict.eligible", { amount: t("common.som", { amount: assessment.amountSom }) })}</p>
        ) : (
          <>
            <p className="font-bold">{t("refunds.verdict.notEligible")}</p>
            <ul className="list-disc pl-6">
              {(assessment?.refusals ?? []).map((r) => (
                <li key={r.code} data-testid={`refusal-${r.code}`}>
                  {t(dynamicKey(`rules.refundRefusal.${r.code}`))} ({r.clause})
                </li>
              ))}
            </ul>
          </>
        )}
        {assessment && assessment.missing.length > 0 && <p>{t("refunds.verdict.missingDocs")}</p>}
      </div>
      <ActionForm
        action={actions.send}
        hidden={hidden}
        testId="refund-send-form"
        submitLabel={t("refunds.send.button")}
        fields={[]}
      />
    </>
  );
}
