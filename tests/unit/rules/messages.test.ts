import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ky from "@/lib/i18n/messages/ky/rules.json";
import ru from "@/lib/i18n/messages/ru/rules.json";
import {
  CATEGORIES,
  CLAIMANT_RELATIONS,
  DOCUMENT_CODES,
  DOCUMENT_LABEL_KEYS,
  DOCUMENT_TYPES,
  EXTERNAL_COVERAGE_SOURCES,
  PIN_ERROR_REASONS,
  PIN_MISMATCH_REASONS,
  POLICY_STATUSES,
  REFUND_DOCUMENT_CODES,
  REFUND_GROUNDS,
  REFUND_REFUSAL_CODES,
  REFUSAL_CODES,
} from "@/lib/rules";

type Tree = { [key: string]: string | Tree };
const LOCALES = { ru: ru as Tree, ky: ky as Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === "string" ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );
}
const flat = { ru: flatten(LOCALES.ru), ky: flatten(LOCALES.ky) };

// Every code the rules return must have a human text in both languages.
const REQUIRED_KEYS: { clause: string; key: string }[] = [
  ...CATEGORIES.flatMap((c) => [
    { clause: "SPEC §2", key: `category.${c}.name` },
    { clause: "SPEC §2", key: `category.${c}.description` },
  ]),
  ...REFUSAL_CODES.map((c) => ({ clause: "cl. 9, 24", key: `refusal.${c}` })),
  ...DOCUMENT_CODES.map((c) => ({ clause: "cl. 10, 27", key: `document.${c}` })),
  ...DOCUMENT_TYPES.map((c) => ({ clause: "cl. 9, 10 (DocumentType)", key: `document.${c}` })),
  ...REFUND_REFUSAL_CODES.map((c) => ({ clause: "cl. 32–34", key: `refundRefusal.${c}` })),
  ...REFUND_DOCUMENT_CODES.map((c) => ({ clause: "cl. 33", key: `refundDocument.${c}` })),
  ...REFUND_GROUNDS.map((c) => ({ clause: "cl. 32", key: `refundGround.${c}` })),
  ...CLAIMANT_RELATIONS.map((c) => ({ clause: "cl. 32", key: `claimant.${c}` })),
  ...[...PIN_ERROR_REASONS, ...PIN_MISMATCH_REASONS].map((c) => ({ clause: "SPEC §8", key: `pinError.${c}` })),
  { clause: "SPEC §8", key: "documentNumberError.FORMAT" },
  ...POLICY_STATUSES.map((c) => ({ clause: "SPEC §6", key: `policyStatus.${c}` })),
  ...EXTERNAL_COVERAGE_SOURCES.map((c) => ({ clause: "cl. 12.2", key: `externalSource.${c}` })),
  { clause: "cl. 4", key: "term.months" },
];

describe("human texts of the rules (lib/i18n/messages/{ru,ky}/rules.json)", () => {
  it("ru and ky have exactly the same keys", () => {
    expect(Object.keys(flat.ky).sort()).toEqual(Object.keys(flat.ru).sort());
  });

  it.each(REQUIRED_KEYS)("$clause: $key has a text in ru and ky", ({ key }) => {
    for (const locale of ["ru", "ky"] as const) {
      expect(flat[locale][key], `${locale}: ${key}`).toEqual(expect.any(String));
      expect(flat[locale][key]!.trim().length, `${locale}: ${key}`).toBeGreaterThan(1);
    }
  });

  it("the document namespace is exactly DOCUMENT_LABEL_KEYS", () => {
    expect(
      Object.keys(flat.ru)
        .filter((k) => k.startsWith("document."))
        .sort(),
    ).toEqual(DOCUMENT_LABEL_KEYS.map((k) => `document.${k}`).sort());
  });

  it("no stray keys: every text belongs to a code the rules know", () => {
    const required = new Set(REQUIRED_KEYS.map((k) => k.key));
    expect(Object.keys(flat.ru).filter((k) => !required.has(k))).toEqual([]);
  });

  it("Kyrgyz is written in Cyrillic with its own letters, not a copy of the Russian", () => {
    const kyText = Object.values(flat.ky).join(" ");
    expect(kyText).toMatch(/[өүң]/);
    // proper names are the same in both languages
    const sameByRight = ["category.KAIRYLMAN.name", "document.MEKEN_CARD"];
    const same = Object.keys(flat.ru).filter((k) => flat.ru[k] === flat.ky[k] && !sameByRight.includes(k));
    expect(same).toEqual([]);
  });

  it.each([
    { locale: "ru", count: 1, text: "1 месяц" },
    { locale: "ru", count: 3, text: "3 месяца" },
    { locale: "ru", count: 6, text: "6 месяцев" },
    { locale: "ru", count: 12, text: "12 месяцев" },
    { locale: "ru", count: 21, text: "21 месяц" },
    { locale: "ky", count: 6, text: "6 ай" },
    { locale: "ky", count: 12, text: "12 ай" },
  ] as const)('cl. 4: term.months in $locale for $count → "$text"', ({ locale, count, text }) => {
    const t = createTranslator({ locale, messages: LOCALES[locale] as Record<string, unknown> });
    expect(t("term.months" as never, { count } as never)).toBe(text);
  });

  it.each(["ru", "ky"] as const)("every %s message formats without an ICU error", (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: LOCALES[locale] as Record<string, unknown>,
      onError: (e) => errors.push(e.message),
    });
    for (const key of Object.keys(flat[locale])) t(key as never, { count: 2 } as never);
    expect(errors).toEqual([]);
  });

  it("cl. 9: the under-16 refusal explains that the state covers children; cl. 12.2: insured means no need to buy", () => {
    expect(flat.ru["refusal.CITIZEN_UNDER_16"]).toMatch(/за счёт государства/);
    expect(flat.ky["refusal.CITIZEN_UNDER_16"]).toMatch(/мамлекеттин эсебинен/);
    expect(flat.ru["refusal.INSURED_ELSEWHERE"]).toMatch(/не нужно/);
    expect(flat.ky["refusal.INSURED_ELSEWHERE"]).toMatch(/кажети жок/);
  });
});
