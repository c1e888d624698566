/**
 * Grid approximation on the unit cube [0,1]^d, the toy model of the paper's section 5 (eqs. 11–13):
 * the cube is cut into N = n^d cubic cells of side s = 1/n, and a target f is replaced by
 *
 * - the piecewise-constant approximant: in each cell, the value of f at the cell centre; or
 * - the piecewise-(multi)linear approximant: in each cell, the multilinear interpolant of the values
 *   of f at the cell's 2^d corners (the (n + 1)^d grid nodes).
 *
 * The loss of eq. 12 is the squared error integrated over the cube, L = ∫ |f − f_N|² dᵈx; since the
 * cube has volume 1 it is the mean squared error over a uniform point, which `meanSquaredError`
 * estimates by Monte Carlo. For smooth f, section 5 argues L ∼ s² = N^(−2/d) (constant) and
 * L ∼ s⁴ = N^(−4/d) (linear).
 *
 * Points are stored row-major in one `Float64Array` (point i occupies `[i·d, (i+1)·d)`), never as
 * arrays of objects.
 *
 * @module
 */
import type { Random } from "../stats/random";
import {
  requireArray,
  requireFields,
  requireFunction,
  requireInteger,
  requireRandom,
  requireRows,
} from "../_util/validate";

/**
 * A real function on [0,1]^d that reads its argument from `x[offset] … x[offset + d − 1]`.
 * Reading from a shared typed array avoids allocating one array per point.
 */
export type Target = (x: Float64Array, offset: number) => number;

/** The two approximants of section 5. */
export type ApproximantKind = "constant" | "linear";

/** A piecewise approximant on a regular grid of n^d cells of [0,1]^d. */
export interface GridApproximant {
  kind: ApproximantKind;
  /** Dimension of the cube. */
  d: number;
  /** Cells per side; the cell side is s = 1/n. */
  n: number;
  /** Number of cells N = n^d (eq. 11). */
  cells: number;
  /** Stored values: n^d cell-centre values (constant) or (n+1)^d node values (linear), first axis fastest. */
  values: Float64Array;
  /** Value of the approximant at the point stored at `x[offset…offset+d)`; points outside are clamped. */
  evaluate(x: Float64Array, offset: number): number;
}

/** Largest number of stored values a grid approximant may hold (2^26, 0.5 GB of doubles). */
export const MAX_GRID_VALUES = 2 ** 26;

/**
 * Builds the piecewise-constant (cell-centre value) or multilinear (grid-node interpolation)
 * approximant of `target` on n^d cells of the unit cube (section 5, eqs. 11–13).
 *
 * @param target the function approximated; called n^d (constant) or (n+1)^d (linear) times.
 * @param d dimension, integer ≥ 1.
 * @param n cells per side, integer ≥ 1; N = n^d cells of side 1/n.
 * @param kind "constant" or "linear".
 * @throws {RangeError} if `d` or `n` is not a positive integer, `kind` is unknown, or the grid
 *   would hold more than `MAX_GRID_VALUES` values.
 * @example
 * const f: Target = (x, o) => 2 * x[o] + 1;
 * gridApproximant(f, 1, 4, "linear").evaluate(new Float64Array([0.3]), 0) // => 1.6 (exact for linear f)
 */
