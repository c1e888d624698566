import { describe, expect, it } from "vitest";
import { bootstrapChinchilla, chinchillaLoss, fitChinchilla, fitData } from "../../src/fit/chinchilla";
import { type ChinchillaLaw } from "../../src/paper";
import {
  bootstrapLaw,
  clusterBootstrap,
  fitLaw,
  logResiduals,
  maxTAdjusted,
  pairedInterval,
  predictLoss,
  quantileMonteCarloError,
  resampleLaw,
  resampleValues,
  spearman,
  syntheticRuns,
} from "../../src/fit/openlm_fit";
import { expectClose } from "../helpers";

// A law of the size the Gadre et al. runs give (our RedPajama fit, rounded) and their design: six model
// sizes from 1e7 to 7e9 parameters, token multipliers M = 0.25…32 (D = 20 M N).
const TRUTH: ChinchillaLaw = { E: 1.7, A: 110, B: 300, alpha: 0.25, beta: 0.28 };
const SIZES = [1.06e7, 7.9e7, 1.54e8, 4.12e8, 1.44e9, 6.89e9];
const MULTIPLIERS = [0.25, 0.5, 1, 2, 4, 8, 16, 32];

describe("fitLaw recovers a known law from synthetic runs", () => {
  it("without noise: E, A, B, alpha, beta to within 1e-3 relative (the optimum of an exact fit is the truth)", () => {
    const runs = syntheticRuns(TRUTH, SIZES, MULTIPLIERS, 0, 1);
    const { fit } = fitLaw(runs, { resamples: 20 });
    for (const p of ["E", "A", "B", "alpha", "beta"] as const) expectClose(fit.law[p], TRUTH[p], { rel: 1e-3 });
    // and the residuals about the truth are 0 to rounding
    for (const r of logResiduals(TRUTH, runs)) expect(Math.abs(r)).toBeLessThan(1e-12);
  });

  it("with 1% log-normal noise: exponents within 0.03, E within 0.1, and the truth inside the 95% intervals", () => {
    // Tolerances: with 48 runs and 1% noise the bootstrap standard errors of alpha and beta are about
    // 0.01-0.015 on this design (checked over seeds), so 0.03 is about two to three of them.
    const runs = syntheticRuns(TRUTH, SIZES, MULTIPLIERS, 0.01, 7);
    const lf = fitLaw(runs, { resamples: 200, seed: 3 });
    expectClose(lf.fit.law.alpha, TRUTH.alpha, { abs: 0.03 });
    expectClose(lf.fit.law.beta, TRUTH.beta, { abs: 0.03 });
    expectClose(lf.fit.law.E, TRUTH.E, { abs: 0.1 });
    for (const p of ["alpha", "beta"] as const) {
      const s = lf.bootstrap.summary.find((r) => r.parameter === p)!;
      expect(TRUTH[p]).toBeGreaterThanOrEqual(s.ci_low);
      expect(TRUTH[p]).toBeLessThanOrEqual(s.ci_high);
    }
    // The forecast interval of the largest model holds the true loss.
    const pred = predictLoss(lf, 6.89e9, 20 * 6.89e9);
    const truth = chinchillaLoss(TRUTH, 6.89e9, 20 * 6.89e9);
    expect(truth).toBeGreaterThanOrEqual(pred.low);
    expect(truth).toBeLessThanOrEqual(pred.high);
    expect(pred.low).toBeLessThanOrEqual(pred.predicted);
    expect(pred.predicted).toBeLessThanOrEqual(pred.high);
  });
});

