/**
 * Unconstrained minimisation of a smooth function of a few variables by limited-memory BFGS
 * (L-BFGS; Nocedal & Wright, "Numerical Optimization", 2nd ed. 2006, Algorithm 7.4 with the
 * two-loop recursion of Algorithm 7.5) with a line search that enforces the strong Wolfe
 * conditions (Algorithms 3.5 and 3.6 there, cubic interpolation in the zoom phase).
 *
 * Used to fit the Chinchilla scaling law (Hoffmann et al. 2022 fit theirs with L-BFGS). Pure
 * numerics: no I/O, no randomness.
 *
 * @module
 */
import {
  requireFinite,
  requireFiniteArray,
  requireInRange,
  requireInteger,
  requireOptions,
  requirePositive,
} from "../_util/validate";

/**
 * An objective with its gradient: writes the gradient at `x` into `grad` (same length as `x`)
 * and returns the value at `x`. A non-finite value (e.g. an overflow far from the minimum) is
 * allowed: the line search then shortens the step.
 */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of `minimizeLbfgs`; every field has a default. */
export interface LbfgsOptions {
  /** Number of correction pairs kept (default 10, as in SciPy's L-BFGS-B). */
  memory?: number;
  /** Maximum number of iterations (default 1000). */
  maxIterations?: number;
  /** Stop when max_i |g_i| <= this (default 1e-8). */
  gradientTolerance?: number;
  /**
   * Stop when the decrease of f over one iteration is at most this times max(|f_k|, |f_k+1|,
   * `functionScale`) (default 1e-12; SciPy's L-BFGS-B uses 2.2e-9 with scale 1).
   */
  functionTolerance?: number;
  /** Floor of the scale in the function-decrease test (default 1). */
  functionScale?: number;
  /** Sufficient-decrease constant c1 of the Wolfe conditions (default 1e-4). */
  c1?: number;
  /** Curvature constant c2 of the strong Wolfe conditions (default 0.9). */
  c2?: number;
  /** Maximum function evaluations in one line search (default 30). */
  maxLineSearch?: number;
}

/** The outcome of `minimizeLbfgs`. */
export interface LbfgsResult {
  /** The best point found. */
  x: Float64Array;
  /** The objective at `x`. */
  f: number;
  /** The gradient at `x`. */
  gradient: Float64Array;
  /** Iterations taken (accepted steps). */
  iterations: number;
  /** Calls of the objective. */
  evaluations: number;
  /** True if a gradient or function-decrease test stopped the run (not the iteration limit or a failed line search). */
  converged: boolean;
  /** Why the run stopped. */
  message: string;
}

/** Relative spread of function values treated as rounding noise in a failed line search. */
const ROUNDING_LEVEL = 1e-13;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Minimiser of the cubic that interpolates (a, fa, ga) and (b, fb, gb) (Nocedal & Wright eq. 3.59),
 * or NaN if it does not exist.
 */
function cubicMinimizer(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  const d1 = ga + gb - 3 * (fa - fb) / (a - b);
  const disc = d1 * d1 - ga * gb;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
}

/**
 * Minimises `fg` from `x0` by L-BFGS with a strong-Wolfe line search.
 *
 * Stops when the largest gradient component is at most `gradientTolerance`, when one iteration
 * lowers f by at most `functionTolerance` relative to max(|f|, `functionScale`), at the
 * iteration limit, or when the line search cannot find a step (then `converged` is false, unless
 * every trial value agreed with f to 1e-13 relative: f is then flat at rounding level).
 *
 * @param fg objective and gradient (see `ObjectiveWithGradient`).
 * @param x0 starting point; its objective value must be finite.
 * @throws {RangeError} if `x0` is empty or not finite, if f(x0) or its gradient is not finite, or
 *   if an option is out of range (memory >= 1, maxIterations >= 0, tolerances >= 0, 0 < c1 < c2 < 1).
 * @example
 * // minimum of (x - 1)^2 + 10 (y + 2)^2 at (1, -2)
 * const r = minimizeLbfgs((x, g) => {
 *   g[0] = 2 * (x[0] - 1); g[1] = 20 * (x[1] + 2);
 *   return (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2;
 * }, [0, 0]);
 * r.x // => ≈ [1, -2] ± 1e-6
 */
