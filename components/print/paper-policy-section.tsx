import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { dayToInstant, LONG_DATE } from "@/lib/dates";
import type { HandoverView } from "@/lib/policies/paper/view-models";

/**
 * The paper policy on the record page (cl. 15–16): the print link (a plain link to the PDF: Enter opens it), and the
 * hand-over — recorded, or the form to record it (passed in by the page, which owns the action).
 */
export async function PaperPolicySection({
  printHref,
  handover,
  handedOverNow,
  form,
}: {
  printHref: string | null;
  handover: HandoverView | null;
  handedOverNow: boolean;
  form: ReactNode;
}) {
  const [t, tr, format] = await Promise.all([getTranslations("print"), getTranslations("rules"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayToInstant(d), LONG_DATE);
  return (
    <>
      <section className="mb-8" aria-labelledby="paper-policy">
        <h2 id="paper-policy" className="mb-2 text-xl font-bold">
          {t("record.printHeading")}
        </h2>
        {printHref ? (
          <>
            <p className="mb-2">
              <a href={printHref} className="font-bold" data-testid="print-policy">
                {t("record.print")}
              </a>
            </p>
            <p className="text-[var(--color-muted)]">{t("record.printNote")}</p>
          </>
        ) : (
          <p data-testid="not-printable">{t("record.notPrintable")}</p>
        )}
      </section>
      <section className="mb-8" aria-labelledby="handover">
        <h2 id="handover" className="mb-2 text-xl font-bold">
          {t("record.handoverHeading")}
        </h2>
        {handedOverNow && (
          <p className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3" role="status">
            {t("handover.done")}
          </p>
        )}
        {handover ? (
          <div data-testid="handover-recorded">
            <p className="font-bold">
              {t("record.handedOver", { date: day(handover.handedOn), name: handover.recipientName })}
            </p>
            {handover.recipientDocumentType && (
              <p>
                {t("record.handedOverDocument", {
                  document: `${tr(`document.${handover.recipientDocumentType}`)} ${handover.recipientDocumentNumber ?? ""}`,
                })}
              </p>
            )}
          </div>
        ) : (
          form
        )}
      </section>
    </>
  );
}
