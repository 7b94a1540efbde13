/**
 * An API answer as plain data (issue 17): status, headers (lowercase names) and the body's text. The status check is
 * the portal's hottest path, and a web `Response` is dear there: building one, then reading its body back through a
 * stream to write it to Node's socket cost ≈ 35–60 µs of CPU per check, as much as the check's own work. So the status
 * API builds an `ApiAnswer`; the production server's fast lane (./fast-lane.ts) writes it to Node's response as is,
 * and `next dev`'s route turns it into a `Response` (`toResponse`). The error answers (./api-errors.ts,
 * ./api-responses.ts) are built here first, so both forms say exactly the same thing.
 */
export type ApiAnswer = { status: number; headers: Record<string, string>; body: string };

/**
 * What an API handler reads of its request: a web `Request` is one, and so is the fast lane's view of Node's request
 * (no `Request` built for it).
 */
export type ApiRequest = { readonly method: string; readonly url: string; readonly headers: Pick<Headers, "get"> };

/** A JSON answer (as `Response.json` writes it); header names are lowercased. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer {
  const out: Record<string, string> = { "content-type": "application/json" };
  for (const name in headers) out[name.toLowerCase()] = headers[name]!;
  return { status, headers: out, body: JSON.stringify(body) };
}

/** The answer as a web `Response` (route handlers under Next). */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
