/**
 * cl. 20: the beneficiary's local mobile phone, as every channel (online, terminals, cash desk) accepts it. Accepts what
 * people type (+996 700 123 456, 0700123456, 700-12-34-56) and returns +996XXXXXXXXX, or null. Kyrgyz mobile numbers
 * have 9 digits after 996 and start with 2, 5, 7 or 9; a landline (3…) cannot receive the SMS.
 */
export function normalizeKgMobile(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  const m = /^(?:\+?996|0)?([2579]\d{8})$/.exec(digits);
  return m ? `+996${m[1]}` : null;
}

/** +996700123456 → +996 700 123 456 */
export function formatKgMobile(phone: string): string {
  const m = /^\+996(\d{3})(\d{3})(\d{3})$/.exec(phone);
  return m ? `+996 ${m[1]} ${m[2]} ${m[3]}` : phone;
}
