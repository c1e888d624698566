import { describe, expect, it } from "vitest";
import { chinchillaLoss } from "../../src/fit/chinchilla";
import { bootstrapPValue, fitClusteredLaw, holmAdjust } from "../../src/fit/lm_fit";
import { parseRecords, splitCsvLine } from "../../src/datasets/lm_data";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("Holm's step-down adjustment", () => {
  it("matches a hand computation (Holm 1979's procedure)", () => {
    // sorted 0.01, 0.03, 0.04 times 3, 2, 1 = 0.03, 0.06, 0.04 → monotone 0.03, 0.06, 0.06
    const adj = holmAdjust([0.01, 0.04, 0.03]);
    [0.03, 0.06, 0.06].forEach((v, i) => expectClose(adj[i], v, { rel: 1e-12 }));
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(() => holmAdjust([1.2])).toThrow(/p\[0\]/);
  });
  it("bootstrap p-value is twice the smaller tail share", () => {
    expect(bootstrapPValue([1, 2, 3, -1])).toBe(0.5);
    expect(bootstrapPValue([1, 2, 3, 4])).toBe(0);
    expect(() => bootstrapPValue([NaN])).toThrow(/finite/);
  });
});

describe("fitClusteredLaw", () => {
  it("recovers a known law from runs with 1% noise, seeds clustered by size", () => {
    const truth = { E: 1.2, A: 9, B: 400, alpha: 0.4, beta: 0.45 };
    const rng = new Random(3);
    const runs = [];
    for (const N of [250, 900, 3300, 14500, 25000, 57000, 100000]) {
      for (let s = 0; s < 2; s++) {
        runs.push({ N, D: 6e5, loss: chinchillaLoss(truth, N, 6e5) * (1 + 0.01 * rng.normal()), cluster: `n${N}` });
      }
    }
    for (const D of [8e4, 1.5e5, 3e5]) {
      runs.push({ N: 14500, D, loss: chinchillaLoss(truth, 14500, D) * (1 + 0.01 * rng.normal()), cluster: "n14500" });
    }
    const fit = fitClusteredLaw(runs, { resamples: 60, seed: 1, level: 0.95 });
    const al = fit.summary.find((x) => x.parameter === "alpha")!;
    expect(fit.clusters.length).toBe(7);
    // 1% noise on 17 runs: α is recovered to about ±0.05 (the interval must cover the truth)
    expect(Math.abs(al.estimate - 0.4)).toBeLessThan(0.06);
    expect(al.ci_low).toBeLessThanOrEqual(0.4);
    expect(al.ci_high).toBeGreaterThanOrEqual(0.4);
  }, 60_000);
  it("refuses too few runs, a bad run and an unknown option", () => {
    const r = { N: 1e3, D: 1e5, loss: 3, cluster: "a" };
    expect(() => fitClusteredLaw([r, r, r], { resamples: 10, seed: 1, level: 0.9 })).toThrow(/at least 6/);
    expect(() => fitClusteredLaw([r, r, r, r, r, { ...r, N: -1 }], { resamples: 10, seed: 1, level: 0.9 })).toThrow(
      /runs\[5\]\.N/,
    );
    expect(() => fitClusteredLaw([r, r, r, r, r, r], { resamples: 10, seed: 1, level: 0.9, levle: 1 } as never))
      .toThrow(/levle/);
  });
});

describe("lm CSV parsing", () => {
  it("splits quoted fields with doubled quotes and commas", () => {
    expect(splitCsvLine('a,"b, ""c""",d')).toEqual(["a", 'b, "c"', "d"]);
    expect(splitCsvLine("1,,3")).toEqual(["1", "", "3"]);
  });
  it("checks the header and every numeric field", () => {
    expect(parseRecords("a,b\n1,x\n", ["a", "b"], ["b"])).toEqual([{ a: 1, b: "x" }]);
    expect(() => parseRecords("a,c\n1,x\n", ["a", "b"], ["b"])).toThrow(/header/);
    expect(() => parseRecords("a,b\n0x1,x\n", ["a", "b"], ["b"])).toThrow(/line 2: `a`/);
  });
});
