/**
 * Experiment 4 of notebook 07 (section 5.1, eqs. 15–16): grid approximation in d = 1 of an
 * intermittent beta-model cascade (`./cascade`), whose squared-error exponent is the mean-square
 * exponent ζ₂ = 2/3 + C/3 of section 5's bound, not eq. 17's rule on the active-set exponent. Run with
 * experiments 1–3 by `measuredExponents` (`./measured_exponents`), which defines the settings and records.
 *
 * @module
 */
import { type ApproximantKind, gridApproximant, meanSquaredError, targetValues, uniformPoints } from "./approximation";
import { betaCascade, cascadeActiveHolder, cascadeZeta2 } from "./cascade";
import type { CascadeMeasurement, ExperimentSettings } from "./measured_exponents";
import { degreeOf, paperExponent, seedOf, SETTINGS_KEYS, summarise } from "./_experiments";
import { Random } from "../stats/random";
import { requireArray, requireFields, requireInteger } from "../_util/validate";

/**
 * Experiment 4: squared error of the constant and linear grid approximants (d = 1) of beta-model
 * cascades with codimension C (`betaCascade`), a new cascade per seed. The paper's rule (section 5.1,
 * eqs. 16–17) gives α = 2h and 4h with the active-set exponent h = 1/3 − C/3 (`alphaPaper`); the
 * mean-square exponent ζ₂ = 2/3 + C/3 is section 5's bound (`alphaHolder`).
 *
 * @throws {RangeError} if `codimension` is not in [0, 1) or fewer than two sides.
 * @example cascadeExponents(0.2, DEFAULT_SETTINGS)[0].alpha // => ≈ 0.718 (the closed form, cascadeZeta2(0.2), is 0.733)
 */
export function cascadeExponents(codimension: number, settings: ExperimentSettings): CascadeMeasurement[] {
  requireFields("settings", settings, SETTINGS_KEYS, "ExperimentSettings");
  requireArray("settings.cascadeSides", settings.cascadeSides);
  requireInteger("seeds", settings.seeds, 1);
  const sides = settings.cascadeSides;
  requireInteger("cascadeSides.length", sides.length, 2);
  const zeta2 = cascadeZeta2(codimension);
  const hActive = cascadeActiveHolder(codimension);
  const kinds: ApproximantKind[] = ["constant", "linear"];
  const perSeed: number[][][] = kinds.map(() => []);
  for (let seed = 0; seed < settings.seeds; seed++) {
    const base = seedOf(200, Math.round(codimension * 1e6), seed);
    const { f } = betaCascade({ levels: settings.cascadeLevels, codimension, seed: base });
    const points = uniformPoints(new Random(seedOf(base, 1)), settings.mcPoints, 1);
    const values = targetValues(f, points, 1);
    kinds.forEach((kind, ki) => {
      perSeed[ki].push(sides.map((n) => meanSquaredError(values, gridApproximant(f, 1, n, kind), points).value));
    });
  }
  return kinds.map((kind, ki) => ({
    ...summarise({
      experiment: "grid",
      target: "intermittent",
      approximant: kind,
      d: 1,
      h: hActive,
      sizes: [...sides],
      alphaPaper: paperExponent(degreeOf(kind), 1, hActive),
      alphaHolder: zeta2,
    }, perSeed[ki]),
    codimension,
  }));
}
