import type { SelectHTMLAttributes } from "react";
import { FieldShell, fieldIds } from "./field-shell";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, hint, error, options, ...select }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        name={name}
        aria-describedby={fieldIds(name, hint, error).describedBy}
        aria-invalid={error ? true : undefined}
        className="block w-full max-w-md border-2 border-[var(--color-ink)] bg-white px-2 py-2 text-lg"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
