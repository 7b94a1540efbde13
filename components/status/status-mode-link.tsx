import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** Switches the status check between the PIN and the document number of a foreigner without one (SPEC §8). */
export function StatusModeLink({ byDocument }: { byDocument: boolean }) {
  const t = useTranslations("status");
  return (
    <p className="mt-8 max-w-xl">
      {byDocument ? (
        <Link href="/status" className="underline" data-testid="status-by-pin">
          {t("havePin")}
        </Link>
      ) : (
        <Link
          href={{ pathname: "/status", query: { by: "document" } }}
          className="underline"
          data-testid="status-no-pin"
        >
          {t("noPin")}
        </Link>
      )}
    </p>
  );
}
