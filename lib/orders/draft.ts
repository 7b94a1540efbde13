import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { secretFor } from "@/lib/secrets";
import {
  CATEGORIES,
  DOCUMENT_TYPES,
  isCalendarDate,
  SEXES,
  type CalendarDate,
  type Category,
  type DocumentType,
  type Sex,
} from "@/lib/rules";

// The answers of the purchase journey between its pages, before an order exists. They live in the visitor's own
// browser, in one httpOnly cookie, encrypted and authenticated (AES-256-GCM): nothing is stored for a person who
// walks away, the pages work without JavaScript, and a tampered cookie is simply an empty draft. The server never
// trusts it for money: price and dates are computed again from the tariffs when the order is made and at payment.

const calendarDate = z.string().refine((v): v is CalendarDate => isCalendarDate(v));

const ZBuyDraft = z.object({
  idKind: z.enum(["PIN", "DOCUMENT"]).optional(),
  pin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  documentType: z.enum(DOCUMENT_TYPES).optional(),
  documentNumber: z.string().max(20).optional(),
  birthDate: calendarDate.optional(),
  sex: z.enum(SEXES).optional(),
  /** the end of the person's running policy when the status was checked: the new one would be a renewal */
  currentPolicyEnd: calendarDate.nullable().optional(),
  /** the person read that they are insured and chose to pay for the next policy (SPEC §3) */
  renewalConfirmed: z.boolean().optional(),
  /**
   * cl. 4 note; SPEC §2: a foreign student pays the first half now (FIRST_HALF) or the second half of an unfinished
   * policy (SECOND_HALF, which extends that policy to 12 months); unset: the full price
   */
  instalment: z.enum(["FIRST_HALF", "SECOND_HALF"]).optional(),
  lastName: z.string().max(60).optional(),
  firstName: z.string().max(60).optional(),
  patronymic: z.string().max(60).optional(),
  phone: z.string().max(20).optional(),
  category: z.enum(CATEGORIES).optional(),
  termMonths: z.number().int().positive().optional(),
});

export type BuyDraft = z.infer<typeof ZBuyDraft> & {
  documentType?: DocumentType;
  category?: Category;
  sex?: Sex;
};

export const DRAFT_COOKIE = "oms_buy_draft";
/** a journey not finished in two hours starts again */
export const DRAFT_MAX_AGE_SECONDS = 2 * 60 * 60;

function key(): Buffer {
  return createHash("sha256").update(secretFor("buy-draft", "BUY_DRAFT_SECRET")).digest();
}

export function sealDraft(draft: BuyDraft, issuedAt = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const plain = Buffer.from(JSON.stringify({ d: draft, t: issuedAt }), "utf8");
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The draft in a cookie value; an empty draft when it is missing, expired, altered or from another key. */
export function openDraft(value: string | undefined | null, now = Date.now()): BuyDraft {
  if (!value) return {};
  try {
    const [iv, tag, body] = value.split(".").map((p) => Buffer.from(p, "base64url"));
    if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return {};
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAuthTag(tag);
    const json = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as {
      d: unknown;
      t: number;
    };
    if (typeof json.t !== "number" || now - json.t > DRAFT_MAX_AGE_SECONDS * 1000) return {};
    const parsed = ZBuyDraft.safeParse(json.d);
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
