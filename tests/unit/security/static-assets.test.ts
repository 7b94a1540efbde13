import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredEncoding, StaticAssets, staticFileOf } from "@/lib/web/static-assets";

describe("the encoding a browser is answered with", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0.1", "gzip"],
    ["BR", "br"],
    ["gzip;q=1.0, br;q=1.0", "br"],
    ["identity", null],
    ["deflate, zstd", null],
    ["br;q=0, gzip;q=0", null],
    ["", null],
    [undefined, null],
  ])("Accept-Encoding %j → %j", (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe("which paths are the build's static files", () => {
  const dir = "/srv/portal/.next/static";
  it.each([
    ["/_next/static/chunks/0ybv8mj2f-1lj.js", `${dir}/chunks/0ybv8mj2f-1lj.js`],
    ["/_next/static/chunks/253w1s65e0_k7.css", `${dir}/chunks/253w1s65e0_k7.css`],
    ["/_next/static/chunks/../../server/app.js", null],
    ["/_next/static/chunks/%2e%2e/x.js", null],
    ["/_next/static//etc/passwd.js", null],
    ["/_next/static/./chunks/a.js", null],
    ["/_next/static/BUILD_ID", null],
    ["/_next/static/media/font.woff2", null],
    ["/_next/static/chunks/a.js.map", null],
    ["/_next/image?url=a.js", null],
    ["/ru", null],
  ])("%s → %s", (urlPath, expected) => {
    expect(staticFileOf(dir, urlPath)).toBe(expected);
  });
});

describe("a static file is answered compressed once, from memory", () => {
  let tmp: string;
  let server: http.Server;
  let base: string;
  const js = `${"console.log('Полис ОМС');\n".repeat(2000)}`;
  /** requests the lane left to "Next" (here: a 299 answer) */
  let leftToNext = 0;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "oms-static-"));
    fs.mkdirSync(path.join(tmp, "chunks"));
    fs.writeFileSync(path.join(tmp, "chunks", "app.js"), js);
    fs.writeFileSync(path.join(tmp, "chunks", "site.css"), "body{color:#000}\n".repeat(100));
    const assets = new StaticAssets(tmp);
    server = http.createServer((req, res) => {
      if (assets.serve(req, res)) return;
      leftToNext++;
      res.writeHead(299).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** node:http's client: the raw answer (fetch would decompress it) */
  function get(urlPath: string, headers: Record<string, string> = {}, method = "GET") {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${base}${urlPath}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  async function ready(urlPath: string) {
    for (let i = 0; i < 100; i++) {
      const res = await get(urlPath, { "accept-encoding": "br" });
      if (res.status === 200) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${urlPath} never became ready`);
  }

  it("the first request is left to Next while the file is compressed; then brotli, byte for byte the file", async () => {
    const before = leftToNext;
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, br" })).status).toBe(299);
    expect(leftToNext).toBe(before + 1);
    await ready("/_next/static/chunks/app.js");
    const res = await get("/_next/static/chunks/app.js?dpl=1", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(zlib.brotliDecompressSync(res.body).toString("utf8")).toBe(js);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(js) / 20);
  });

  it("gzip for a browser without brotli; Next's answer for one that accepts neither", async () => {
    await ready("/_next/static/chunks/app.js");
    const gz = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString("utf8")).toBe(js);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "identity" })).status).toBe(299);
    expect((await get("/_next/static/chunks/app.js")).status).toBe(299);
  });

  it("a stylesheet has its own type; the validator answers 304 with no body", async () => {
    await ready("/_next/static/chunks/site.css");
    const res = await get("/_next/static/chunks/site.css", { "accept-encoding": "br" });
    expect(res.headers["content-type"]).toBe("text/css; charset=UTF-8");
    const again = await get("/_next/static/chunks/site.css", {
      "accept-encoding": "br",
      "if-none-match": String(res.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("a missing file, a way out, HEAD and a byte range stay Next's", async () => {
    for (const p of ["/_next/static/chunks/missing.js", "/_next/static/chunks/../../etc/passwd.js"]) {
      expect((await get(p, { "accept-encoding": "br" })).status).toBe(299);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect((await get("/_next/static/chunks/missing.js", { "accept-encoding": "br" })).status).toBe(299);
    await ready("/_next/static/chunks/app.js");
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD")).status).toBe(299);
    expect((await get("/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=0-9" })).status).toBe(
      299,
    );
  });
});
