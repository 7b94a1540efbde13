import type { SelectHTMLAttributes } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, hint, error, options, ...select }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
      <label htmlFor={name} className="mb-1 block font-bold">{label}</label>
      {hint && <p id={hintId} className="mb-1 text-[var(--color-muted)]">{hint}</p>}
      {error && <p id={errorId} className="mb-1 font-bold text-[var(--color-danger)]" data-testid={`${name}-error`}>{error}</p>}
      <select
        id={name}
        name={name}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className="block w-full max-w-md border-2 border-[var(--color-ink)] bg-white px-2 py-2 text-lg"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
