import { log } from "../../src/fit/_f64math"; // the fits' logarithms (fdlibm's, as fitData takes them)
import { describe, expect, it } from "vitest";
import { chinchillaLoss, fitChinchilla, type FitData } from "../../src/fit/chinchilla";
import {
  bootstrapPValue,
  ClusterBootstrap,
  type ClusteredRun,
  compareExponents,
  fitClusteredLaw,
  holmAdjust,
} from "../../src/fit/lm_fit";
import { percentileInterval, resampleCounts } from "../../src/stats/bootstrap";
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
  it("bootstrap p-value is twice the smaller tail count plus one over R + 1 (Davison & Hinkley eq. 4.11)", () => {
    // 2(1 + k)/(R + 1): one of four draws ≤ 0 gives 2·2/5; none gives 2/5, never 0
    expect(bootstrapPValue([1, 2, 3, -1])).toBe(0.8);
    expect(bootstrapPValue([1, 2, 3, 4])).toBe(0.4);
    expect(bootstrapPValue(new Array(199).fill(1))).toBe(0.01);
    expect(bootstrapPValue([0, 0])).toBe(1);
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

/** Runs of a known law with 1% noise: 7 sizes of 2 seeds at one D, and a data sweep of 3 D at one size. */
function clusteredRuns(seed: number, truth = { E: 1.2, A: 9, B: 400, alpha: 0.4, beta: 0.45 }): ClusteredRun[] {
  const rng = new Random(seed);
  const runs: ClusteredRun[] = [];
  for (const N of [250, 900, 3300, 14500, 25000, 57000, 100000]) {
    for (let s = 0; s < 2; s++) {
      runs.push({ N, D: 6e5, loss: chinchillaLoss(truth, N, 6e5) * (1 + 0.01 * rng.normal()), cluster: `n${N}` });
    }
  }
  for (const D of [8e4, 1.5e5, 3e5]) {
    runs.push({ N: 14500, D, loss: chinchillaLoss(truth, 14500, D) * (1 + 0.01 * rng.normal()), cluster: "n14500" });
  }
  return runs;
}

/**
 * The cluster bootstrap written out plainly, one resample after another with no refit kept (the loop
 * `fitClusteredLaw` ran before `ClusterBootstrap`): the α of each resample, and the draws refused.
 */
function plainClusterAlphas(runs: ClusteredRun[], vector: number[], resamples: number, seed: number) {
  const clusters = [...new Set(runs.map((r) => r.cluster))];
  const data: FitData = {
    logN: Float64Array.from(runs, (r) => log(r.N)),
    logD: Float64Array.from(runs, (r) => log(r.D)),
    logL: Float64Array.from(runs, (r) => log(r.loss)),
    weight: new Float64Array(runs.length).fill(1),
  };
  const rng = new Random(seed);
  const alphas: number[] = [];
  let redrawn = 0;
  while (alphas.length < resamples) {
    const counts = resampleCounts(clusters.length, rng);
    const weight = Float64Array.from(runs, (r) => counts[clusters.indexOf(r.cluster)]);
    const sizes = new Set(runs.filter((_, i) => weight[i] > 0).map((r) => r.N)).size;
    const lengths = new Set(runs.filter((_, i) => weight[i] > 0).map((r) => r.D)).size;
    if (sizes < 3 || lengths < 3 || weight.filter((w) => w > 0).length < 6) {
      redrawn++;
      continue;
    }
    const d = { ...data, weight };
    let warm = fitChinchilla(d, { starts: [vector as never], screening: false });
    for (let k = 0; k < 2 && !warm.converged; k++) {
      const again = fitChinchilla(d, { starts: [warm.vector], screening: false });
      if (again.objective <= warm.objective) warm = again;
    }
    alphas.push(warm.law.alpha);
  }
  return { alphas, redrawn };
}

describe("ClusterBootstrap", () => {
  const runs = clusteredRuns(3);
  const grid = fitChinchilla({
    logN: Float64Array.from(runs, (r) => log(r.N)),
    logD: Float64Array.from(runs, (r) => log(r.D)),
    logL: Float64Array.from(runs, (r) => log(r.loss)),
    weight: new Float64Array(runs.length).fill(1),
  });

  it("draws and refits what the plain loop does, keeping refits by the sizes drawn", () => {
    const want = plainClusterAlphas(runs, grid.vector, 40, 5);
    const cb = new ClusterBootstrap(runs, grid);
    const got = cb.resample({ resamples: 40, seed: 5, level: 0.9 });
    expect(got.estimates.alpha).toEqual(want.alphas);
    expect(got.redrawn).toBe(want.redrawn);
    expect(got.fit).toBe(grid);
    const [lo, hi] = percentileInterval(want.alphas, 0.9);
    expect([got.summary[3].ci_low, got.summary[3].ci_high]).toEqual([lo, hi]);
    expect(got.summary[3].estimate).toBe(grid.law.alpha);
  }, 120_000);

  it("gives the same resamples whether drawn at once or in steps, and its first ones for fewer", () => {
    const once = new ClusterBootstrap(runs, grid).resample({ resamples: 30, seed: 9, level: 0.95 });
    const steps = new ClusterBootstrap(runs, grid);
    const ten = steps.resample({ resamples: 10, seed: 9, level: 0.95 });
    steps.resample({ resamples: 3, seed: 4, level: 0.95 }); // another seed in between
    const thirty = steps.resample({ resamples: 30, seed: 9, level: 0.95 });
    expect(thirty).toEqual(once);
    expect(ten.estimates.alpha).toEqual(once.estimates.alpha.slice(0, 10));
    expect(ten.redrawn).toBeLessThanOrEqual(once.redrawn);
    expect(steps.resample({ resamples: 10, seed: 9, level: 0.95 })).toEqual(ten);
  }, 120_000);

  it("is what fitClusteredLaw gives, from the grid or from a fit it is given", () => {
    const s = { resamples: 12, seed: 2, level: 0.8 };
    const fromGrid = fitClusteredLaw(runs, s);
    expect(fromGrid.fit).toEqual(grid);
    expect(fitClusteredLaw(runs, { ...s, fit: grid })).toEqual(fromGrid);
    expect(new ClusterBootstrap(runs, grid).resample(s)).toEqual(fromGrid);
  }, 60_000);

  it("refuses a bad fit, bad settings and an unknown option", () => {
    expect(() => new ClusterBootstrap(runs, { ...grid, vector: [1, 2, 3] as never })).toThrow(/`fit.vector`/);
    const cb = new ClusterBootstrap(runs, grid);
    expect(() => cb.resample({ resamples: 1, seed: 1, level: 0.9 })).toThrow(/`resamples`/);
    expect(() => cb.resample({ resamples: 5, seed: 1.5, level: 0.9 })).toThrow(/`seed`/);
    expect(() => cb.resample({ resamples: 5, seed: 1, level: 0.9, more: 1 } as never)).toThrow(/more/);
    expect(() => fitClusteredLaw(runs, { resamples: 5, seed: 1, level: 1 })).toThrow(/`level`/);
    expect(() => fitClusteredLaw(runs, { resamples: 5, seed: 1, level: 0.9, fit: grid, levle: 1 } as never))
      .toThrow(/levle/);
  });
});

describe("compareExponents", () => {
  it("pairs each fit's resamples with the pooled fit's: the differences' interval, p and Holm's p", () => {
    const s = { resamples: 30, seed: 4, level: 0.9 };
    const pooled = fitClusteredLaw(clusteredRuns(3), s);
    const steeper = fitClusteredLaw(clusteredRuns(3, { E: 1.2, A: 9, B: 400, alpha: 0.6, beta: 0.45 }), s);
    const [same, other] = compareExponents(pooled, [pooled, steeper]);
    expect([same.diffLow, same.diffHigh, same.p]).toEqual([0, 0, 1]);
    const diffs = steeper.estimates.alpha.map((a, b) => a - pooled.estimates.alpha[b]);
    const [lo, hi] = percentileInterval(diffs, 0.9);
    expect([other.diffLow, other.diffHigh]).toEqual([lo, hi]);
    expect(other.p).toBe(bootstrapPValue(diffs));
    expect([same.pHolm, other.pHolm]).toEqual(holmAdjust([1, other.p]));
    expect(other.alpha).toBe(steeper.summary[3]);
    // α = 0.6 against 0.4, with 1% noise: every resample finds the steeper law steeper
    expect(other.diffLow).toBeGreaterThan(0);
  }, 60_000);

  it("refuses fits drawn with another seed or another number of resamples, and no fits", () => {
    const pooled = fitClusteredLaw(clusteredRuns(3), { resamples: 10, seed: 4, level: 0.9 });
    const reseeded = new ClusterBootstrap(clusteredRuns(3), pooled.fit).resample({
      resamples: 10,
      seed: 5,
      level: 0.9,
    });
    expect(() => compareExponents(pooled, [reseeded])).toThrow(/`fits\[0\]` must be drawn as the pooled fit was/);
    const more = new ClusterBootstrap(clusteredRuns(3), pooled.fit).resample({ resamples: 12, seed: 4, level: 0.9 });
    expect(() => compareExponents(pooled, [pooled, more])).toThrow(/`fits\[1\]`/);
    expect(() => compareExponents(pooled, [])).toThrow(/non-empty/);
  }, 60_000);
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
