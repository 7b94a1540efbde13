import { afterEach, describe, expect, it, vi } from "vitest";
import { initialActionState } from "../../lib/web/action-result";
import { makePin } from "../support/factories";

// The public forms' limits as their server actions apply them (issue 11, hole 5; session 13's review): the purchase
// journey's PIN step counts as a status check, a declined order's retry as a purchase start, an appeal per address.
// Next's request scope is stood in for: the client address, the journey's cookie, translations, the redirect.

const request = vi.hoisted(() => ({ address: "198.51.100.90", cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.address }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectedTo: to });
  },
}));

const { pinAction } = await import("../../app/[locale]/(public)/buy/actions");
const { retryOrderAction } = await import("../../app/[locale]/(public)/orders/actions");
const { fileAppealAction } = await import("../../app/[locale]/(public)/appeals/actions");

type Action = (prev: never, formData: FormData) => Promise<unknown>;
/** "redirected" for a step that went through, else the refusal's form error. */
async function post(action: Action, fields: Record<string, string>): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  try {
    const result = (await action(initialActionState() as never, form)) as { formError?: string; fieldErrors?: object };
    return result.formError ?? JSON.stringify(result.fieldErrors);
  } catch (e) {
    if ((e as { redirectedTo?: string }).redirectedTo) return "redirected";
    throw e;
  }
}

describe("public server actions and their limits", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("the purchase journey's PIN step: per PIN, from any address", async () => {
    vi.stubEnv("RATE_LIMIT_STATUS_PER_MINUTE", "100");
    vi.stubEnv("RATE_LIMIT_STATUS_PIN_PER_HOUR", "2");
    const pin = makePin();
    request.address = "198.51.100.91";
    expect(await post(pinAction, { locale: "ru", pin })).toBe("redirected");
    request.address = "198.51.100.92";
    expect(await post(pinAction, { locale: "ru", pin })).toBe("redirected");
    expect(await post(pinAction, { locale: "ru", pin })).toBe("security.tooManyRequests");
    expect(await post(pinAction, { locale: "ru", pin: makePin() })).toBe("redirected");
  });

  it("a declined order's retry counts as a purchase start", async () => {
    vi.stubEnv("RATE_LIMIT_PURCHASE_START_PER_HOUR", "2");
    request.address = "198.51.100.93";
    const secret = "x".repeat(43); // no such order: the retry answers with the journey's start
    expect(await post(retryOrderAction, { locale: "ru", secret })).toBe("redirected");
    expect(await post(retryOrderAction, { locale: "ru", secret })).toBe("redirected");
    expect(await post(retryOrderAction, { locale: "ru", secret })).toBe("security.tooManyRequests");
  });

  it("appeals filed online: per address", async () => {
    vi.stubEnv("RATE_LIMIT_APPEAL_FILE_PER_HOUR", "1");
    request.address = "198.51.100.94";
    const appeal = {
      locale: "ru",
      pin: makePin(),
      fullName: "Асанов Бек",
      phone: "",
      officeCode: "BISHKEK",
      subject: "Отказ в продаже полиса",
      text: "Прошу разобраться: терминал не принял оплату.",
    };
    expect(await post(fileAppealAction, appeal)).toBe("redirected");
    expect(await post(fileAppealAction, appeal)).toBe("security.tooManyRequests");
    request.address = "198.51.100.95";
    expect(await post(fileAppealAction, appeal)).toBe("redirected");
  });
});
