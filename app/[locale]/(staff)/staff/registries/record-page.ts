import { notFound } from "next/navigation";
import { recordRegistryView } from "@/lib/registries/mutations";
import { enterPage } from "@/lib/web/page-locale";
import { requirePermission } from "@/lib/web/session";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A registry record page's guard: the permission, a well-formed id, the record, and the audit row of its opening
 * (it shows a full PIN) — written only once the record is found.
 */
export async function openRegistryRecord<R>(
  params: Promise<{ locale: string; id: string }>,
  entity: "Person" | "Policy" | "Payment",
  find: (id: string) => Promise<R | null>,
) {
  const { id } = await params;
  const locale = await enterPage(params);
  const user = await requirePermission("fund.registries", locale);
  if (!UUID.test(id)) notFound();
  const record = await find(id);
  if (!record) notFound();
  await recordRegistryView(user, entity, id);
  return { locale, record };
}
