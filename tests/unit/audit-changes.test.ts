import { describe, expect, it } from "vitest";
import { auditChanges } from "../../lib/audit/view-models";

// Issue 15: the audit viewer shows what changed, not raw JSON.
describe("auditChanges", () => {
  it.each([
    ["nothing", null, null, []],
    [
      "only after: every field",
      null,
      { a: 1, b: "x" },
      [
        { field: "a", before: undefined, after: 1 },
        { field: "b", before: undefined, after: "x" },
      ],
    ],
    [
      "both: only the changed fields",
      { a: 1, b: 2, c: [1] },
      { a: 1, b: 3, c: [1], d: true },
      [
        { field: "b", before: 2, after: 3 },
        { field: "d", before: undefined, after: true },
      ],
    ],
    ["a removed field", { a: 1, b: 2 }, { a: 1 }, [{ field: "b", before: 2, after: undefined }]],
    ["not objects: one row", "OLD", ["x"], [{ field: null, before: "OLD", after: ["x"] }]],
  ])("%s", (_name, before, after, rows) => {
    expect(auditChanges(before, after)).toEqual(rows);
  });
});
