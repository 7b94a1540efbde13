"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";

export function SignInForm() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [failed, setFailed] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [needCode, setNeedCode] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setFailed(null);
    const form = new FormData(e.currentTarget);
    // A locked-out address is answered 429 before next-auth runs: signIn() then throws.
    const res = await signIn("credentials", {
      redirect: false,
      login: form.get("login"),
      password: form.get("password"),
      code: form.get("code") ?? "",
    }).catch(() => ({ error: "locked:900" }));
    setPending(false);
    if (res?.error === "totp_required") {
      setNeedCode(true);
      return;
    }
    if (!res || res.error) {
      if (res?.error === "totp_invalid") {
        setFailed(t("auth.totpInvalid"));
        return;
      }
      const locked = /^locked:(\d+)$/.exec(res?.error ?? "");
      setFailed(
        locked
          ? t("security.tooManySignIns", { minutes: Math.max(1, Math.ceil(Number(locked[1]) / 60)) })
          : t("auth.failed"),
      );
      return;
    }
    router.replace(`/${locale}/staff`);
    router.refresh();
  }

  return (
    <>
      <ErrorSummary
        title={t("errors.summaryTitle")}
        titlePrefix={t("common.errorTitlePrefix")}
        errors={failed ? [{ field: "login", message: failed }] : []}
      />
      {/* POST: a click before the script has loaded (a slow line) sends the form natively — never as a GET that would
          put the password in the address, the history and the logs; the page then simply asks again */}
      <form method="post" onSubmit={onSubmit} noValidate className="max-w-md" data-testid="sign-in-form">
        <TextField
          name="login"
          label={t("auth.login")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {needCode && (
          <>
            <p className="mb-2">{t("auth.codeHint")}</p>
            <TextField
              name="code"
              label={t("auth.code")}
              autoComplete="one-time-code"
              inputMode="text"
              spellCheck={false}
              required
            />
          </>
        )}
        <button
          type="submit"
          disabled={pending}
          className="bg-[var(--color-success)] px-4 py-2 text-lg font-bold text-white shadow-[0_2px_0_#002d18] disabled:opacity-70"
        >
          {pending ? t("auth.submitting") : t("auth.submit")}
        </button>
      </form>
    </>
  );
}
