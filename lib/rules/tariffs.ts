// Prices as dated data (SPEC §2; order «О стоимости Полиса ОМС» items 1.1–1.3). A price change is a new row; a
// payment is priced by the row in force on its payment day. A missing row is a refusal (NO_TARIFF), never a zero.

import { CATEGORIES, isCategory, isFreeCategory, type Category } from "./categories";
import { addDays, compareDates, isCalendarDate, type CalendarDate } from "./dates";

export type TariffRow = {
  category: Category;
  termMonths: number;
  /** whole som */
  priceSom: number;
  effectiveFrom: CalendarDate;
  /** inclusive; null while in force */
  effectiveTo: CalendarDate | null;
  legalBasisRu: string;
  legalBasisKy: string;
};

/** A category that is free by law: its price is 0 because of this rule, not because a tariff row is missing. */
export type FreePolicyRule = {
  category: Category;
  termMonths: number;
  effectiveFrom: CalendarDate;
  effectiveTo: CalendarDate | null;
  legalBasisRu: string;
  legalBasisKy: string;
};

export type LegalBasis = { ru: string; ky: string };

export type PriceQuote =
  | { ok: true; priceSom: number; termMonths: number; basis: LegalBasis; tariff: TariffRow | null }
  | { ok: false; reason: "NO_TARIFF" | "TERM_NOT_ALLOWED" };

export const TARIFFS_EFFECTIVE_FROM_2024: CalendarDate = "2024-02-01";

const COST_ORDER_RU = "Приказ Фонда ОМС «О стоимости Полиса ОМС» (с 01.02.2024)";
const COST_ORDER_OF_RU = "приказа Фонда ОМС «О стоимости Полиса ОМС» (с 01.02.2024)";
const COST_ORDER_KY = "ММК фондунун «ММК полисинин наркы жөнүндө» буйругу (2024-жылдын 1-февралынан)";
const ORDER_226_RU = "Порядок оформления и выдачи Полиса ОМС (приказ Фонда ОМС № 226 от 28.12.2023)";
const ORDER_226_KY = "ММК полисин тариздөө жана берүү тартиби (ММК фондунун 2023-жылдын 28-декабрындагы № 226 буйругу)";

const BASIS_1_1: LegalBasis = {
  ru: `${COST_ORDER_RU}, п. 1.1; ${ORDER_226_RU}, п. 4 подп. 1`,
  ky: `${COST_ORDER_KY}, 1.1-пункт; ${ORDER_226_KY}, 4-пункттун 1-пунктчасы`,
};
const BASIS_1_2: LegalBasis = {
  ru: `${COST_ORDER_RU}, п. 1.2; ${ORDER_226_RU}, п. 4 подп. 2`,
  ky: `${COST_ORDER_KY}, 1.2-пункт; ${ORDER_226_KY}, 4-пункттун 2-пунктчасы`,
};
const BASIS_1_3: LegalBasis = {
  ru: `${COST_ORDER_RU}, п. 1.3; ${ORDER_226_RU}, п. 7`,
  ky: `${COST_ORDER_KY}, 1.3-пункт; ${ORDER_226_KY}, 7-пункт`,
};
const BASIS_STUDENT_AGREEMENT: LegalBasis = {
  ru: `${ORDER_226_RU}, п. 4 (примечание), п. 7: цена для граждан КР по п. 1.1 ${COST_ORDER_OF_RU}`,
  ky: `${ORDER_226_KY}, 4-пункт (эскертүү), 7-пункт: КР жарандары үчүн баа, ${COST_ORDER_KY}, 1.1-пункт`,
};
/**
 * Compatriots with a «Мекен карта» hold a foreign citizenship, so they pay the foreign citizens' price (cost 1.2);
 * cl. 4.1 gives them the 12-month term only. (Corrected: an earlier version sold them at the citizens' 1840 som.)
 */
export const COMPATRIOT_LEGAL_BASIS: LegalBasis = {
  ru: `${COST_ORDER_RU}, п. 1.2 (соотечественник — иностранный гражданин); ${ORDER_226_RU}, п. 4 подп. 1 (срок 12 месяцев)`,
  ky:
    `${COST_ORDER_KY}, 1.2-пункт (мекендеш — чет өлкөлүк жаран); ` +
    `${ORDER_226_KY}, 4-пункттун 1-пунктчасы (мөөнөтү 12 ай)`,
};

