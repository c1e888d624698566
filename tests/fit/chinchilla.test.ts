import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseChinchillaCsv, withoutHighestLoss } from "../../src/datasets/chinchilla_data";
import {
  agreesToRounding,
  bootstrapChinchilla,
  bootstrapChinchillaDraw,
  chinchillaLoss,
  computeOptimal,
  computeOptimalLoss,
  fitChinchilla,
  fitData,
  frontierExponent,
  huber,
  huberObjective,
  insideInterval,
  lawToVector,
  type LawVector,
  type ParameterSummary,
  vectorToLaw,
  zScore,
} from "../../src/fit/chinchilla";
import { BESIROGLU_2024, HOFFMANN_2022 } from "../../src/paper";
import { resampleCounts } from "../../src/stats/bootstrap";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

const runs = parseChinchillaCsv(
  readFileSync(new URL("../../data/chinchilla_fig4_points.csv", import.meta.url), "utf8"),
);
const headline = fitData(withoutHighestLoss(runs, 5));
// The headline fit (4,500 screened starts), computed once for this file and only when a test asks.
let headlineFitCache: ReturnType<typeof fitChinchilla> | undefined;
const headlineFit = () => (headlineFitCache ??= fitChinchilla(headline));

describe("huber", () => {
  it("is quadratic inside delta, linear outside, and continuous with its derivative at delta", () => {
    expectClose(huber(0.5e-3, 1e-3), 0.125e-6);
    expectClose(huber(-2e-3, 1e-3), 1e-3 * (2e-3 - 0.5e-3));
    expectClose(huber(1e-3 * (1 + 1e-12), 1e-3), 0.5e-6, { rel: 1e-9 });
    // Its derivative, r clipped to [-delta, delta], read off huberObjective's gradient in e for a
    // single run whose A and B terms vanish (a = b = -1000: exp underflows to 0), so that the
    // residual is r = e - log L and d/de Huber(r) = Huber'(r) exactly.
    const one = fitData([{ N: 1e9, D: 1e10, loss: 2 }]);
    const g = new Float64Array(5);
    for (const [r, slope] of [[5e-3, 1e-3], [-5e-3, -1e-3], [3e-4, 3e-4]]) {
      huberObjective([-1000, -1000, Math.log(2) + r, 0.3, 0.3], one, g);
      expectClose(g[2], slope, { rel: 1e-9 });
    }
    expect(() => huber(1, 0)).toThrow("`delta` must be in (0, ∞), got 0");
  });
});

describe("huberObjective", () => {
  it("equals the sum of Huber losses of log L(N, D) - log L computed directly", () => {
    // Direct form: log(E + A N^-alpha + B D^-beta) - log L_i, no log-sum-exp.
    const law = HOFFMANN_2022;
    let direct = 0;
    for (let i = 0; i < headline.logN.length; i++) {
      const N = Math.exp(headline.logN[i]), D = Math.exp(headline.logD[i]);
      direct += huber(Math.log(chinchillaLoss(law, N, D)) - headline.logL[i], 1e-3);
    }
    // Same sum in a different order of operations: agreement to ~1e-12 relative.
    expectClose(huberObjective(lawToVector(law), headline), direct, { rel: 1e-10 });
  });

  it("has an analytic gradient that matches central finite differences", () => {
    // Points where residuals fall on both sides of delta. Central differences with step h have
    // error O(h^2 f''') plus rounding O(eps f / h); with h = 1e-6 both are far below 1e-6 of the
    // gradient's scale, except across the kink of Huber's second derivative, which a step this
    // small crosses for at most a few of the 240 runs.
    const points: LawVector[] = [
      lawToVector(HOFFMANN_2022),
      lawToVector(BESIROGLU_2024),
      [5, 8, 0.4, 0.3, 0.4],
      [7, 6, 0.7, 0.45, 0.25],
    ];
    const g = new Float64Array(5);
    const h = 1e-6;
    for (const v of points) {
      huberObjective(v, headline, g);
      const scale = Math.max(...Array.from(g, Math.abs));
      for (let j = 0; j < 5; j++) {
        const up = [...v], dn = [...v];
        up[j] += h;
        dn[j] -= h;
        const fd = (huberObjective(up, headline) - huberObjective(dn, headline)) / (2 * h);
        expectClose(g[j], fd, { abs: 1e-5 * scale });
      }
    }
  });

  it("weights a run by its count, as duplicating it would", () => {
    const twice = fitData([...runs.slice(0, 10), runs[3]]);
    const weighted = fitData(runs.slice(0, 10));
    weighted.weight[3] = 2;
    const v = lawToVector(HOFFMANN_2022);
    expectClose(huberObjective(v, weighted), huberObjective(v, twice), { rel: 1e-14 });
  });
});

