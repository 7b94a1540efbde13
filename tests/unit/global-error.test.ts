import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "@/app/global-error";
import ky from "@/lib/i18n/messages/ky/failure.json";
import ru from "@/lib/i18n/messages/ru/failure.json";

// The last-resort page (an error in the language layout itself): a whole document in both official languages, with
// the digest for support and a way back that needs no JavaScript — not Next's English screen.
describe("the global error page", () => {
  const render = (digest?: string) =>
    renderToStaticMarkup(createElement(GlobalError, { error: Object.assign(new Error("secret detail"), { digest }) }));

  it("is a whole document that says it in Russian and in Kyrgyz, each part marked with its language", () => {
    const html = render();
    expect(html).toMatch(
      /^<html lang="ru"><head><meta name="viewport" content="width=device-width, initial-scale=1"\/>/,
    );
    expect(html).toContain(`<title>${ru.title} / ${ky.title}</title>`);
    expect(html).toContain(`<section lang="ru"`);
    expect(html).toContain(`<section lang="ky"`);
    for (const t of [ru, ky]) {
      expect(html).toContain(t.title);
      expect(html).toContain(t.retry);
      expect(html).toContain(t.home);
    }
    expect(html).toContain('href="/ru"');
    expect(html).toContain('href="/ky"');
    expect(html).toContain('<button type="submit">');
  });

  it("names the digest to quote to support, never the error's own text", () => {
    const html = render("4021337");
    expect(html).toContain(ru.code.replace("{digest}", "4021337"));
    expect(html).toContain(ky.code.replace("{digest}", "4021337"));
    expect(html).not.toContain("secret detail");
    expect(render()).not.toContain(ru.code.split("{digest}")[0]!);
  });
});
