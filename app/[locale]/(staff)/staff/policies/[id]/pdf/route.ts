import { todayInBishkek } from "@/lib/dates";
import { recordPolicyPrint } from "@/lib/policies/paper/mutations";
import { buildPolicyPdf } from "@/lib/policies/paper/policy-pdf";
import { findPrintablePolicy } from "@/lib/policies/paper/queries";
import { verificationPath } from "@/lib/policies/paper/verification";
import { portalBaseUrl } from "@/lib/web/portal-url";
import { fileLocale, fileResponse, notFoundFile, staffFileUser } from "@/lib/web/staff-file";

export const dynamic = "force-dynamic";

/**
 * GET /<locale>/staff/policies/<id>/pdf — the paper policy (issue 12), for a clerk of the policy's office or a doctor
 * of the organization that registered its holder (issue 13). By id, never by PIN or name. Another office's policy
 * answers 404 like a missing one (audited); every print is audited, a re-print marked on the form.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: raw, id } = await params;
  const locale = fileLocale(raw);
  if (!locale) return notFoundFile();
  const auth = await staffFileUser("policies.print", locale);
  if ("response" in auth) return auth.response;
  const policy = await findPrintablePolicy(auth.user, id);
  if (!policy) return notFoundFile();
  const { reprint } = await recordPolicyPrint(auth.user, policy);
  const verifyUrl = `${await portalBaseUrl()}${verificationPath(locale, policy.number)}`;
  const pdf = await buildPolicyPdf(policy, { verifyUrl, reprintOn: reprint ? todayInBishkek() : undefined });
  return fileResponse(pdf, "application/pdf", `oms-policy-${policy.number}.pdf`);
}