describe("fitChinchilla", () => {
  it("recovers the parameters of noise-free synthetic runs exactly", () => {
    // 8 x 8 grid of (N, D) from the published law: the objective's minimum is 0 at that law.
    const truth = HOFFMANN_2022;
    const synthetic = [];
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) {
        const N = 10 ** (7 + (3.5 * i) / 7), D = 10 ** (9 + (3 * j) / 7);
        synthetic.push({ N, D, loss: chinchillaLoss(truth, N, D) });
      }
    }
    const fit = fitChinchilla(fitData(synthetic));
    // Residuals fall well inside delta, so the objective is least squares near the optimum; the
    // fit stops at a gradient of 1e-9, which leaves E, alpha, beta to ~1e-5 and A, B (the worst
    // conditioned) to ~1e-4 relative.
    for (const p of ["E", "alpha", "beta"] as const) expectClose(fit.law[p], truth[p], { rel: 1e-4 });
    for (const p of ["A", "B"] as const) expectClose(fit.law[p], truth[p], { rel: 1e-3 });
  });

  it("recovers the parameters of noisy synthetic runs to within four bootstrap standard errors", () => {
    // 240 runs at random (N, D) in the Chinchilla range, loss = L(N, D) · exp(0.01 ε), ε standard
    // normal. An unbiased estimator is within 4 standard errors of the truth with probability
    // > 99.99% if normal; the bootstrap supplies the standard errors.
    const truth = { E: 1.8, A: 480, B: 2100, alpha: 0.35, beta: 0.37 };
    const rng = new Random(20240410);
    const synthetic = Array.from({ length: 240 }, () => {
      const N = 10 ** rng.uniformIn(7.8, 10.2), D = 10 ** rng.uniformIn(9, 11.5);
      return { N, D, loss: chinchillaLoss(truth, N, D) * Math.exp(0.01 * rng.normal()) };
    });
    const data = fitData(synthetic);
    const fit = fitChinchilla(data);
    const boot = bootstrapChinchilla(data, fit, { resamples: 200, seed: 1 });
    for (const s of boot.summary) {
      expect(Math.abs(s.estimate - truth[s.parameter])).toBeLessThan(4 * s.stderr);
    }
  });

  it("refits the 240 headline runs to Besiroglu et al. 2024's published estimates", () => {
    // Besiroglu et al. 2024 (arXiv:2404.10102) refitted these points by the same method and report
    // E = 1.82, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658 (BESIROGLU_2024), with
    // bootstrap standard errors 0.03, 124.58, 1293.23, 0.02, 0.02. Accepted: exponents within 0.005
    // (a quarter of their standard error, and half a unit of the two decimals of their Table 1),
    // E within 0.01, A and B within 5% (B's standard error is ~60% of B, so a few percent is far
    // below the statistical uncertainty but still catches a wrong optimum). That screening loses
    // nothing against running all 4,500 starts to convergence is checked by `npm run bench`
    // (bench/chinchilla.ts), where the exhaustive run belongs.
    const fit = headlineFit();
    expectClose(fit.law.E, 1.82, { abs: 0.01 });
    expectClose(fit.law.alpha, 0.3478, { abs: 0.005 });
    expectClose(fit.law.beta, 0.3658, { abs: 0.005 });
    expectClose(fit.law.A, 482.01, { rel: 0.05 });
    expectClose(fit.law.B, 2085.43, { rel: 0.05 });
    expect(fit.objective).toBeLessThan(huberObjective(lawToVector(HOFFMANN_2022), headline));
  });

  it("rejects an empty list of starts and an invalid delta", () => {
    expect(() => fitChinchilla(headline, { starts: [] })).toThrow(/`starts` must not be empty/);
    expect(() => fitChinchilla(headline, { delta: -1 })).toThrow(/`delta` must be in/);
  });
});

