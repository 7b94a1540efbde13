import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Issue 16: "a database that goes away answers 503 with a translated page, and the app recovers by itself when it
// returns". A production server of the suite's build talks to PostgreSQL through a TCP relay this test owns; closing
// the relay (and cutting its connections) is the database going away, opening it again is the database returning.
const own = inject("ownServer");
const PORT = Number(process.env.SECURITY_PORT ?? 3200) + 2;
const base = `http://127.0.0.1:${PORT}`;

class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!own)("the database goes away and comes back (issue 16)", () => {
  let relay: Relay;
  let server: ChildProcess;
  let output = "";

  beforeAll(async () => {
    const db = new URL(own!.databaseUrl);
    relay = new Relay({ host: db.hostname, port: Number(db.port || 5432) }, PORT + 1000);
    await relay.open();
    db.hostname = "127.0.0.1";
    db.port = String(relay.port);
    server = spawn(process.execPath, ["server.js", "-H", "127.0.0.1", "-p", String(PORT)], {
      env: {
        ...own!.env,
        DATABASE_URL: db.toString(),
        PORTAL_URL: base,
        NEXTAUTH_URL: base,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    for (const stream of [server.stdout, server.stderr]) stream?.on("data", (d: Buffer) => (output += d.toString()));
    await until("the server", async () => ((await fetch(`${base}/api/health/ready`)).ok ? true : null), 300_000).catch(
      (e: Error) => {
        throw new Error(`${e.message}; its output:\n${output.slice(-3000)}`);
      },
    );
  });

  afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await relay?.close();
  });

  it("answers 503 with a translated page while it is away, and recovers by itself", async () => {
    expect((await fetch(`${base}/api/v1/tariffs`)).status).toBe(200);
    expect((await fetch(`${base}/ru/status`)).status).toBe(200);

    await relay.close();
    // The first request to need the database learns that it is gone (or the pool's idle connections already did).
    const tariffs = await until("503 from the API", async () => {
      const res = await fetch(`${base}/api/v1/tariffs`);
      return res.status === 503 ? res : null;
    });
    expect(tariffs.headers.get("retry-after")).toBe("10");
    const body = (await tariffs.json()) as { error: { code: string; messages: { ru: string; ky: string } } };
    expect(body.error.code).toBe("security.unavailable.api");
    expect(body.error.messages.ky).toMatch(/маалымат базасы/);

    // the status API, which the proxy skips (issue 17), answers the same by itself
    const statusApi = await fetch(`${base}/api/v1/status?pin=21505198500017`);
    expect(statusApi.status).toBe(503);
    expect(((await statusApi.json()) as { error: { code: string } }).error.code).toBe("security.unavailable.api");

    const ru = await fetch(`${base}/ru/status`);
    expect(ru.status).toBe(503);
    const ruHtml = await ru.text();
    expect(ruHtml).toContain('<html lang="ru">');
    expect(ruHtml).toContain("Сервис временно недоступен");
    const ky = await fetch(`${base}/ky/buy`);
    expect(ky.status).toBe(503);
    expect(await ky.text()).toContain("Кызмат убактылуу жеткиликсиз");
    // the process is alive (no restart wanted); it is not ready for traffic
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(503);

    await relay.open();
    await until("recovery", async () => ((await fetch(`${base}/ru/status`)).status === 200 ? true : null), 20_000);
    expect((await fetch(`${base}/api/v1/tariffs`)).status).toBe(200);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
  });
});
