import { describe, expect, it } from "vitest";
import { fastRoute } from "../../../lib/web/fast-lane";

// Issue 17: the production server answers these before Next's router; everything else stays Next's (its 404, 405,
// trailing-slash redirect and proxy). The answers themselves are checked over HTTP in tests/security/http.test.ts.
describe("the fast lane takes the status API and the terminals, nothing else", () => {
  const cases: [method: string, path: string, route: string | null, params?: object][] = [
    ["GET", "/api/v1/status", "/api/v1/status"],
    ["HEAD", "/api/v1/status", null],
    ["POST", "/api/v1/status", null],
    ["GET", "/api/v1/status/", null],
    ["GET", "/api/v1/statuses", null],
    ["GET", "/api/v1/terminal/quickpay", "/api/v1/terminal/[provider]", { provider: "quickpay" }],
    ["POST", "/api/v1/terminal/quickpay", "/api/v1/terminal/[provider]", { provider: "quickpay" }],
    [
      "GET",
      "/api/v1/terminal/pay24/student",
      "/api/v1/terminal/[provider]/[service]",
      { provider: "pay24", service: "student" },
    ],
    ["GET", "/api/v1/terminal/quick%70ay", "/api/v1/terminal/[provider]", { provider: "quickpay" }],
    ["GET", "/api/v1/terminal/%E0%A4%A", null],
    ["PUT", "/api/v1/terminal/quickpay", null],
    ["GET", "/api/v1/terminal/", null],
    ["GET", "/api/v1/terminal/quickpay/citizen/extra", null],
    ["GET", "/api/v1/tariffs", null],
    ["GET", "/ru/status", null],
  ];
  it.each(cases)("%s %s → %s", (method, path, route, params) => {
    const match = fastRoute(method, path);
    expect(match?.route ?? null).toBe(route);
    if (params) expect(match && "params" in match ? match.params : undefined).toEqual(params);
  });
});
