/** Shared by the zod schema (client and server) and the CLI; no crypto here so it can ship to the browser. */
export const MIN_PASSWORD_LENGTH = 10;