export function gridApproximant(
  target: Target,
  d: number,
  n: number,
  kind: ApproximantKind,
): GridApproximant {
  requireFunction("target", target);
  requireInteger("d", d, 1);
  requireInteger("n", n, 1);
  if (kind !== "constant" && kind !== "linear") {
    throw new RangeError(`\`kind\` must be "constant" or "linear", got ${String(kind)}`);
  }
  const m = kind === "constant" ? n : n + 1;
  const count = m ** d;
  if (count > MAX_GRID_VALUES) {
    throw new RangeError(`\`n\` must give at most ${MAX_GRID_VALUES} grid values, got ${m}^${d} = ${count}`);
  }
  const values = new Float64Array(count);
  const p = new Float64Array(d);
  const idx = new Int32Array(d);
  const shift = kind === "constant" ? 0.5 : 0;
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < d; i++) p[i] = (idx[i] + shift) / n;
    values[c] = target(p, 0);
    // advance the mixed-radix counter, first axis fastest
    for (let i = 0; i < d; i++) {
      if (++idx[i] < m) break;
      idx[i] = 0;
    }
  }
  const cells = n ** d;
  if (kind === "constant") {
    return {
      kind,
      d,
      n,
      cells,
      values,
      evaluate(x: Float64Array, offset: number): number {
        let c = 0, stride = 1;
        for (let i = 0; i < d; i++) {
          // u ≥ n (or +∞) → last cell, u ≤ 0 (or NaN) → first; truncation equals floor for u > 0
          const u = x[offset + i] * n;
          const j = u < n ? (u > 0 ? u | 0 : 0) : n - 1;
          c += j * stride;
          stride *= n;
        }
        return values[c];
      },
    };
  }
  // Multilinear: offsets of the 2^d corners relative to the lower corner, and a scratch buffer
  // for collapsing the corner values one axis at a time (2^d − 1 linear interpolations).
  const corners = 1 << d;
  const cornerOffset = new Int32Array(corners);
  for (let b = 0; b < corners; b++) {
    let off = 0, stride = 1;
    for (let i = 0; i < d; i++) {
      if (b & (1 << i)) off += stride;
      stride *= m;
    }
    cornerOffset[b] = off;
  }
  const t = new Float64Array(d);
  const buf = new Float64Array(corners);
  return {
    kind,
    d,
    n,
    cells,
    values,
    evaluate(x: Float64Array, offset: number): number {
      let base = 0, stride = 1;
      for (let i = 0; i < d; i++) {
        // same clamping as the constant approximant: u ≥ n → last cell, u ≤ 0 (or NaN) → first;
        // kept inline (a shared helper measured 15–50 % slower in this hot loop)
        const u = x[offset + i] * n;
        const j = u < n ? (u > 0 ? u | 0 : 0) : n - 1;
        let f = u - j;
        if (f < 0) f = 0;
        else if (f > 1) f = 1;
        t[i] = f;
        base += j * stride;
        stride *= m;
      }
      for (let b = 0; b < corners; b++) buf[b] = values[base + cornerOffset[b]];
      // collapse axis 0 (bit 0), then axis 1, …: pairs (2k, 2k+1) differ in the lowest remaining bit
      let len = corners;
      for (let i = 0; i < d; i++) {
        const w = t[i];
        const half = len >> 1;
        for (let k = 0; k < half; k++) {
          const a = buf[2 * k];
          buf[k] = a + w * (buf[2 * k + 1] - a);
        }
        len = half;
      }
      return buf[0];
    },
  };
}

/**
 * `m` points drawn uniformly from [0,1]^d, row-major in one `Float64Array` of length m·d.
 *
 * @throws {RangeError} if `m` < 1 or `d` < 1 is not an integer.
 * @example uniformPoints(new Random(1), 100, 3).length // => 300
 */
export function uniformPoints(rng: Random, m: number, d: number): Float64Array {
  requireRandom("rng", rng);
  requireInteger("m", m, 1);
  requireInteger("d", d, 1);
  return rng.uniforms(m * d);
}

/** A Monte Carlo estimate with its standard error. */
export interface Estimate {
  value: number;
  /** Standard deviation of the summands over sqrt(m) (m − 1 in the variance). */
  stderr: number;
}

/**
 * Values of `target` at m points stored row-major (m·d coordinates): the part of the loss
 * computation that does not depend on the grid, so an experiment can compute it once per set of
 * points and reuse it for every N (see `meanSquaredError`).
 *
 * @throws {RangeError} if `points.length` is not a positive multiple of `d`.
 * @example targetValues(smoothTarget(2), uniformPoints(new Random(1), 100, 2), 2).length // => 100
 */
export function targetValues(target: Target, points: Float64Array, d: number): Float64Array {
  requireFunction("target", target);
  requireArray("points", points);
  requireInteger("d", d, 1);
  const m = requireRows("points", points, d);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = target(points, i * d);
  return out;
}