function row(category: Category, termMonths: number, priceSom: number, basis: LegalBasis): TariffRow {
  return Object.freeze({
    category,
    termMonths,
    priceSom,
    effectiveFrom: TARIFFS_EFFECTIVE_FROM_2024,
    effectiveTo: null,
    legalBasisRu: basis.ru,
    legalBasisKy: basis.ky,
  });
}

/**
 * The tariffs in force from 1 February 2024 — every paid category with every term. The database seed imports this
 * constant. The free categories (PREGNANT, EAEU_CHILD) are deliberately absent: see FREE_POLICY_RULES.
 */
export const TARIFFS_FROM_2024_02_01: readonly TariffRow[] = Object.freeze([
  // cost 1.1, cl. 4.1: citizens, EAEU workers' family members, refugees, asylum seekers, kairylmans.
  row("CITIZEN", 12, 1840, BASIS_1_1),
  row("EAEU_FAMILY", 12, 1840, BASIS_1_1),
  row("REFUGEE", 12, 1840, BASIS_1_1),
  row("ASYLUM_SEEKER", 12, 1840, BASIS_1_1),
  row("KAIRYLMAN", 12, 1840, BASIS_1_1),
  // cost 1.2, cl. 4.2: foreign citizens and stateless persons, 6 or 12 months.
  row("FOREIGNER", 6, 5955, BASIS_1_2),
  row("FOREIGNER", 12, 11910, BASIS_1_2),
  // cost 1.3, cl. 7: foreign students of KR educational organizations.
  row("FOREIGN_STUDENT", 12, 11910, BASIS_1_3),
  // cl. 4 note, cl. 7: students from a state with an intergovernmental agreement pay the citizens' price.
  row("FOREIGN_STUDENT_AGREEMENT", 12, 1840, BASIS_STUDENT_AGREEMENT),
  // cost 1.2, cl. 4.1: compatriots with a «Мекен карта» are foreign citizens; cl. 4.1 gives them 12 months only.
  row("COMPATRIOT", 12, 11910, COMPATRIOT_LEGAL_BASIS),
]);

/** Order No. 226 is dated 28 Dec 2023; its free policies are known from that day. */
export const ORDER_226_DATE: CalendarDate = "2023-12-28";

export const FREE_POLICY_RULES: readonly FreePolicyRule[] = Object.freeze([
  // cl. 4.1, 9, 24–28: the uninsured pregnant woman's policy is free, 12 months.
  Object.freeze({
    category: "PREGNANT",
    termMonths: 12,
    effectiveFrom: ORDER_226_DATE,
    effectiveTo: null,
    legalBasisRu: `${ORDER_226_RU}, п. 4 подп. 1, п. 9, п. 24–28: бесплатно`,
    legalBasisKy: `${ORDER_226_KY}, 4-пункттун 1-пунктчасы, 9-пункт, 24–28-пункттар: акысыз`,
  }),
  // cl. 11: children under 16 of EAEU workers get the policy free; 12 months like every family member (cl. 4.1).
  Object.freeze({
    category: "EAEU_CHILD",
    termMonths: 12,
    effectiveFrom: ORDER_226_DATE,
    effectiveTo: null,
    legalBasisRu: `${ORDER_226_RU}, п. 11: бесплатно`,
    legalBasisKy: `${ORDER_226_KY}, 11-пункт: акысыз`,
  }),
] satisfies FreePolicyRule[]);

function isInForce(row: { effectiveFrom: CalendarDate; effectiveTo: CalendarDate | null }, on: CalendarDate): boolean {
  return (
    compareDates(row.effectiveFrom, on) <= 0 && (row.effectiveTo === null || compareDates(on, row.effectiveTo) <= 0)
  );
}

/**
 * A row the rules may price with: a paid category, a positive whole term, a positive whole price and a valid period.
 * A zero or negative price for a paid category is a data error, not a gift, so such a row is ignored (NO_TARIFF).
 */
