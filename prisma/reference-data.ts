import type { EducationAgreementStateRow } from "../lib/rules";

/**
 * Reference data every installation has: the Fund's 8 territorial offices (ТУ) and demo health organizations.
 * Tariffs come from lib/rules (TARIFFS_FROM_2024_02_01), the one copy of the order on cost.
 */
export const TERRITORIAL_OFFICES = [
  {
    code: "BISHKEK",
    nameRu: "Бишкекское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Бишкек шаардык аймактык башкармалыгы",
    addressRu: "г. Бишкек",
    addressKy: "Бишкек ш.",
  },
  {
    code: "CHUI",
    nameRu: "Чуйское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Чүй аймактык башкармалыгы",
    addressRu: "Чуйская область",
    addressKy: "Чүй облусу",
  },
  {
    code: "ISSYK_KUL",
    nameRu: "Иссык-Кульское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Ысык-Көл аймактык башкармалыгы",
    addressRu: "Иссык-Кульская область, г. Каракол",
    addressKy: "Ысык-Көл облусу, Каракол ш.",
  },
  {
    code: "NARYN",
    nameRu: "Нарынское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Нарын аймактык башкармалыгы",
    addressRu: "Нарынская область, г. Нарын",
    addressKy: "Нарын облусу, Нарын ш.",
  },
  {
    code: "TALAS",
    nameRu: "Таласское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Талас аймактык башкармалыгы",
    addressRu: "Таласская область, г. Талас",
    addressKy: "Талас облусу, Талас ш.",
  },
  {
    code: "JALAL_ABAD",
    nameRu: "Джалал-Абадское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Жалал-Абад аймактык башкармалыгы",
    addressRu: "Джалал-Абадская область, г. Джалал-Абад",
    addressKy: "Жалал-Абад облусу, Жалал-Абад ш.",
  },
  {
    code: "OSH",
    nameRu: "Ошское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Ош аймактык башкармалыгы",
    addressRu: "г. Ош",
    addressKy: "Ош ш.",
  },
  {
    code: "BATKEN",
    nameRu: "Баткенское территориальное управление Фонда ОМС",
    nameKy: "ММК фондунун Баткен аймактык башкармалыгы",
    addressRu: "Баткенская область, г. Баткен",
    addressKy: "Баткен облусу, Баткен ш.",
  },
] as const;

export const HEALTH_ORGANIZATIONS = [
  {
    code: "CFM_BISHKEK_1",
    office: "BISHKEK",
    nameRu: "Центр семейной медицины № 1, г. Бишкек",
    nameKy: "Бишкек ш. № 1 Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_BISHKEK_6",
    office: "BISHKEK",
    nameRu: "Центр семейной медицины № 6, г. Бишкек",
    nameKy: "Бишкек ш. № 6 Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_OSH_CITY",
    office: "OSH",
    nameRu: "Центр семейной медицины г. Ош",
    nameKy: "Ош ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "GPC_SOKULUK",
    office: "CHUI",
    nameRu: "Центр общеврачебной практики, Сокулукский район",
    nameKy: "Сокулук районунун Жалпы дарыгерлик практика борбору",
  },
  {
    code: "CFM_KARAKOL",
    office: "ISSYK_KUL",
    nameRu: "Центр семейной медицины г. Каракол",
    nameKy: "Каракол ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_NARYN",
    office: "NARYN",
    nameRu: "Центр семейной медицины г. Нарын",
    nameKy: "Нарын ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_TALAS",
    office: "TALAS",
    nameRu: "Центр семейной медицины г. Талас",
    nameKy: "Талас ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_JALAL_ABAD",
    office: "JALAL_ABAD",
    nameRu: "Центр семейной медицины г. Джалал-Абад",
    nameKy: "Жалал-Абад ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "CFM_BATKEN",
    office: "BATKEN",
    nameRu: "Центр семейной медицины г. Баткен",
    nameKy: "Баткен ш. Үй-бүлөлүк медицина борбору",
  },
  {
    code: "GPC_ALAMEDIN",
    office: "CHUI",
    nameRu: "Центр общеврачебной практики, Аламудунский район",
    nameKy: "Аламүдүн районунун Жалпы дарыгерлик практика борбору",
  },
  {
    code: "GPC_KARA_SUU",
    office: "OSH",
    nameRu: "Центр общеврачебной практики, Кара-Суйский район",
    nameKy: "Кара-Суу районунун Жалпы дарыгерлик практика борбору",
  },
] as const;

const ILLUSTRATIVE_RU =
  "Пример для демонстрации: запись не подтверждена Фондом ОМС. Основание — межправительственное соглашение или " +
  "вступивший в силу международный договор (п. 4, примечание, и п. 7 Порядка, приказ Фонда ОМС № 226 от 28.12.2023): " +
  "перечень ведёт Фонд ОМС";
const ILLUSTRATIVE_KY =
  "Көрсөтмө мисал: жазууну ММК фонду ырастаган эмес. Негизи — өкмөттөр аралык макулдашуу же күчүнө кирген эл " +
  "аралык келишим (ММК фондунун 2023-жылдын 28-декабрындагы № 226 буйругу менен бекитилген Тартиптин 4-пунктунун " +
  "эскертүүсү жана 7-пункту): тизмени ММК фонду жүргүзөт";

/**
 * States whose students pay the citizens' price (order No. 226 cl. 4 note, cl. 7) — ILLUSTRATIVE ONLY. The real list
 * is data the Fund keeps (EducationAgreementState, changed by an administrator); these rows only let the demo show
 * both student prices. lib/rules/README.md says so too. Days are Asia/Bishkek calendar days ('YYYY-MM-DD').
 */
export const EDUCATION_AGREEMENT_STATES: readonly EducationAgreementStateRow[] = [
  {
    code: "KZ",
    nameRu: "Республика Казахстан",
    nameKy: "Казакстан Республикасы",
    effectiveFrom: "2024-02-01",
    effectiveTo: null,
    legalBasisRu: ILLUSTRATIVE_RU,
    legalBasisKy: ILLUSTRATIVE_KY,
  },
  {
    code: "TJ",
    nameRu: "Республика Таджикистан",
    nameKy: "Тажикстан Республикасы",
    effectiveFrom: "2024-02-01",
    effectiveTo: null,
    legalBasisRu: ILLUSTRATIVE_RU,
    legalBasisKy: ILLUSTRATIVE_KY,
  },
  {
    code: "UZ",
    nameRu: "Республика Узбекистан",
    nameKy: "Өзбекстан Республикасы",
    effectiveFrom: "2024-02-01",
    effectiveTo: null,
    legalBasisRu: ILLUSTRATIVE_RU,
    legalBasisKy: ILLUSTRATIVE_KY,
  },
];
