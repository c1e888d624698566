/**
 * A d-dimensional manifold embedded nonlinearly in R^D, the setting of Sharma & Kaplan's intrinsic
 * dimension argument (the paper's eq. 9 and section 4): data live in D dimensions but on a
 * d-dimensional set, and the scaling exponent should follow d, not D.
 *
 * The embedding of intrinsic coordinates t ∈ [0,1]^d is the seeded random map
 *
 *   Φ(t) = Q t + (a / √D) · sin(W t + b),
 *
 * with Q a D×d matrix of orthonormal columns (Gram–Schmidt of Gaussian columns), W a D×d Gaussian
 * matrix of entry scale ω, b uniform phases in [0, 2π) and amplitude a. The sine term bends the
 * d-plane spanned by Q in every direction of R^D; as long as its Lipschitz constant (about
 * a·ω·(1 + √(d/D))) stays below 1, Φ is bi-Lipschitz, so nearest neighbours in R^D are nearest
 * neighbours on the manifold up to a bounded distortion. The defaults a = 0.25, ω = 2 give about 0.6.
 *
 * @module
 */
import { Random } from "../stats/random";
import {
  requireFields,
  requireFunction,
  requireInRange,
  requireInteger,
  requireOptions,
  requirePositive,
  requireRandom,
  requireRows,
} from "../_util/validate";

/** Options of `randomEmbedding`. */
export interface EmbeddingOptions {
  /** Intrinsic dimension, integer in [1, D]. */
  d: number;
  /** Ambient (embedding) dimension, integer ≥ d. */
  D: number;
  /** Seed of Q, W and b. */
  seed: number;
  /** Amplitude a of the nonlinear part (default 0.25), ≥ 0. */
  amplitude?: number;
  /** Entry scale ω of W, i.e. the curvature wavenumber (default 2), > 0. */
  frequency?: number;
}

/** A seeded nonlinear embedding Φ: [0,1]^d → R^D. */
export interface Embedding {
  d: number;
  D: number;
  /** Writes Φ(t) for the point at `t[to…to+d)` into `out[oo…oo+D)`. */
  map(t: Float64Array, to: number, out: Float64Array, oo: number): void;
  /** Maps m points (m·d coordinates, row-major) to a new array of m·D coordinates. */
  mapAll(t: Float64Array): Float64Array;
}

/**
 * The estimate of the Lipschitz constant of the embedding's sine term, a·ω·(1 + √(d/D)): below 1, the
 * embedding is bi-Lipschitz and distances in R^D stay within a factor 1 ± that constant of the
 * intrinsic ones. Defaults as in `randomEmbedding` (a = 0.25, ω = 2).
 * @throws {RangeError} if `d` < 1, `D` < d, `amplitude` < 0 or `frequency` ≤ 0.
 * @example sineLipschitzEstimate({ d: 1, D: 32 }) // => ≈ 0.588 (0.5 · (1 + √(1/32)))
 */
export function sineLipschitzEstimate(options: Pick<EmbeddingOptions, "d" | "D" | "amplitude" | "frequency">): number {
  requireOptions("options", options, ["d", "D", "amplitude", "frequency"]);
  const d = requireInteger("d", options.d, 1);
  const D = requireInteger("D", options.D, d);
  const a = requireInRange("amplitude", options.amplitude ?? 0.25, { min: 0 });
  const omega = requirePositive("frequency", options.frequency ?? 2);
  return a * omega * (1 + Math.sqrt(d / D));
}

/**
 * Builds the seeded random embedding Φ(t) = Q t + (a/√D) sin(W t + b) of the module comment.
 *
 * @throws {RangeError} if `d` < 1, `D` < d, `amplitude` < 0 or `frequency` ≤ 0.
 * @example
 * const phi = randomEmbedding({ d: 2, D: 32, seed: 7 });
 * phi.mapAll(new Float64Array([0.1, 0.2])).length // => 32
 */
