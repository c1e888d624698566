/**
 * Rough targets of prescribed Hölder exponent h, for testing section 5's claim that roughness lowers
 * the scaling exponent (eq. 17, α ∼ 4h/d).
 *
 * We use a randomised Weierstrass-type sum (a Weierstrass–Mandelbrot function in d dimensions),
 *
 *   f(x) = c · Σ_{k=0}^{K−1} Σ_{j=1}^{J} λ^(−k h) cos(2π κ_k ω_kj · x + φ_kj),   κ_k = λ^(k + u_k),
 *
 * with unit directions ω_kj uniform on the sphere, phases φ_kj uniform in [0, 2π), frequency jitters
 * u_k uniform in [0, 1) (so the frequencies do not line up with a dyadic grid), lacunarity λ = 2 and
 * c normalising the variance to 1/2 for every h. Each octave contributes an oscillation of amplitude
 * κ^(−h) at wavenumber κ, so increments scale as |f(x + δ) − f(x)| ∼ |δ|^h for 1/κ_(K−1) ≪ |δ| ≪ 1:
 * the signal is Hölder-h down to the finest octave, and smooth below it.
 *
 * Why this and not fractional Brownian motion: the approximants of `approximation.ts` need the
 * target at arbitrary points (cell centres, grid nodes, Monte Carlo points) in any dimension, and a
 * sum of plane waves is evaluated anywhere exactly and cheaply, while fBm would have to be synthesised
 * on a grid finer than every grid being tested. The structure-function exponent (2h) is the same.
 *
 * @module
 */
import type { Target } from "./approximation";
import { Random } from "../stats/random";
import {
  requireArray,
  requireFields,
  requireFunction,
  requireInRange,
  requireInteger,
  requireOptions,
  requirePositive,
  requireRandom,
} from "../_util/validate";

/** Options of `weierstrassTarget`. */
export interface WeierstrassOptions {
  /** Dimension of the cube, integer ≥ 1. */
  d: number;
  /** Hölder exponent, in (0, 1). */
  h: number;
  /** Seed of the random directions, phases and jitters. */
  seed: number;
  /**
   * Highest wavenumber to include (cycles per unit length), ≥ 1: octaves are added while
   * κ_k ≤ `maxWavenumber`. Choose it well above 1/s for the finest cell side s tested, so the signal
   * is still rough at that scale (the missing octaves change the loss by a relative (s·κ_max)^(−2h)).
   */
  maxWavenumber: number;
  /** Plane waves per octave (default d), integer ≥ 1. */
  wavesPerOctave?: number;
  /** Lacunarity λ > 1 (default 2). */
  lambda?: number;
}

/** A rough target together with its parameters. */
export interface RoughTarget {
  /** The function, evaluated at `x[offset…offset+d)`. */
  f: Target;
  d: number;
  h: number;
  /** Number of octaves K. */
  octaves: number;
  /** Total number of plane waves K·J. */
  terms: number;
}

/**
 * Builds a seeded randomised Weierstrass function on R^d of Hölder exponent `h` (see the module
 * comment), normalised to variance 1/2 over random phases.
 *
 * @throws {RangeError} if `d` or `wavesPerOctave` is not a positive integer, `h` is not in (0, 1),
 *   `maxWavenumber` < 1, or `lambda` ≤ 1.
 * @example
 * const { f } = weierstrassTarget({ d: 1, h: 1 / 3, seed: 1, maxWavenumber: 1e4 });
 * f(new Float64Array([0.25]), 0); // a number of order one
 */