export function isUsableTariffRow(row: TariffRow): boolean {
  return (
    isCategory(row.category) &&
    !isFreeCategory(row.category) &&
    Number.isSafeInteger(row.termMonths) &&
    row.termMonths > 0 &&
    Number.isSafeInteger(row.priceSom) &&
    row.priceSom > 0 &&
    isCalendarDate(row.effectiveFrom) &&
    (row.effectiveTo === null ||
      (isCalendarDate(row.effectiveTo) && compareDates(row.effectiveFrom, row.effectiveTo) <= 0))
  );
}

const CATEGORY_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));
const categoryOrder = (c: Category): number => CATEGORY_INDEX.get(c) ?? CATEGORIES.length;

function byCategoryTermNewest(a: TariffRow, b: TariffRow): number {
  return (
    categoryOrder(a.category) - categoryOrder(b.category) ||
    a.termMonths - b.termMonths ||
    // newest first, so that of two overlapping rows (a data error) the later order wins
    compareDates(b.effectiveFrom, a.effectiveFrom)
  );
}

/**
 * The answers of tariffsInForce for a frozen table of frozen rows (one that cannot change under them), by day. A
 * terminal's payment asks for them four times or more (the terms on sale, each term's price, the plan), and the
 * requests of one turn share one such table (lib/policies/queries.ts findTariffRows; issue 17). Any other table is
 * filtered every time.
 */
const inForceOfFrozen = new WeakMap<readonly TariffRow[], Map<CalendarDate, readonly TariffRow[]>>();

/** Usable rows in force on `on`, ordered by category, term, newest first (read-only when the table is frozen). */
export function tariffsInForce(rows: readonly TariffRow[], on: CalendarDate): readonly TariffRow[] {
  let byDay = inForceOfFrozen.get(rows);
  if (!byDay) {
    // frozen is for good: a table found frozen with frozen rows once is kept from then on
    if (!Object.isFrozen(rows) || !rows.every((r) => Object.isFrozen(r)))
      return rows.filter((r) => isUsableTariffRow(r) && isInForce(r, on)).sort(byCategoryTermNewest);
    inForceOfFrozen.set(rows, (byDay = new Map()));
  }
  let found = byDay.get(on);
  if (!found) {
    found = Object.freeze(rows.filter((r) => isUsableTariffRow(r) && isInForce(r, on)).sort(byCategoryTermNewest));
    byDay.set(on, found);
  }
  return found;
}

/** The row that prices (category, term) on `on`; of two overlapping rows, the one with the later effectiveFrom. */
export function findTariff(
  rows: readonly TariffRow[],
  category: Category,
  termMonths: number,
  on: CalendarDate,
): TariffRow | null {
  return tariffsInForce(rows, on).find((r) => r.category === category && r.termMonths === termMonths) ?? null;
}

/** Terms (months) on sale for a category on a day, ascending; [] means no tariff. cl. 4; cost 1.1–1.3. */
export function allowedTerms(rows: readonly TariffRow[], category: Category, on: CalendarDate): number[] {
  if (isFreeCategory(category)) {
    return FREE_POLICY_RULES.filter((r) => r.category === category && isInForce(r, on)).map((r) => r.termMonths);
  }
  const terms = new Set(
    tariffsInForce(rows, on)
      .filter((r) => r.category === category)
      .map((r) => r.termMonths),
  );
  return [...terms].sort((a, b) => a - b);
}

/**
 * Price of a policy of `category` for `termMonths`, by the tariff in force on `on` (the payment day).
 * Free categories (cl. 11, 24) are priced 0 by FREE_POLICY_RULES with tariff: null; rows for them are ignored.
 */
export function quotePrice(
  rows: readonly TariffRow[],
  category: Category,
  termMonths: number,
  on: CalendarDate,
): PriceQuote {
  if (isFreeCategory(category)) {
    const rules = FREE_POLICY_RULES.filter((r) => r.category === category && isInForce(r, on));
    const rule = rules.find((r) => r.termMonths === termMonths);
    if (rule) {
      return {
        ok: true,
        priceSom: 0,
        termMonths,
        basis: { ru: rule.legalBasisRu, ky: rule.legalBasisKy },
        tariff: null,
      };
    }
    return { ok: false, reason: rules.length === 0 ? "NO_TARIFF" : "TERM_NOT_ALLOWED" };
  }
  const inForce = tariffsInForce(rows, on).filter((r) => r.category === category);
  if (inForce.length === 0) return { ok: false, reason: "NO_TARIFF" };
  const tariff = inForce.find((r) => r.termMonths === termMonths);
  if (!tariff) return { ok: false, reason: "TERM_NOT_ALLOWED" };
  return {
    ok: true,
    priceSom: tariff.priceSom,
    termMonths,
    basis: { ru: tariff.legalBasisRu, ky: tariff.legalBasisKy },
    tariff,
  };
}

