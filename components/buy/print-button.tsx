"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print bg-gray-200 px-4 py-2 text-lg font-bold text-[var(--color-ink)] shadow-[0_2px_0_#6f777b] hover:bg-gray-300"
      data-testid="print"
    >
      {label}
    </button>
  );
}
