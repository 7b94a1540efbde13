import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { enhanceCitizenPage } from "./enhance-citizen-page";
import { preferredEncoding } from "./static-assets";

/**
 * Light citizen pages (issue 17: at most 110 kB of first-load JavaScript; the citizen on a slow phone).
 *
 * Every citizen page works without JavaScript: its forms post to the server and the answer is a page
 * (tests/e2e/no-js.spec.ts). Next 16's runtime alone — React DOM and the App Router — weighs 136 kB gzip, more than
 * the limit, and on these pages it would only repeat what the server already did. So the production server
 * (server.js) sends the citizen pages without it: the framework's scripts, their preloads and the page's hydration
 * data (about half of the HTML) are taken out of the HTML as it streams, and one small inline script of the portal's
 * own is put in their place (./enhance-citizen-page.ts: print buttons, the error summary's focus, a form sent once).
 * `npm run check:js-weight` counts that script as the citizen pages' JavaScript; tests/e2e/light-pages.spec.ts checks
 * in Chromium that a citizen page loads no other.
 *
 * Which pages: every page under a language prefix except the staff's (`/ru/staff/…`, `/ky/staff/…`: their workspaces
 * are applications and keep React), asked for as a page — a GET, or a form posted without JavaScript — never a
 * React request (`RSC`, `Next-Action` headers; none comes from a light page). Only HTML answers are changed; a
 * redirect, a file or an error in another type passes as Next wrote it. `next dev` serves the pages with React, as
 * Next builds them. LIGHT_CITIZEN_PAGES=0 turns this off (the pages then load Next's runtime again).
 *
 * The answer is compressed here (brotli or gzip, as the browser asks), since the HTML must be changed before it is:
 * Next is asked for it uncompressed.
 */

const CITIZEN_PAGE = /^\/(ru|ky)(?:[/?]|$)/;
const STAFF_PAGE = /^\/(ru|ky)\/staff(?:[/?]|$)/;

/** The inline script that takes the framework's place: the function's own source, called. */
export const ENHANCEMENT_SCRIPT = `(${enhanceCitizenPage.toString()})()`;

export function lightPagesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.LIGHT_CITIZEN_PAGES !== "0";
}

/** Is this request a citizen page asked for by a browser (not a React request, not a staff page)? */
export function isLightPageRequest(method: string | undefined, url: string, headers: IncomingMessage["headers"]) {
  if (method !== "GET" && method !== "POST") return false;
  if (!CITIZEN_PAGE.test(url) || STAFF_PAGE.test(url)) return false;
  return !headers["rsc"] && !headers["next-action"] && !headers["next-router-state-tree"];
}

