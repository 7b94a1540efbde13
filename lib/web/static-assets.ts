import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { log } from "@/lib/log";
import { CONFIG_HEADERS } from "./security-headers";

/**
 * The build's scripts and stylesheets compressed once, not per request (issue 17: the citizen on a slow phone).
 *
 * Next's production server gzips every `/_next/static/…` answer again for each request (level 6, ≈ 3 ms of CPU for
 * React DOM's 229 kB) and never offers brotli, though every current browser asks for it. These files never change
 * (their names carry their content's hash; Next marks them immutable), so the production server (server.js) answers
 * them from memory: brotli at its best quality when the browser accepts it (a citizen page's first load 117 kB
 * instead of 138 kB gzip), else gzip at level 9; the bytes are those of Next's own file, with Next's headers (cache
 * for a year, ETag, Last-Modified, the configured security headers) and `Vary: Accept-Encoding`.
 *
 * A file is compressed on its first request, in the background (libuv's threads): that request and any other until
 * it is ready are left to Next, as are a HEAD request, a byte range, a browser that accepts neither encoding, and any
 * path that is not an existing .js/.css file under the build's `static` directory (404s stay Next's).
 */
type Encoded = { br: Buffer; gzip: Buffer; etag: string; lastModified: string; type: string };

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
};
const PREFIX = "/_next/static/";
/** Hash-named build output: letters, digits and `_ - . ~ /`, nothing that climbs out (checked again on the path). */
const SAFE = /^[A-Za-z0-9_\-.~/]+$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The first encoding of Accept-Encoding this lane serves, by the browser's order of preference (q=0 refuses one). */
export function preferredEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  let best: { name: "br" | "gzip"; q: number } | null = null;
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName?.trim().toLowerCase();
    if (name !== "br" && name !== "gzip") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    // equal preference: brotli, the smaller
    if (!best || q > best.q || (q === best.q && name === "br")) best = { name, q };
  }
  return best?.name ?? null;
}

/** The file under `staticDir` a `/_next/static/…` path names, or null (another path, another type, a way out). */
export function staticFileOf(staticDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith(PREFIX)) return null;
  const rest = urlPath.slice(PREFIX.length);
  if (!SAFE.test(rest) || rest.split("/").some((s) => s === "" || s === "." || s === "..")) return null;
  if (!(path.extname(rest) in TYPES)) return null;
  const file = path.join(staticDir, rest);
  return file.startsWith(staticDir + path.sep) ? file : null;
}

export class StaticAssets {
  private readonly ready = new Map<string, Encoded>();
  private readonly pending = new Set<string>();

  constructor(private readonly staticDir: string) {}

  /** Answers the request and returns true when the compressed file is ready; false leaves it to Next. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" || req.headers.range) return false;
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const file = staticFileOf(this.staticDir, q === -1 ? url : url.slice(0, q));
    if (!file) return false;
    const encoding = preferredEncoding(req.headers["accept-encoding"]);
    if (!encoding) return false;
    const encoded = this.ready.get(file);
    if (!encoded) {
      this.prepare(file);
      return false;
    }
    const headers: Record<string, string> = {
      ...CONFIG_HEADERS,
      "cache-control": "public, max-age=31536000, immutable",
      "last-modified": encoded.lastModified,
      etag: encoded.etag,
      "content-type": encoded.type,
      vary: "Accept-Encoding",
    };
    if (req.headers["if-none-match"] === encoded.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    const body = encoded[encoding];
    res.writeHead(200, { ...headers, "content-encoding": encoding, "content-length": String(body.length) });
    res.end(body);
    return true;
  }

  /** Compresses the file in the background (once); a file that is not there stays Next's (its 404). */
  private prepare(file: string): void {
    if (this.pending.has(file)) return;
    this.pending.add(file);
    void (async () => {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) return;
      const raw = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      this.ready.set(file, {
        br,
        gzip: gz,
        // Next's own validator for the same file (send's weak ETag: size and mtime in hex)
        etag: `W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}"`,
        lastModified: stat.mtime.toUTCString(),
        type: TYPES[path.extname(file)]!,
      });
    })()
      .catch((e: unknown) => {
        // not there (Next answers 404) or unreadable: this request and the next are Next's; a later one tries again
        if ((e as NodeJS.ErrnoException).code !== "ENOENT")
          log.warn({ error: (e as Error).message }, "static assets: not compressed");
      })
      .finally(() => {
        if (!this.ready.has(file)) this.pending.delete(file);
      });
  }
}
