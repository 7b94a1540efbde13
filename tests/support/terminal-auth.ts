/**
 * The test suite's own terminal credentials (issue 11, hole 3: credentials are required in every mode; the suite sets
 * them explicitly in tests/vitest.config.ts). One value per provider, as the README's variables name them.
 */
export const TEST_TERMINAL_CREDENTIALS = {
  quickpay: "quickpay-test:quickpay-test-password",
  megacom: "megacom-test:megacom-test-password",
  pay24: "pay24-test:pay24-test-password",
} as const;

/** The variables tests/vitest.config.ts sets for the integration project. */
export const TEST_TERMINAL_ENV = {
  TERMINAL_AUTH_QUICKPAY: TEST_TERMINAL_CREDENTIALS.quickpay,
  TERMINAL_AUTH_MEGACOM: TEST_TERMINAL_CREDENTIALS.megacom,
  TERMINAL_AUTH_PAY24: TEST_TERMINAL_CREDENTIALS.pay24,
};

/** The Authorization header a provider's terminal sends; an unknown provider gets quickpay's (the route 404s first). */
export function terminalAuthorization(provider: string): string {
  const credentials =
    TEST_TERMINAL_CREDENTIALS[provider as keyof typeof TEST_TERMINAL_CREDENTIALS] ?? TEST_TERMINAL_CREDENTIALS.quickpay;
  return `Basic ${Buffer.from(credentials).toString("base64")}`;
}
