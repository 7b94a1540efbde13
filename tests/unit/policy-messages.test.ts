import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { policyMessages } from "@/lib/notifications/policy-messages";

// A paid policy's two SMS (issue #4). Their texts are formatted once per language, sum and dates (issue 17): each
// must read exactly as the message formatted for that policy alone.
describe("a paid policy's SMS texts", () => {
  const day = { paymentDay: "2026-12-03", validFrom: "2026-12-08", validTo: "2027-12-07" } as const;

  it.each(["ru", "ky"] as const)("read as formatted for each policy, in %s, the policy's number in each", (locale) => {
    const t = translatorFor(locale);
    for (const [number, amountSom] of [
      ["E-2026-0000001", 1840],
      ["E-2026-0000002", 1840],
      ["⟦placeholder $& $1⟧", 11910],
    ] as const) {
      const messages = policyMessages({ number, phone: "+996700123456", amountSom, ...day, locale });
      const values = { number, from: "08.12.2026", to: "07.12.2027", amount: amountSom };
      expect(messages).toEqual([
        { kind: "PAYMENT_RECEIVED", sendOn: "2026-12-03", text: t("notifications.paymentReceived", values) },
        { kind: "POLICY_EFFECTIVE", sendOn: "2026-12-08", text: t("notifications.policyEffective", values) },
      ]);
      expect(messages[0]!.text).toContain(number);
    }
  });

  it("none without a phone", () => {
    expect(policyMessages({ number: "E-2026-0000001", phone: null, amountSom: 1840, ...day })).toEqual([]);
  });
});
