import { describe, expect, it } from "vitest";
import {
  CLAIMANT_RELATIONS,
  TARIFFS_FROM_2024_02_01 as T,
  canClaimRefund,
  canRequestReissue,
  checkRefund,
  checkReissue,
  lastRefundClaimDay,
  refundDocuments,
  wasInsuredElsewhereWhenBought,
  type ClaimantRelation,
  type CoverageInput,
  type RefundInput,
  type ReissueInput,
} from "@/lib/rules";

// Paid 10 March 2024 → effective 15 March 2024 → through 14 March 2025.
const POLICY = { number: "P-1", status: "ISSUED" as const, validFrom: "2024-03-15", validTo: "2025-03-14" };
const EMPLOYED: CoverageInput = {
  policies: [POLICY],
  external: [{ validFrom: "2024-01-01", validTo: "2024-12-31", source: "EMPLOYMENT" }],
};
const NONE: CoverageInput = { policies: [], external: [] };

const death = (over: Partial<RefundInput> = {}): RefundInput => ({
  ground: "DEATH",
  policy: POLICY,
  paymentDay: "2024-03-10",
  paidSom: 1840,
  claimDay: "2024-03-20",
  claimant: "SPOUSE",
  deathDay: "2024-03-12",
  ...over,
});
const insured = (over: Partial<RefundInput> = {}): RefundInput => ({
  ground: "ALREADY_INSURED",
  policy: POLICY,
  paymentDay: "2024-03-10",
  paidSom: 1840,
  claimDay: "2024-09-01",
  claimant: "BENEFICIARY",
  beneficiaryCoverage: EMPLOYED,
  ...over,
});
const codes = (r: ReturnType<typeof checkRefund>) => (r.ok ? [] : r.refusals.map((x) => x.code));

