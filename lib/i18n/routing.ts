import { defineRouting } from "next-intl/routing";

// Russian and Kyrgyz are both official languages; every page exists in both (/ru/…, /ky/…).
export const routing = defineRouting({
  locales: ["ru", "ky"],
  defaultLocale: "ru",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
