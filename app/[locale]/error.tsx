"use client";

import { useParams, useRouter } from "next/navigation";
import { startTransition } from "react";
import ky from "@/lib/i18n/messages/ky/failure.json";
import ru from "@/lib/i18n/messages/ru/failure.json";

/**
 * A page that failed on the server (a bug, or the database going away before the proxy knew: see lib/web/unavailable.ts)
 * shows this instead of the framework's English error screen — in the page's language, with the error's digest for
 * support (the digest is in the server's log line; the error's text never reaches the browser). Rendered on the
 * server too, so it reads the same without JavaScript. Its texts are imported directly: citizen pages carry no
 * translation provider (issue 17), and this is all an error page needs.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const router = useRouter();
  const t = locale === "ky" ? ky : ru;
  // a server component failed: fetch it again, then re-render the segment
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t.title}</h1>
      <p className="mb-4">{t.text}</p>
      {error.digest ? <p className="mb-4">{t.code.replace("{digest}", error.digest)}</p> : null}
      <p className="flex flex-wrap gap-4">
        <button type="button" className="underline" onClick={retry}>
          {t.retry}
        </button>
        <a href={`/${locale === "ky" ? "ky" : "ru"}`}>{t.home}</a>
      </p>
    </>
  );
}
