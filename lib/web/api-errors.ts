import type { TranslationValues } from "next-intl";
import { translateErrorCode, translatorFor } from "@/lib/i18n/translate";
import { jsonAnswer, toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";

/**
 * A translated error answer in the API's one error shape (as jsonBadRequest in ./api-responses.ts):
 * `{ error: { code, field, message, messages: { ru, ky } } }`, `message` in the caller's language.
 */
export function errorAnswer(
  request: Pick<ApiRequest, "headers">,
  status: number,
  code: string,
  values?: TranslationValues,
  headers: Record<string, string> = {},
): ApiAnswer {
  const ru = translateErrorCode(translatorFor("ru"), code, values);
  const ky = translateErrorCode(translatorFor("ky"), code, values);
  const wantsKy = /^ky\b/i.test(request.headers.get("accept-language") ?? "");
  return jsonAnswer(
    status,
    { error: { code, field: "", message: wantsKy ? ky : ru, messages: { ru, ky } } },
    { "Cache-Control": "no-store", ...headers },
  );
}

/** errorAnswer as a web `Response`. */
export function jsonError(...args: Parameters<typeof errorAnswer>): Response {
  return toResponse(errorAnswer(...args));
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
