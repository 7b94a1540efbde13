"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { field?: string; message: string };

/**
 * GOV.UK error summary: at the top of the form, takes focus when it appears, links to each field, and prefixes
 * the page title with "Error: " so screen-reader users hear it first.
 */
export function ErrorSummary({
  title,
  titlePrefix,
  errors,
}: {
  title: string;
  titlePrefix: string;
  errors: SummaryError[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (!errors.length) return;
    ref.current?.focus();
    const original = document.title;
    if (!original.startsWith(titlePrefix)) document.title = titlePrefix + original;
    return () => {
      document.title = document.title.startsWith(titlePrefix)
        ? document.title.slice(titlePrefix.length)
        : document.title;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!errors.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      data-error-summary=""
      data-title-prefix={titlePrefix}
      className="mb-6 border-4 border-[var(--color-danger)] p-4"
    >
      <h2 id="error-summary-title" className="mb-2 text-lg font-bold">
        {title}
      </h2>
      <ul className="list-none space-y-1">
        {errors.map((e, i) => (
          <li key={i}>
            {e.field ? (
              <a href={`#${e.field}`} className="font-bold text-[var(--color-danger)]">
                {e.message}
              </a>
            ) : (
              <span className="font-bold text-[var(--color-danger)]">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
