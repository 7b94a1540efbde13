// The portal's production server (`npm run start`, issue 17): Next's own request handler behind Node's `http` server,
// with two differences from `next start` — the status API and the terminals' protocol are answered by the fast lane
// (lib/web/fast-lane.ts) before Next's router sees them, and the citizen pages leave without the framework's scripts
// (lib/web/light-pages.ts). Everything else is Next's.
//
//   node server.js [-p|--port 3000] [-H|--hostname 0.0.0.0]      (PORT is read too; the default is all interfaces)
//
// The lane is compiled by Next with the app and published by instrumentation.ts when Next starts, so this file stays
// plain JavaScript. The production checks (next.config.js: PORTAL_URL, DATABASE_URL, …) run inside app.prepare().
import { createServer } from "node:http";
import v8 from "node:v8";

process.env.NODE_ENV ||= "production";

// Memory (issue 17): under a burst V8 lets the heap grow up to four times what survived the last full collection —
// 437 MB resident at 100 status checks in flight, where 1.3 times suffices. A fixed growth factor keeps the heap
// near what is live; it caps nothing (a staff's file import still gets what it needs, in more frequent collections).
v8.setFlagsFromString("--heap-growing-percent=30");

function option(names, fallback) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split("=", 2);
    if (names.includes(name)) return inline ?? args[i + 1];
  }
  return fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT ?? "3000"));
const hostname = option(["-H", "--hostname"], undefined);

const { default: next } = await import("next");
// The fast lane answers the build's static files from this directory, as Next does (lib/web/fast-lane.ts).
globalThis[Symbol.for("oms.appDir")] = import.meta.dirname;
const app = next({ dev: false, dir: import.meta.dirname, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

try {
  await app.prepare();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

// Published by instrumentation.ts, which Next runs when it prepares its render server — at its first request.
let serveFast = null;
const fastLane = () => (serveFast ??= globalThis[Symbol.for("oms.fastLane")] ?? null);
// Light citizen pages (lib/web/light-pages.ts): their HTML leaves without the framework's scripts.
const lightPages = () => globalThis[Symbol.for("oms.lightPages")] ?? null;

const server = createServer((req, res) => {
  const fast = fastLane();
  if (fast && fast(req, res)) return;
  lightPages()?.(req, res);
  void handle(req, res);
});
// Behind a load balancer: keep idle connections a little longer than its own idle timeout (60 s is common).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, async () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  // The first request makes Next prepare (instrumentation.ts: the fast lane, the jobs), so that no client waits for it.
  const local = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const origin = `http://${local.includes(":") ? `[${local}]` : local}:${actual}`;
  await fetch(`${origin}/api/health`).catch(() => undefined);
  console.log(`OMS portal ready on ${origin} (production; fast lane ${fastLane() ? "on" : "OFF"})`);
});

function shutdown(signal) {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