/**
 * Monte Carlo estimate of the loss of eq. 12, L = ∫_[0,1]^d |f − f_N|² dᵈx, as the mean of
 * |f(x) − f_N(x)|² over the given points (uniform in the cube for an unbiased estimate; a midpoint
 * rule also works), with its standard error. Units: those of f, squared.
 *
 * @param target f itself, or its values at the points (from `targetValues`), which saves
 *   re-evaluating f for every grid.
 * @param points m·d coordinates, row-major (see `uniformPoints`).
 * @throws {RangeError} if `points.length` is not a positive multiple of `d`, the number of target
 *   values is not m, or an error is not finite.
 * @example meanSquaredError(f, gridApproximant(f, 2, 8, "constant"), uniformPoints(new Random(1), 4096, 2))
 */
export function meanSquaredError(
  target: Target | Float64Array,
  approximant: GridApproximant,
  points: Float64Array,
): Estimate {
  requireFields("approximant", approximant, ["d", "n", "kind"], "a GridApproximant");
  if (typeof target !== "function") requireArray("target", target);
  requireArray("points", points);
  const d = approximant.d;
  const m = requireRows("points", points, d);
  const values = typeof target === "function" ? targetValues(target, points, d) : target;
  if (values.length !== m) {
    throw new RangeError(`\`target\` must hold one value per point (${m}), got ${values.length}`);
  }
  let sum = 0, sum2 = 0;
  for (let i = 0; i < m; i++) {
    const e = values[i] - approximant.evaluate(points, i * d);
    const e2 = e * e;
    sum += e2;
    sum2 += e2 * e2;
  }
  if (!Number.isFinite(sum)) throw new RangeError(`the squared error must be finite, got ${sum}`);
  const mean = sum / m;
  const variance = m > 1 ? Math.max(0, (sum2 - m * mean * mean) / (m - 1)) : 0;
  return { value: mean, stderr: Math.sqrt(variance / m) };
}

/**
 * The smooth target used by the experiments: f(x) = sin(π ω·x + 1/2) on [0,1]^d, with the fixed
 * unit vector ω ∝ (1, 1 + 1/d, 1 + 2/d, …) so that every axis carries a different slope, the
 * function is not separable and its gradient and Hessian are of order one whatever d. Smooth (C^∞),
 * so section 5 predicts α = 2/d (constant) and 4/d (linear).
 *
 * @throws {RangeError} if `d` is not a positive integer.
 * @example smoothTarget(1)(new Float64Array([0]), 0) // => ≈ 0.479 (sin(0.5))
 */
export function smoothTarget(d: number): Target {
  requireInteger("d", d, 1);
  const w = new Float64Array(d);
  let norm = 0;
  for (let i = 0; i < d; i++) {
    w[i] = 1 + i / d;
    norm += w[i] * w[i];
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < d; i++) w[i] *= Math.PI / norm;
  return (x, o) => {
    let s = 0.5;
    for (let i = 0; i < d; i++) s += w[i] * x[o + i];
    return Math.sin(s);
  };
}

/**
 * Mean over the cube of |∇f|² for the smooth target of `smoothTarget(d)`, in closed form. With
 * w = π ω (|ω| = 1), |∇f|² = π² cos²(w·x + 1/2) = (π²/2)(1 + cos(2 w·x + 1)), and the cube average
 * of cos(2 w·x + 1) factorises over the axes: ∏_i ∫₀¹ e^(2i w_i x) dx = e^(i Σ w_i) ∏_i sin(w_i)/w_i, so
 * ⟨|∇f|²⟩ = (π²/2) (1 + cos(1 + Σ w_i) ∏_i sin(w_i)/w_i). This is the ⟨|∇f|²⟩ of
 * `midpointConstantLoss`, the leading term of the piecewise-constant loss.
 *
 * @throws {RangeError} if `d` is not a positive integer.
 * @example smoothTargetMeanGradSq(1) // => ≈ 4.935 ((π²/2)(1 + cos(1 + π) sin(π)/π) = π²/2)
 */
export function smoothTargetMeanGradSq(d: number): number {
  requireInteger("d", d, 1);
  let norm = 0;
  for (let i = 0; i < d; i++) norm += (1 + i / d) ** 2;
  norm = Math.sqrt(norm);
  let sum = 0, prod = 1;
  for (let i = 0; i < d; i++) {
    const w = (Math.PI * (1 + i / d)) / norm;
    sum += w;
    prod *= Math.sin(w) / w;
  }
  return (Math.PI ** 2 / 2) * (1 + Math.cos(1 + sum) * prod);
}
