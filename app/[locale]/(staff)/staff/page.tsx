import { redirect } from "next/navigation";
import { workspacePath } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/web/session";
import { localeOf } from "@/lib/web/page-locale";

/** /staff → the signed-in person's own workspace, or the sign-in page. */
export default async function StaffHome({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await localeOf(params);
  const user = await getStaffUser();
  if (!user) redirect(`/${locale}/staff/sign-in`);
  redirect(`/${locale}${workspacePath(user.role) ?? "/staff/forbidden"}`);
}
