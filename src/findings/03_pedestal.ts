/**
 * Findings of notebook 03 (the pedestal effect, paper §3, eqs. 3–8, Figs. 1–2): the analysis the
 * notebook shows, run once per settings, and the claim records of its "What we checked" section.
 *
 * The settings are the notebook's parameters. The paper's own numbers (p = 0.1 for N_crit,
 * N = 10⁶ for p_crit, the A range 0.05–0.1, the threshold p = 0.01) are fixed constants here;
 * everything is evaluated at the settings' α_C, so the notebook's prose and outputs follow it.
 *
 * @module
 */
import { crossover, pedestalRatio } from "../fit/chinchilla_pedestal";
import {
  continuedSizeForFraction,
  criticalInverseSize,
  criticalPedestal,
  criticalSize,
  decadesInBand,
  lossDropDecades,
  maxRunningExponent,
  normalisedRunningExponent,
  pedestalForDrop,
  runningExponent,
  sizeForExponent,
  transitionWidthDecades,
} from "../theory/pedestal";
import { A_RANGE, P_CRIT_EXAMPLE_SIZE, PEDESTAL_EXAMPLE, PEDESTAL_THRESHOLD } from "../paper";
import type { Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { claimRecords, UNIT_EXAMPLE } from "./_03_pedestal_claims";

/** The parameters of notebook 03 (its first code cell). */
export interface Settings {
  /** Exponent α_C of the power-law (C) regime, in [0.11, 1] (so every curve starts above the A band); the paper's 1/3 (Chinchilla). */
  alphaC: number;
  /** Pedestal ratios p of Figure 1 and of the tables, each in (0, 0.5]. */
  pedestals: number[];
  /** Running exponents whose onset size the threshold table gives, each in (0, 1). */
  targets: number[];
  /** A size N ≥ 1 at which p_crit (eq. 8) is shown. */
  nExample: number;
  /** The loss drop the paper calls observed, in decades, > 0 (the paper: "about half a decade"). */
  observedDrop: number;
  /** Windows [N₁, N₂] of N (1 ≤ N₁ < N₂) over which that drop is read. */
  windows: [number, number][];
}

/** The running exponent the pedestal law reaches and passes on its way to 0 (issue 9b). */
const VANISHING_EXPONENT = 0.01;

/** One row of the transition-width table. */
export interface PedestalWidthRow {
  p: number;
  /** N at which α_p = 0.9 α_C, on eq. 4 continued below N = 1. */
  n90: number;
  /** N at which α_p = 0.1 α_C. */
  n10: number;
  /** log10(n10 / n90): the same for every p. */
  decades: number;
  /** The part of the fall on N ≥ 1: from min(0.9 α_C, α_p(1)) to 0.1 α_C. */
  decadesFromOne: number;
}

/** One row of the A-band table: where α_p enters and leaves 0.05–0.1, and where it passes 0.01. */
export interface PedestalBandRow {
  p: number;
  /** N at which α_p = 0.1 (1 when the curve starts inside the band, NaN when it starts below it). */
  nEnter: number;
  /** N at which α_p = 0.05 (NaN when the curve starts below it). */
  nLeave: number;
  /** Decades of N ≥ 1 inside the band. */
  decades: number;
  /** N at which α_p = 0.01. */
  nVanish: number;
}

/** One row of the loss-drop table. */
export interface LossDropRow {
  n1: number;
  n2: number;
  /** Decades of N in the window. */
  span: number;
  /** The largest drop eq. 4 gives there (p = 0): α_C · span. */
  maxDrop: number;
  /** The p whose drop is exactly the observed one: a drop at most that large means p ≥ this (NaN if impossible). */
  pLower: number;
  /** The exponent of a pure power law (p = 0) that drops as much over the window. */
  pureAlpha: number;
}

/** Everything notebook 03 shows, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** α_p(1), (1 − p) α_C, α_p(10⁻¹²) for each pedestal. */
  running: { p: number; atOne: number; max: number; atTiny: number }[];
  /** Eq. 5 in closed form against a central difference of ln L in ln x (largest relative difference). */
  eq5MaxRelDiff: number;
  nCrit: number;
  xCrit: number;
  alphaAtCrit: number;
  pCritPaper: number;
  pCritExample: number;
  roundTrip: number;
  width: number;
  widths: PedestalWidthRow[];
  normalisedAtOne: number;
  band: PedestalBandRow[];
  /** Decades in the A band and N at which α_p = 0.01, at the paper's threshold p = 0.01. */
  bandAtThreshold: PedestalBandRow;
  /** The same at p = 0.05 (where the A range is entered, for the claim about the transition's onset). */
  bandAtFivePercent: PedestalBandRow;
  drops: LossDropRow[];
  /** The loss drop over the first window for p = 0.001 and p = 0.01: it falls as p grows. */
  dropSmallP: number;
  dropLargeP: number;
  /** Eq. 8's direction at N = 10⁶: α_p for p ten times above and ten times below p_crit. */
  alphaAbove: number;
  alphaBelow: number;
  /** The unit example: p with N in units and in millions, and the crossover (in units) from each. */
  pUnits: number;
  pMillions: number;
  crossoverUnits: number;
  crossoverFromMillions: number;
  /**
   * Whether eq. 8 (p against p_crit(N), both with N in one unit) puts every size of a grid from 10⁻² to 10⁸
   * times the crossover on the same side in units and in millions, and on the side of the crossover.
   */
  unitClassificationSame: boolean;
  /** The running exponent the curves pass on their way to 0 (the band table's last column). */
  vanishingExponent: number;
}

