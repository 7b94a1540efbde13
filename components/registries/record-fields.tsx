import type { ReactNode } from "react";

export type RecordField = { label: string; value: ReactNode; testId?: string };

/** A record's fields as a description list (label, then value), wrapping on a phone. */
export function RecordFields({ fields }: { fields: RecordField[] }) {
  return (
    <dl className="mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="font-bold">{f.label}</dt>
          <dd className="mb-2 break-words sm:mb-0" data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