describe("bootstrapChinchilla", () => {
  it("repeats exactly with the same seed and changes with another", () => {
    const fit = headlineFit();
    const a = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 7 });
    const b = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 7 });
    const c = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 8 });
    expect(a.estimates).toEqual(b.estimates);
    expect(a.summary).toEqual(b.summary);
    expect(a.estimates.alpha).not.toEqual(c.estimates.alpha);
  });

  it("leaves the Chinchilla resamples as they are with the repairs of notebook 09 switched on, and refuses bad repair options", () => {
    // On these runs no refit stops with E collapsed (E ≈ 1.8 throughout), and a warm restart only ever
    // keeps an optimum at least as good: the re-estimates agree to 1e-6 with the repairs on.
    const fit = headlineFit();
    const plain = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 7 });
    const repaired = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 7, warmRestarts: 2, collapsedE: 0.1 });
    for (let b = 0; b < 20; b++) expectClose(repaired.estimates.alpha[b], plain.estimates.alpha[b], { abs: 1e-6 });
    expect(() => bootstrapChinchilla(headline, fit, { warmRestarts: -1 })).toThrow(/`warmRestarts`/);
    expect(() => bootstrapChinchilla(headline, fit, { collapsedE: 1 })).toThrow(/`collapsedE`/);
  });

  it("gives resample optima that the grid search from scratch also finds", () => {
    // Justifies starting each resample at the full-data optimum: for the first four resamples
    // a full grid fit (with screening) lands on the same optimum, to 1e-5 (the flat valley of
    // the objective lets two converged runs differ in the sixth digit).
    const boot = bootstrapChinchilla(headline, headlineFit(), { resamples: 4, seed: 2022 });
    const rng = new Random(2022);
    for (let b = 0; b < 4; b++) {
      const counts = resampleCounts(headline.logN.length, rng);
      const grid = fitChinchilla({ ...headline, weight: counts });
      expectClose(grid.law.alpha, boot.estimates.alpha[b], { abs: 1e-5 });
      expectClose(grid.law.beta, boot.estimates.beta[b], { abs: 1e-5 });
      expectClose(grid.law.E, boot.estimates.E[b], { abs: 1e-5 });
    }
  }, 60_000);
});

describe("bootstrapChinchillaDraw", () => {
  it("refits one resample alone: the bootstrap's re-estimate of the same number, exactly", () => {
    const fit = headlineFit();
    const boot = bootstrapChinchilla(headline, fit, { resamples: 20, seed: 7 });
    for (const draw of [1, 2, 13, 20]) {
      const law = bootstrapChinchillaDraw(headline, fit, { draw, seed: 7 });
      for (const p of ["E", "A", "B", "alpha", "beta"] as const) {
        expect(law[p], `draw ${draw}: ${p}`).toBe(boot.estimates[p][draw - 1]);
      }
    }
    // the resample's counts are the draw-th of the seed's Random, refitted from the full-data optimum
    const rng = new Random(7);
    for (let b = 1; b < 13; b++) resampleCounts(headline.logN.length, rng);
    const counts = resampleCounts(headline.logN.length, rng);
    const own = fitChinchilla({ ...headline, weight: counts }, { starts: [fit.vector] });
    expectClose(bootstrapChinchillaDraw(headline, fit, { draw: 13, seed: 7 }).alpha, own.law.alpha, { abs: 1e-6 });
    // another seed, another resample
    expect(bootstrapChinchillaDraw(headline, fit, { draw: 13, seed: 8 }).alpha).not.toBe(boot.estimates.alpha[12]);
  }, 60_000);

  it("refuses a draw outside [1, 10^5] and unknown options, naming them", () => {
    const fit = headlineFit();
    for (const draw of [0, 1.5, 100_001]) {
      expect(() => bootstrapChinchillaDraw(headline, fit, { draw })).toThrow(RangeError);
      expect(() => bootstrapChinchillaDraw(headline, fit, { draw })).toThrow(/`draw`/);
    }
    expect(() => bootstrapChinchillaDraw(headline, fit, { draw: 1, resamples: 3 } as { draw: number })).toThrow(
      /resamples/,
    );
    expect(() => bootstrapChinchillaDraw(headline, fit, { draw: 1, warmRestarts: -1 })).toThrow(/`warmRestarts`/);
  }, 60_000);
});

describe("compute-optimal allocation", () => {
  const law = HOFFMANN_2022;

  it("spends the budget (6 N D = C) at the minimum of the loss on the iso-FLOP curve", () => {
    const C = 5.76e23;
    const { N, D } = computeOptimal(law, C);
    expectClose(6 * N * D, C, { rel: 1e-12 });
    const onIso = (n: number) => chinchillaLoss(law, n, C / (6 * n));
    // A 1% move either way along the iso-FLOP curve raises the loss (second-order, ~1e-5).
    expect(onIso(N * 1.01)).toBeGreaterThan(onIso(N));
    expect(onIso(N / 1.01)).toBeGreaterThan(onIso(N));
  });

  it("has a reducible loss that is a power law in C with exponent alpha beta / (alpha + beta)", () => {
    const aC = frontierExponent(law);
    // 0.34 · 0.28 = 0.0952; 0.0952 / 0.62 = 0.153548387096774... (by hand).
    expectClose(aC, 0.153548387096774, { rel: 1e-13 });
    const r = (C: number) => computeOptimalLoss(law, C) - law.E;
    expectClose(Math.log(r(1e20) / r(1e24)) / Math.log(1e4), aC, { rel: 1e-10 });
  });

  it("round-trips parameter vectors", () => {
    const v = lawToVector(BESIROGLU_2024);
    const back = vectorToLaw(v);
    for (const p of ["E", "A", "B", "alpha", "beta"] as const) expectClose(back[p], BESIROGLU_2024[p]);
  });
});

