import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Passwords that leaked in public breaches and are tried first by every attacker: the ~49 000 most common ones,
 * shipped as data by @zxcvbn-ts/language-common (no network look-up). Compared case-insensitively, and also with
 * trailing digits and punctuation removed ("Password2024!" is "password").
 */
let list: Set<string> | undefined;

export function isBreachedPassword(password: string): boolean {
  list ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  return list.has(lower) || (stem.length >= 4 && list.has(stem));
}
