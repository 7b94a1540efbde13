import type { ReactNode } from "react";

export type Column = { label: ReactNode; align?: "right"; srOnly?: boolean };

/**
 * The portal's tables: a caption for screen readers, header cells with scope, the house borders. Rows are the
 * caller's (`<tr>` elements), so each table keeps its own cells. A table wider than a 360 px phone scrolls inside its
 * own region, never the page; the region is focusable (keyboard users scroll it) and named by the caption.
 */
export function DataTable({
  caption,
  columns,
  testId,
  children,
  className = "w-full",
}: {
  caption: string;
  columns: Column[];
  testId?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative max-w-full overflow-x-auto">
      <table className={`${className} border-collapse text-left text-sm`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-[var(--color-ink)]">
            {columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={`py-2 ${i < columns.length - 1 ? "pr-3" : ""} ${c.align === "right" ? "text-right" : ""}`}
              >
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
