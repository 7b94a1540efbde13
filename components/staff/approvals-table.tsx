"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { DataTable } from "@/components/ui/data-table";
import { dynamicKey } from "@/lib/i18n/message-key";
import type { PendingApprovalView } from "@/lib/payments/approvals/view-models";
import { initialActionState, type ActionResult } from "@/lib/web/action-result";

type Decided = { decision: "approved" | "rejected" | "refused"; detail: string };
type Action = (prev: ActionResult<Decided>, formData: FormData) => Promise<ActionResult<Decided>>;

/** Held late payments (issue 11, hole 4): each with approve / reject, except the viewer's own requests. */
export function ApprovalsTable({ rows, action }: { rows: PendingApprovalView[]; action: Action }) {
  const t = useTranslations();
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={t("approvals.title")}
        testId="approvals-table"
        columns={[
          { label: t("approvals.kind") },
          { label: t("approvals.txn") },
          { label: t("approvals.paidAt") },
          { label: t("approvals.amount"), align: "right" },
          { label: t("approvals.requested") },
          { label: t("approvals.decision") },
        ]}
      >
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-[var(--color-line)] align-top" data-testid={`approval-${r.id}`}>
              <td className="py-2 pr-3">
                {t(`approvals.kinds.${r.kind}`)}
                <br />
                {t(`staff.paymentChannel.${r.channel}`)}
              </td>
              <td className="break-all py-2 pr-3 font-mono">{r.externalTxnId}</td>
              <td className="py-2 pr-3">{when(r.paidAt)}</td>
              <td className="py-2 pr-3 text-right">{t("common.som", { amount: r.amountSom })}</td>
              <td className="py-2 pr-3">
                {r.requestedBy}, {when(r.requestedAt)}
              </td>
              <td className="py-2">
                {r.isOwn ? <span>{t("approvals.own")}</span> : <DecideForms row={r} action={action} />}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}

function DecideForms({ row, action }: { row: PendingApprovalView; action: Action }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialActionState<Decided>());
  if (state.ok) {
    return (
      <p className="font-bold" data-testid={`approval-${row.id}-answer`} role="status">
        {t(`approvals.done.${state.data.decision}`, { detail: state.data.detail })}
      </p>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {(["approve", "reject"] as const).map((decision) => (
        <form key={decision} action={formAction}>
          <input type="hidden" name="approvalId" value={row.id} />
          <input type="hidden" name="kind" value={row.kind} />
          <input type="hidden" name="decision" value={decision} />
          <SubmitButton label={t(`approvals.${decision}`)} variant={decision === "approve" ? undefined : "secondary"} />
        </form>
      ))}
      {state.formError && (
        <p className="w-full font-bold text-[var(--color-danger)]">
          {t.has(dynamicKey(state.formError)) ? t(dynamicKey(state.formError)) : t("errors.unexpected")}
        </p>
      )}
    </div>
  );
}