export function weierstrassTarget(options: WeierstrassOptions): RoughTarget {
  requireOptions("options", options, ["d", "h", "seed", "maxWavenumber", "wavesPerOctave", "lambda"]);
  requireFields("options", options, ["d", "h", "seed", "maxWavenumber"], "an object of options");
  const d = requireInteger("d", options.d, 1);
  const h = requireInRange("h", options.h, { min: 0, max: 1, minOpen: true, maxOpen: true });
  const kmax = requireInRange("maxWavenumber", options.maxWavenumber, { min: 1 });
  const J = requireInteger("wavesPerOctave", options.wavesPerOctave ?? d, 1);
  const lambda = requireInRange("lambda", options.lambda ?? 2, { min: 1, minOpen: true });
  const rng = new Random(options.seed);
  const octaves = Math.max(1, Math.floor(Math.log(kmax) / Math.log(lambda)));
  const terms = octaves * J;
  const freq = new Float64Array(terms * d); // 2π κ_k ω_kj, row-major
  const amp = new Float64Array(terms);
  const phase = new Float64Array(terms);
  let variance = 0;
  for (let k = 0; k < octaves; k++) {
    const kappa = lambda ** (k + rng.uniform());
    const a = kappa ** -h;
    for (let j = 0; j < J; j++) {
      const t = k * J + j;
      // uniform direction: normalised Gaussian vector (d = 1 gives ±1)
      let norm = 0;
      for (let i = 0; i < d; i++) {
        const g = rng.normal();
        freq[t * d + i] = g;
        norm += g * g;
      }
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < d; i++) freq[t * d + i] *= (2 * Math.PI * kappa) / norm;
      amp[t] = a;
      phase[t] = 2 * Math.PI * rng.uniform();
      variance += a * a / 2;
    }
  }
  const c = Math.sqrt(0.5 / variance);
  for (let t = 0; t < terms; t++) amp[t] *= c;
  const f = planeWaveSum(freq, amp, phase, d);
  return { f, d, h, octaves, terms };
}

/**
 * The target x ↦ Σₜ amp[t] cos(freq[t]·x + phase[t]) of a sum of plane waves in d dimensions (`freq` holds
 * d numbers per wave, radians per unit length), evaluated in that order of summation; shared by the rough
 * targets here and the teachers of `src/learn/targets.ts`. The arrays are not copied.
 * @throws {TypeError} if an array is not a Float64Array; {RangeError} if `d` is not an integer in [1, 64] or
 *   the lengths disagree (`freq` must hold d numbers per entry of `amp`, `phase` one).
 * @example planeWaveSum(new Float64Array([0]), new Float64Array([2]), new Float64Array([0]), 1)(new Float64Array([0.3]), 0) // => 2
 */
export function planeWaveSum(freq: Float64Array, amp: Float64Array, phase: Float64Array, d: number): Target {
  for (const [name, a] of [["freq", freq], ["amp", amp], ["phase", phase]] as const) {
    if (!(a instanceof Float64Array)) throw new TypeError(`\`${name}\` must be a Float64Array`);
  }
  requireInteger("d", d, 1, 64);
  const waves = amp.length;
  if (phase.length !== waves || freq.length !== waves * d) {
    throw new RangeError(
      `\`freq\`, \`amp\`, \`phase\` must hold d·waves, waves, waves numbers, got ${freq.length}, ${waves}, ${phase.length}`,
    );
  }
  return (x, o) => {
    let s = 0;
    for (let t = 0, q = 0; t < waves; t++, q += d) {
      let arg = phase[t];
      for (let i = 0; i < d; i++) arg += freq[q + i] * x[o + i];
      s += amp[t] * Math.cos(arg);
    }
    return s;
  };
}

/**
 * Second-order structure function S₂(δ) = ⟨|f(x + δ e) − f(x)|²⟩ along a fixed unit direction e,
 * averaged over `m` uniform points x in [0,1]^d; for a Hölder-h signal S₂(δ) ∼ δ^(2h). Used to check
 * the roughness of a target independently of any approximant.
 *
 * @param direction unit vector e of length d (normalised here).
 * @throws {RangeError} if `delta` ≤ 0, `m` < 1, or `direction` has the wrong length or is zero.
 * @example structureFunction(f, 1, new Float64Array([1]), 1e-3, 1000, new Random(2))
 */
export function structureFunction(
  f: Target,
  d: number,
  direction: Float64Array,
  delta: number,
  m: number,
  rng: Random,
): number {
  requireFunction("f", f);
  requireInteger("d", d, 1);
  requireArray("direction", direction);
  requireRandom("rng", rng);
  requirePositive("delta", delta);
  requireInteger("m", m, 1);
  if (direction.length !== d) {
    throw new RangeError(`\`direction\` must have length d = ${d}, got ${direction.length}`);
  }
  let norm = 0;
  for (let i = 0; i < d; i++) norm += direction[i] ** 2;
  requirePositive("|direction|", norm);
  norm = Math.sqrt(norm);
  const p = new Float64Array(2 * d);
  let s = 0;
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < d; i++) {
      p[i] = rng.uniform();
      p[d + i] = p[i] + (delta * direction[i]) / norm;
    }
    const inc = f(p, d) - f(p, 0);
    s += inc * inc;
  }
  return s / m;
}
