import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Serves one App Router route handler over real HTTP on 127.0.0.1, so integration tests speak HTTP to the same code
 * Next runs (without building the app). `params` are taken from the path with the given pattern, e.g. /terminal/:provider.
 */
export async function serveRoute(
  pattern: string,
  handler: Handler,
): Promise<{ url: string; close: () => Promise<void> }> {
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, "([^/]+)")}$`);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const match = regex.exec(url.pathname);
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      // What Next does for a request that came straight from a socket.
      if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
      const response = await handler(new Request(url, { method: req.method, headers }), {
        params: Promise.resolve(params),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