describe("bootstrapLaw", () => {
  const runs = syntheticRuns(TRUTH, SIZES.slice(0, 4), MULTIPLIERS, 0.01, 11);
  const data = fitData(runs);
  const fit = fitChinchilla(data);

  it("draws the same resamples as bootstrapChinchilla and reaches the same optima (alpha to 1e-4)", () => {
    const ours = bootstrapLaw(data, fit, { resamples: 30, seed: 5 });
    const theirs = bootstrapChinchilla(data, fit, { resamples: 30, seed: 5 });
    expect(ours.resamples).toBe(30);
    ours.estimates.alpha.forEach((a, i) => expectClose(a, theirs.estimates.alpha[i], { abs: 1e-4 }));
  });

  it("gives resampleLaw and resampleValues the resamples' laws", () => {
    const b = bootstrapLaw(data, fit, { resamples: 10, seed: 5 });
    expect(resampleLaw(b, 3).alpha).toBe(b.estimates.alpha[3]);
    expect(resampleValues(b, (l) => l.beta)).toEqual(b.estimates.beta);
    expect(() => resampleLaw(b, 10)).toThrow("`b` must be an integer in [0, 9], got 10");
    expect(() => bootstrapLaw(data, fit, { resamples: 1 })).toThrow(
      "`resamples` must be an integer in [2, 100000], got 1",
    );
    expect(() => bootstrapLaw(data, fit, { resamplez: 10 } as never)).toThrow("`options` has no option `resamplez`");
    expect(() => resampleValues(b, () => NaN)).toThrow("`f` must return a finite number, got NaN for resample 0");
    expect(() => resampleValues(b, 1 as never)).toThrow(TypeError);
    expect(() => resampleLaw({ ...b, resamples: NaN }, 0)).toThrow(
      "`boot.resamples` must be an integer in [1, ∞), got NaN",
    );
  });

  it("fitLaw checks its runs and options before fitting", () => {
    expect(() => fitLaw([], { resamplez: 10 } as never)).toThrow("`options` has no option `resamplez`");
    expect(() => fitLaw([{ N: NaN, D: 1e9, loss: 3 }])).toThrow("`runs[0].N` must be in (0, ∞), got NaN");
  });
});

describe("statistics for the domain comparison", () => {
  it("spearman: ±1 for monotone samples, average ranks for ties, 0.5 on a textbook case", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBe(-1);
    // ranks x = 1..5, y = 2,1,4,3,5: sum d^2 = 4, rho = 1 - 6*4/(5*24) = 0.8
    expectClose(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]), 0.8);
    // ties: y = [1, 1, 2] has ranks 1.5, 1.5, 3; Pearson of (1,2,3) and (1.5,1.5,3) = sqrt(3)/2
    expectClose(spearman([1, 2, 3], [1, 1, 2]), Math.sqrt(3) / 2);
    expect(() => spearman([1, 2], [1, 2])).toThrow("`x` must hold at least 3 values, got 2");
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow("must not be constant");
  });

  it("pairedInterval: the interval of the differences, narrow when two samples move together", () => {
    const a = Array.from({ length: 101 }, (_, i) => i / 100);
    const b = a.map((v) => v - 0.5);
    expect(pairedInterval(a, b, 0.9)).toEqual([0.5, 0.5]);
    expect(() => pairedInterval([1, 2], [1], 0.95)).toThrow("same length");
  });

  it("quantileMonteCarloError: half the spread of the order statistics B q ∓ z sqrt(B q (1 - q))", () => {
    // values 1..400, q = 0.025: B q = 10, z sqrt(B q (1-q)) = 1.96 * 3.122 = 6.12, order statistics
    // round(3.88) = 4 and round(16.12) = 16, so (16 - 4) / 2 = 6.
    const v = Array.from({ length: 400 }, (_, i) => i + 1);
    expect(quantileMonteCarloError(v, 0.025)).toBe(6);
    expect(() => quantileMonteCarloError(v, 1)).toThrow("`q` must be in (0, 1), got 1");
    expect(() => quantileMonteCarloError([1, NaN, 3], 0.5)).toThrow("`values[1]` must be a finite number, got NaN");
  });

  it("syntheticRuns validates its arguments and is reproducible", () => {
    expect(syntheticRuns(TRUTH, [1e7], [1, 2], 0.01, 4)).toEqual(syntheticRuns(TRUTH, [1e7], [1, 2], 0.01, 4));
    expect(syntheticRuns(TRUTH, [1e7], [1, 2], 0, 4)[1].D).toBe(4e8);
    expect(() => syntheticRuns(TRUTH, [0], [1], 0, 1)).toThrow("`sizes[0]` must be in (0, ∞), got 0");
    expect(() => syntheticRuns(TRUTH, [1e7], [1], -1, 1)).toThrow("`noise` must be in [0, ∞), got -1");
  });
});

