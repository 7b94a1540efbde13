import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/web/page-locale";
import { RegistryPage, type RegistryPageProps } from "../registry-page";

export async function generateMetadata({ params }: Pick<RegistryPageProps, "params">): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "registries" });
  return { title: `${t("title")}: ${t("tabs.policies")}` };
}

/** The national registry of policies (issue 15). */
export default function PoliciesRegistryPage(props: RegistryPageProps) {
  return <RegistryPage kind="policies" {...props} />;
}
