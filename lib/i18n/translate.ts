import { createTranslator } from "next-intl";
import { MESSAGES } from "./messages";
import type { Locale } from "./routing";

/** Translations outside React (API error bodies, CLI): a plain translator over the same message files. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

/**
 * Error codes are full message keys ("errors.loginTaken", "rules.pinError.LENGTH") so that one lookup serves
 * validation, rule refusals and API bodies. An unknown code falls back to the generic message, never to the raw key.
 */
export function translateErrorCode(t: { has: (key: never) => boolean } & ((key: never, values?: never) => string), code: string, values?: Record<string, string | number>): string {
  if (t.has(code as never)) return t(code as never, values as never);
  return t("errors.invalidInput" as never);
}