describe("maxTAdjusted (family-wise control over paired bootstrap comparisons)", () => {
  it("one comparison: the bootstrap p of |t^b − t| ≥ |t|, with the +1 correction", () => {
    // sd of [0, 1, 2] is 1, T = 1; deviations 1, 0, 1: two reach 1, so p = (1 + 2)/(3 + 1) = 3/4.
    const r = maxTAdjusted([1], [[0, 1, 2]]);
    expect(r.t).toEqual([1]);
    expect(r.p).toEqual([0.75]);
    expectClose(r.mcError[0], Math.sqrt(0.75 * 0.25 / 3), { rel: 1e-12 });
  });
  it("two comparisons: each is judged against the largest studentised deviation of either", () => {
    // sd 1 and 0.1; T = 3 and 1; max deviations per resample: 1, 0, 1 ⇒ p = 1/4 and 3/4.
    const r = maxTAdjusted([3, 0.1], [[2, 3, 4], [0, 0.1, 0.2]]);
    expectClose(r.t[0], 3, { rel: 1e-12 });
    expectClose(r.t[1], 1, { rel: 1e-12 });
    expect(r.p).toEqual([0.25, 0.75]);
  });
  it("is never less conservative than testing each comparison alone", () => {
    const boot = [[0.1, 0.4, 0.2, 0.35, 0.3], [1, 3, 2, 2.5, 1.5], [-1, 0, 1, 0.5, -0.5]];
    const point = [0.27, 2, 0.1];
    const joint = maxTAdjusted(point, boot).p;
    point.forEach((x, k) => expect(joint[k]).toBeGreaterThanOrEqual(maxTAdjusted([x], [boot[k]]).p[0]));
  });
  it("refuses mismatched or constant re-estimates", () => {
    expect(() => maxTAdjusted([1, 2], [[0, 1]])).toThrow("`boot` must hold 2 arrays, one per comparison, got 1");
    expect(() => maxTAdjusted([1], [[1, 1, 1]])).toThrow("`boot[0]` must not be constant");
    expect(() => maxTAdjusted([1, 2], [[0, 1, 2], [0, 1]])).toThrow("`boot[1]` must hold 3 re-estimates");
    expect(() => maxTAdjusted([], [])).toThrow(RangeError);
  });
});

describe("clusterBootstrap (size-level resampling)", () => {
  const runs = syntheticRuns(TRUTH, SIZES, MULTIPLIERS, 0.01, 5);
  const data = fitData(runs);
  const fit = fitChinchilla(data);
  it("resamples whole sizes, redrawing draws with fewer than minGroups sizes, reproducibly", () => {
    const cb = clusterBootstrap(data, fit, runs.map((r) => r.N), { resamples: 60, seed: 3 });
    expect(cb.groups).toBe(SIZES.length);
    expect(cb.estimates.alpha.length).toBe(60);
    expect(cb.redrawn).toBeGreaterThanOrEqual(0);
    expect(clusterBootstrap(data, fit, runs.map((r) => r.N), { resamples: 60, seed: 3 }).estimates.alpha).toEqual(
      cb.estimates.alpha,
    );
    // Centred near the fit (independent noise: the size-level spread is of the run-level order).
    const mean = cb.estimates.alpha.reduce((a, b) => a + b, 0) / 60;
    expectClose(mean, fit.law.alpha, { abs: 0.05 });
  });
  it("with one run per group it is the run-level bootstrap's resampling (same spread within Monte-Carlo error)", () => {
    const cb = clusterBootstrap(data, fit, runs.map((_, i) => i), { resamples: 150, seed: 9, minGroups: 1 });
    const run = bootstrapChinchilla(data, fit, { resamples: 150, seed: 9 }).estimates.alpha;
    const sd = (x: number[]) => {
      const m = x.reduce((a, b) => a + b, 0) / x.length;
      return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
    };
    // The sd of 150 draws has relative error about 1/sqrt(2·150) ≈ 6 %; 35 % allows both and the different draws.
    expectClose(sd(cb.estimates.alpha), sd(run), { rel: 0.35 });
  });
  it("refuses a label list of the wrong length or too few groups", () => {
    expect(() => clusterBootstrap(data, fit, [1, 2], {})).toThrow(/`groups` must hold one label per run/);
    expect(() => clusterBootstrap(data, fit, runs.map(() => 1), {})).toThrow(/minGroups/);
  });
});