export type TariffProblem = { index: number; problem: "UNUSABLE_ROW" | "FREE_CATEGORY" | "OVERLAP" };

/**
 * Checks a tariff table before it is saved (admin screen, seed): rows the rules would ignore, rows for categories
 * that are free by law, and two rows for the same category and term whose periods overlap.
 */
export function validateTariffRows(rows: readonly TariffRow[]): TariffProblem[] {
  const problems: TariffProblem[] = [];
  rows.forEach((r, index) => {
    if (isCategory(r.category) && isFreeCategory(r.category)) problems.push({ index, problem: "FREE_CATEGORY" });
    else if (!isUsableTariffRow(r)) problems.push({ index, problem: "UNUSABLE_ROW" });
  });
  rows.forEach((a, i) => {
    if (!isUsableTariffRow(a)) return;
    const overlaps = rows.some(
      (b, j) =>
        j < i &&
        isUsableTariffRow(b) &&
        b.category === a.category &&
        b.termMonths === a.termMonths &&
        (a.effectiveTo === null || compareDates(b.effectiveFrom, a.effectiveTo) <= 0) &&
        (b.effectiveTo === null || compareDates(a.effectiveFrom, b.effectiveTo) <= 0),
    );
    if (overlaps) problems.push({ index: i, problem: "OVERLAP" });
  });
  return problems;
}

export type TariffAddition<R extends TariffRow> =
  | {
      ok: true;
      /** the new row's last day: the day before a later row already added for the same category and term */
      effectiveTo: CalendarDate | null;
      /** the row in force before the new one, to be closed the day before it takes effect (null: nothing to close) */
      close: { row: R; effectiveTo: CalendarDate } | null;
    }
  | { ok: false; reason: "NOT_IN_FUTURE" | "SAME_DAY_EXISTS" | "FREE_CATEGORY" };

/**
 * Adding a price (issue 15; interpretation I38): history is never edited, so a new row may only start tomorrow or
 * later — today's and earlier payments keep the price they were quoted. The row in force before it is closed the day
 * before it (effectiveTo), so no two rows overlap (validateTariffRows); a row slotted before a later one already added
 * ends the day before that one. Free categories have no rows (FREE_POLICY_RULES).
 */
export function planTariffAddition<R extends TariffRow>(
  rows: readonly R[],
  row: { category: Category; termMonths: number; effectiveFrom: CalendarDate },
  today: CalendarDate,
): TariffAddition<R> {
  if (isFreeCategory(row.category)) return { ok: false, reason: "FREE_CATEGORY" };
  if (compareDates(row.effectiveFrom, today) <= 0) return { ok: false, reason: "NOT_IN_FUTURE" };
  const same = rows.filter((r) => r.category === row.category && r.termMonths === row.termMonths);
  if (same.some((r) => r.effectiveFrom === row.effectiveFrom)) return { ok: false, reason: "SAME_DAY_EXISTS" };
  const earlier = same.filter((r) => compareDates(r.effectiveFrom, row.effectiveFrom) < 0);
  const later = same.filter((r) => compareDates(r.effectiveFrom, row.effectiveFrom) > 0);
  const previous = earlier.reduce<R | null>(
    (best, r) => (best === null || compareDates(r.effectiveFrom, best.effectiveFrom) > 0 ? r : best),
    null,
  );
  const next = later.reduce<R | null>(
    (best, r) => (best === null || compareDates(r.effectiveFrom, best.effectiveFrom) < 0 ? r : best),
    null,
  );
  const dayBefore = addDays(row.effectiveFrom, -1);
  const close =
    previous && (previous.effectiveTo === null || compareDates(previous.effectiveTo, dayBefore) > 0)
      ? { row: previous, effectiveTo: dayBefore }
      : null;
  return { ok: true, effectiveTo: next ? addDays(next.effectiveFrom, -1) : null, close };
}
