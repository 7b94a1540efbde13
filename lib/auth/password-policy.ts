/** Shared by the zod schema (client and server) and the CLI; no crypto here so it can ship to the browser.
 * The breached-password check (./breached-passwords.ts) is server-only: its list is large. */
export const MIN_PASSWORD_LENGTH = 12;
