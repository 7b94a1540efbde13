import type { ReactNode } from "react";

export type RadioOption = { value: string; label: string; hint?: string };

/** GOV.UK radios: a fieldset whose legend is the question (the page's heading when it is the only question). */
export function Radios({
  name,
  legend,
  legendIsHeading,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  legendIsHeading?: boolean;
  hint?: string;
  error?: string;
  options: RadioOption[];
  defaultValue?: string;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[var(--color-danger)] pl-3" : ""}`}>
      <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="mb-2">
          {legendIsHeading ? (
            <h1 className="text-3xl font-bold">{legend}</h1>
          ) : (
            <span className="font-bold">{legend}</span>
          )}
        </legend>
        {hint && (
          <p id={hintId} className="mb-2 max-w-2xl text-[var(--color-muted)]">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="mb-2 font-bold text-[var(--color-danger)]" data-testid={`${name}-error`}>
            {error}
          </p>
        )}
        <div className="space-y-3">
          {options.map((o, i) => {
            // The first radio carries the field's id, so the error summary's link lands on the group.
            const id = i === 0 ? name : `${name}-${o.value}`;
            const optionHintId = o.hint ? `${id}-item-hint` : undefined;
            return (
              <div key={o.value} className="flex items-start gap-3">
                <input
                  type="radio"
                  id={id}
                  name={name}
                  value={o.value}
                  defaultChecked={defaultValue === o.value}
                  aria-describedby={optionHintId}
                  className="mt-1 h-6 w-6 shrink-0 accent-[var(--color-ink)]"
                />
                <div>
                  <label htmlFor={id} className="block text-lg">
                    {o.label}
                  </label>
                  {o.hint && (
                    <p id={optionHintId} className="max-w-2xl text-[var(--color-muted)]">
                      {o.hint}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
