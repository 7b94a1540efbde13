import type { ZodError } from "zod";
import { translateErrorCode, translatorFor } from "@/lib/i18n/translate";
import { jsonAnswer, toResponse, type ApiAnswer, type ApiRequest } from "./api-answer";

const NO_STORE = { "cache-control": "no-store" };

export function okAnswer(body: unknown, init: { cache?: "no-store" | "public-hour" } = {}): ApiAnswer {
  return jsonAnswer(200, body, init.cache === "public-hour" ? { "cache-control": "public, max-age=3600" } : NO_STORE);
}

export function jsonOk(body: unknown, init: { cache?: "no-store" | "public-hour" } = {}) {
  return toResponse(okAnswer(body, init));
}

/** An unexpected failure: the id to quote to support (the details are in the server log, PINs masked). */
export function unexpectedAnswer(id: string): ApiAnswer {
  const ru = translatorFor("ru")("errors.unexpected");
  const ky = translatorFor("ky")("errors.unexpected");
  return jsonAnswer(
    500,
    { error: { code: "errors.unexpected", field: "", id, message: ru, messages: { ru, ky } } },
    NO_STORE,
  );
}

/** A translated 400: `message` in the language the caller asked for (Accept-Language ky → Kyrgyz), both in `messages`. */
export function badRequestAnswer(request: Pick<ApiRequest, "headers">, error: ZodError): ApiAnswer {
  const issue = error.issues[0];
  const code = issue?.message ?? "errors.invalidInput";
  const field = issue ? String(issue.path[0] ?? "") : "";
  const ru = translateErrorCode(translatorFor("ru"), code);
  const ky = translateErrorCode(translatorFor("ky"), code);
  const wantsKy = /^ky\b/i.test(request.headers.get("accept-language") ?? "");
  return jsonAnswer(400, { error: { code, field, message: wantsKy ? ky : ru, messages: { ru, ky } } }, NO_STORE);
}

export function jsonBadRequest(request: Pick<ApiRequest, "headers">, error: ZodError) {
  return toResponse(badRequestAnswer(request, error));
}
