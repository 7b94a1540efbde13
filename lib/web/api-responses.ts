import type { ZodError } from "zod";
import { translateErrorCode, translatorFor } from "@/lib/i18n/translate";

const NO_STORE = { "Cache-Control": "no-store" };

export function jsonOk(body: unknown, init: { cache?: "no-store" | "public-hour" } = {}) {
  const headers = init.cache === "public-hour" ? { "Cache-Control": "public, max-age=3600" } : NO_STORE;
  return Response.json(body, { headers });
}

/** An unexpected failure: the id to quote to support (the details are in the server log, PINs masked). */
export function jsonUnexpected(id: string) {
  const ru = translatorFor("ru")("errors.unexpected");
  const ky = translatorFor("ky")("errors.unexpected");
  return Response.json(
    { error: { code: "errors.unexpected", field: "", id, message: ru, messages: { ru, ky } } },
    { status: 500, headers: NO_STORE },
  );
}

/** A translated 400: `message` in the language the caller asked for (Accept-Language ky → Kyrgyz), both in `messages`. */
export function jsonBadRequest(request: Request, error: ZodError) {
  const issue = error.issues[0];
  const code = issue?.message ?? "errors.invalidInput";
  const field = issue ? String(issue.path[0] ?? "") : "";
  const ru = translateErrorCode(translatorFor("ru"), code);
  const ky = translateErrorCode(translatorFor("ky"), code);
  const wantsKy = /^ky\b/i.test(request.headers.get("accept-language") ?? "");
  return Response.json(
    { error: { code, field, message: wantsKy ? ky : ru, messages: { ru, ky } } },
    { status: 400, headers: NO_STORE },
  );
}
