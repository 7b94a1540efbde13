import type { Messages } from "./messages";
import type { routing } from "./routing";

// Typed translation keys (next-intl's AppConfig): a key that does not exist in the Russian messages is a type error.
// Both languages have the same keys (tests/unit/i18n.test.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
