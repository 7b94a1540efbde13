import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/web/action-result";
import { CLAIMANT_RELATIONS, PAID_CATEGORIES } from "@/lib/rules";
import { ActionForm } from "./action-form";

type Action = (prev: ActionResult<string>, formData: FormData) => Promise<ActionResult<string>>;

/** cl. 34: the new holder buys what the payer paid for — a paid category (the rules' list). */
const CATEGORIES = PAID_CATEGORIES;

/** Re-issue instead of a refund (cl. 34): the policy, the payer, and the new holder; the rules decide on submit. */
export async function ReissueForm({ action, locale }: { action: Action; locale: string }) {
  const t = await getTranslations();
  return (
    <details className="mb-8">
      <summary className="mb-2 cursor-pointer text-xl font-bold">{t("refunds.reissue.title")}</summary>
      <p className="mb-4 max-w-3xl">{t("refunds.reissue.lead")}</p>
      <ActionForm
        action={action}
        hidden={{ locale }}
        testId="reissue-form"
        submitLabel={t("refunds.reissue.submit")}
        fields={[
          { kind: "text", name: "policyNumber", label: t("refunds.reissue.policyNumber") },
          {
            kind: "select",
            name: "claimantRelation",
            label: t("refunds.reissue.claimantRelation"),
            defaultValue: "PAYER",
            options: CLAIMANT_RELATIONS.map((c) => ({ value: c, label: t(`rules.claimant.${c}`) })),
          },
          { kind: "text", name: "payerName", label: t("refunds.reissue.payerName") },
          { kind: "text", name: "newPin", label: t("refunds.reissue.newPin"), autoComplete: "off" },
          { kind: "text", name: "newLastName", label: t("refunds.reissue.newLastName") },
          { kind: "text", name: "newFirstName", label: t("refunds.reissue.newFirstName") },
          { kind: "text", name: "newPatronymic", label: t("refunds.reissue.newPatronymic") },
          {
            kind: "select",
            name: "newCategory",
            label: t("refunds.reissue.newCategory"),
            defaultValue: "CITIZEN",
            options: CATEGORIES.map((c) => ({ value: c, label: t(`rules.category.${c}.name`) })),
          },
        ]}
      />
    </details>
  );
}
