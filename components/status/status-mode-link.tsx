import { useTranslations } from "next-intl";
import { PageLink } from "@/lib/i18n/page-link";

/** Switches the status check between the PIN and the document number of a foreigner without one (SPEC §8). */
export function StatusModeLink({ byDocument }: { byDocument: boolean }) {
  const t = useTranslations("status");
  return (
    <p className="mt-8 max-w-xl">
      {byDocument ? (
        <PageLink href="/status" className="underline" data-testid="status-by-pin">
          {t("havePin")}
        </PageLink>
      ) : (
        <PageLink href="/status?by=document" className="underline" data-testid="status-no-pin">
          {t("noPin")}
        </PageLink>
      )}
    </p>
  );
}
