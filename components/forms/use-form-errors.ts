"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import type { SummaryError } from "./error-summary";

/**
 * An action result's errors for the fields and the error summary, in the order of `fields`. The server translated
 * them (`messages`, lib/web/action.ts): the browser needs no message catalogue or formatter (issue 17).
 */
export function useFormErrors<T>(state: ActionResult<T>, fields: string[]) {
  const messages = state.ok ? undefined : state.messages;
  const fieldError = (name: string): string | undefined => messages?.fields[name];
  const summary: SummaryError[] = [];
  if (messages?.form) summary.push({ message: messages.form });
  for (const f of fields) {
    const m = fieldError(f);
    if (m) summary.push({ field: f, message: m });
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
    summaryTitle: messages?.summaryTitle ?? "",
    titlePrefix: messages?.titlePrefix ?? "",
  };
}
