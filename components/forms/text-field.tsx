import type { InputHTMLAttributes } from "react";
import { FieldShell, fieldIds } from "./field-shell";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; error?: string };

/** Label, hint and error tied to the input for assistive technology (aria-describedby, aria-invalid). */
export function TextField({ name, label, hint, error, className, ...input }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        aria-describedby={fieldIds(name, hint, error).describedBy}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-md border-2 ${error ? "border-[var(--color-danger)]" : "border-[var(--color-ink)]"} px-2 py-2 text-lg ${className ?? ""}`}
        {...input}
      />
    </FieldShell>
  );
}