/** React's own inline streaming instructions (`$RC("B:0","S:0")` …) reveal late parts of a page: they stay. */
const REACT_STREAMING = /^<script\b[^>]*>\s*\$R[A-Za-z]*\s*[=(]/;

function isScriptPreload(tag: string): boolean {
  return /\srel="modulepreload"/i.test(tag) || (/\srel="preload"/i.test(tag) && /\sas="script"/i.test(tag));
}

/**
 * Takes the framework's scripts out of an HTML stream, chunk by chunk (a tag may be cut between two chunks), and puts
 * `insertion` just before `</body>`. Removed: every <script> element but React's streaming instructions, and every
 * `<link>` that preloads a script. React escapes `<` and `>` in text and attribute values, and `</script` inside a
 * script's text, so a tag is found by its brackets alone.
 */
export class ScriptStripper {
  private rest = "";
  private inScript = false;
  private inserted = false;
  /** Undecided until the <html> tag is read; "pass" for Next's error shell (see `push`). */
  private mode: "undecided" | "strip" | "pass" = "undecided";

  constructor(private readonly insertion: string) {}

  /**
   * Next 16 answers a page that calls `notFound()` with an empty "error shell" (`<html id="__next_error__">`) and
   * draws the not-found page in the browser from the hydration data (vercel/next.js#62228, fix proposed in #98583): a
   * 404 of an order, a policy check or an unknown path under a language. Such a page passes with the framework's
   * scripts, or it would stay blank.
   */
  push(text: string): string {
    if (this.mode === "pass") return text;
    if (this.mode === "undecided") {
      const s = this.rest + text;
      const html = /<html\b[^>]*>/i.exec(s);
      // Next's pages begin with it; a few kB without one is not such a page
      if (!html && s.length < 4096) {
        this.rest = s;
        return "";
      }
      this.mode = html && /\sid="__next_error__"/.test(html[0]) ? "pass" : "strip";
      this.rest = "";
      return this.push(s);
    }
    const s = this.rest + text;
    let out = "";
    let i = 0;
    while (i < s.length) {
      if (this.inScript) {
        const close = s.indexOf("</script>", i);
        if (close === -1) break;
        const element = s.slice(i, close + 9);
        if (REACT_STREAMING.test(element)) out += element;
        this.inScript = false;
        i = close + 9;
        continue;
      }
      const lt = s.indexOf("<", i);
      if (lt === -1) {
        out += s.slice(i);
        i = s.length;
        break;
      }
      out += s.slice(i, lt);
      i = lt;
      const gt = s.indexOf(">", lt);
      if (gt === -1) break;
      const tag = s.slice(lt, gt + 1);
      if (/^<script[\s>]/i.test(tag)) {
        this.inScript = true; // the element is read whole, up to its end tag
        continue;
      }
      i = gt + 1;
      if (/^<link\s/i.test(tag) && isScriptPreload(tag)) continue;
      if (!this.inserted && tag.toLowerCase() === "</body>") {
        out += this.insertion;
        this.inserted = true;
      }
      out += tag;
    }
    this.rest = s.slice(i);
    return out;
  }

  /** What is left at the end of the stream (an unfinished tag is passed on as it is; an unfinished script is not). */
  end(): string {
    if (this.mode === "undecided") {
      this.mode = "strip";
      const s = this.rest;
      this.rest = "";
      return this.push(s) + this.end();
    }
    const left = this.inScript ? "" : this.rest;
    this.rest = "";
    return left;
  }
}

/** The nonce of the page's Content-Security-Policy (proxy.ts), for the inline script; null without one. */
export function nonceOf(csp: unknown): string | null {
  const m = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(String(csp ?? ""));
  return m ? m[1]! : null;
}

/** A `Link` header without the scripts React announced in it (the framework's chunks are not on the page). */
function withoutScriptLinks(link: string | number | string[]): string | null {
  const parts = String(link)
    .split(/,(?=\s*<)/)
    .filter((p) => !/;\s*as="?script"?/i.test(p) && !/;\s*rel="?modulepreload"?/i.test(p));
  return parts.length ? parts.join(",") : null;
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Makes `res` answer the light page: called on a light page's request before Next's handler (server.js). The
 * response's write, writeHead and end are wrapped; at the first of them the answer's status and type decide — HTML
 * is stripped, compressed and sent on; anything else passes unchanged.
 */
export function serveLightPage(req: IncomingMessage, res: ServerResponse): void {
  const acceptEncoding = req.headers["accept-encoding"];
  const encoding = preferredEncoding(acceptEncoding);
  // Next would compress the HTML before it reaches us: ask it for the plain text.
  delete req.headers["accept-encoding"];

  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  // Node's own write and end, called with whatever arguments Next gave (their overloads, loosely typed)
  const write = original.write as (this: ServerResponse, ...args: unknown[]) => boolean;
  const end = original.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  const decoder = new TextDecoder();
  let light: boolean | undefined;
  let stripper: ScriptStripper;
  let sink: { write(b: Buffer | string): void; flush(): void; end(): void };

  const decide = (): boolean => {
    if (light !== undefined) return light;
    const type = String(res.getHeader("content-type") ?? "");
    light = req.method !== "HEAD" && res.statusCode !== 204 && res.statusCode !== 304 && /^text\/html/i.test(type);
    if (!light) {
      // Not a page: Next's compression, which decides when the headers go, may have this answer (the wrappers stay,
      // passing everything through: Next's own wrappers are around them)
      if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
      return false;
    }
    const nonce = nonceOf(res.getHeader("content-security-policy"));
    stripper = new ScriptStripper(nonce ? `<script nonce="${nonce}">${ENHANCEMENT_SCRIPT}</script>` : "");
    res.removeHeader("content-length");
    res.removeHeader("etag"); // the validator of Next's body, not of this one
    const link = res.getHeader("link");
    if (link !== undefined) {
      const kept = withoutScriptLinks(link);
      if (kept) res.setHeader("link", kept);
      else res.removeHeader("link");
    }
    const vary = String(res.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary))
      res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const out = (chunk: Buffer | string) => write.call(res, chunk);
    if (encoding) {
      res.setHeader("content-encoding", encoding);
      const z =
        encoding === "br"
          ? zlib.createBrotliCompress({
              params: {
                // a page made for one request: a quick level (brotli's best is for files compressed once)
                [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              },
            })
          : zlib.createGzip({ level: 6 });
      z.on("data", out);
      z.on("end", () => end.call(res));
      z.on("error", (e) => res.destroy(e)); // cut short, never sent as if whole
      // the browser went away before the page was done: the compressor goes too
      res.once("close", () => z.destroy());
      sink = {
        write: (b) => void z.write(b),
        flush: () => z.flush(encoding === "br" ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH),
        end: () => z.end(),
      };
    } else {
      sink = { write: out, flush: () => undefined, end: () => end.call(res) };
    }
    return true;
  };

  const text = (chunk: unknown): string =>
    typeof chunk === "string"
      ? chunk
      : chunk instanceof Uint8Array
        ? decoder.decode(chunk, { stream: true })
        : chunk == null
          ? ""
          : String(chunk);

  res.writeHead = function (this: ServerResponse, status: number, ...args: unknown[]) {
    const headers = args.find((a) => a && typeof a === "object") as
      Record<string, string | string[]> | (string | string[])[] | undefined;
    const reason = args.find((a) => typeof a === "string") as string | undefined;
    if (Array.isArray(headers)) {
      // [[name, value], …] or Node's flat [name, value, name, value, …]
      if (headers.every(Array.isArray)) for (const [k, v] of headers as string[][]) res.setHeader(k!, v!);
      else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]!);
    } else if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.statusCode = status;
    if (reason) res.statusMessage = reason;
    decide();
    return original.writeHead.call(res, status);
  } as ServerResponse["writeHead"];

  res.flushHeaders = function () {
    decide();
    original.flushHeaders.call(res);
  };

  res.write = function (this: ServerResponse, chunk: unknown, enc?: unknown, cb?: unknown) {
    if (!decide()) return write.call(res, chunk, enc, cb);
    const callback = [enc, cb].find((a) => typeof a === "function") as WriteCallback | undefined;
    const html = stripper.push(text(chunk));
    if (html) {
      sink.write(html);
      sink.flush(); // the browser gets each part as Next streams it
    }
    if (callback) process.nextTick(callback);
    // a slow client: Next waits for 'drain' before it writes more (what is compressed waits in Node's buffer)
    return !res.writableNeedDrain;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, enc?: unknown, cb?: unknown) {
    if (typeof chunk === "function")
      return (res.end as (...args: unknown[]) => ServerResponse)(undefined, undefined, chunk);
    if (!decide()) return end.call(res, chunk, enc, cb);
    const callback = [enc, cb].find((a) => typeof a === "function") as WriteCallback | undefined;
    const html = stripper.push(text(chunk) + decoder.decode()) + stripper.end();
    if (html) sink.write(html);
    if (callback) res.once("finish", () => callback());
    sink.end();
    return res;
  } as ServerResponse["end"];
}
