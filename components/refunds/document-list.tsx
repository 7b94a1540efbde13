import { getTranslations } from "next-intl/server";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { RefundDocumentView } from "@/lib/refunds/view-models";

/** The case's attachments (cl. 33), each opening in the browser through the audited document route. */
export async function DocumentList({ documents, required }: { documents: RefundDocumentView[]; required?: string[] }) {
  const t = await getTranslations();
  const attached = new Set(documents.map((d) => d.code));
  return (
    <>
      {required && (
        <>
          <p className="mb-1">{t("refunds.documents.required")}</p>
          <ul className="mb-4 list-disc pl-6" data-testid="required-documents">
            {required.map((code) => (
              <li key={code}>
                {t(dynamicKey(`rules.refundDocument.${code}`))} —{" "}
                <strong>{attached.has(code) ? t("refunds.documents.attached") : t("refunds.documents.missing")}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {documents.length === 0 ? (
        <p className="mb-6">{t("refunds.documents.none")}</p>
      ) : (
        <ul className="mb-6 list-disc pl-6" data-testid="attached-documents">
          {documents.map((d) => (
            <li key={d.id} className="mb-1 break-all">
              <a href={`/api/v1/refunds/documents/${d.id}`} target="_blank" rel="noopener">
                {t("refunds.documents.open", { name: d.fileName })}
              </a>{" "}
              ({t(dynamicKey(`rules.refundDocument.${d.code}`))}, {Math.ceil(d.sizeBytes / 1024)} KB,{" "}
              {t("refunds.documents.sha")} <span className="font-mono text-xs">{d.sha256}</span>)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
