/**
 * The only script of a citizen page in production (issue 17; ./light-pages.ts): the pages work without any script —
 * forms post to the server and the answer is a page — and this one improves them, as the React components do under
 * `next dev`. GOV.UK's way: a few lines of plain DOM code instead of a framework.
 *
 * - "Print" buttons (components/buy/print-button.tsx) are rendered hidden, and shown and wired here: without a script
 *   they would do nothing.
 * - The error summary (components/forms/error-summary.tsx) takes focus, and the page's title gets "Error: " first,
 *   so that a screen reader says so at once.
 * - A form is sent once: a second press of its button (an impatient tap on a slow phone) is ignored until the answer
 *   comes, and the button says what is happening (its `data-pending-label`, components/forms/submit-button.tsx).
 *   The button is not disabled: a disabled button's name and value would not be sent with the form. A page restored
 *   from the browser's back-forward cache can be sent again, and so can a form whose answer has not come in 10 s
 *   (the person pressed Stop, the network gave up).
 *
 * It is inlined into the page as `(function's source)()` with the page's nonce: it must not use anything from outside
 * its own body (no imports, no closures), and it runs at the end of <body>, once the page's elements are there.
 */
export function enhanceCitizenPage(): void {
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("button[data-print]"))) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }

  const summary = document.querySelector<HTMLElement>("[data-error-summary]");
  if (summary) {
    const prefix = summary.getAttribute("data-title-prefix") ?? "";
    if (prefix && !document.title.startsWith(prefix)) document.title = prefix + document.title;
    summary.focus();
  }

  const labels = new Map<HTMLElement, string>();
  const unlock = (form: Element) => {
    form.removeAttribute("data-sent");
    for (const [button, label] of labels) {
      if ((button as HTMLButtonElement | HTMLInputElement).form !== form) continue;
      button.textContent = label;
      button.removeAttribute("aria-disabled");
      labels.delete(button);
    }
  };
  document.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return; // not sent after all
    const form = event.target as HTMLFormElement;
    if (form.hasAttribute("data-sent")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sent", "");
    const button = event.submitter;
    const pending = button?.getAttribute("data-pending-label");
    if (button && pending) {
      labels.set(button, button.textContent ?? "");
      button.textContent = pending;
      button.setAttribute("aria-disabled", "true");
    }
    // The answer normally replaces the page; if it never comes (the person pressed Stop, the network gave up), the
    // form can be sent again after a while.
    window.setTimeout(() => unlock(form), 10_000);
  });
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const form of Array.from(document.querySelectorAll("form[data-sent]"))) unlock(form);
  });
}
