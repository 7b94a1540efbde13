import { registryCsv } from "@/lib/registries/registry-csv";
import { recordRegistryExport } from "@/lib/registries/mutations";
import { registryRowsForExport } from "@/lib/registries/queries";
import { isRegistryKind, ZRegistryParams } from "@/lib/registries/registry.schema";
import { openRegistrySearch } from "@/lib/registries/search-token";
import { fileLocale, fileResponse, notFoundFile, staffFileUser } from "@/lib/web/staff-file";

export const dynamic = "force-dynamic";

/**
 * GET /<locale>/staff/registries/csv/{persons|policies|payments}?q=<sealed search> — the list as CSV, PINs masked
 * as on the screen, streamed in batches up to REGISTRY_CSV_MAX_ROWS rows; the download is audited (issue 15).
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; kind: string }> }) {
  const { locale: raw, kind } = await params;
  const locale = fileLocale(raw);
  if (!locale || !isRegistryKind(kind)) return notFoundFile();
  const auth = await staffFileUser("fund.registries", locale);
  if ("response" in auth) return auth.response;
  const { q } = ZRegistryParams.parse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  const text = openRegistrySearch(q, auth.user.id);
  await recordRegistryExport(auth.user, kind, Boolean(text));
  return fileResponse(
    registryCsv(kind, registryRowsForExport(kind, { text }), locale),
    "text/csv; charset=utf-8",
    `oms-registry-${kind}.csv`,
  );
}
