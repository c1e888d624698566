/**
 * Teachers of known intrinsic dimension d and Hölder exponent h for the teacher–student experiment:
 * isotropic random plane-wave fields on [0, 1]^d,
 *
 *   g(t) = Σ_k Σ_{j<J_k} a_kj cos(2π κ_kj ω_kj·t + φ_kj),  κ_kj = 2^(k + u_kj),  a_kj ∝ κ_kj^(−h) / √J_k,
 *
 * with u_kj uniform in [0, 1) (a continuous power-law spectrum, not a comb of exact octaves), ω_kj
 * uniform unit directions, φ_kj uniform phases, octaves k = 0 … K−1 up to the cut-off 2^K ≤ κ_max, and
 * J_k ∝ 2^(k(d−1)) waves in octave k (capped), so that octave k holds ∝ 2^(kd) degrees of freedom as a
 * genuinely d-dimensional field does. Each octave then carries variance ∝ 2^(−2kh): the field is Hölder-h
 * for h < 1 (second-order structure function S₂(δ) ∝ δ^(2h) for 1/κ_max ≪ δ ≪ 1) and smooth for h ≥ 1.
 * (Following the design note `teacher_student.md`; with only d waves an octave, as notebook 07's
 * Weierstrass target has, a trained network exploits the few ridge directions.)
 *
 * Pure numerics: seeded, no I/O.
 *
 * @module
 */
import type { Target } from "../measure/approximation";
import { Random } from "../stats/random";
import { planeWaveSum } from "../measure/rough";
import { requireInRange, requireInteger, requireOptions } from "../_util/validate";

/** Options of `planeWaveField`. */
export interface PlaneWaveOptions {
  /** Dimension of the cube, integer in [1, 8]. */
  d: number;
  /** Hölder exponent h > 0 (h ≥ 1 is smooth; the project uses h = 2 as "smooth"). */
  h: number;
  /** Seed of wavenumbers, directions and phases. */
  seed: number;
  /** Cut-off κ_max ≥ 1 (cycles per unit length): octaves k with 2^k ≤ κ_max / 2 … see `octaves`. */
  maxWavenumber: number;
  /** Waves in octave k are ⌈c · 2^(k(d−1))⌉ with c = this (default 4), > 0. */
  wavesFactor?: number;
  /** Cap on the waves of one octave (default 2048), integer ≥ 1. */
  maxWavesPerOctave?: number;
}

/** A plane-wave field with its parameters. */
export interface PlaneWaveField {
  /** The field at `t[offset…offset+d)`. */
  f: Target;
  d: number;
  h: number;
  /** Octaves K = max(1, ⌊log₂ κ_max⌋). */
  octaves: number;
  /** Waves in all: Σ_k J_k. */
  waves: number;
  /** Waves per octave J_k. */
  wavesPerOctave: number[];
}

/**
 * Builds a seeded isotropic Hölder-h plane-wave field on [0, 1]^d (module doc), with variance 1/2
 * (the sum of a_kj²/2 normalised; standardise on a sample before training).
 *
 * @throws {RangeError} naming an option out of range.
 * @example
 * const g = planeWaveField({ d: 2, h: 0.5, seed: 1, maxWavenumber: 512 });
 * g.octaves // => 9
 * g.wavesPerOctave.slice(0, 3) // => [4, 8, 16]
 */
export function planeWaveField(options: PlaneWaveOptions): PlaneWaveField {
  requireOptions("options", options, ["d", "h", "seed", "maxWavenumber", "wavesFactor", "maxWavesPerOctave"]);
  const d = requireInteger("d", options.d, 1, 8);
  const h = requireInRange("h", options.h, { min: 0, minOpen: true, max: 8 });
  const kmax = requireInRange("maxWavenumber", options.maxWavenumber, { min: 1, max: 2 ** 20 });
  const c = requireInRange("wavesFactor", options.wavesFactor ?? 4, { min: 0, minOpen: true, max: 1024 });
  const cap = requireInteger("maxWavesPerOctave", options.maxWavesPerOctave ?? 2048, 1, 2 ** 16);
  const rng = new Random(options.seed);
  const octaves = Math.max(1, Math.floor(Math.log2(kmax)));
  const wavesPerOctave: number[] = [];
  for (let k = 0; k < octaves; k++) wavesPerOctave.push(Math.min(cap, Math.ceil(c * 2 ** (k * (d - 1)))));
  const waves = wavesPerOctave.reduce((a, b) => a + b, 0);
  const freq = new Float64Array(waves * d);
  const amp = new Float64Array(waves);
  const phase = new Float64Array(waves);
  let t = 0, variance = 0;
  for (let k = 0; k < octaves; k++) {
    const J = wavesPerOctave[k];
    for (let j = 0; j < J; j++, t++) {
      const kappa = 2 ** (k + rng.uniform());
      let norm = 0;
      for (let i = 0; i < d; i++) {
        const g = rng.normal();
        freq[t * d + i] = g;
        norm += g * g;
      }
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < d; i++) freq[t * d + i] *= (2 * Math.PI * kappa) / norm;
      amp[t] = kappa ** -h / Math.sqrt(J);
      phase[t] = 2 * Math.PI * rng.uniform();
      variance += (amp[t] * amp[t]) / 2;
    }
  }
  const scale = Math.sqrt(0.5 / variance);
  for (let i = 0; i < waves; i++) amp[i] *= scale;
  const f: Target = planeWaveSum(freq, amp, phase, d);
  return { f, d, h, octaves, waves, wavesPerOctave };
}
