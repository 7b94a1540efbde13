import type { getTranslations } from "next-intl/server";
import type { AdminField } from "@/components/admin/admin-form";

type T = Awaited<ReturnType<typeof getTranslations<"administration">>>;

/** An office's form fields (add and edit); `values` fills them for editing, where the code is fixed (hidden). */
export function officeFields(
  t: T,
  values?: { nameRu: string; nameKy: string; addressRu: string; addressKy: string; phone: string | null },
): AdminField[] {
  return [
    ...(values ? [] : [{ name: "code", label: t("offices.code"), hint: t("offices.codeHint") }]),
    { name: "nameRu", label: t("offices.nameRu"), defaultValue: values?.nameRu },
    { name: "nameKy", label: t("offices.nameKy"), defaultValue: values?.nameKy },
    { name: "addressRu", label: t("offices.addressRu"), defaultValue: values?.addressRu },
    { name: "addressKy", label: t("offices.addressKy"), defaultValue: values?.addressKy },
    { name: "phone", label: t("offices.phone"), inputMode: "tel", defaultValue: values?.phone ?? "" },
  ];
}
