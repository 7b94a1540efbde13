import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; error?: string };

/** Label, hint and error tied to the input for assistive technology (aria-describedby, aria-invalid). */
export function TextField({ name, label, hint, error, className, ...input }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      {hint && <p id={hintId} className="mb-1 text-[var(--color-muted)]">{hint}</p>}
      {error && <p id={errorId} className="mb-1 font-bold text-[var(--color-danger)]" data-testid={`${name}-error`}>{error}</p>}
      <input
        id={name}
        name={name}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-md border-2 ${error ? "border-[var(--color-danger)]" : "border-[var(--color-ink)]"} px-2 py-2 text-lg ${className ?? ""}`}
        {...input}
      />
    </div>
  );
}
