/**
 * A spreadsheet must not run a value that starts like a formula (CSV injection, OWASP): a leading =, +, -, @, tab or
 * carriage return is defused with an apostrophe. Every CSV the portal writes passes its text through this.
 */
export function inertCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
