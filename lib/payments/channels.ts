import type { PaymentChannel } from "@/lib/generated/prisma/client";
import type { Category } from "@/lib/rules";

// The one list of the ways money reaches the Fund (cl. 14, 17, appendix) and what each channel sells. Labels are
// translation keys (staff.paymentChannel.<CHANNEL>); the Prisma enum PaymentChannel is the stored value.

/**
 * Payment terminal networks: URL segment → stored channel → environment variables of its Basic credentials and of
 * its optional address allow-list (issue 11, hole 3).
 */
export const TERMINAL_PROVIDERS = {
  quickpay: { channel: "QUICKPAY", authEnv: "TERMINAL_AUTH_QUICKPAY", allowEnv: "TERMINAL_ALLOW_QUICKPAY" },
  megacom: { channel: "MEGACOM", authEnv: "TERMINAL_AUTH_MEGACOM", allowEnv: "TERMINAL_ALLOW_MEGACOM" },
  pay24: { channel: "PAY24", authEnv: "TERMINAL_AUTH_PAY24", allowEnv: "TERMINAL_ALLOW_PAY24" },
} as const satisfies Record<string, { channel: PaymentChannel; authEnv: string; allowEnv: string }>;

export type TerminalProvider = keyof typeof TERMINAL_PROVIDERS;
export type TerminalChannel = (typeof TERMINAL_PROVIDERS)[TerminalProvider]["channel"];
export const TERMINAL_PROVIDER_CODES = Object.keys(TERMINAL_PROVIDERS) as [TerminalProvider, ...TerminalProvider[]];

export function isTerminalProvider(s: string): s is TerminalProvider {
  return Object.hasOwn(TERMINAL_PROVIDERS, s);
}

export function terminalChannel(provider: TerminalProvider): TerminalChannel {
  return TERMINAL_PROVIDERS[provider].channel;
}

export function terminalProviderOf(channel: PaymentChannel): TerminalProvider | null {
  return TERMINAL_PROVIDER_CODES.find((p) => TERMINAL_PROVIDERS[p].channel === channel) ?? null;
}

/** The translation key of a channel's name. */
export function paymentChannelLabel(channel: PaymentChannel) {
  return `staff.paymentChannel.${channel}` as const;
}

/** Categories sold for money (cost 1.1–1.3): the rules' list. */
export { PAID_CATEGORIES } from "@/lib/rules";

/** Terminal `service=citizen`: the citizens' 12-month policy and the categories priced like it (cost 1.1, cl. 4 note). */
export const TERMINAL_CITIZEN_SERVICE: readonly Category[] = [
  "CITIZEN",
  "EAEU_FAMILY",
  "REFUGEE",
  "ASYLUM_SEEKER",
  "KAIRYLMAN",
  "FOREIGN_STUDENT_AGREEMENT",
];
/** Terminal `service=foreigner` (cost 1.2, 1.3): the sum chooses the term. Compatriots are foreign citizens (cost 1.2). */
export const TERMINAL_FOREIGNER_SERVICE: readonly Category[] = ["FOREIGNER", "FOREIGN_STUDENT", "COMPATRIOT"];
/**
 * Terminal `service=student` (cl. 4 note; issue 9): a foreign student pays the 12-month policy in full or in two
 * halves; students from an agreement state pay the citizens' price, in full or in halves too.
 */
export const TERMINAL_STUDENT_SERVICE: readonly Category[] = ["FOREIGN_STUDENT", "FOREIGN_STUDENT_AGREEMENT"];

/**
 * A legal entity's bank transfer under a contract with a ТУ (cl. 29–31; lib/contracts): one for a whole list (its
 * transaction id is the transfer's reference) or one per person (`<reference>/<row of the list>`).
 */
export const CONTRACT_PAYMENT_CHANNEL = "CONTRACT" as const satisfies PaymentChannel;
