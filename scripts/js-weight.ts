/**
 * npm run check:js-weight — the first-load JavaScript of every citizen page (issue 17: at most 110 kB compressed).
 *
 * What a browser downloads with a citizen page. The production server sends the citizen pages light
 * (lib/web/light-pages.ts): without the framework's scripts, with one inline script of the portal's own
 * (lib/web/enhance-citizen-page.ts) — that script is the page's JavaScript, counted here from its source as the
 * server inlines it (the build minifies it further: the figure is an upper bound). tests/e2e/light-pages.spec.ts checks
 * in Chromium that a citizen page of the production server loads no other script.
 *
 * Beside it, read from the production build, what Next's own build would load for the page — what `next dev` sends,
 * and the production server with LIGHT_CITIZEN_PAGES=0: the framework's root chunks (`rootMainFiles` of
 * .next/build-manifest.json, the Turbopack runtime among them) and the chunks of the client components of the page, its
 * layouts and their boundaries (every list in `entryJSFiles` of the page's client reference manifest). Next 16's
 * floor alone (its runtime and the App Router's own client components, loaded by any page) is about 136 kB gzip: over
 * the limit, which is why the citizen pages go without it. With LIGHT_CITIZEN_PAGES=0 in the environment the check
 * measures those instead, and fails.
 *
 * Each file is counted once, compressed with gzip (zlib's default level 6: the limit's measure); brotli is printed
 * beside it (what a current browser gets from the production server). Legacy polyfills (`polyfillFiles`) are left
 * out: `nomodule` scripts that no current browser downloads. JS_WEIGHT_LIMIT_KB changes the limit (110).
 *
 * Prints a table and exits 1 when any citizen page passes the limit, 2 when there is no build. The build directory is
 * NEXT_DIST_DIR, else .next (`npm run build`).
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { ENHANCEMENT_SCRIPT, lightPagesEnabled } from "../lib/web/light-pages";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || ".next");
const limitKb = Number(process.env.JS_WEIGHT_LIMIT_KB ?? 110);
/** The production server's default: the citizen pages without the framework (lib/web/light-pages.ts). */
const light = lightPagesEnabled();
/**
 * Next's own client components (layout router, error boundaries), in every App Router page's first load: the chunks of
 * the root layout's entry — app/layout.tsx renders no client component of its own (it returns its children) — or,
 * in a build without a global-error.tsx of the app's own, of Next's built-in global error.
 */
const ROOT_LAYOUT_ENTRY = "[project]/app/layout";
const NEXT_BUILTIN_ENTRY = "[project]/node_modules/next/dist/client/components/builtin/global-error";
/** The citizens' part of the portal: every page under this route group. */
const CITIZEN_GROUP = path.join("[locale]", "(public)");

type RscManifest = { entryJSFiles?: Record<string, string[]> };
type Weight = { raw: number; gzip: number; brotli: number };
type Files = Weight & { files: number };
/** A page: what the browser downloads (`sent`), and what Next's build would have it load (`next`). */
type Row = { route: string; sent: Files; next: Files };

function fail(message: string, code: number): never {
  console.error(`check:js-weight: ${message}`);
  process.exit(code);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Every `page_client-reference-manifest.js` under a directory. */
function manifestsUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page_client-reference-manifest.js")
    .map((f) => path.join(dir, f))
    .sort();
}

/** The manifest is a script that assigns `globalThis.__RSC_MANIFEST[<page>]`: run it in a sandbox of its own. */
function loadManifest(file: string): Record<string, RscManifest> {
  const sandbox: { __RSC_MANIFEST?: Record<string, RscManifest>; self?: unknown; globalThis?: unknown } = {};
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  return sandbox.__RSC_MANIFEST ?? {};
}

const sizes = new Map<string, Weight>();
function weightOf(buf: Buffer): Weight {
  return { raw: buf.length, gzip: zlib.gzipSync(buf).length, brotli: zlib.brotliCompressSync(buf).length };
}
function sizeOf(file: string): Weight {
  let s = sizes.get(file);
  if (!s) {
    s = weightOf(fs.readFileSync(path.join(distDir, file)));
    sizes.set(file, s);
  }
  return s;
}

