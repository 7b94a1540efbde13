"use client";

import { useTranslations } from "next-intl";
import { dynamicKey } from "@/lib/i18n/message-key";
import { useState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import type { SummaryError } from "./error-summary";

/** Translates an action result's error keys for the fields and the error summary, in the order of `fields`. */
export function useFormErrors<T>(state: ActionResult<T>, fields: string[]) {
  const t = useTranslations();
  const tr = (code: string, values?: Record<string, string | number>) =>
    t.has(dynamicKey(code)) ? t(dynamicKey(code), values) : t("errors.invalidInput");
  const fieldError = (name: string): string | undefined => {
    if (state.ok) return undefined;
    const code = state.fieldErrors[name];
    return code ? tr(code, state.errorValues?.[name]) : undefined;
  };
  const summary: SummaryError[] = [];
  if (!state.ok) {
    if (state.formError) {
      const message = tr(state.formError, state.errorValues?.form);
      summary.push({ message: state.errorId ? `${message} (${state.errorId})` : message });
    }
    for (const f of fields) {
      const m = fieldError(f);
      if (m) summary.push({ field: f, message: m });
    }
  }
  // React 19 resets a form after its action; a <select> then falls back to the value it had when first mounted, not
  // to the echoed one. A new key per result remounts the form so every field shows what was submitted.
  // (React's "adjust state when a prop changes" pattern: the count moves on during the render that sees a new result.)
  const [attempt, setAttempt] = useState({ state, count: 0 });
  if (attempt.state !== state) setAttempt({ state, count: attempt.count + 1 });
  const formKey = `attempt-${attempt.state === state ? attempt.count : attempt.count + 1}`;
  return {
    fieldError,
    summary,
    formKey,
    summaryTitle: t("errors.summaryTitle"),
    titlePrefix: t("common.errorTitlePrefix"),
  };
}
