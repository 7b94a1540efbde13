"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className="underline" data-testid="sign-out">
      {label}
    </button>
  );
}
