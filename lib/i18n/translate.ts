import { createTranslator, type TranslationValues } from "next-intl";
import type { MessageKey } from "./message-key";
import { MESSAGES } from "./messages";
import type { Locale } from "./routing";

function createFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

/** One translator per language for the process: it keeps the messages it has parsed (issue 17: every payment's SMS). */
const translators = new Map<Locale, ReturnType<typeof createFor>>();

/** Translations outside React (API error bodies, CLI, SMS texts): a plain translator over the same message files. */
export function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createFor(locale)));
  return t;
}

/**
 * Is this string a message key? Error codes travel as strings (an action's result, a rule's refusal, an API body);
 * this is where one becomes a typed key. Both languages have the same keys (tests/unit/i18n.test.ts).
 */
function isMessageKey(code: string): code is MessageKey {
  let node: unknown = MESSAGES.ru;
  for (const part of code.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

type Translate = (key: MessageKey, values?: TranslationValues) => string;

/**
 * Error codes are full message keys ("errors.loginTaken", "rules.pinError.LENGTH") so that one lookup serves
 * validation, rule refusals and API bodies. An unknown code falls back to the generic message, never to the raw key.
 */
export function translateErrorCode(t: Translate, code: string, values?: TranslationValues): string {
  return isMessageKey(code) ? t(code, values) : t("errors.invalidInput");
}
