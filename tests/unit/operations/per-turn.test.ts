import { describe, expect, it } from "vitest";
import { perTurn } from "../../../lib/db/per-turn";

// Issue 17: lookups asked for in one turn of the event loop share one call of `load`.
describe("perTurn", () => {
  it("answers lookups of one turn with one load of their distinct keys", async () => {
    const loads: string[][] = [];
    const find = perTurn(async (keys: string[]) => {
      loads.push(keys);
      return new Map(keys.filter((k) => k !== "unknown").map((k) => [k, k.toUpperCase()]));
    });
    const answers = await Promise.all(["a", "b", "unknown", "a"].map(find));
    expect(answers).toEqual(["A", "B", undefined, "A"]);
    expect(loads).toEqual([["a", "b", "unknown"]]);
    // a later turn is a new batch
    expect(await find("c")).toBe("C");
    expect(loads).toHaveLength(2);
  });

  it("fails every lookup of a failed batch, and the next batch starts afresh", async () => {
    let fail = true;
    const find = perTurn(async (keys: number[]) => {
      if (fail) throw new Error("database unreachable");
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const failed = await Promise.allSettled([find(1), find(2)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await find(3)).toBe(6);
  });
});
