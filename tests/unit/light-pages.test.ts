import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ENHANCEMENT_SCRIPT,
  isLightPageRequest,
  lightPagesEnabled,
  nonceOf,
  ScriptStripper,
  serveLightPage,
} from "@/lib/web/light-pages";

// Issue 17: the citizen pages leave the production server without the framework's scripts (lib/web/light-pages.ts).

const INSERT = "<script>ENHANCE</script>";

/** Runs the stripper over the text cut into the given pieces. */
function strip(pieces: string[]): string {
  const s = new ScriptStripper(INSERT);
  return pieces.map((p) => s.push(p)).join("") + s.end();
}

const CASES: { name: string; html: string; expected: string }[] = [
  {
    name: "Next's chunk scripts, its inline hydration data and the script preloads go; the page stays",
    html:
      '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/>' +
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>' +
      '<link rel="modulepreload" href="/m.js"/>' +
      '<script src="/_next/static/chunks/c.js" async="" nonce="N"></script>' +
      '<script src="/p.js" noModule=""></script><title>Статус</title></head>' +
      '<body><main><form action="" method="POST"><input name="pin"/></form></main>' +
      '<script nonce="N">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>' +
      '<script nonce="N" id="_R_">(globalThis.TURBOPACK||=[]).push({})</script></body></html>',
    expected:
      '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/>' +
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
      "<title>Статус</title></head>" +
      '<body><main><form action="" method="POST"><input name="pin"/></form></main>' +
      INSERT +
      "</body></html>",
  },
  {
    name: "React's streaming instructions stay (they reveal a late part of the page)",
    html: '<body><div hidden id="S:0">late</div><script>$RC("B:0","S:0")</script></body>',
    expected: '<body><div hidden id="S:0">late</div><script>$RC("B:0","S:0")</script>' + INSERT + "</body>",
  },
  {
    name: "other links, comments, escaped text and attributes are untouched",
    html:
      '<head><link rel="icon" href="/favicon.ico"/><link rel="preload" as="style" href="/s.css"/></head>' +
      '<body><!--$--><p title="a &gt; b">1 &lt;script&gt; 2</p><!--/$--></body>',
    expected:
      '<head><link rel="icon" href="/favicon.ico"/><link rel="preload" as="style" href="/s.css"/></head>' +
      '<body><!--$--><p title="a &gt; b">1 &lt;script&gt; 2</p><!--/$-->' +
      INSERT +
      "</body>",
  },
  {
    name: "Next's error shell of a notFound() page keeps its scripts (it is drawn in the browser: next.js#62228)",
    html:
      '<!DOCTYPE html><html id="__next_error__"><head><link rel="preload" as="script" href="/a.js"/></head>' +
      '<body><div hidden=""><!--$--><!--/$--></div><script src="/a.js" async=""></script>' +
      "<script>self.__next_f.push([1])</script></body></html>",
    expected:
      '<!DOCTYPE html><html id="__next_error__"><head><link rel="preload" as="script" href="/a.js"/></head>' +
      '<body><div hidden=""><!--$--><!--/$--></div><script src="/a.js" async=""></script>' +
      "<script>self.__next_f.push([1])</script></body></html>",
  },
  {
    name: "a page without </body> gets no script",
    html: "<p>a</p><script>x()</script><p>b</p>",
    expected: "<p>a</p><p>b</p>",
  },
];

describe("ScriptStripper", () => {
  for (const c of CASES) {
    it(`${c.name}: whole`, () => {
      expect(strip([c.html])).toBe(c.expected);
    });
    it(`${c.name}: cut in two at every place`, () => {
      for (let i = 0; i <= c.html.length; i++) expect(strip([c.html.slice(0, i), c.html.slice(i)])).toBe(c.expected);
    });
    it(`${c.name}: one character at a time`, () => {
      expect(strip([...c.html])).toBe(c.expected);
    });
  }

  it("inserts the script once", () => {
    expect(strip(["<body></body>", "<body></body>"])).toBe(`<body>${INSERT}</body><body></body>`);
  });
});