export function minimizeLbfgs(
  fg: ObjectiveWithGradient,
  x0: ArrayLike<number>,
  options: LbfgsOptions = {},
): LbfgsResult {
  if (typeof fg !== "function") throw new TypeError(`\`fg\` must be a function, got ${typeof fg}`);
  requireFiniteArray("x0", x0, 0);
  requireOptions("options", options, [
    "memory",
    "maxIterations",
    "gradientTolerance",
    "functionTolerance",
    "functionScale",
    "c1",
    "c2",
    "maxLineSearch",
  ]);
  const n = x0.length;
  requireInteger("x0.length", n, 1);
  const m = requireInteger("memory", options.memory ?? 10, 1);
  const maxIter = requireInteger("maxIterations", options.maxIterations ?? 1000, 0);
  const gtol = requireInRange("gradientTolerance", options.gradientTolerance ?? 1e-8, { min: 0 });
  const ftol = requireInRange("functionTolerance", options.functionTolerance ?? 1e-12, { min: 0 });
  const fscale = requirePositive("functionScale", options.functionScale ?? 1);
  const c1 = requireInRange("c1", options.c1 ?? 1e-4, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const c2 = requireInRange("c2", options.c2 ?? 0.9, { min: c1, max: 1, minOpen: true, maxOpen: true });
  const maxLs = requireInteger("maxLineSearch", options.maxLineSearch ?? 30, 1);

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = requireFinite(`x0[${i}]`, x0[i]);
  // NaN-filled: an objective that returns f but never writes its gradient (a plain f(x) passed by
  // mistake) leaves NaN here and is refused, instead of "converging" at once on a zero gradient.
  const g = new Float64Array(n).fill(NaN);
  let evaluations = 1;
  let f = fg(x, g);
  if (typeof f === "number" && Number.isFinite(f) && g.some(Number.isNaN)) {
    throw new TypeError(
      `\`fg\` must write the gradient into its second argument (g[${
        g.findIndex(Number.isNaN)
      }] was not set at \`x0\`): ` +
        "minimizeLbfgs needs the objective's gradient",
    );
  }
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    throw new RangeError(`the objective and its gradient must be finite at \`x0\`, got f = ${f}`);
  }

  // The correction pairs, oldest first: pair j (0 ≤ j < k) is in slot (first + j) % m of a ring of at
  // most m vectors, allocated as the memory first fills and reused after (a bootstrap runs thousands of
  // optimiser runs: they allocate nothing per iteration).
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let first = 0, k = 0;
  const slot = (j: number) => (first + j) % m;
  const alphaBuf = new Float64Array(m);
  const d = new Float64Array(n);
  const xt = new Float64Array(n);
  const gt = new Float64Array(n);
  let sNew: Float64Array = new Float64Array(n), yNew: Float64Array = new Float64Array(n);

  // Evaluates at x + t d: sets phi and dphi, and leaves the point and gradient in xt, gt.
  let phiT = f; // value at the last trial point (the one left in xt, gt)
  let phiLow = f, phiHigh = f; // range of finite values seen in the current line search
  let phi = f, dphi = NaN;
  const phiAt = (t: number): void => {
    for (let i = 0; i < n; i++) xt[i] = x[i] + t * d[i];
    evaluations++;
    const v = fg(xt, gt);
    phiT = v;
    if (Number.isFinite(v)) {
      phiLow = Math.min(phiLow, v);
      phiHigh = Math.max(phiHigh, v);
      phi = v;
      dphi = dot(gt, d);
    } else {
      phi = Infinity;
      dphi = NaN;
    }
  };

  let iterations = 0;
  let message = "iteration limit reached";
  let converged = false;
  if (maxAbs(g) <= gtol) {
    return { x, f, gradient: g, iterations, evaluations, converged: true, message: "gradient below tolerance" };
  }

  while (iterations < maxIter) {
    // Search direction d = -H g by the two-loop recursion.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let j = k - 1; j >= 0; j--) {
      const q = slot(j);
      alphaBuf[j] = rho[q] * dot(S[q], d);
      const y = Y[q];
      for (let i = 0; i < n; i++) d[i] -= alphaBuf[j] * y[i];
    }
    if (k > 0) {
      const q = slot(k - 1);
      const gamma = dot(S[q], Y[q]) / dot(Y[q], Y[q]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = 0; j < k; j++) {
      const q = slot(j);
      const beta = rho[q] * dot(Y[q], d);
      const s = S[q];
      for (let i = 0; i < n; i++) d[i] += (alphaBuf[j] - beta) * s[i];
    }
    let dphi0 = dot(g, d);
    if (!(dphi0 < 0)) {
      // Not a descent direction (lost curvature information): restart from steepest descent.
      first = 0;
      k = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dphi0 = dot(g, d);
    }
    const phi0 = f;
    phiLow = f;
    phiHigh = f;
    // First step of a fresh memory: scaled so that the first trial moves by at most 1.
    let t = k === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;

    // Strong Wolfe line search (Nocedal & Wright Algorithm 3.5 with zoom, Algorithm 3.6).
    let accepted = false;
    let tPrev = 0, phiPrev = phi0, dphiPrev = dphi0;
    let lo = 0, phiLo = phi0, dphiLo = dphi0, hi = NaN, phiHi = NaN, dphiHi = NaN;
    let zooming = false;
    for (let ls = 0; ls < maxLs; ls++) {
      if (zooming) {
        let tc = cubicMinimizer(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
        const a = Math.min(lo, hi), b = Math.max(lo, hi), w = b - a;
        if (!Number.isFinite(tc) || tc < a + 0.1 * w || tc > b - 0.1 * w) tc = 0.5 * (lo + hi);
        t = tc;
        phiAt(t);
        if (phi > phi0 + c1 * t * dphi0 || phi >= phiLo) {
          hi = t;
          phiHi = phi;
          dphiHi = dphi;
        } else {
          if (Math.abs(dphi) <= -c2 * dphi0) {
            accepted = true;
            break;
          }
          if (dphi * (hi - lo) >= 0) {
            hi = lo;
            phiHi = phiLo;
            dphiHi = dphiLo;
          }
          lo = t;
          phiLo = phi;
          dphiLo = dphi;
        }
        if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) break;
        continue;
      }
      phiAt(t);
      if (phi > phi0 + c1 * t * dphi0 || (ls > 0 && phi >= phiPrev)) {
        lo = tPrev;
        phiLo = phiPrev;
        dphiLo = dphiPrev;
        hi = t;
        phiHi = phi;
        dphiHi = dphi;
        zooming = true;
        continue;
      }
      if (Math.abs(dphi) <= -c2 * dphi0) {
        accepted = true;
        break;
      }
      if (dphi >= 0) {
        lo = t;
        phiLo = phi;
        dphiLo = dphi;
        hi = tPrev;
        phiHi = phiPrev;
        dphiHi = dphiPrev;
        zooming = true;
        continue;
      }
      tPrev = t;
      phiPrev = phi;
      dphiPrev = dphi;
      t *= 2;
    }
    if (!accepted) {
      // Fall back on the best sufficient-decrease point seen, if any.
      if (lo > 0 && phiLo < phi0) {
        phiAt(lo);
        t = lo;
      } else {
        // If every trial value agreed with f to rounding level, f cannot decrease any further
        // along d: that is convergence (at the precision of the arithmetic), not a failure.
        const flat = phiHigh - phiLow <= ROUNDING_LEVEL * Math.max(Math.abs(phi0), fscale);
        message = flat ? "no decrease possible at rounding level" : "line search failed";
        converged = flat;
        break;
      }
    }

    // Update the memory with s = t d, y = g_new - g.
    const s = sNew, y = yNew;
    for (let i = 0; i < n; i++) {
      s[i] = xt[i] - x[i];
      y[i] = gt[i] - g[i];
    }
    const sy = dot(s, y);
    const fPrev = f;
    x.set(xt);
    g.set(gt);
    f = phiT;
    iterations++;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      // the new pair goes after the newest, over the oldest when the memory is full; the vectors it
      // replaces are reused for the next pair
      if (k === m) {
        first = (first + 1) % m;
        k--;
      }
      const q = slot(k);
      if (q === S.length) {
        sNew = new Float64Array(n);
        yNew = new Float64Array(n);
      } else {
        sNew = S[q];
        yNew = Y[q];
      }
      S[q] = s;
      Y[q] = y;
      rho[q] = 1 / sy;
      k++;
    }
    if (maxAbs(g) <= gtol) {
      message = "gradient below tolerance";
      converged = true;
      break;
    }
    if (fPrev - f <= ftol * Math.max(Math.abs(fPrev), Math.abs(f), fscale)) {
      message = "function decrease below tolerance";
      converged = true;
      break;
    }
  }
  return { x, f, gradient: g, iterations, evaluations, converged, message };
}
