import { describe, expect, it } from "vitest";
import {
  gridApproximant,
  meanSquaredError,
  smoothTarget,
  smoothTargetMeanGradSq,
  type Target,
  targetValues,
  uniformPoints,
} from "../../src/measure/approximation";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

/** Midpoint-rule nodes on [0,1]: a deterministic stand-in for Monte Carlo points in 1-D. */
const midpoints = (m: number) => Float64Array.from({ length: m }, (_, i) => (i + 0.5) / m);

describe("gridApproximant", () => {
  it("reproduces an affine target exactly with the linear approximant (d = 3)", () => {
    const f: Target = (x, o) => 1 + 2 * x[o] - 3 * x[o + 1] + 0.5 * x[o + 2];
    const a = gridApproximant(f, 3, 5, "linear");
    const pts = uniformPoints(new Random(1), 200, 3);
    // multilinear interpolation is exact for affine functions: only rounding remains
    for (let i = 0; i < 200; i++) expectClose(a.evaluate(pts, 3 * i), f(pts, 3 * i), { abs: 1e-13 });
  });

  it("reproduces a bilinear product exactly (multilinear, d = 2) but not a quadratic", () => {
    const f: Target = (x, o) => x[o] * x[o + 1];
    const g: Target = (x, o) => x[o] * x[o];
    const af = gridApproximant(f, 2, 4, "linear"), ag = gridApproximant(g, 2, 4, "linear");
    const p = new Float64Array([0.3, 0.7]);
    expectClose(af.evaluate(p, 0), 0.21, { abs: 1e-15 });
    // x² on cell [0.25, 0.5]: chord value at 0.3 is 0.25² + (0.3 − 0.25)(0.25 + 0.5) = 0.1, not 0.09
    expectClose(ag.evaluate(p, 0), 0.1, { abs: 1e-15 });
  });

  it("takes the cell-centre value in the constant approximant", () => {
    const f: Target = (x, o) => x[o] + 10 * x[o + 1];
    const a = gridApproximant(f, 2, 4, "constant");
    // point (0.3, 0.9) lies in cell (1, 3) with centre (0.375, 0.875)
    expectClose(a.evaluate(new Float64Array([0.3, 0.9]), 0), 0.375 + 8.75);
    expect(a.cells).toBe(16);
    expect(a.values.length).toBe(16);
    expect(gridApproximant(f, 2, 4, "linear").values.length).toBe(25);
  });

  it("clamps points on the upper boundary into the last cell", () => {
    const f: Target = (x, o) => x[o];
    expectClose(gridApproximant(f, 1, 4, "constant").evaluate(new Float64Array([1]), 0), 0.875);
    expectClose(gridApproximant(f, 1, 4, "linear").evaluate(new Float64Array([1]), 0), 1);
  });

  it("rejects d ≤ 0, n < 1, an unknown kind and oversized grids", () => {
    const f: Target = () => 0;
    expect(() => gridApproximant(f, 0, 4, "constant")).toThrow(/`d` must be an integer in \[1, ∞\), got 0/);
    expect(() => gridApproximant(f, -1, 4, "linear")).toThrow(RangeError);
    expect(() => gridApproximant(f, 2, 0, "linear")).toThrow(/`n`/);
    expect(() => gridApproximant(f, 2, 2.5, "linear")).toThrow(/`n`/);
    expect(() => gridApproximant(f, 2, 4, "quadratic" as never)).toThrow(/`kind`/);
    expect(() => gridApproximant(f, 10, 100, "constant")).toThrow(/at most/);
  });
});