describe("which requests are light pages", () => {
  const ROWS: [method: string, url: string, headers: Record<string, string>, light: boolean][] = [
    ["GET", "/ru", {}, true],
    ["GET", "/ky/status", {}, true],
    ["GET", "/ru/buy/pin?x=1", {}, true],
    ["POST", "/ru/status", { "content-type": "multipart/form-data; boundary=x" }, true],
    ["GET", "/ru/staff", {}, false],
    ["GET", "/ky/staff/sign-in", {}, false],
    ["GET", "/ru/staffing", {}, true], // a citizen's 404 page, not a staff one
    ["GET", "/ru/status", { rsc: "1" }, false],
    ["POST", "/ru/status", { "next-action": "abc" }, false],
    ["GET", "/ru/status", { "next-router-state-tree": "x" }, false],
    ["GET", "/api/v1/status?pin=1", {}, false],
    ["GET", "/_next/static/chunks/a.js", {}, false],
    ["GET", "/", {}, false],
    ["GET", "/en/status", {}, false],
    ["PUT", "/ru/status", {}, false],
    ["HEAD", "/ru/status", {}, false],
  ];
  for (const [method, url, headers, light] of ROWS) {
    it(`${method} ${url} ${JSON.stringify(headers)} → ${light}`, () => {
      expect(isLightPageRequest(method, url, headers)).toBe(light);
    });
  }

  it("is on unless LIGHT_CITIZEN_PAGES=0", () => {
    expect(lightPagesEnabled({})).toBe(true);
    expect(lightPagesEnabled({ LIGHT_CITIZEN_PAGES: "1" })).toBe(true);
    expect(lightPagesEnabled({ LIGHT_CITIZEN_PAGES: "0" })).toBe(false);
  });

  it("reads the nonce of the page's policy", () => {
    expect(nonceOf("script-src 'self' 'nonce-YWJj+/=' 'strict-dynamic'")).toBe("YWJj+/=");
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });

  it("the inline script is the enhancement function, called", () => {
    expect(ENHANCEMENT_SCRIPT).toMatch(/^\(function enhanceCitizenPage\(\)/);
    expect(ENHANCEMENT_SCRIPT.endsWith(")()")).toBe(true);
    expect(() => new Function(ENHANCEMENT_SCRIPT)).not.toThrow(); // it parses
  });
});

/** A server whose handler writes like Next does, behind serveLightPage; answers the raw response. */
async function answer(
  write: (res: ServerResponse) => void,
  request: { path?: string; headers?: Record<string, string> } = {},
) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    serveLightPage(req, res);
    write(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // node:http, not fetch: the body as sent, not decompressed
    return await new Promise<{ status: number; headers: Map<string, string>; body: Buffer }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port, path: request.path ?? "/ru/status", headers: request.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const headers = new Map(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
  } finally {
    server.close();
  }
}

const PAGE =
  '<html><head><script src="/_next/static/chunks/a.js" async=""></script></head>' +
  "<body><p>Полис</p><script>self.__next_f.push([1])</script></body></html>";

function nextLikePage(res: ServerResponse) {
  res.statusCode = 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", "script-src 'nonce-abc' 'strict-dynamic'");
  res.setHeader("link", '</_next/static/chunks/a.js>; rel=preload; as="script", </a.css>; rel=preload; as="style"');
  res.setHeader("content-length", String(Buffer.byteLength(PAGE)));
  // cut inside a multi-byte letter and inside a tag, as a stream may
  const bytes = Buffer.from(PAGE);
  const cut = bytes.indexOf(Buffer.from("Полис")) + 1;
  res.write(bytes.subarray(0, 20));
  res.write(bytes.subarray(20, cut));
  res.end(bytes.subarray(cut));
}

describe("serveLightPage", () => {
  const EXPECTED = `<html><head></head><body><p>Полис</p><script nonce="abc">${ENHANCEMENT_SCRIPT}</script></body></html>`;

  it("sends the stripped page, brotli-compressed when the browser asks for it", async () => {
    const r = await answer(nextLikePage, { headers: { "accept-encoding": "gzip, br" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-encoding")).toBe("br");
    expect(r.headers.get("content-length")).toBeUndefined();
    expect(r.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(r.headers.get("link")).toBe('</a.css>; rel=preload; as="style"');
    expect(zlib.brotliDecompressSync(r.body).toString()).toBe(EXPECTED);
  });

  it("gzip, or nothing, as asked", async () => {
    const gz = await answer(nextLikePage, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(EXPECTED);
    const plain = await answer(nextLikePage, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeUndefined();
    expect(plain.body.toString()).toBe(EXPECTED);
  });

  it("anything but HTML passes as it was written (a redirect, JSON)", async () => {
    const redirect = await answer((res) => {
      res.writeHead(303, { location: "/ru/buy/pin", "content-type": "text/plain" });
      res.end("See /ru/buy/pin");
    });
    expect(redirect.status).toBe(303);
    expect(redirect.body.toString()).toBe("See /ru/buy/pin");
    const json = await answer(
      (res) => {
        res.setHeader("content-type", "application/json");
        res.end('{"a":"<script>"}');
      },
      { headers: { "accept-encoding": "br" } },
    );
    expect(json.headers.get("content-encoding")).toBeUndefined();
    expect(json.body.toString()).toBe('{"a":"<script>"}');
  });

  it("headers given to writeHead as a list count too", async () => {
    const flat = await answer((res) => {
      res.writeHead(200, ["content-type", "text/html; charset=utf-8", "x-a", "1"]);
      res.end(PAGE);
    });
    expect(flat.headers.get("x-a")).toBe("1");
    expect(flat.body.toString()).toBe(`<html><head></head><body><p>Полис</p></body></html>`);
  });

  it("HTML written through writeHead with its headers is stripped too", async () => {
    const r = await answer((res) => {
      res.writeHead(404, { "content-type": "text/html", "content-length": String(PAGE.length * 2) });
      res.end(PAGE);
    });
    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe(`<html><head></head><body><p>Полис</p></body></html>`);
  });
});