describe("comparing a law with the bootstrap summary", () => {
  // A made-up summary of beta: estimate 0.367, standard error 0.02, interval [0.335, 0.415].
  const beta: ParameterSummary = { parameter: "beta", estimate: 0.367, stderr: 0.02, ci_low: 0.335, ci_high: 0.415 };

  it("says whether a published value is inside the interval, ends included", () => {
    expect(insideInterval(beta, BESIROGLU_2024)).toBe(true); // 0.3658 in [0.335, 0.415]
    expect(insideInterval(beta, HOFFMANN_2022)).toBe(false); // 0.28 < 0.335
    expect(insideInterval(beta, { ...HOFFMANN_2022, beta: 0.415 })).toBe(true);
  });

  it("measures the distance in standard errors", () => {
    // (0.28 - 0.367) / 0.02 = -0.087 / 0.02 = -4.35; (0.3658 - 0.367) / 0.02 = -0.06.
    expectClose(zScore(beta, HOFFMANN_2022), -4.35, { rel: 1e-12 });
    expectClose(zScore(beta, BESIROGLU_2024), -0.06, { rel: 1e-9 });
    expect(() => zScore({ ...beta, stderr: 0 }, HOFFMANN_2022)).toThrow(/`summary.stderr` must be in/);
  });

  it("says whether an estimate rounds to a published value", () => {
    expect(agreesToRounding(0.3473, 0.35, 2)).toBe(true); // 0.3473 rounds to 0.35
    expect(agreesToRounding(0.3449, 0.35, 2)).toBe(false); // 0.3449 rounds to 0.34
    expect(agreesToRounding(477.8, 482.01, 2)).toBe(false);
    expect(agreesToRounding(2085.434, 2085.43, 2)).toBe(true);
    expect(() => agreesToRounding(1, 1, -1)).toThrow(/`decimals` must be/);
  });
});

describe("summariseLawBootstrap", () => {
  it("gives each parameter's standard error and percentile interval from the resample rows", async () => {
    const { summariseLawBootstrap } = await import("../../src/fit/chinchilla");
    const law = { E: 2, A: 400, B: 400, alpha: 0.3, beta: 0.3 };
    // alpha re-estimates 0.2, 0.3, 0.4: sample s.d. 0.1; the 50 % central interval [0.25, 0.35] (linear quantiles)
    const rows = [0.2, 0.3, 0.4].map((a) => [2, 400, 400, a, 0.3]);
    const { summary, estimates } = summariseLawBootstrap(law, rows, 0.5);
    const alpha = summary.find((s) => s.parameter === "alpha")!;
    expect(estimates.alpha).toEqual([0.2, 0.3, 0.4]);
    expect(alpha.estimate).toBe(0.3);
    expectClose(alpha.stderr, 0.1, { rel: 1e-12 });
    expectClose(alpha.ci_low, 0.25, { rel: 1e-12 });
    expectClose(alpha.ci_high, 0.35, { rel: 1e-12 });
    expect(() => summariseLawBootstrap(law, [rows[0]], 0.5)).toThrow(/at least 2 resamples/);
    expect(() => summariseLawBootstrap(law, rows, 1)).toThrow(/`level`/);
  });
});

describe("the headline fit pinned to itself (issue 18: the 5 % tolerances against the published fit hide a dropped run)", () => {
  it("matches its own values to 1e-9, and refitting without one run moves it far beyond that", () => {
    // Pinned from fitChinchilla(headline) (4,500 screened starts; the objective's exp and log are the
    // project's own, so the same bits in Deno, Node and a browser). Dropping
    // the first run and refitting from this optimum moves alpha by 1.2e-4 relative and E by 2e-3: the
    // pin catches a lost observation that the comparison with Besiroglu et al. (5 %) cannot.
    const fit = headlineFit();
    const pinned = {
      A: 477.8258892180704,
      B: 2143.4172555793407,
      E: 1.8172181008395407,
      alpha: 0.3473105015907612,
      beta: 0.36717243015488055,
    };
    for (const [k, v] of Object.entries(pinned)) expectClose(fit.law[k as keyof typeof pinned], v, { rel: 1e-9 });
    expectClose(fit.objective, 0.0010182740178005995, { rel: 1e-9 });
    const minusOne = fitChinchilla(fitData(withoutHighestLoss(runs, 5).slice(1)), { starts: [fit.vector] });
    expect(Math.abs(minusOne.law.alpha / pinned.alpha - 1)).toBeGreaterThan(1e-5);
    expect(Math.abs(minusOne.law.E / pinned.E - 1)).toBeGreaterThan(1e-4);
  });
});
