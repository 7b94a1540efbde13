// ESLint flat config (ESLint 9). Next's own presets, jsx-a11y's recommended rules, and
// eslint-config-prettier last so that formatting is Prettier's job alone.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import prettier from "eslint-config-prettier/flat";

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "tests/.tmp/**",
      "coverage/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  // eslint-config-next already registers the jsx-a11y plugin (with a handful of its rules);
  // registering it a second time would be an error, so only the recommended rule set is added.
  {
    name: "jsx-a11y/recommended-rules",
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A wide table scrolls inside a focusable region (axe: scrollable-region-focusable), so keyboard users can scroll it.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"], tags: [] }],
    },
  },
  {
    name: "project/unused-vars",
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // `const { secret: _secret, ...rest } = row` is how the code drops a field: not an unused variable.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  prettier,
];

export default config;
