import "server-only";
import { cookies, headers } from "next/headers";
import { DRAFT_COOKIE, DRAFT_MAX_AGE_SECONDS, openDraft, sealDraft, type BuyDraft } from "@/lib/orders/draft";

export async function readDraft(): Promise<BuyDraft> {
  return openDraft((await cookies()).get(DRAFT_COOKIE)?.value);
}

async function isHttps(): Promise<boolean> {
  const h = await headers();
  return (
    (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https" ||
    (process.env.NEXTAUTH_URL ?? "").startsWith("https://")
  );
}

/** Server actions only (a page cannot set cookies). */
export async function writeDraft(draft: BuyDraft): Promise<void> {
  (await cookies()).set(DRAFT_COOKIE, sealDraft(draft), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: DRAFT_MAX_AGE_SECONDS,
  });
}

export async function clearDraft(): Promise<void> {
  (await cookies()).delete(DRAFT_COOKIE);
}
