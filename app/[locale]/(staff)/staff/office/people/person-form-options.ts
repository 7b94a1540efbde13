import "server-only";
import { getTranslations } from "next-intl/server";
import { PERSON_RECORD_CATEGORIES } from "@/lib/people/person-record.schema";
import { DOCUMENT_TYPES } from "@/lib/rules";

/** The person form's choices, translated: the categories a clerk registers and every identity document type. */
export async function personFormOptions() {
  const t = await getTranslations("rules");
  return {
    categories: PERSON_RECORD_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}.name`) })),
    documentTypes: DOCUMENT_TYPES.filter((d) => d !== "FOREIGN_DOCUMENT_TO_COMPLETE").map((d) => ({
      value: d,
      label: t(`document.${d}`),
    })),
  };
}
