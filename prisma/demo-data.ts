/**
 * Demo data for development and the end-to-end tests: one account per staff role and a few people whose status
 * shows each case of the status check. Never loaded when NODE_ENV=production.
 */
export const DEMO_PASSWORD = "demo-password";

/** The demo refund officer's and admin's second factor (required for their roles): add it to any authenticator app,
 * or compute codes from it (tests/e2e/support.ts does). Development and tests only, like everything here. */
export const DEMO_TOTP_SECRET = "OMSDEMOSECRETDEVELOPMENTONLY2345";

export const DEMO_USERS = [
  { login: "clerk.bishkek", fullName: "Асанова Айгуль Маратовна", role: "CLERK", officeCode: "BISHKEK" },
  { login: "clerk.osh", fullName: "Мамытов Бакыт Токтосунович", role: "CLERK", officeCode: "OSH" },
  {
    login: "doctor",
    fullName: "Исакова Жылдыз Кубанычбековна",
    role: "DOCTOR",
    healthOrganizationCode: "CFM_BISHKEK_1",
  },
  { login: "refunds", fullName: "Орозбеков Нурлан Сапарович", role: "REFUND_OFFICER" },
  // a refund officer who prepared a case while a clerk (R-DEMO-000001): the one person who may not decide it
  { login: "refunds.preparer", fullName: "Келдибекова Динара Асановна", role: "REFUND_OFFICER" },
  { login: "admin", fullName: "Администратор Фонда ОМС", role: "ADMIN" },
  // the Fund's analyst (issue 15): the dashboard and the registries, read-only; no second factor (lib/auth/second-factor.ts)
  { login: "analyst", fullName: "Токтогулова Айпери Нурлановна", role: "ANALYST" },
] as const;

/** Offsets are days from the seed day, so the demo keeps showing every case whenever it is seeded. */
export const DEMO_PEOPLE = [
  {
    // insured now by a policy bought at the Bishkek office
    pin: "21505198500017",
    lastName: "Сыдыков",
    firstName: "Эрлан",
    patronymic: "Бакирович",
    birthDate: "1985-05-15",
    sex: "MALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0512345",
    phone: "+996700123456",
    policies: [{ number: "P-DEMO-000001", paidOffset: -65, channel: "OFFICE", office: "BISHKEK" }],
  },
  {
    // paid three days ago online: not insured yet, the policy starts in two days (cl. 5)
    pin: "10203199000024",
    lastName: "Абдыкадырова",
    firstName: "Назгуль",
    patronymic: "Талантовна",
    birthDate: "1990-03-02",
    sex: "FEMALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0987654",
    phone: "+996555987654",
    policies: [{ number: "E-DEMO-000002", paidOffset: -3, channel: "ONLINE", office: null }],
  },
  {
    // insured through employment contributions (external source)
    pin: "21111197500031",
    lastName: "Токтогулов",
    firstName: "Азамат",
    patronymic: null,
    birthDate: "1975-11-11",
    sex: "MALE",
    category: "CITIZEN",
    documentType: "KG_PASSPORT",
    documentNumber: "AN1234567",
    phone: null,
    policies: [],
    external: { fromOffset: -200, toOffset: 165 },
  },
  {
    // a policy from the Osh office that has ended: not insured
    pin: "11212200300045",
    lastName: "Жумабаева",
    firstName: "Айпери",
    patronymic: "Улановна",
    birthDate: "2003-12-12",
    sex: "FEMALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0111222",
    phone: "+996777111222",
    policies: [{ number: "P-DEMO-000004", paidOffset: -400, channel: "OFFICE", office: "OSH" }],
  },
  {
    // insured through employment for two more months: a pregnancy registered now outlasts it (I32 — the free
    // policy follows her coverage)
    pin: "10807199200058",
    lastName: "Бообекова",
    firstName: "Гульнара",
    patronymic: "Маратовна",
    birthDate: "1992-07-08",
    sex: "FEMALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0580708",
    phone: null,
    policies: [],
    external: { fromOffset: -300, toOffset: 60 },
  },
  {
    // bought a policy online while insured through her employer: a refund on ground 2 (cl. 32; issue 14)
    pin: "12107198800052",
    lastName: "Бекова",
    firstName: "Гульнара",
    patronymic: "Садыковна",
    birthDate: "1988-07-21",
    sex: "FEMALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0721052",
    phone: "+996700721052",
    policies: [{ number: "E-DEMO-000005", paidOffset: -12, channel: "ONLINE", office: null }],
    external: { fromOffset: -100, toOffset: 200 },
  },
  {
    // paid 31 days ago: a death claim today is one day too late (cl. 32; issue 14)
    pin: "20303197900068",
    lastName: "Осмонов",
    firstName: "Талант",
    patronymic: "Жумабекович",
    birthDate: "1979-03-03",
    sex: "MALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0303068",
    phone: "+996700303068",
    policies: [{ number: "E-DEMO-000006", paidOffset: -31, channel: "ONLINE", office: null }],
  },
  {
    // insured through employment and bought a policy: the case R-DEMO-000001 waits for the Fund's decision
    pin: "21409199200073",
    lastName: "Алиев",
    firstName: "Нурбек",
    patronymic: null,
    birthDate: "1992-09-14",
    sex: "MALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0914073",
    phone: null,
    policies: [{ number: "E-DEMO-000007", paidOffset: -20, channel: "ONLINE", office: null }],
    external: { fromOffset: -300, toOffset: 60 },
  },
  {
    // paid at a QuickPay terminal yesterday and walks into a ТУ for the paper policy (issue 12): the payment is not
    // linked to any application yet
    pin: "21408199200051",
    lastName: "Уметалиев",
    firstName: "Бакыт",
    patronymic: "Асанович",
    birthDate: "1992-08-14",
    sex: "MALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0555051",
    phone: "+996700555051",
    policies: [{ number: "E-DEMO-000008", paidOffset: -1, channel: "TERMINAL", office: null }],
  },
  {
    // the same, for the desk's walk-in in Kyrgyz
    pin: "12002198700062",
    lastName: "Касымова",
    firstName: "Гульнара",
    patronymic: "Токтоматовна",
    birthDate: "1987-02-20",
    sex: "FEMALE",
    category: "CITIZEN",
    documentType: "KG_ID_CARD",
    documentNumber: "ID0555062",
    phone: "+996700555062",
    policies: [{ number: "E-DEMO-000009", paidOffset: -1, channel: "TERMINAL", office: null }],
  },
] as const;

/** A refund case sent to the Fund (issue 14), prepared by `preparedBy` at the office: for the "never your own" check. */
export const DEMO_REFUND_CASES = [
  { number: "R-DEMO-000001", policy: "E-DEMO-000007", preparedBy: "refunds.preparer", officeCode: "BISHKEK" },
] as const;
