"use client";

import ky from "@/lib/i18n/messages/ky/failure.json";
import ru from "@/lib/i18n/messages/ru/failure.json";

/**
 * The last resort: an error in the language layout itself (app/[locale]/layout.tsx), where app/[locale]/error.tsx
 * cannot help. It replaces the whole document, so it brings its own <html>, <body> and a few inline styles (the
 * portal's stylesheet belongs to the layout that failed), and — the page's language being unknown here — says it in
 * both official languages. No hooks: it works the same without JavaScript.
 *
 * Issue 17: every page loads the global error boundary's code; Next's own one (English, with its styles) weighed 3.7 kB
 * gzip of every citizen page's first load, this one a fraction of that.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="ru">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${ru.title} / ${ky.title}`}</title>
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", lineHeight: 1.5, maxWidth: "40rem", margin: "2rem auto" }}>
        <main style={{ padding: "0 1rem" }}>
          {[ru, ky].map((t, i) => (
            <section key={i} lang={i === 0 ? "ru" : "ky"} style={{ marginBottom: "2rem" }}>
              <h1 style={{ fontSize: "1.5rem" }}>{t.title}</h1>
              <p>{t.text}</p>
              {error.digest ? <p>{t.code.replace("{digest}", error.digest)}</p> : null}
              {/* a form without an action asks for this page again — with or without JavaScript */}
              <form style={{ display: "flex", gap: "1rem", alignItems: "center" }}>
                <button type="submit">{t.retry}</button>
                <a href={i === 0 ? "/ru" : "/ky"}>{t.home}</a>
              </form>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
