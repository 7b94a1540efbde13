// The target shape of lib/, app/ and components/ (STYLE.md "Boundaries", issue 10), as dependency-cruiser rules.
//
//   npm run deps                         — the CLI report
//   npx vitest run -c tests/vitest.config.ts --project unit tests/unit/boundaries.test.ts
//                                        — the same rules as a test, plus the lib-folder cycle check
//
// Paths are relative to the repository root. npm packages resolve to "node_modules/<name>/…", Node built-ins to their
// bare name ("fs", "node:fs"). Each rule's `comment` is what a newcomer reads when it fails: say what to do instead.

/** Data-access files: the only lib files that may talk to the database. */
const DATA_ACCESS = [
  "^lib/db/",
  "(^|/)(queries|mutations)[.]ts$",
  "/(queries|mutations)/",
  "^lib/payments/record-payment[.]ts$",
  // command-line entry points (npm run user:create) own their process's connection, like prisma/seed.ts
  "^lib/cli/",
];

/** lib/web modules that hold no server code (plain types and helpers shared by client and server). */
const LIB_WEB_CLIENT_SAFE = ["^lib/web/action-result[.]ts$"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "rules-pure",
      severity: "error",
      comment:
        "lib/rules is pure: it may import only lib/rules, date-fns, @date-fns/tz, zod and lib/i18n/messages/*/rules.json; pass anything else in as an argument",
      from: { path: "^lib/rules/" },
      to: {
        pathNot: [
          "^lib/rules/",
          "^lib/i18n/messages/[^/]+/rules[.]json$",
          "(^|/)node_modules/(date-fns|@date-fns/tz|zod)/",
        ],
      },
    },
    {
      name: "next-only-in-web",
      severity: "error",
      comment:
        "only lib/web may import next or next/*; return a value or a typed error and let lib/web redirect or respond",
      from: { path: "^lib/", pathNot: "^lib/web/" },
      to: { path: "(^|/)node_modules/next/" },
    },
    {
      name: "components-no-data",
      severity: "error",
      comment:
        "components have no data access (lib/db, lib/generated, Prisma, queries.ts, mutations.ts, record-payment.ts): the page loads the data and passes it in as props",
      from: { path: "^components/" },
      to: {
        path: [
          "^lib/db/",
          "^lib/generated/",
          "(^|/)node_modules/@prisma/",
          "(^|/)node_modules/prisma/",
          "^lib/.+/(queries|mutations)[.]ts$",
          "^lib/.+/(queries|mutations)/",
          "^lib/payments/record-payment[.]ts$",
        ],
      },
    },
    {
      name: "components-no-data",
      severity: "error",
      comment: "lib/web is server code (actions, session, cookies); the page passes the action in as a prop",
      from: { path: "^components/" },
      to: {
        path: "^lib/web/",
        pathNot: LIB_WEB_CLIENT_SAFE,
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "app-no-prisma",
      severity: "error",
      comment: "app/ calls a domain's queries.ts / mutations.ts, never the database or Prisma directly",
      from: { path: "^app/" },
      to: {
        path: ["^lib/db/", "^lib/generated/", "(^|/)node_modules/@prisma/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "prisma-only-in-data-access",
      severity: "error",
      comment: "only queries.ts / mutations.ts files may use the database",
      from: { path: "^lib/", pathNot: DATA_ACCESS },
      to: {
        path: ["^lib/db/", "^lib/generated/prisma/", "(^|/)node_modules/@prisma/"],
        // the database's reachability (a flag and a probe, no queries): the proxy's 503 (lib/web/unavailable.ts)
        pathNot: "^lib/db/availability[.]ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "these lib modules import each other in a circle; move the shared part into a module both can import",
      from: { path: "^lib/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    // no-lib-folder-cycles (lib/payments ⇄ lib/orders …) is checked in tests/unit/boundaries.test.ts: dependency-cruiser's
    // folder scope treats every directory as a node, the test treats each first-level lib folder as one.
  ],
  options: {
    // Record the edges into generated code and packages, but do not walk through them.
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["[.]d[.]ts$"] },
    // Keep `import type` edges (marked "type-only") so rules can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
