import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

/** Every full message key ("errors.loginTaken", "rules.refusal.CITIZEN_UNDER_16"), checked by the compiler. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The one place a runtime string becomes a message key: error codes travel as strings (an action's result, a rule's
 * refusal code, a stored reason). Callers check it with `t.has(...)` first and fall back to a generic text. Safe for
 * client components: it imports no messages.
 */
export function dynamicKey(code: string): MessageKey {
  return code as MessageKey;
}
