/**
 * A PIN as the registries' lists show it (issue 15): the first three and the last three digits, the eight between
 * hidden — enough to tell two lines apart, not enough to use. The full PIN is on the record page only, whose opening is
 * audited. Anything that is not a 14-digit PIN is hidden whole but for its last three characters.
 */
export function maskPin(pin: string | null): string | null {
  if (pin === null) return null;
  if (/^\d{14}$/.test(pin)) return `${pin.slice(0, 3)}${"•".repeat(8)}${pin.slice(11)}`;
  return `${"•".repeat(Math.max(0, pin.length - 3))}${pin.slice(-3)}`;
}