/** Where the running exponent meets the A band, for pedestal p. */
function bandRow(p: number, alphaC: number): PedestalBandRow {
  const [lo, hi] = A_RANGE;
  const start = maxRunningExponent(p, alphaC);
  return {
    p,
    nEnter: start <= lo ? NaN : start <= hi ? 1 : sizeForExponent(hi, p, alphaC),
    nLeave: start <= lo ? NaN : sizeForExponent(lo, p, alphaC),
    decades: decadesInBand(lo, hi, p, alphaC),
    nVanish: sizeForExponent(VANISHING_EXPONENT, p, alphaC),
  };
}

function dropRow([n1, n2]: [number, number], alphaC: number, drop: number): LossDropRow {
  const span = Math.log10(n2 / n1);
  const maxDrop = lossDropDecades(0, alphaC, n1, n2);
  return {
    n1,
    n2,
    span,
    maxDrop,
    pLower: drop < maxDrop ? pedestalForDrop(drop, alphaC, n1, n2) : NaN,
    pureAlpha: drop / span,
  };
}

function analyse(s: Settings): Analysis {
  const a = s.alphaC;
  const running = s.pedestals.map((p) => ({
    p,
    atOne: runningExponent(1, p, a),
    max: maxRunningExponent(p, a),
    atTiny: runningExponent(1e-12, p, a),
  }));

  // eq. 5 against a numerical derivative of eq. 4 (continued past x = 1 for the central difference)
  // ln L = ln p + log1p(((1 - p)/p) y^α): the difference of two log1p terms keeps its precision
  // where α_p is tiny
  const h = 1e-4;
  let eq5MaxRelDiff = 0;
  for (const p of s.pedestals) {
    for (let e = -12; e <= 0; e += 0.5) {
      const x = 10 ** e;
      const lnLMinusLnP = (y: number) => Math.log1p(((1 - p) / p) * y ** a);
      const numeric = (lnLMinusLnP(x * Math.exp(h)) - lnLMinusLnP(x * Math.exp(-h))) / (2 * h);
      const exact = runningExponent(x, p, a);
      eq5MaxRelDiff = Math.max(eq5MaxRelDiff, Math.abs(numeric - exact) / exact);
    }
  }

  const nCrit = criticalSize(PEDESTAL_EXAMPLE, a);
  const xCrit = criticalInverseSize(PEDESTAL_EXAMPLE, a);
  const alphaAtCrit = runningExponent(xCrit, PEDESTAL_EXAMPLE, a);
  const pCritPaper = criticalPedestal(P_CRIT_EXAMPLE_SIZE, a);
  const pCritExample = criticalPedestal(s.nExample, a);
  const roundTrip = criticalPedestal(criticalSize(0.05, a), a);

  const width = transitionWidthDecades(a);
  const widths: PedestalWidthRow[] = s.pedestals.map((p) => {
    const n90 = continuedSizeForFraction(0.9, p, a);
    const n10 = continuedSizeForFraction(0.1, p, a);
    return { p, n90, n10, decades: Math.log10(n10 / n90), decadesFromOne: Math.log10(n10 / Math.max(1, n90)) };
  });
  const normalisedAtOne = normalisedRunningExponent(1, Math.max(...s.pedestals), a);

  const band = s.pedestals.map((p) => bandRow(p, a));
  const bandAtThreshold = bandRow(PEDESTAL_THRESHOLD, a);
  const bandAtFivePercent = bandRow(0.05, a);

  const drops = s.windows.map((w) => dropRow(w, a, s.observedDrop));
  const [w1, w2] = s.windows[0];
  const dropSmallP = lossDropDecades(0.001, a, w1, w2);
  const dropLargeP = lossDropDecades(0.01, a, w1, w2);

  const alphaAbove = runningExponent(1 / P_CRIT_EXAMPLE_SIZE, Math.min(10 * pCritPaper, 0.99), a);
  const alphaBelow = runningExponent(1 / P_CRIT_EXAMPLE_SIZE, pCritPaper / 10, a);

  const cut = { L0: UNIT_EXAMPLE.L0, K: UNIT_EXAMPLE.K, gamma: a };
  const pUnits = pedestalRatio(cut, 1);
  const pMillions = pedestalRatio(cut, UNIT_EXAMPLE.unit);
  const crossoverUnits = crossover(cut);
  const crossoverFromMillions = UNIT_EXAMPLE.unit * criticalSize(pMillions, a);
  // Eq. 8 in each unit u: p(u) > p_crit(N/u) should hold exactly when N is beyond the crossover.
  const unitClassificationSame = [-2, -1, -0.5, 0.5, 1, 2, 4, 8].every((k) => {
    const N = crossoverUnits * 10 ** k;
    return [1, UNIT_EXAMPLE.unit].every((u) =>
      N / u < 1 || (pedestalRatio(cut, u) > criticalPedestal(N / u, a)) === (k > 0)
    );
  });

  return {
    settings: s,
    running,
    eq5MaxRelDiff,
    nCrit,
    xCrit,
    alphaAtCrit,
    pCritPaper,
    pCritExample,
    roundTrip,
    width,
    widths,
    normalisedAtOne,
    band,
    bandAtThreshold,
    bandAtFivePercent,
    drops,
    dropSmallP,
    dropLargeP,
    alphaAbove,
    alphaBelow,
    pUnits,
    pMillions,
    crossoverUnits,
    crossoverFromMillions,
    unitClassificationSame,
    vanishingExponent: VANISHING_EXPONENT,
  };
}

