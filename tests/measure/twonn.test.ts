import { describe, expect, it } from "vitest";
import { twoNN } from "../../src/measure/twonn";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("twoNN", () => {
  // Points uniform in the unit d-cube, N = 4000. The statistical error is about d/sqrt(N) (1.6%);
  // points near the faces see truncated neighbourhoods, which biases TwoNN low by a few percent,
  // more so as d grows (measured: 0.995, 1.97, 2.90, 3.92, 4.80). Tolerance 10% of d.
  for (const d of [1, 2, 3, 4, 5]) {
    it(`recovers d = ${d} from points uniform in the ${d}-cube`, () => {
      const r = twoNN(new Random(d * 100 + 4000).uniforms(4000 * d), d);
      expectClose(r.estimate, d, { rel: 0.1 });
      expectClose(r.mle, d, { rel: 0.1 });
    });
  }

  it("states an MLE standard error that matches the scatter of the MLE across seeds", () => {
    // independent of the formula mle/√n: 40 independent samples of 1000 points in the 2-cube; the
    // sample standard deviation of 40 values is itself uncertain by ≈ 1/√78 ≈ 11 %, tolerance 35 %
    const runs = Array.from({ length: 40 }, (_, s) => twoNN(new Random(900 + s).uniforms(2 * 1000), 2));
    const mles = runs.map((r) => r.mle);
    const mean = mles.reduce((a, b) => a + b, 0) / mles.length;
    const sd = Math.sqrt(mles.reduce((a, b) => a + (b - mean) ** 2, 0) / (mles.length - 1));
    const stated = runs.reduce((a, r) => a + r.mleStderr, 0) / runs.length;
    expectClose(stated, sd, { rel: 0.35 });
  });

  it("recovers the dimension of a 2-plane embedded in D = 10 (rotation invariance)", () => {
    const rng = new Random(3);
    const n = 3000, pts = new Float64Array(n * 10);
    for (let i = 0; i < n; i++) {
      const u = rng.uniform(), v = rng.uniform();
      for (let j = 0; j < 10; j++) pts[i * 10 + j] = u * Math.cos(j) + v * Math.sin(2 * j);
    }
    expectClose(twoNN(pts, 10).estimate, 2, { rel: 0.1 });
  });

  it("is deterministic", () => {
    const pts = new Random(1).uniforms(3 * 500);
    expect(twoNN(pts, 3)).toEqual(twoNN(pts, 3));
  });

  it("rejects fewer than 3 points, duplicates and a bad discard fraction", () => {
    expect(() => twoNN(new Float64Array([0, 1]), 1)).toThrow(/number of points/);
    expect(() => twoNN(new Float64Array([0, 0, 1, 2]), 1)).toThrow(/distinct/);
    expect(() => twoNN(new Float64Array([0, 1, 3]), 1, 1)).toThrow(/`discard`/);
    expect(() => twoNN(new Float64Array([0, 1, 3]), 2)).toThrow(
      "`points` length must be a positive multiple of 2, got 3",
    );
  });
  it("refuses a lattice only beyond 10 % of ties: 1 point in 10 with μ = 1 passes, 2 are refused", () => {
    // (0, 0) has its two nearest neighbours (±1, 0) at exactly the same distance; the other points lie far
    // apart at distances that tie nowhere
    const far = [[10, 0], [17, 3], [29, -5], [-13, 11], [-31, -7], [41, 19], [-53, 23]];
    const one = new Float64Array([0, 0, 1, 0, -1, 0, ...far.flat()]);
    const r = twoNN(one, 2);
    expect(r.n).toBe(10);
    expect(Number.isFinite(r.estimate) && r.estimate > 0).toBe(true);
    // a second tie: (−31, −7) moved to (10, 2) and (41, 19) kept, (−53, 23) to (12, 2): (10, 2) then has
    // (10, 0) and (12, 2) both at distance 2
    const two = new Float64Array([0, 0, 1, 0, -1, 0, 10, 0, 17, 3, 29, -5, -13, 11, 10, 2, 41, 19, 12, 2]);
    expect(() => twoNN(two, 2)).toThrow(
      "`points` are on a lattice: TwoNN's ratio distribution is degenerate (2 of 10 points have their two nearest " +
        "neighbours at the same distance, μ = 1); jitter them or use another estimator",
    );
  });
});

describe("twoNN on a hand-computed set (issue 18: a dropped point or ratio changes the answer)", () => {
  it("points 0, 1, 3, 7, 15 on a line: μ = 3, 2, 3/2, 3/2, 3/2", () => {
    // neighbours by hand: 0 → (1, 3): μ = 3/1; 1 → (0, 3): 2/1; 3 → (1, 0): 3/2; 7 → (3, 1): 6/4; 15 → (7, 3): 12/8
    const r = twoNN(new Float64Array([0, 1, 3, 7, 15]), 1);
    const logs = [Math.log(3), Math.log(2), Math.log(1.5), Math.log(1.5), Math.log(1.5)];
    expectClose(r.mle, 4 / logs.reduce((a, b) => a + b, 0), { rel: 1e-15 });
    // the fit keeps the 4 smallest ratios (discard 0.1 of 5 → floor(4.5) = 4), F = i/5 at the i-th
    const x = [Math.log(1.5), Math.log(1.5), Math.log(1.5), Math.log(2)];
    const y = x.map((_, i) => -Math.log(1 - i / 5));
    const sxy = x.reduce((s, v, i) => s + v * y[i], 0), sxx = x.reduce((s, v) => s + v * v, 0);
    expectClose(r.estimate, sxy / sxx, { rel: 1e-15 });
    expect(r.n).toBe(5);
    expectClose(r.mleStderr, r.mle / Math.sqrt(5), { rel: 1e-15 });
  });
});
