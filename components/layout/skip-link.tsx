export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-[var(--color-focus)] focus:px-3 focus:py-2 focus:text-[var(--color-ink)]"
    >
      {label}
    </a>
  );
}
