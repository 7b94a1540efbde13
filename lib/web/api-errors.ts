import type { TranslationValues } from "next-intl";
import { translateErrorCode, translatorFor } from "@/lib/i18n/translate";

/**
 * A translated error answer in the API's one error shape (as jsonBadRequest in ./api-responses.ts):
 * `{ error: { code, field, message, messages: { ru, ky } } }`, `message` in the caller's language.
 */
export function jsonError(
  request: Pick<Request, "headers">,
  status: number,
  code: string,
  values?: TranslationValues,
  headers: Record<string, string> = {},
): Response {
  const ru = translateErrorCode(translatorFor("ru"), code, values);
  const ky = translateErrorCode(translatorFor("ky"), code, values);
  const wantsKy = /^ky\b/i.test(request.headers.get("accept-language") ?? "");
  return Response.json(
    { error: { code, field: "", message: wantsKy ? ky : ru, messages: { ru, ky } } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** The request's body as text, or null when it is longer than `maxBytes` (read no further than that). */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