describe("refund — death before the policy took effect (cl. 32, first case)", () => {
  it("cl. 32–33: eligible — the paid amount, with the ТУ letter documents", () => {
    expect(checkRefund(death())).toEqual({
      ok: true,
      ground: "DEATH",
      amountSom: 1840,
      clause: "cl. 32",
      documents: [
        { code: "PAYMENT_RECEIPT_COPY", clause: "cl. 33", isInterpretation: false },
        { code: "CLAIM_APPLICATION", clause: "cl. 33", isInterpretation: false },
        { code: "CLAIMANT_PASSPORT_COPY", clause: "cl. 33", isInterpretation: false },
        { code: "DEATH_CERTIFICATE_COPY", clause: "cl. 32", isInterpretation: true },
        { code: "KINSHIP_PROOF", clause: "cl. 32", isInterpretation: true },
      ],
    });
  });

  it.each([
    { clause: "cl. 32", why: "died the day before the effective day", over: { deathDay: "2024-03-14" }, refused: [] },
    { clause: "cl. 32", why: "died before payment", over: { deathDay: "2024-03-01" }, refused: [] },
    {
      clause: "cl. 32",
      why: "died on the effective day",
      over: { deathDay: "2024-03-15" },
      refused: ["DEATH_AFTER_EFFECTIVE"],
    },
    {
      clause: "cl. 32",
      why: "died after the effective day",
      over: { deathDay: "2024-04-01" },
      refused: ["DEATH_AFTER_EFFECTIVE"],
    },
    {
      clause: "cl. 32",
      why: "renewal: died after payment + 5 but before the policy started",
      over: { policy: { ...POLICY, validFrom: "2024-04-01", validTo: "2025-03-31" }, deathDay: "2024-03-20" },
      refused: [],
    },
    {
      clause: "cl. 32",
      why: "no validFrom recorded: payment + 5 is the line",
      over: { policy: { ...POLICY, validFrom: null, validTo: null }, deathDay: "2024-03-15" },
      refused: ["DEATH_AFTER_EFFECTIVE"],
    },
    { clause: "cl. 32", why: "claim on day 30 (9 April)", over: { claimDay: "2024-04-09" }, refused: [] },
    {
      clause: "cl. 32",
      why: "claim on day 31 (10 April)",
      over: { claimDay: "2024-04-10" },
      refused: ["CLAIM_AFTER_30_DAYS"],
    },
    { clause: "cl. 32", why: "no death day given", over: { deathDay: null }, refused: ["DEATH_DAY_MISSING"] },
    { clause: "cl. 32", why: "death day omitted", over: { deathDay: undefined }, refused: ["DEATH_DAY_MISSING"] },
    {
      clause: "cl. 32",
      why: "a neighbour claims",
      over: { claimant: "OTHER" as const },
      refused: ["CLAIMANT_NOT_ENTITLED"],
    },
    {
      clause: "cl. 32",
      why: 'the (dead) beneficiary "claims"',
      over: { claimant: "BENEFICIARY" as const },
      refused: ["CLAIMANT_NOT_ENTITLED"],
    },
    {
      clause: "SPEC §6",
      why: "policy already refunded",
      over: { policy: { ...POLICY, status: "REFUNDED" as const } },
      refused: ["POLICY_NOT_ISSUED"],
    },
    {
      clause: "SPEC §6",
      why: "policy re-issued",
      over: { policy: { ...POLICY, status: "REISSUED" as const } },
      refused: ["POLICY_NOT_ISSUED"],
    },
    {
      clause: "SPEC §6",
      why: "policy never paid",
      over: { policy: { ...POLICY, status: "PENDING" as const } },
      refused: ["POLICY_NOT_ISSUED"],
    },
    { clause: "cl. 32", why: "nothing was paid", over: { paidSom: 0 }, refused: ["NOTHING_PAID"] },
    {
      clause: "cl. 32",
      why: "every reason at once",
      over: {
        deathDay: "2024-05-01",
        claimDay: "2024-05-02",
        claimant: "OTHER" as const,
        policy: { ...POLICY, status: "CANCELLED" as const },
      },
      refused: ["POLICY_NOT_ISSUED", "DEATH_AFTER_EFFECTIVE", "CLAIM_AFTER_30_DAYS", "CLAIMANT_NOT_ENTITLED"],
    },
  ])("$clause: $why → $refused", ({ over, refused }) => {
    expect(codes(checkRefund(death(over as Partial<RefundInput>)))).toEqual(refused);
  });

  it.each(CLAIMANT_RELATIONS.map((claimant) => ({ clause: "cl. 32", claimant })))(
    "$clause: who may claim on death — $claimant",
    ({ claimant }) => {
      const entitled: ClaimantRelation[] = ["SPOUSE", "SIBLING", "CHILD", "PARENT", "PAYER", "ATTORNEY"];
      expect(canClaimRefund("DEATH", claimant)).toBe(entitled.includes(claimant));
      expect(checkRefund(death({ claimant })).ok).toBe(entitled.includes(claimant));
    },
  );

  it("cl. 32: 30 days from 10 March end on 9 April", () => {
    expect(lastRefundClaimDay("2024-03-10")).toBe("2024-04-09");
  });
});

