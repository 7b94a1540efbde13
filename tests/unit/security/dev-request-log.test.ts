import { createRequire } from "node:module";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (Next reads it before any TypeScript is compiled)
import config from "../../../next.config.js";

// `next dev` prints each request's URL; the URLs that carry personal data are left out (README "Security"). Checked
// with Next's own decision (the function its development server asks before printing a request).
const { ignoreLoggingIncomingRequests } = createRequire(import.meta.url)("next/dist/server/dev/log-requests.js") as {
  ignoreLoggingIncomingRequests: (request: { url: string }, logging: unknown) => boolean;
};
const logging = (config as (phase: string) => { logging: unknown })(PHASE_DEVELOPMENT_SERVER).logging;

describe("the development server's request log", () => {
  it.each([
    "/api/v1/status?pin=21505198500017",
    "/api/v1/status?document=AN1234567",
    "/api/v1/terminal/quickpay?command=pay&txn_id=1&account=21505198500017&sum=1840&fio=Сыдыков&phone=0700123456",
    "/api/v1/terminal/megacom/citizen",
    "/ru/registries?pin=21505198500017",
    "/ru/desk?PIN=21505198500017",
  ])("leaves out %s", (url) => {
    expect(ignoreLoggingIncomingRequests({ url }, logging)).toBe(true);
  });

  it.each(["/ru", "/ky/buy/pin", "/api/health", "/api/v1/tariffs", "/ru/office/journal?page=2", "/ru/statuses"])(
    "prints %s",
    (url) => {
      expect(ignoreLoggingIncomingRequests({ url }, logging)).toBe(false);
    },
  );
});
