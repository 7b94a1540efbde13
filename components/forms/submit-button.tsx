"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({
  label,
  pendingLabel,
  variant = "primary",
}: {
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "warning";
}) {
  const { pending } = useFormStatus();
  const colors = {
    primary: "bg-[var(--color-success)] text-white hover:bg-[#005a30]",
    secondary: "bg-gray-200 text-[var(--color-ink)] hover:bg-gray-300",
    warning: "bg-[var(--color-danger)] text-white hover:bg-[#8a1a15]",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      data-pending-label={pendingLabel}
      className={`px-4 py-2 text-lg font-bold shadow-[0_2px_0_#002d18] disabled:opacity-70 ${colors}`}
    >
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}
