"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * "Print" — a script's button, so it shows only once the page's JavaScript runs: without it the button would do
 * nothing (the browser's own print still works). The server and the first render send it hidden; React shows it
 * under `next dev`, the light pages' script in production (lib/web/enhance-citizen-page.ts: `data-print`).
 */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <button
      type="button"
      hidden={!scripted}
      data-print=""
      onClick={() => window.print()}
      className="no-print bg-gray-200 px-4 py-2 text-lg font-bold text-[var(--color-ink)] shadow-[0_2px_0_#6f777b] hover:bg-gray-300"
      data-testid="print"
    >
      {label}
    </button>
  );
}