describe("meanSquaredError", () => {
  const f: Target = (x, o) => Math.sin(2 * Math.PI * x[o]);

  it("matches the asymptotic constant s²/12 ∫f'² for the 1-D piecewise-constant approximant", () => {
    // f = sin 2πx: ∫₀¹ f'² = 2π². Per cell the error is f'(c)·u + O(u²), whose mean square is
    // f'²s²/12; the next term is O(s²) relative, 1.2e-4 at n = 64 (measured), hence rel 1e-3.
    const n = 64, s = 1 / n;
    const mse = meanSquaredError(f, gridApproximant(f, 1, n, "constant"), midpoints(1 << 16)).value;
    expectClose(mse, (s * s / 12) * 2 * Math.PI ** 2, { rel: 1e-3 });
  });

  it("matches s⁴/120 ∫f''² for the 1-D piecewise-linear approximant", () => {
    // chord error f''(x−a)(x−b)/2 has mean square f''² s⁴/120; ∫ f''² = 8π⁴ for sin 2πx.
    // Next term O(s²) relative (4e-4 at n = 64, measured), hence rel 2e-3.
    const n = 64, s = 1 / n;
    const mse = meanSquaredError(f, gridApproximant(f, 1, n, "linear"), midpoints(1 << 16)).value;
    expectClose(mse, (s ** 4 / 120) * 8 * Math.PI ** 4, { rel: 2e-3 });
  });

  it("is reproducible for a seed and its Monte Carlo estimate agrees with the closed form", () => {
    const a = gridApproximant(f, 1, 16, "constant");
    const e1 = meanSquaredError(f, a, uniformPoints(new Random(5), 20000, 1));
    const e2 = meanSquaredError(f, a, uniformPoints(new Random(5), 20000, 1));
    expect(e2).toEqual(e1);
    // closed form (up to the 2e-3 relative asymptotic correction at n = 16); MC error within 4 stderr
    const exact = (1 / 256 / 12) * 2 * Math.PI ** 2;
    expectClose(e1.value, exact, { abs: 4 * e1.stderr + 2e-3 * exact });
  });

  it("rejects points whose length is not a multiple of d", () => {
    const a = gridApproximant(smoothTarget(2), 2, 4, "constant");
    expect(() => meanSquaredError(smoothTarget(2), a, new Float64Array(5))).toThrow(
      "`points` length must be a positive multiple of 2, got 5",
    );
    expect(() => meanSquaredError(smoothTarget(2), a, new Float64Array(0))).toThrow(RangeError);
  });
});

describe("smoothTarget", () => {
  it("is sin(π ω·x + 1/2) with a unit ω", () => {
    // d = 1: ω = (1), f(x) = sin(πx + 1/2)
    expectClose(smoothTarget(1)(new Float64Array([0.25]), 0), Math.sin(Math.PI / 4 + 0.5));
    // d = 2: ω ∝ (1, 1.5), |ω| = sqrt(3.25)
    const w = [1 / Math.sqrt(3.25), 1.5 / Math.sqrt(3.25)];
    expectClose(smoothTarget(2)(new Float64Array([0.2, 0.6]), 0), Math.sin(Math.PI * (0.2 * w[0] + 0.6 * w[1]) + 0.5));
    expect(() => smoothTarget(0)).toThrow(RangeError);
  });
});

describe("targetValues", () => {
  it("gives the same loss as passing the target itself, and rejects a wrong count", () => {
    const f = smoothTarget(3);
    const pts = uniformPoints(new Random(3), 500, 3);
    const a = gridApproximant(f, 3, 5, "linear");
    expect(meanSquaredError(targetValues(f, pts, 3), a, pts)).toEqual(meanSquaredError(f, a, pts));
    expect(() => meanSquaredError(new Float64Array(499), a, pts)).toThrow(/one value per point \(500\), got 499/);
    expect(() => targetValues(f, new Float64Array(4), 3)).toThrow(
      "`points` length must be a positive multiple of 3, got 4",
    );
  });
});

describe("smoothTargetMeanGradSq", () => {
  it("is π²/2 in d = 1 (ω = 1: the cos(2πx + 1) term averages to zero over a period)", () => {
    // ⟨π² cos²(πx + 1/2)⟩ over [0, 1] = π²/2 by hand; sin(π)/π ≈ 4e-17 leaves only rounding
    expectClose(smoothTargetMeanGradSq(1), Math.PI ** 2 / 2, { rel: 1e-14 });
  });

  it("matches a Monte Carlo mean of |∇f|² from central differences of smoothTarget, d = 1…5", () => {
    // independent of the closed form: the gradient is differentiated numerically (step 1e-5,
    // truncation O(1e-10)) and averaged over 20 000 uniform points (relative MC error ≈ 0.5 %)
    for (let d = 1; d <= 5; d++) {
      const f = smoothTarget(d), m = 20000, hStep = 1e-5;
      const pts = uniformPoints(new Random(40 + d), m, d);
      const x = new Float64Array(d);
      let sum = 0;
      for (let k = 0; k < m; k++) {
        for (let i = 0; i < d; i++) x[i] = pts[k * d + i];
        for (let i = 0; i < d; i++) {
          const xi = x[i];
          x[i] = xi + hStep;
          const up = f(x, 0);
          x[i] = xi - hStep;
          const down = f(x, 0);
          x[i] = xi;
          sum += ((up - down) / (2 * hStep)) ** 2;
        }
      }
      expectClose(smoothTargetMeanGradSq(d), sum / m, { rel: 0.02 });
    }
  });

  it("rejects a non-integer dimension", () => {
    expect(() => smoothTargetMeanGradSq(1.5)).toThrow(/`d`/);
  });
});
