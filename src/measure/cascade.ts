/**
 * An intermittent signal on [0, 1]: a random multiplicative cascade of the beta-model type (Frisch,
 * Sulem & Nelkin 1978, the paper's ref. 21 and section 5.1), built on a dyadic wavelet tree.
 *
 *   f(x) = Σ_{j=0}^{J−1} a_{j,k} ψ(2^j x − k),   k = ⌊2^j x⌋,   ψ(u) = sin 2πu on [0, 1),
 *
 * with a_{0,0} = 1 and a_{j,k} = a_{j−1,⌊k/2⌋} · 2^(−h₀) · W_{j,k}: each eddy of level j − 1 splits into
 * two daughters, and each daughter stays active with probability β (W = β^(−1/3)) or dies with all its
 * descendants (W = 0). ⟨W³⟩ = 1, so the cascade carries the same flux on average at every level, as in
 * the beta model; the active eddies fill a set of dimension d_F = 1 − C, with codimension C = −log₂ β.
 *
 * Two exponents describe the result, and they differ:
 * - on the active set, increments scale as 2^(−j(h₀ − C/3)): the pointwise exponent the paper's eq. 16
 *   gives (h = 1/3 − C/3 for h₀ = 1/3, its eq. 16 with D = 1);
 * - the mean-square content of level j is ∝ 2^(−j(2h₀ + C/3)), so the second-order structure function
 *   and any squared loss scale with ζ₂ = 2h₀ + C/3, larger than 2h₀: in mean square the intermittent
 *   signal is smoother than the non-intermittent one (C = 0).
 *
 * @module
 */
import type { Target } from "./approximation";
import { Random } from "../stats/random";
import { requireFields, requireInRange, requireInteger, requireOptions } from "../_util/validate";

/** Options of `betaCascade`. */
export interface CascadeOptions {
  /** Number of levels J (finest scale 2^(−J)), integer in [1, 24]. */
  levels: number;
  /** Codimension C = 1 − d_F of the active set, in [0, 1); β = 2^(−C). */
  codimension: number;
  /** Seed of the multipliers. */
  seed: number;
  /** Exponent h₀ of the non-intermittent cascade (default 1/3, K41), in (0, 1). */
  h0?: number;
}

/** A beta-model cascade signal and its parameters. */
export interface CascadeSignal {
  /** The signal on [0, 1] (1-D), read at `x[offset]`; points outside are clamped. */
  f: Target;
  levels: number;
  codimension: number;
  /** Probability β = 2^(−C) that a daughter eddy stays active. */
  beta: number;
  h0: number;
  /** Active eddies per level (the cascade is redrawn at a level where all would die). */
  active: Int32Array;
}

/**
 * Builds a seeded beta-model cascade (see the module comment). Conditioned on survival: if every
 * eddy of a level dies, that level's multipliers are drawn again.
 *
 * @throws {RangeError} if `levels` is not an integer in [1, 24], `codimension` not in [0, 1) or `h0` not in (0, 1).
 * @example betaCascade({ levels: 16, codimension: 0.2, seed: 1 }).beta // => ≈ 0.871 (2^-0.2)
 */
export function betaCascade(options: CascadeOptions): CascadeSignal {
  requireOptions("options", options, ["levels", "codimension", "seed", "h0"]);
  requireFields("options", options, ["levels", "codimension", "seed"], "an object of options");
  const J = requireInteger("levels", options.levels, 1, 24);
  const C = requireInRange("codimension", options.codimension, { min: 0, max: 1, maxOpen: true });
  const h0 = requireInRange("h0", options.h0 ?? 1 / 3, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const beta = 2 ** -C;
  const w = beta ** (-1 / 3) * 2 ** -h0;
  const rng = new Random(options.seed);
  const coef: Float64Array[] = [Float64Array.of(1)];
  const active = new Int32Array(J);
  active[0] = 1;
  for (let j = 1; j < J; j++) {
    const parent = coef[j - 1];
    const level = new Float64Array(2 ** j);
    let alive = 0;
    do {
      alive = 0;
      for (let k = 0; k < level.length; k++) {
        const p = parent[k >> 1];
        // draw for every daughter, dead parent or not, so the stream does not depend on the history
        const keep = rng.uniform() < beta;
        level[k] = p !== 0 && keep ? p * w : 0;
        if (level[k] !== 0) alive++;
      }
    } while (alive === 0);
    active[j] = alive;
    coef.push(level);
  }
  const twoPi = 2 * Math.PI;
  const f: Target = (x, o) => {
    let t = x[o];
    if (!(t > 0)) t = 0;
    else if (t >= 1) t = 1 - Number.EPSILON;
    let s = 0, scale = 1;
    for (let j = 0; j < J; j++, scale *= 2) {
      const u = t * scale;
      const k = Math.floor(u);
      const a = coef[j][k];
      if (a !== 0) s += a * Math.sin(twoPi * (u - k));
    }
    return s;
  };
  return { f, levels: J, codimension: C, beta, h0, active };
}

/**
 * Exponent ζ₂ = 2h₀ + C/3 of the mean-square increments (and of the squared loss of a grid
 * approximant, in d = 1) of a beta-model cascade with codimension C.
 *
 * @throws {RangeError} if `codimension` is not in [0, 1) or `h0` not in (0, 1) (as `betaCascade`).
 * @example cascadeZeta2(0.2) // => ≈ 0.733 (2/3 + 0.2/3)
 */
export function cascadeZeta2(codimension: number, h0 = 1 / 3): number {
  requireInRange("codimension", codimension, { min: 0, max: 1, maxOpen: true });
  requireInRange("h0", h0, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return 2 * h0 + codimension / 3;
}

/**
 * Pointwise Hölder exponent of the active eddies, h = h₀ − C/3: the beta model's eq. 16 written for a
 * one-dimensional embedding (the paper's h = 1/3 − (D − d)/3 with D − d = C).
 *
 * @throws {RangeError} if `codimension` is not in [0, 1) or `h0` not in (0, 1).
 * @example cascadeActiveHolder(0.2) // => ≈ 0.267 (1/3 − 0.2/3)
 */
export function cascadeActiveHolder(codimension: number, h0 = 1 / 3): number {
  requireInRange("codimension", codimension, { min: 0, max: 1, maxOpen: true });
  requireInRange("h0", h0, { min: 0, max: 1, minOpen: true, maxOpen: true });
  return h0 - codimension / 3;
}
