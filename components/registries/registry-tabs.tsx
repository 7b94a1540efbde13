import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { REGISTRY_KINDS, type RegistryKind } from "@/lib/registries/registry.schema";

/** The three registries, the current one marked for screen readers too. */
export async function RegistryTabs({ current }: { current: RegistryKind }) {
  const t = await getTranslations("registries.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6">
      <ul className="flex flex-wrap gap-4">
        {REGISTRY_KINDS.map((k) => (
          <li key={k}>
            <Link
              href={`/staff/registries/${k}`}
              aria-current={k === current ? "page" : undefined}
              className={k === current ? "font-bold" : undefined}
            >
              {t(k)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