/** "/[locale]/(public)/buy/pin/page" → "/[locale]/buy/pin" (route groups are not in the URL). */
function urlOf(page: string): string {
  const url = page
    .replace(/\/page$/, "")
    .split("/")
    .filter((seg) => !/^\(.*\)$/.test(seg))
    .join("/");
  return url || "/";
}

function main() {
  const buildManifestFile = path.join(distDir, "build-manifest.json");
  if (!fs.existsSync(buildManifestFile)) fail(`no production build in ${distDir}: run \`npm run build\` first`, 2);
  const rootMain = readJson<{ rootMainFiles?: string[] }>(buildManifestFile).rootMainFiles ?? [];
  if (!rootMain.length) fail(`${buildManifestFile} lists no rootMainFiles: not an App Router build?`, 2);

  const weigh = (list: string[]): Files => {
    const files = [...new Set(list)].filter((f) => f.endsWith(".js"));
    const total: Weight = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = sizeOf(f);
      total.raw += s.raw;
      total.gzip += s.gzip;
      total.brotli += s.brotli;
    }
    return { files: files.length, ...total };
  };

  const enhancement: Files = { files: 0, ...weightOf(Buffer.from(ENHANCEMENT_SCRIPT)) };
  const rows: Row[] = [];
  let builtin: string[] | undefined;
  for (const file of manifestsUnder(path.join(distDir, "server", "app", CITIZEN_GROUP))) {
    for (const [page, manifest] of Object.entries(loadManifest(file))) {
      const entries = manifest.entryJSFiles;
      if (!entries) fail(`${file} has no entryJSFiles for ${page}: has the build output's format changed?`, 2);
      builtin ??= entries[ROOT_LAYOUT_ENTRY] ?? entries[NEXT_BUILTIN_ENTRY];
      const next = weigh([...rootMain, ...Object.values(entries).flat()]);
      rows.push({ route: urlOf(page), next, sent: light ? enhancement : next });
    }
  }
  if (!rows.length) fail(`no citizen pages (app/${CITIZEN_GROUP}) in ${distDir}`, 2);
  rows.sort((a, b) => a.route.localeCompare(b.route));

  const kb = (n: number) => (n / 1000).toFixed(1);
  const floor = weigh([...rootMain, ...(builtin ?? [])]);
  const limit = limitKb * 1000;
  const over = rows.filter((r) => r.sent.gzip > limit);
  console.log(`First-load JavaScript of the citizen pages (${path.relative(root, distDir)}; kB = 1 000 bytes)`);
  console.log(
    light
      ? "Sent light (lib/web/light-pages.ts): the portal's inline script only; Next's build for each page beside it."
      : "LIGHT_CITIZEN_PAGES=0: the pages are sent with Next's scripts.",
  );
  console.log("");
  console.log("| page | files | gzip kB | brotli kB | Next's scripts for it: files | gzip kB | brotli kB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const mark = r.sent.gzip > limit ? " ✖" : "";
    console.log(
      `| \`${r.route}\` | ${r.sent.files} | ${kb(r.sent.gzip)}${mark} | ${kb(r.sent.brotli)} | ${r.next.files} | ${kb(r.next.gzip)} | ${kb(r.next.brotli)} |`,
    );
  }
  console.log(
    `| (Next's floor: its runtime and its own client components, loaded by any page) | | | | ${floor.files} | ${kb(floor.gzip)} | ${kb(floor.brotli)} |`,
  );
  console.log("");
  console.log(`limit: ${kb(limit)} kB gzip (files 0: the script is inline in the page)`);
  if (over.length) {
    console.log(`✖ ${over.length} citizen page(s) over ${kb(limit)} kB gzip: ${over.map((r) => r.route).join(", ")}`);
    process.exit(1);
  }
  const max = Math.max(...rows.map((r) => r.sent.gzip));
  console.log(`✓ every citizen page at most ${kb(limit)} kB gzip (the heaviest: ${kb(max)} kB)`);
}

main();