describe("refund — the beneficiary was already insured (cl. 32, second case)", () => {
  it("cl. 32–33: eligible, at any time (the order sets no deadline for this case)", () => {
    expect(checkRefund(insured({ claimDay: "2025-06-01" }))).toEqual({
      ok: true,
      ground: "ALREADY_INSURED",
      amountSom: 1840,
      clause: "cl. 32",
      documents: [
        { code: "PAYMENT_RECEIPT_COPY", clause: "cl. 33", isInterpretation: false },
        { code: "CLAIM_APPLICATION", clause: "cl. 33", isInterpretation: false },
        { code: "CLAIMANT_PASSPORT_COPY", clause: "cl. 33", isInterpretation: false },
      ],
    });
  });

  it.each([
    {
      clause: "cl. 32",
      why: "not insured elsewhere",
      over: { beneficiaryCoverage: { policies: [POLICY], external: [] } },
      refused: ["NOT_INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 32",
      why: "no coverage evidence given",
      over: { beneficiaryCoverage: undefined },
      refused: ["NOT_INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 32",
      why: "insured only after the payment day",
      over: { beneficiaryCoverage: { policies: [], external: [{ validFrom: "2024-04-01", validTo: "2024-12-31" }] } },
      refused: ["NOT_INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 32, SPEC §3",
      why: "a renewal (own policy running, no overlap) is not a ground",
      over: {
        policy: { ...POLICY, validFrom: "2024-04-01", validTo: "2025-03-31" },
        beneficiaryCoverage: {
          policies: [{ ...POLICY, number: "P-0", validFrom: "2023-04-01", validTo: "2024-03-31" }],
          external: [],
        },
      },
      refused: ["NOT_INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 32",
      why: "a second policy overlapping a running one (double purchase) is a ground",
      over: {
        beneficiaryCoverage: {
          policies: [{ ...POLICY, number: "P-0", validFrom: "2023-06-01", validTo: "2024-05-31" }],
          external: [],
        },
      },
      refused: [],
    },
    {
      clause: "cl. 32",
      why: "a policy without a recorded period overlapping a running one",
      over: {
        policy: { ...POLICY, validFrom: null, validTo: null },
        beneficiaryCoverage: {
          policies: [{ ...POLICY, number: "P-0", validFrom: "2023-06-01", validTo: "2024-05-31" }],
          external: [],
        },
      },
      refused: [],
    },
    { clause: "cl. 32", why: "the payer claims", over: { claimant: "PAYER" as const }, refused: [] },
    { clause: "cl. 32", why: "an attorney claims", over: { claimant: "ATTORNEY" as const }, refused: [] },
    {
      clause: "cl. 32",
      why: "a parent of a living adult claims",
      over: { claimant: "PARENT" as const },
      refused: ["CLAIMANT_NOT_ENTITLED"],
    },
    {
      clause: "SPEC §6",
      why: "policy already refunded",
      over: { policy: { ...POLICY, status: "REFUNDED" as const } },
      refused: ["POLICY_NOT_ISSUED"],
    },
    { clause: "cl. 32", why: "nothing was paid (a free policy)", over: { paidSom: 0 }, refused: ["NOTHING_PAID"] },
  ])("$clause: $why → $refused", ({ over, refused }) => {
    expect(codes(checkRefund(insured(over as Partial<RefundInput>)))).toEqual(refused);
  });

  it('cl. 32: the refunded policy itself is never the "other" coverage', () => {
    expect(wasInsuredElsewhereWhenBought({ policies: [POLICY], external: [] }, POLICY, "2024-03-15")).toBe(false);
  });

  it("cl. 32: an attorney also brings the power of attorney", () => {
    expect(refundDocuments("ALREADY_INSURED", "ATTORNEY").map((d) => d.code)).toEqual([
      "PAYMENT_RECEIPT_COPY",
      "CLAIM_APPLICATION",
      "CLAIMANT_PASSPORT_COPY",
      "POWER_OF_ATTORNEY",
    ]);
    expect(refundDocuments("DEATH", "PAYER").map((d) => d.code)).toEqual([
      "PAYMENT_RECEIPT_COPY",
      "CLAIM_APPLICATION",
      "CLAIMANT_PASSPORT_COPY",
      "DEATH_CERTIFICATE_COPY",
    ]);
  });
});

describe("re-issue to another uninsured person (cl. 34; SPEC §6)", () => {
  const reissue = (over: Partial<ReissueInput> = {}): ReissueInput => ({
    policy: { ...POLICY, termMonths: 12, priceSom: 1840 },
    paymentDay: "2024-03-10",
    claimant: "PAYER",
    holderCoverage: EMPLOYED,
    reissueDay: "2024-04-02",
    newHolder: {
      category: "CITIZEN",
      birthDate: "1995-05-05",
      sex: "FEMALE",
      hasIdentityDocument: true,
      coverage: NONE,
    },
    tariffs: T,
    ...over,
  });

  it("SPEC §6: the new holder is covered from the re-issue day for the full term", () => {
    expect(checkReissue(reissue())).toEqual({
      ok: true,
      validFrom: "2024-04-02",
      validTo: "2025-04-01",
      termMonths: 12,
      documents: [
        { code: "REISSUE_APPLICATION", clause: "cl. 34", isInterpretation: false },
        { code: "PAYMENT_RECEIPT_COPY", clause: "cl. 34", isInterpretation: true },
        { code: "CLAIMANT_PASSPORT_COPY", clause: "cl. 34", isInterpretation: true },
      ],
    });
  });

  it.each([
    {
      clause: "cl. 34",
      why: "only the payer may ask",
      over: { claimant: "BENEFICIARY" as const },
      refused: ["CLAIMANT_NOT_ENTITLED"],
      newHolder: [],
    },
    {
      clause: "cl. 34",
      why: "the holder was not insured elsewhere",
      over: { holderCoverage: { policies: [POLICY], external: [] } },
      refused: ["NOT_INSURED_ELSEWHERE"],
      newHolder: [],
    },
    {
      clause: "SPEC §6",
      why: "the policy was already refunded",
      over: { policy: { ...POLICY, status: "REFUNDED" as const, termMonths: 12, priceSom: 1840 } },
      refused: ["POLICY_NOT_ISSUED"],
      newHolder: [],
    },
    {
      clause: "cl. 34, 12.2",
      why: "the new holder is insured by employment",
      over: {
        newHolder: {
          category: "CITIZEN" as const,
          birthDate: "1995-05-05",
          sex: "FEMALE" as const,
          hasIdentityDocument: true,
          coverage: { policies: [], external: [{ validFrom: "2024-01-01", validTo: "2024-12-31" }] },
        },
      },
      refused: ["NEW_HOLDER_NOT_ELIGIBLE"],
      newHolder: ["INSURED_ELSEWHERE"],
    },
    {
      clause: "cl. 34",
      why: "the new holder has a running policy of her own",
      over: {
        newHolder: {
          category: "CITIZEN" as const,
          birthDate: "1995-05-05",
          sex: "FEMALE" as const,
          hasIdentityDocument: true,
          coverage: { policies: [{ ...POLICY, number: "Q-1" }], external: [] },
        },
      },
      refused: ["NEW_HOLDER_NOT_ELIGIBLE"],
      newHolder: ["ALREADY_INSURED"],
    },
    {
      clause: "cl. 9, 34",
      why: "the new holder is a citizen under 16",
      over: {
        newHolder: {
          category: "CITIZEN" as const,
          birthDate: "2012-05-05",
          sex: "MALE" as const,
          hasIdentityDocument: true,
          coverage: NONE,
        },
      },
      refused: ["NEW_HOLDER_NOT_ELIGIBLE"],
      newHolder: ["CITIZEN_UNDER_16"],
    },
    {
      clause: "cl. 34; SPEC §6",
      why: "a 1840 som policy cannot become a foreigner’s 11910 som one",
      over: {
        newHolder: {
          category: "FOREIGNER" as const,
          birthDate: "1995-05-05",
          sex: "MALE" as const,
          hasIdentityDocument: true,
          coverage: NONE,
        },
      },
      refused: ["REISSUE_PRICE_MISMATCH"],
      newHolder: [],
    },
    {
      clause: "cl. 34; SPEC §6",
      why: "nor a free EAEU child policy",
      over: {
        newHolder: {
          category: "EAEU_CHILD" as const,
          birthDate: "2015-05-05",
          sex: "MALE" as const,
          hasIdentityDocument: true,
          coverage: NONE,
        },
      },
      refused: ["REISSUE_PRICE_MISMATCH"],
      newHolder: [],
    },
  ])("$clause: $why → $refused $newHolder", ({ over, refused, newHolder }) => {
    const result = checkReissue(reissue(over as Partial<ReissueInput>));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => r.code)).toEqual(refused);
    expect(result.newHolderRefusals.map((r) => r.code)).toEqual(newHolder);
  });

  it('cl. 34: only the payer ("лицо, купившее Полис ОМС") may ask for a re-issue', () => {
    expect(canRequestReissue("PAYER")).toBe(true);
    expect(canRequestReissue("ATTORNEY")).toBe(false);
  });
});
