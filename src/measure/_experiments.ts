/**
 * What the measured-exponent experiments share (`./measured_exponents` and `./cascade_exponents`): the
 * fields an `ExperimentSettings` must have, the seeding of every curve, the paper's and section 5's
 * predicted exponents, and the summary over seeds of the per-seed power-law fits. Private to those
 * modules.
 *
 * @module
 */
import type { Approximant, ExponentMeasurement } from "./measured_exponents";
import { fitPowerLaw, meanStderr } from "../fit/powerlaw_fit";
import { roughExponent } from "../theory/intrinsic_dimension";
import { piecewiseExponent } from "../theory/piecewise";
import { tIntervalHalfWidth } from "../stats/student_t";

/** The fields of an ExperimentSettings (all required where a function takes one). */
export const SETTINGS_KEYS = [
  "seeds",
  "mcPoints",
  "gridSides",
  "roughDims",
  "hs",
  "roughBandwidth",
  "manifoldDims",
  "ambientDim",
  "manifoldSizes",
  "queries",
  "twonnSizes",
  "codimensions",
  "cascadeSides",
  "cascadeLevels",
];

/** Polynomial degree k of an approximant: 0 for the constant ones (grid constant, 1-NN), 1 for the affine ones. */
export const degreeOf = (a: Approximant): number => (a === "constant" || a === "knn1" ? 0 : 1);

/**
 * The paper's prediction for an approximant of degree `k` in dimension `d`: 2/d or 4/d for a smooth
 * target (eqs. 13 and 9, `piecewiseExponent(2, k, d)`); for a Hölder-h target eq. 17's 4h/d
 * (`roughExponent`) for the affine approximant and the same factor h on 2/d, i.e. 2h/d, for the constant one.
 */
export function paperExponent(k: number, d: number, h: number | null): number {
  if (h === null) return piecewiseExponent(2, k, d);
  return k === 1 ? roughExponent(h, d) : piecewiseExponent(h, 0, d);
}

/** Section 5's own bound: 2 min(r, k + 1)/d with r = 2 for a smooth target and r = h for a rough one. */
export const holderExponent = (k: number, d: number, h: number | null): number => piecewiseExponent(h ?? 2, k, d);

/** Mixes integers into a 32-bit seed (so that every curve and seed draws its own stream). */
export function seedOf(...parts: number[]): number {
  let s = 0x811c9dc5;
  for (const p of parts) {
    s = Math.imul(s ^ (p >>> 0), 0x01000193) >>> 0;
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return s >>> 0;
}

/** 95 % Student-t half-width over `n` seeds (0 for a single seed, which has no spread to measure). */
export const ci95 = (stderr: number, n: number): number => (n >= 2 ? tIntervalHalfWidth(stderr, n) : 0);

/**
 * One measurement from its loss curves (`perSeed[s]` the squared error of seed s at each of
 * `base.sizes`): a power law fitted per seed, then the mean and standard error over seeds of the loss
 * at each size, of α and of its regression standard error, the 95 % half-width of α, and the geometric
 * mean of the prefactors.
 */
export function summarise(
  base: Omit<
    ExponentMeasurement,
    "mse" | "mseStderr" | "alpha" | "alphaStderr" | "alphaCi95" | "alphaRegressionStderr" | "prefactor"
  >,
  perSeed: number[][],
): ExponentMeasurement {
  const fits = perSeed.map((l) => fitPowerLaw(base.sizes, l));
  const a = meanStderr(fits.map((f) => f.alpha));
  const mse: number[] = [], mseStderr: number[] = [];
  for (let i = 0; i < base.sizes.length; i++) {
    const s = meanStderr(perSeed.map((l) => l[i]));
    mse.push(s.mean);
    mseStderr.push(s.stderr);
  }
  return {
    ...base,
    mse,
    mseStderr,
    alpha: a.mean,
    alphaStderr: a.stderr,
    alphaCi95: ci95(a.stderr, a.n),
    alphaRegressionStderr: meanStderr(fits.map((f) => f.alphaStderr)).mean,
    prefactor: Math.exp(meanStderr(fits.map((f) => Math.log(f.prefactor))).mean),
  };
}
