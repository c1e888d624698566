import { describe, expect, it } from "vitest";
import { minimizeLbfgs } from "../../src/stats/optimize";
import { expectClose } from "../helpers";

/** Rosenbrock's function in n dimensions; minimum 0 at (1, ..., 1). */
function rosenbrock(x: Float64Array, g: Float64Array): number {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}

describe("minimizeLbfgs", () => {
  it("finds the minimum Q^-1 b of a 6-dimensional convex quadratic", () => {
    // f(x) = 1/2 x'Qx - b'x with Q = tridiag(-1, 4, -1) (diagonally dominant, so SPD) and
    // b = Q x* for a chosen x*: the unique minimum is x*.
    const n = 6;
    const xStar = [1, -2, 3, 0.5, -0.25, 10];
    const Q = (v: ArrayLike<number>, i: number) => 4 * v[i] - (i > 0 ? v[i - 1] : 0) - (i < n - 1 ? v[i + 1] : 0);
    const b = xStar.map((_, i) => Q(xStar, i));
    const r = minimizeLbfgs(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < n; i++) {
          g[i] = Q(x, i) - b[i];
          f += 0.5 * x[i] * Q(x, i) - b[i] * x[i];
        }
        return f;
      },
      new Array(n).fill(0),
      { gradientTolerance: 1e-10 },
    );
    expect(r.converged).toBe(true);
    // The gradient test at 1e-10 and the condition number of Q (< 6/2 = 3) bound |x - x*| by ~1e-10.
    xStar.forEach((v, i) => expectClose(r.x[i], v, { abs: 1e-8 }));
  });

  it("reaches (1, 1) on Rosenbrock's function from the classic start (-1.2, 1)", () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    // Near the minimum the Hessian has eigenvalues ~0.4 and ~1000: a gradient of 1e-9 leaves an
    // error below ~1e-8; 1e-6 is a safe bound.
    expectClose(r.x[0], 1, { abs: 1e-6 });
    expectClose(r.x[1], 1, { abs: 1e-6 });
    expect(r.f).toBeLessThan(1e-12);
  });

  it("reaches the all-ones minimum of the 10-dimensional Rosenbrock function", () => {
    const start = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
    const r = minimizeLbfgs(rosenbrock, start, { gradientTolerance: 1e-9, maxIterations: 2000 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expectClose(v, 1, { abs: 1e-6 });
  });

  it("keeps only the newest `memory` correction pairs, and still converges when they wrap many times", () => {
    const start = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
    for (const memory of [1, 2, 3]) {
      const r = minimizeLbfgs(rosenbrock, start, { gradientTolerance: 1e-9, maxIterations: 5000, memory });
      expect(r.converged, `memory ${memory}`).toBe(true);
      // far more iterations than pairs kept: the memory was overwritten, oldest first, many times
      expect(r.iterations, `memory ${memory}`).toBeGreaterThan(10 * memory);
      // (with one pair the function-decrease test stops it first: 9·10⁻⁶ from the minimum in the last
      // coordinate, where the valley is flattest)
      expect(r.f, `memory ${memory}`).toBeLessThan(1e-9);
      for (const v of r.x) expectClose(v, 1, { abs: 1e-4 });
    }
  });

  it("shortens steps that land where the objective is not finite", () => {
    // (x - 3)^2 but undefined (Infinity) for x > 3.5: the first trial step from 0 overshoots.
    const r = minimizeLbfgs(
      (x, g) => {
        if (x[0] > 3.5) return Infinity;
        g[0] = 2 * (x[0] - 3);
        return (x[0] - 3) ** 2;
      },
      [0],
      { gradientTolerance: 1e-10 },
    );
    expectClose(r.x[0], 3, { abs: 1e-9 });
  });

  it("stops at once when the start is already stationary", () => {
    const r = minimizeLbfgs((x, g) => {
      g[0] = 2 * x[0];
      return x[0] ** 2;
    }, [0]);
    expect(r.iterations).toBe(0);
    expect(r.converged).toBe(true);
  });

  it("calls a run converged when f cannot decrease at rounding level, and not otherwise", () => {
    // A constant objective with a (wrong) non-zero gradient: every trial value equals f(x0), the
    // curvature condition never holds, and the line search runs out of trials on a flat function.
    const flat = minimizeLbfgs((_, g) => {
      g[0] = 1e-3;
      return 1e6;
    }, [0]);
    expect(flat.message).toBe("no decrease possible at rounding level");
    expect(flat.converged).toBe(true);
    // A gradient that points the wrong way (inconsistent with f) makes every step fail to decrease
    // f by a clear margin: that is a failed line search, not convergence.
    const wrong = minimizeLbfgs((x, g) => {
      g[0] = -2 * x[0];
      return x[0] ** 2;
    }, [1]);
    expect(wrong.message).toBe("line search failed");
    expect(wrong.converged).toBe(false);
  });

  it("reports the iteration limit without claiming convergence", () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.iterations).toBe(3);
    expect(r.converged).toBe(false);
  });

  it("rejects a start where the objective is not finite, and bad options", () => {
    expect(() => minimizeLbfgs(() => NaN, [0])).toThrow(/must be finite at `x0`/);
    expect(() => minimizeLbfgs(rosenbrock, [NaN, 1])).toThrow(/`x0\[0\]` must be a finite number/);
    expect(() => minimizeLbfgs(rosenbrock, [])).toThrow(/`x0.length` must be an integer/);
    expect(() => minimizeLbfgs(rosenbrock, [0, 0], { c1: 0.5, c2: 0.1 })).toThrow(/`c2` must be in/);
    expect(() => minimizeLbfgs(rosenbrock, [0, 0], { memory: 0 })).toThrow(/`memory`/);
  });
});