/**
 * Notebook 03, described once: its parameters (α_C of the power-law regime in [0.11, 1], so every curve
 * starts above the A band; the pedestals of Figure 1; the onset-size targets; the size of the p_crit
 * example; the observed loss drop and the windows it is read over), its analysis and its claim records.
 * The paper's own numbers (p = 0.1 for N_crit, N = 10⁶ for p_crit, the A range, the threshold p = 0.01)
 * are fixed; everything is evaluated at the settings' α_C.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "03_pedestal",
  defaults: {
    alphaC: 1 / 3,
    pedestals: [0.01, 0.05, 0.1, 0.2],
    targets: [0.1, 0.05],
    nExample: 1e6,
    observedDrop: 0.5,
    windows: [[1e6, 1e9], [1e6, 1e12], [1e3, 1e9], [1, 1e3]],
  },
  ranges: {
    alphaC: { kind: "number", range: { min: 0.11, max: 1 } },
    pedestals: { kind: "list", each: { min: 0, max: 0.5, minOpen: true } },
    targets: { kind: "list", each: { min: 0, max: 1, minOpen: true, maxOpen: true } },
    nExample: { kind: "number", range: { min: 1 } },
    observedDrop: { kind: "number", range: { min: 0, minOpen: true } },
    windows: { kind: "pair", names: ["N1", "N2"], each: { min: 1 }, list: true },
  },
  analyse,
  claims: claimRecords,
});

/** The notebook's defaults: the values its first code cell assigns (the paper's α_C = 1/3, Figure 1's pedestals). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 03's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {RangeError} naming the setting that is outside its range.
 * @example analysis().nCrit // => 729 (eq. 7 at p = 0.1, α_C = 1/3)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 03 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "03.caption-normalisation")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
