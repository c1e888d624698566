import { describe, expect, it } from "vitest";
import { asymptoteOnset, fitPowerLaw, localSlopes, meanStderr } from "../../src/fit/powerlaw_fit";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("fitPowerLaw", () => {
  it("recovers the exponent and prefactor of an exact power law", () => {
    const x = [10, 100, 1000, 1e4, 1e5];
    const y = x.map((v) => 3 * v ** -0.7);
    const fit = fitPowerLaw(x, y);
    // exact data: only rounding in log/exp, a few ulps amplified by the 5 decades of the lever arm
    expectClose(fit.alpha, 0.7, { rel: 1e-12 });
    expectClose(fit.prefactor, 3, { rel: 1e-11 });
    expectClose(fit.alphaStderr, 0, { abs: 1e-12 });
    expectClose(fit.r2, 1, { rel: 1e-12 });
  });

  it("gives the textbook slope standard error for residuals chosen by hand", () => {
    // ln x = 0, 1, 2, 3 and residuals (δ, −δ, −δ, δ), orthogonal to 1 and to ln x: the slope is
    // unchanged and RSS = 4δ², Σ(ln x − mean)² = 5, so se = sqrt(4δ² / 2 / 5) = δ·sqrt(0.4).
    const delta = 0.05;
    const r = [delta, -delta, -delta, delta];
    const x = [0, 1, 2, 3].map(Math.exp);
    const y = [0, 1, 2, 3].map((l, i) => Math.exp(1.5 - 0.4 * l + r[i]));
    const fit = fitPowerLaw(x, y);
    expectClose(fit.alpha, 0.4, { rel: 1e-12 });
    expectClose(fit.alphaStderr, delta * Math.sqrt(0.4), { rel: 1e-10 });
  });

  it("has calibrated standard errors on noisy synthetic power laws (95% coverage)", () => {
    // 400 seeded replicates of y = 2 N^(−0.5) e^(0.1 ε) at 10 sizes; the interval α ± t₀.₉₇₅(8)·se
    // (t = 2.306) should cover 0.5 in 95% of replicates: binomial sd sqrt(.95·.05/400) = 0.011, so ±0.035.
    const rng = new Random(2024);
    const x = Array.from({ length: 10 }, (_, i) => 2 ** (i + 4));
    let covered = 0;
    for (let rep = 0; rep < 400; rep++) {
      const y = x.map((v) => 2 * v ** -0.5 * Math.exp(0.1 * rng.normal()));
      const fit = fitPowerLaw(x, y);
      if (Math.abs(fit.alpha - 0.5) <= 2.306 * fit.alphaStderr) covered++;
    }
    expectClose(covered / 400, 0.95, { abs: 0.035 });
  });

  it("rejects fewer than two points, non-positive values, unequal lengths and constant x", () => {
    expect(() => fitPowerLaw([1], [1])).toThrow(RangeError);
    expect(() => fitPowerLaw([1, 2], [1, 0])).toThrow(/`y\[1\]` must be in \(0, ∞\), got 0/);
    expect(() => fitPowerLaw([1, -2], [1, 1])).toThrow(RangeError);
    expect(() => fitPowerLaw([1, 2, 3], [1, 2])).toThrow(/length/);
    expect(() => fitPowerLaw([2, 2], [1, 3])).toThrow(/distinct/);
  });
});

describe("meanStderr", () => {
  it("matches the hand computation for 1, 2, 3", () => {
    // sample variance 1, so stderr = sqrt(1/3)
    const m = meanStderr([1, 2, 3]);
    expectClose(m.mean, 2);
    expectClose(m.stderr, Math.sqrt(1 / 3));
  });
  it("gives zero stderr for one value and rejects an empty or non-finite sample", () => {
    expect(meanStderr([4]).stderr).toBe(0);
    expect(() => meanStderr([])).toThrow(RangeError);
    expect(() => meanStderr([1, NaN])).toThrow(RangeError);
  });
});

describe("localSlopes", () => {
  it("gives the exponent between consecutive points", () => {
    // by hand: 1 → 0.1 over a decade is slope 1; 0.1 → 0.001 over a decade is slope 2;
    // 0.001 → 0.000125 over a doubling is ln 8 / ln 2 = 3
    const s = localSlopes([1, 10, 100, 200], [1, 0.1, 0.001, 0.000125]);
    expect(s.length).toBe(3);
    expectClose(s[0], 1, { rel: 1e-14 });
    expectClose(s[1], 2, { rel: 1e-14 });
    expectClose(s[2], 3, { rel: 1e-14 });
  });

  it("rejects short, mismatched, non-positive or non-increasing input", () => {
    expect(() => localSlopes([1], [1])).toThrow(/x.length/);
    expect(() => localSlopes([1, 2], [1])).toThrow(/`y`/);
    expect(() => localSlopes([1, 2], [1, 0])).toThrow(/y\[1\]/);
    expect(() => localSlopes([2, 1], [1, 0.5])).toThrow(/increase/);
  });
});

describe("asymptoteOnset", () => {
  it("returns the smallest size from which every local slope is within tol of alpha", () => {
    // local slopes by hand: ln 2/ln 10 = 0.301, then 2, 2 (decades falling by 100): onset at x = 10
    expect(asymptoteOnset([1, 10, 100, 1000], [1, 0.5, 0.005, 0.00005], 2, 0.1)).toBe(10);
    // a last slope of 1.5 is 25 % off 2: never reached
    expect(asymptoteOnset([1, 10, 100], [1, 0.01, 0.01 / 10 ** 1.5], 2, 0.1)).toBeNaN();
    // a pure power law is asymptotic from its first point
    expect(asymptoteOnset([2, 4, 8], [1, 0.25, 0.0625], 2, 0.01)).toBe(2);
  });

  it("rejects a non-positive exponent or tolerance", () => {
    expect(() => asymptoteOnset([1, 2], [1, 0.5], 0, 0.1)).toThrow(/`alpha`/);
    expect(() => asymptoteOnset([1, 2], [1, 0.5], 1, 0)).toThrow(/`tol`/);
  });
});
