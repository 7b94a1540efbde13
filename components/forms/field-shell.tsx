import type { ReactNode } from "react";

/** Label, hint and error around one control, with the ids the control points to (aria-describedby). */
export function fieldIds(name: string, hint?: string, error?: string) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return {
    describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
    hintId,
    errorId,
  };
}

export function FieldShell({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldIds(name, hint, error);
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
      <label htmlFor={name} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 text-[var(--color-muted)]">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mb-1 font-bold text-[var(--color-danger)]" data-testid={`${name}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
