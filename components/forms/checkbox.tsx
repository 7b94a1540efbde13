import type { InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; name: string; label: string };

/** A GOV.UK-sized checkbox with its label beside it (a checklist item or a yes/no question). */
export function Checkbox({ id, label, className, ...input }: Props) {
  return (
    <div className={`mb-2 flex items-start gap-3 ${className ?? ""}`}>
      <input type="checkbox" id={id} className="mt-1 h-6 w-6 shrink-0 accent-[var(--color-ink)]" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
