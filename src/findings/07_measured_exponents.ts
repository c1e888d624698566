/**
 * Findings of notebook 07 (section 5 measured): runs the measured-exponent experiments of
 * `src/measure/measured_exponents.ts` once per process for the notebook's parameters, adds the notebook's
 * side checks (the 1-D constants, notebook 5's bounds, the roughness of the Weierstrass target, the
 * interior-query manifolds), and turns the numbers into claim records with computed verdicts
 * (`_07_measured_exponents_claims.ts`).
 *
 * Settings are the notebook's parameters (`full` selects the full sizes; `npm run reproduce` passes it
 * from `SMALLNESS_FULL`, read in `scripts/artifacts.ts`); tables and figures draw from `analysis`,
 * never from a run of their own.
 *
 * @module
 */
import { gridApproximant, meanSquaredError, smoothTargetMeanGradSq } from "../measure/approximation";
import { roughExponent } from "../theory/intrinsic_dimension";
import {
  type CascadeMeasurement,
  DEFAULT_SETTINGS,
  type ExperimentSettings,
  type ExponentMeasurement,
  FULL_SETTINGS,
  manifoldExponents,
  type MeasuredExponents,
  measuredExponents,
} from "../measure/measured_exponents";
import { constantLossBound, linearLossBound, midpointConstantLoss } from "../theory/piecewise";
import { asymptoteOnset, fitPowerLaw, localSlopes } from "../fit/powerlaw_fit";
import { Random } from "../stats/random";
import { structureFunction, weierstrassTarget } from "../measure/rough";
import { studentTQuantile } from "../stats/student_t";
import type { Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { claimRecords } from "./_07_measured_exponents_claims";

/** The parameters of notebook 07 (its first code cell). */
export interface Settings {
  /** `true`: `FULL_SETTINGS` (8 seeds, 2–3 decades of N, rough targets up to d = 5; minutes); `false`: defaults. */
  full: boolean;
  /** Manifold dimensions re-measured with queries away from the boundary: distinct integers in [1, 5]. */
  interiorDims: number[];
  /** Queries for that check are drawn from [m, 1 − m]^d; m in (0, 0.4]. */
  interiorMargin: number;
  /** The rough target whose structure function is checked: d integer in [1, 5], h in (0, 1), seed integer ≥ 0. */
  roughnessCheck: { d: number; h: number; seed: number };
}

/** One row of the 1-D sine check: the losses and their ratios to the exact leading terms. */
export interface ConstantsRow {
  /** Cells n (side s = 1/n). */
  n: number;
  /** Squared error of the piecewise-constant approximant of sin 2πx. */
  lossConstant: number;
  /** `lossConstant` / (s²/12 · 2π²), → 1 as s → 0. */
  ratioConstant: number;
  /** Squared error of the piecewise-linear approximant. */
  lossLinear: number;
  /** `lossLinear` / (s⁴/120 · 8π⁴), → 1 as s → 0. */
  ratioLinear: number;
}

/** A grid measurement on the smooth target with its local slope, bounds and asymptote onset. */
export interface SmoothRow {
  e: ExponentMeasurement;
  /** Slope between the two largest sizes. */
  lastSlope: number;
  /** Largest ratio of L to notebook 5's bound (G²d s² or H²d²s⁴/64, G = π, H = π²). */
  maxBoundRatio: number;
  /** L / (s²/12 ⟨|∇f|²⟩) at the largest N (constant approximant only; null for linear). */
  gradRatio: number | null;
  /** Smallest N from which every local slope is within 10 % of 2/d or 4/d; null if not reached. */
  onset: number | null;
}

/** A rough-target measurement with its local slope. */
export interface RoughRow {
  e: ExponentMeasurement;
  lastSlope: number;
  /** Eq. 17's 4h/d. */
  eq17: number;
}

/** The structure-function check of one rough target: S₂(δ) ∼ δ^(2h). */
export interface RoughnessCheck {
  d: number;
  h: number;
  octaves: number;
  deltas: number[];
  s2: number[];
  /** Fitted log–log slope of S₂ against δ, to compare with 2h. */
  slope: number;
}

/** A manifold measurement with all queries and with queries in the inner cube. */
export interface InteriorPair {
  all: ExponentMeasurement;
  inner: ExponentMeasurement;
}

/** Everything notebook 07 shows, computed once per settings. */
export interface Analysis {
  settings: Settings;
  experiments: ExperimentSettings;
  /** The four experiments (`measuredExponents`). */
  result: MeasuredExponents;
  /** t₀.₉₇₅(seeds − 1), the factor from a standard error over seeds to a 95 % interval. */
  t95: number;
  constants: ConstantsRow[];
  smooth: SmoothRow[];
  roughness: RoughnessCheck;
  rough: RoughRow[];
  manifold: ExponentMeasurement[];
  interior: InteriorPair[];
  cascade: CascadeMeasurement[];
}

const lastSlope = (e: ExponentMeasurement): number => localSlopes(e.sizes, e.mse).at(-1)!;

/** The 1-D constants: sin 2πx on n = 8, 32, 128 cells, L by the midpoint rule on 2¹⁶ points. */
function constantsCheck(): ConstantsRow[] {
  const sine = (x: Float64Array, o: number) => Math.sin(2 * Math.PI * x[o]);
  const points = Float64Array.from({ length: 1 << 16 }, (_, i) => (i + 0.5) / (1 << 16));
  return [8, 32, 128].map((n) => {
    const s = 1 / n;
    const lossConstant = meanSquaredError(sine, gridApproximant(sine, 1, n, "constant"), points).value;
    const lossLinear = meanSquaredError(sine, gridApproximant(sine, 1, n, "linear"), points).value;
    return {
      n,
      lossConstant,
      ratioConstant: lossConstant / midpointConstantLoss(2 * Math.PI ** 2, s), // ∫f'² = 2π²
      lossLinear,
      ratioLinear: lossLinear / (s ** 4 / 120 * 8 * Math.PI ** 4), // ∫f''² = 8π⁴
    };
  });
}

function smoothRow(e: ExponentMeasurement): SmoothRow {
  const G = Math.PI, H = Math.PI ** 2; // bounds on |∇f| and the Hessian of sin(π ω·x + 1/2), |ω| = 1
  const side = (N: number) => N ** (-1 / e.d);
  const bound = (s: number) => e.approximant === "constant" ? constantLossBound(G, s, e.d) : linearLossBound(H, s, e.d);
  const onset = asymptoteOnset(e.sizes, e.mse, e.alphaPaper, 0.1);
  const sLast = side(e.sizes.at(-1)!);
  return {
    e,
    lastSlope: lastSlope(e),
    maxBoundRatio: Math.max(...e.sizes.map((N, i) => e.mse[i] / bound(side(N)))),
    gradRatio: e.approximant === "constant"
      ? e.mse.at(-1)! / midpointConstantLoss(smoothTargetMeanGradSq(e.d), sLast)
      : null,
    onset: Number.isNaN(onset) ? null : onset,
  };
}

function roughnessCheck(c: Settings["roughnessCheck"]): RoughnessCheck {
  const target = weierstrassTarget({ ...c, maxWavenumber: 1e6 });
  const deltas = [1e-5, 1e-4, 1e-3, 1e-2];
  const dir = new Float64Array(c.d).fill(1);
  const s2 = deltas.map((delta) => structureFunction(target.f, c.d, dir, delta, 4000, new Random(5)));
  return { d: c.d, h: c.h, octaves: target.octaves, deltas, s2, slope: -fitPowerLaw(deltas, s2).alpha };
}

function analyse(settings: Settings): Analysis {
  const experiments = settings.full ? FULL_SETTINGS : DEFAULT_SETTINGS;
  const result = measuredExponents(experiments);
  const grid = (target: string) => result.exponents.filter((e) => e.experiment === "grid" && e.target === target);
  const manifold = result.exponents.filter((e) => e.experiment === "manifold");
  const interior = settings.interiorDims.flatMap((d) => {
    const all = manifold.filter((e) => e.d === d);
    return manifoldExponents(d, experiments, settings.interiorMargin).map((inner, i) => ({ all: all[i], inner }));
  });
  return {
    settings,
    experiments,
    result,
    t95: studentTQuantile(0.975, experiments.seeds - 1),
    constants: constantsCheck(),
    smooth: grid("smooth").map(smoothRow),
    roughness: roughnessCheck(settings.roughnessCheck),
    rough: grid("rough").map((e) => ({ e, lastSlope: lastSlope(e), eq17: roughExponent(e.h!, e.d) })),
    manifold,
    interior,
    cascade: result.intermittent,
  };
}

/**
 * Notebook 07, described once: its parameters (`full`, the full sizes; the manifold dimensions re-measured
 * off the boundary, distinct integers in [1, 5]; their query margin in (0, 0.4]; the rough target of the
 * structure-function check), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "07_measured_exponents",
  defaults: {
    full: false,
    interiorDims: [3, 4, 5],
    interiorMargin: 0.2,
    roughnessCheck: { d: 1, h: 1 / 3, seed: 1 },
  },
  ranges: {
    full: { kind: "boolean" },
    interiorDims: { kind: "list", each: { min: 1, max: 5, integer: true }, distinct: true },
    interiorMargin: { kind: "number", range: { min: 0, max: 0.4, minOpen: true } },
    roughnessCheck: {
      kind: "record",
      keys: {
        d: { min: 1, max: 5, integer: true },
        h: { min: 0, max: 1, minOpen: true, maxOpen: true },
        seed: { min: 0, integer: true },
      },
    },
  },
  analyse,
  claims: claimRecords,
});

/** The notebook's defaults: the values its first code cell assigns (the default sizes, d = 3, 4, 5 off the boundary). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 07's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {TypeError} if `full` is not a boolean.
 * @throws {RangeError} naming the setting that is outside its range.
 * @example analysis().smooth.length // => 10 (two approximants, d = 1…5)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 07 at the given settings.
 * @throws {TypeError|RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "07.manifold-intrinsic-d")?.verdict // => "holds"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
