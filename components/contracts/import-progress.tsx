"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * The progress of a list's background job (validation or import): a native progress bar, the count as text for
 * screen readers (a polite live region), and the page re-read from the server every two seconds while it runs.
 */
export function ImportProgress({
  label,
  text,
  value,
  max,
  note,
}: {
  label: string;
  text: string;
  value: number;
  /** unknown while a file is still being read: an indeterminate bar */
  max: number | null;
  note: string;
}) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="mb-6" data-testid="import-progress">
      {max !== null ? (
        <progress className="h-4 w-full max-w-md" aria-label={label} value={value} max={Math.max(max, 1)} />
      ) : (
        <progress className="h-4 w-full max-w-md" aria-label={label} />
      )}
      <p role="status" aria-live="polite" data-testid="import-progress-text">
        {text}
      </p>
      <p className="text-[var(--color-muted)]">{note}</p>
    </div>
  );
}