export function randomEmbedding(options: EmbeddingOptions): Embedding {
  requireOptions("options", options, ["d", "D", "seed", "amplitude", "frequency"]);
  requireFields("options", options, ["d", "D", "seed"], "an object of options");
  const d = requireInteger("d", options.d, 1);
  const D = requireInteger("D", options.D, d);
  const a = requireInRange("amplitude", options.amplitude ?? 0.25, { min: 0 });
  const omega = requirePositive("frequency", options.frequency ?? 2);
  const rng = new Random(options.seed);
  // Q: D×d, orthonormal columns by modified Gram–Schmidt (stored row-major, Q[r*d + c])
  const Q = new Float64Array(D * d);
  for (let c = 0; c < d; c++) {
    for (;;) {
      for (let r = 0; r < D; r++) Q[r * d + c] = rng.normal();
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let r = 0; r < D; r++) dot += Q[r * d + c] * Q[r * d + p];
        for (let r = 0; r < D; r++) Q[r * d + c] -= dot * Q[r * d + p];
      }
      let norm = 0;
      for (let r = 0; r < D; r++) norm += Q[r * d + c] ** 2;
      norm = Math.sqrt(norm);
      if (norm > 1e-8) {
        for (let r = 0; r < D; r++) Q[r * d + c] /= norm;
        break;
      }
    }
  }
  const W = new Float64Array(D * d);
  for (let i = 0; i < D * d; i++) W[i] = omega * rng.normal();
  const b = new Float64Array(D);
  for (let r = 0; r < D; r++) b[r] = 2 * Math.PI * rng.uniform();
  const scale = a / Math.sqrt(D);
  const map = (t: Float64Array, to: number, out: Float64Array, oo: number): void => {
    for (let r = 0; r < D; r++) {
      let lin = 0, arg = b[r];
      const q = r * d;
      for (let c = 0; c < d; c++) {
        const tc = t[to + c];
        lin += Q[q + c] * tc;
        arg += W[q + c] * tc;
      }
      out[oo + r] = lin + scale * Math.sin(arg);
    }
  };
  return {
    d,
    D,
    map,
    mapAll(t: Float64Array): Float64Array {
      const m = requireRows("t", t, d);
      const out = new Float64Array(m * D);
      for (let i = 0; i < m; i++) map(t, i * d, out, i * D);
      return out;
    },
  };
}

/** A labelled sample on a manifold: intrinsic coordinates, embedded points and target values. */
export interface ManifoldSample {
  /** m·d intrinsic coordinates in [0,1]^d (kept for checks; the regressions never read them). */
  t: Float64Array;
  /** m·D embedded coordinates, the only input of nearest-neighbour search and TwoNN. */
  x: Float64Array;
  /** m target values y_i = g(t_i). */
  y: Float64Array;
}

/**
 * Draws `m` points uniform in intrinsic coordinates, embeds them with `embedding` and labels them
 * with `target` (a function of the intrinsic coordinates, read at `t[offset…offset+d)`). With a
 * `margin` > 0 the points are uniform in the inner cube [margin, 1 − margin]^d instead (used to keep
 * query points away from the manifold's boundary).
 *
 * @throws {RangeError} if `m` < 1 or `margin` is not in [0, 0.5).
 * @example sampleManifold(randomEmbedding({ d: 2, D: 32, seed: 1 }), (t, o) => t[o], 100, new Random(2))
 */
export function sampleManifold(
  embedding: Embedding,
  target: (t: Float64Array, offset: number) => number,
  m: number,
  rng: Random,
  margin = 0,
): ManifoldSample {
  requireFields("embedding", embedding, ["d", "D"], "an Embedding (randomEmbedding)");
  requireFunction("target", target);
  requireRandom("rng", rng);
  requireInteger("m", m, 1);
  requireInRange("margin", margin, { min: 0, max: 0.5, maxOpen: true });
  const t = rng.uniforms(m * embedding.d);
  if (margin > 0) { for (let i = 0; i < t.length; i++) t[i] = margin + (1 - 2 * margin) * t[i]; }
  const x = embedding.mapAll(t);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) y[i] = target(t, i * embedding.d);
  return { t, x, y };
}
