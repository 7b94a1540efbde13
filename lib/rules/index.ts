// The Fund's rules as pure, dated functions (order No. 226 of 28 Dec 2023; the order on cost from 1 Feb 2024;
// ../shared/SPEC.md). No database, no framework, no clock: "today", the tariffs and the coverage are arguments.
// lib/rules/README.md lists every rule with its clause and function, and every interpretation.

export * from "./categories";
export * from "./coverage";
export * from "./dates";
export * from "./documents";
export * from "./education-agreements";
export * from "./eligibility";
export * from "./payment-dates";
export * from "./paper-policy";
export * from "./pin";
export * from "./plan-purchase";
export * from "./policy-period";
export * from "./pregnancy-registration";
export * from "./refunds";
export * from "./refusals";
export * from "./student-instalments";
export * from "./tariffs";
export * from "./walk-in-application";
export * from "./working-days";
export * from "./contracts";
export * from "./external-coverage";
