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
import { formatNumber, superscript } from "../_util/format";
import { rowsToMarkdown } from "../_util/markdown";
import { requireInRange, requirePositive, requireSettings } from "../_util/validate";
import { claim, type Claim, type Findings, memoise } from "./claim";
import { PAPER_RANGE_01 } from "./01_introduction";

/** The parameters of notebook 03 (its first code cell). */
export interface Settings03 {
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

/** The notebook's defaults: the paper's α_C = 1/3 and Figure 1's pedestals. */
export const DEFAULTS_03: Readonly<Settings03> = {
  alphaC: 1 / 3,
  pedestals: [0.01, 0.05, 0.1, 0.2],
  targets: [0.1, 0.05],
  nExample: 1e6,
  observedDrop: 0.5,
  windows: [[1e6, 1e9], [1e6, 1e12], [1e3, 1e9], [1, 1e3]],
};

/** The paper's pedestal in its worked example N_crit(0.1) = 729 (§3, eq. 7). */
export const PAPER_PEDESTAL_03 = 0.1;
/** The paper's example size for p_crit (§3, after eq. 8): N = 10⁶. */
export const PAPER_SIZE_03 = 1e6;
/** The paper's threshold "the pedestal value is well above 0.01" (§3, last paragraph). */
export const PAPER_THRESHOLD_03 = 0.01;
/** The A range of exponents, 0.05 < α < 0.1 (§1; Fig. 1 caption): notebook 01's `PAPER_RANGE_01`. */
export const A_RANGE_03: readonly [number, number] = PAPER_RANGE_01;
/** What we take "several decades" to mean when asking whether the A range is a steady regime. */
export const SEVERAL_DECADES_03 = 3;
/** The widest 90 %–10 % fall, in decades of N, we would still call "rather sharp". */
export const SHARP_DECADES_03 = 1;
/** The running exponent the pedestal law reaches and passes on its way to 0 (issue 9b). */
export const VANISHING_EXPONENT_03 = 0.01;
/** A loss with a pedestal, L = E + K N^-α_C with E = 0.1, K = 1, to show what a unit of N does. */
export const UNIT_EXAMPLE_03 = { L0: 0.1, K: 1, unit: 1e6 } as const;

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
export interface Analysis03 {
  settings: Settings03;
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
  /** Markdown for the notebook's cells. */
  text: {
    running: string;
    critical: string;
    width: string;
    band: string;
    drop: string;
  };
}

function validate(s: Settings03): void {
  requireInRange("alphaC", s.alphaC, { min: 0.11, max: 1 });
  s.pedestals.forEach((p, i) => requireInRange(`pedestals[${i}]`, p, { min: 0, max: 0.5, minOpen: true }));
  s.targets.forEach((t, i) => requireInRange(`targets[${i}]`, t, { min: 0, max: 1, minOpen: true, maxOpen: true }));
  requireInRange("nExample", s.nExample, { min: 1 });
  requirePositive("observedDrop", s.observedDrop);
  s.windows.forEach(([n1, n2], i) => {
    requireInRange(`windows[${i}][0]`, n1, { min: 1 });
    requireInRange(`windows[${i}][1]`, n2, { min: n1, minOpen: true });
  });
  if (s.pedestals.length === 0) throw new RangeError("`pedestals` must hold at least one pedestal ratio");
  if (s.windows.length === 0) throw new RangeError("`windows` must hold at least one window");
}

const f = (v: number, digits = 4) => formatNumber(v, digits);

/** A size as a power of ten when it is one (10⁶), else as `formatNumber` prints it. */
function size(n: number): string {
  const e = Math.round(Math.log10(n));
  return n === 10 ** e ? (e === 0 ? "1" : `10${superscript(e)}`) : f(n);
}

/** α_C as the paper writes it when it is 1/3, else to four digits. */
function alphaLabel(a: number): string {
  return a === 1 / 3 ? "1/3" : f(a);
}

/** Where the running exponent meets the A band, for pedestal p. */
function bandRow(p: number, alphaC: number): PedestalBandRow {
  const [lo, hi] = A_RANGE_03;
  const start = maxRunningExponent(p, alphaC);
  return {
    p,
    nEnter: start <= lo ? NaN : start <= hi ? 1 : sizeForExponent(hi, p, alphaC),
    nLeave: start <= lo ? NaN : sizeForExponent(lo, p, alphaC),
    decades: decadesInBand(lo, hi, p, alphaC),
    nVanish: sizeForExponent(VANISHING_EXPONENT_03, p, alphaC),
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

/** A Markdown table of already formatted cells, through `rowsToMarkdown` (which escapes every cell). */
function markdownTable(header: string[], rows: string[][]): string {
  return rowsToMarkdown(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), header);
}

function compute(s: Settings03): Analysis03 {
  validate(s);
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

  const nCrit = criticalSize(PAPER_PEDESTAL_03, a);
  const xCrit = criticalInverseSize(PAPER_PEDESTAL_03, a);
  const alphaAtCrit = runningExponent(xCrit, PAPER_PEDESTAL_03, a);
  const pCritPaper = criticalPedestal(PAPER_SIZE_03, a);
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
  const bandAtThreshold = bandRow(PAPER_THRESHOLD_03, a);

  const drops = s.windows.map((w) => dropRow(w, a, s.observedDrop));
  const [w1, w2] = s.windows[0];
  const dropSmallP = lossDropDecades(0.001, a, w1, w2);
  const dropLargeP = lossDropDecades(0.01, a, w1, w2);

  const alphaAbove = runningExponent(1 / PAPER_SIZE_03, Math.min(10 * pCritPaper, 0.99), a);
  const alphaBelow = runningExponent(1 / PAPER_SIZE_03, pCritPaper / 10, a);

  const cut = { L0: UNIT_EXAMPLE_03.L0, K: UNIT_EXAMPLE_03.K, gamma: a };
  const pUnits = pedestalRatio(cut, 1);
  const pMillions = pedestalRatio(cut, UNIT_EXAMPLE_03.unit);
  const crossoverUnits = crossover(cut);
  const crossoverFromMillions = UNIT_EXAMPLE_03.unit * criticalSize(pMillions, a);
  // Eq. 8 in each unit u: p(u) > p_crit(N/u) should hold exactly when N is beyond the crossover.
  const unitClassificationSame = [-2, -1, -0.5, 0.5, 1, 2, 4, 8].every((k) => {
    const N = crossoverUnits * 10 ** k;
    return [1, UNIT_EXAMPLE_03.unit].every((u) => N / u < 1 || (pedestalRatio(cut, u) > criticalPedestal(N / u, a)) === (k > 0));
  });

  const text = {
    running: markdownTable(
      ["p", "α_p(1), eq. 5", "(1 − p) α_C", "α_p(10⁻¹²)"],
      running.map((r) => [String(r.p), f(r.atOne), f(r.max), f(r.atTiny)]),
    ),
    critical: [
      `- N_crit(${PAPER_PEDESTAL_03}) = (${f(1 - PAPER_PEDESTAL_03)}/${PAPER_PEDESTAL_03})^(1/α_C) = ` +
      `${f((1 - PAPER_PEDESTAL_03) / PAPER_PEDESTAL_03)}^${f(1 / a)} = **${f(nCrit)}**`,
      `- x_crit(${PAPER_PEDESTAL_03}) = 1/N_crit = ${f(xCrit)}; α_p there = ${f(alphaAtCrit)} = α_C/2`,
      `- p_crit(${size(s.nExample)}) = 1/(1 + ${f(s.nExample ** a)}) = **${f(pCritExample)}**` +
      (s.nExample === PAPER_SIZE_03 ? " (the paper: ~10⁻²)" : ` (at the paper's N = 10⁶: ${f(pCritPaper)}; it says ~10⁻²)`),
      `- round trip: p_crit(N_crit(0.05)) = ${f(roundTrip)}`,
    ].join("\n"),
    width: `For α_C = ${alphaLabel(a)}, α_p falls from 0.9 α_C to 0.1 α_C over **${f(width, 3)} decades** of N ` +
      `(log₁₀ 81 / α_C), for every p. The table follows eq. 4 below N = 1 where it must: ` +
      `the 90 % point lies at N = 1 for p = 0.1 and below it for larger p.\n\n` +
      markdownTable(
        ["p", "N at 0.9 α_C (eq. 4 continued)", "N at 0.1 α_C", "decades", "decades on N ≥ 1"],
        widths.map((r) => [String(r.p), f(r.n90), f(r.n10), f(r.decades, 3), f(r.decadesFromOne, 3)]),
      ),
    band: `With α_C = ${alphaLabel(a)} the running exponent spends **${f(bandAtThreshold.decades, 3)} decades** of N in ` +
      `the A band ${A_RANGE_03[0]}–${A_RANGE_03[1]} at p = ${PAPER_THRESHOLD_03}, and falls below ${VANISHING_EXPONENT_03} ` +
      `at N = **${f(bandAtThreshold.nVanish, 2)}**; for larger p it gets there sooner.\n\n` +
      markdownTable(
        ["p", `N at α_p = ${A_RANGE_03[1]}`, `N at α_p = ${A_RANGE_03[0]}`, "decades in the band", `N at α_p = ${VANISHING_EXPONENT_03}`],
        band.map((r) => [
          String(r.p),
          Number.isNaN(r.nEnter) ? "starts below" : r.nEnter === 1 ? "1 (starts inside)" : f(r.nEnter, 3),
          Number.isNaN(r.nLeave) ? "starts below" : f(r.nLeave, 3),
          f(r.decades, 3),
          f(r.nVanish, 3),
        ]),
      ),
    drop: `A drop of ${f(s.observedDrop)} decades of loss read over each window, with α_C = ${alphaLabel(a)}: ` +
      `the p of eq. 4 that drops exactly that much, a lower bound on p when the observed drop is at most that, ` +
      `and the exponent of a pure power law (p = 0) that drops as much.\n\n` +
      markdownTable(
        ["window of N", "decades of N", "largest drop (p = 0)", `p dropping exactly ${f(s.observedDrop)} (lower bound)`,
          "pure power law α"],
        drops.map((r) => [
          `${size(r.n1)} – ${size(r.n2)}`,
          f(r.span, 3),
          f(r.maxDrop, 3),
          Number.isNaN(r.pLower) ? "none: eq. 4 cannot drop that much" : f(r.pLower, 3),
          f(r.pureAlpha, 3),
        ]),
      ),
  };

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
    text,
  };
}

const analysisMemo = memoise(compute);

/**
 * Notebook 03's analysis at the given settings (defaults: `DEFAULTS_03`), computed once per process.
 * @throws {RangeError} naming the setting that is outside its range.
 * @example analysis03().nCrit // 729 (eq. 7 at p = 0.1, α_C = 1/3)
 */
export function analysis03(settings: Partial<Settings03> = {}): Analysis03 {
  return analysisMemo(requireSettings("settings", settings, DEFAULTS_03));
}

function claims(r: Analysis03): Claim[] {
  const a = r.settings.alphaC;
  const half = a / 2;
  const bigP = Math.max(...r.settings.pedestals);
  const wide = r.widths.find((w) => w.p === bigP)!;
  const possible = r.drops.filter((d) => !Number.isNaN(d.pLower));
  const pLows = possible.map((d) => d.pLower);
  const pMin = pLows.length ? Math.min(...pLows) : 0;
  const pMax = pLows.length ? Math.max(...pLows) : 0;
  const lowest = possible.find((d) => d.pLower === pMin);
  const highest = possible.find((d) => d.pLower === pMax);
  const six = r.settings.observedDrop / 6;
  const dropFollows = possible.length === r.drops.length && pMin > PAPER_THRESHOLD_03;
  const sharp = r.width <= SHARP_DECADES_03;
  const steady = r.bandAtThreshold.decades >= SEVERAL_DECADES_03;
  // p ≪ p_crit(N) is the C regime when a pedestal ten times below p_crit leaves α_p above α_C/2 and ten times above drops it below.
  const cRegimeBelow = criticalSize(Math.min(10 * r.pCritPaper, 0.99), a) < PAPER_SIZE_03 && r.alphaAbove < half &&
    r.alphaBelow > half;
  const caption = Math.abs(r.normalisedAtOne - 1) <= 1e-9;
  const pcritOrder = Math.abs(Math.log10(r.pCritPaper) + 2) < 0.5;
  const nCritOk = Math.abs(r.nCrit * r.xCrit - 1) < 1e-12 && Math.abs(r.alphaAtCrit / a - 0.5) < 1e-12;
  const unitsDiffer = Math.abs(r.pMillions - r.pUnits) > 1e-6;
  const crossoverSame = Math.abs(r.crossoverFromMillions / r.crossoverUnits - 1) < 1e-9;

  return [
    claim({
      id: "03.eq5-closed-form",
      paper: "s3.eq5",
      ref: "§3, eqs. 4–5",
      claim: "The running exponent of eq. 5 is α_p = (1 − p) α x^α / (p + (1 − p) x^α), the log–log slope of eq. 4.",
      numbers: { maxRelDiff: r.eq5MaxRelDiff },
      verdict: r.eq5MaxRelDiff < 1e-6 ? "holds" : "does not hold",
      reason: `the closed form and a central difference of ln L in ln x agree to ${f(r.eq5MaxRelDiff, 2)} (relative) ` +
        `for every p of Figure 1, x from 10⁻¹² to 1`,
    }),
    claim({
      id: "03.critical-size",
      paper: "s3.eqs6-8",
      ref: "§3, eqs. 6–8",
      claim: "Eqs. 6–8 are consistent: N_crit(p) = 1/x_crit(p) = ((1 − p)/p)^(1/α_C), α_p = α_C/2 there, " +
        "and p_crit inverts N_crit.",
      numbers: { alphaC: a, nCrit: r.nCrit, alphaAtCritOverAlphaC: r.alphaAtCrit / a, roundTrip: r.roundTrip },
      verdict: nCritOk && Math.abs(r.roundTrip - 0.05) < 1e-12 ? "holds" : "does not hold",
      reason: `N_crit(0.1) = 9^${f(1 / a)} = ${f(r.nCrit)} = 1/x_crit, where α_p = α_C/2 exactly; ` +
        `p_crit(N_crit(0.05)) = ${f(r.roundTrip)}`,
      headline: `Eqs. 4–8 are consistent: at α_C = ${alphaLabel(a)}, N_crit(0.1) = ${f(r.nCrit)} and ` +
        `p_crit(10⁶) ≈ ${f(r.pCritPaper, 2)}.`,
    }),
    claim({
      id: "03.critical-pedestal-example",
      paper: "s3.pcrit-example",
      ref: "§3, after eq. 8",
      claim: "Even at N = 10⁶, p_crit ~ 10⁻².",
      numbers: { alphaC: a, pCrit: r.pCritPaper },
      verdict: pcritOrder ? "holds" : "does not hold",
      reason: `p_crit(10⁶) = 1/(1 + 10^${f(6 * a)}) = ${f(r.pCritPaper, 2)}, ` +
        (pcritOrder ? "within half a decade of 10⁻²" : "more than half a decade from 10⁻²"),
    }),
    claim({
      id: "03.eq8-self-citation",
      paper: "s3.eq8-citation",
      ref: "§3, text before eq. 8",
      claim: "\"By inverting the relation (8), we obtain\" eq. 8.",
      numbers: { roundTrip: r.roundTrip },
      verdict: Math.abs(r.roundTrip - 0.05) < 1e-12 ? "typo" : "does not hold",
      reason: `eq. 8 is the inverse of eq. 7 (p_crit(N_crit(0.05)) = ${f(r.roundTrip)}), so the text means (7)`,
    }),
    claim({
      id: "03.eq8-direction",
      paper: "s3.eq8-c-regime",
      ref: "§3, eqs. 7–8",
      claim: "The C regime needs a very small pedestal: p ≪ p_crit(N) (eq. 8), the sentence before it restated.",
      numbers: { pCrit: r.pCritPaper, alphaAbove: r.alphaAbove, alphaBelow: r.alphaBelow, halfAlphaC: half },
      verdict: cRegimeBelow ? "holds" : "does not hold",
      reason: `N_crit falls as p grows, so p ≪ p_crit(N) is N ≪ N_crit(p), the power-law (C) regime: at N = 10⁶, ` +
        `p = p_crit/10 gives α_p = ${f(r.alphaBelow, 3)} > α_C/2 (C regime) and p = 10 p_crit gives ` +
        `${f(r.alphaAbove, 3)} < α_C/2 (A regime). Eq. 7's N ≫ N_crit(p) is the A-regime condition, p ≫ p_crit(N); ` +
        `"inverting (8)" should read (7) (the typo above)`,
    }),
    claim({
      id: "03.caption-normalisation",
      paper: "s3.caption-normalisation",
      ref: "§3, Fig. 1 caption",
      claim: "Dividing the curves by (1 − p) makes α(x = 1, p) = 1 for every p.",
      numbers: { normalisedAtOne: r.normalisedAtOne, alphaC: a },
      verdict: caption ? "holds" : "does not hold",
      reason: `α_p(1)/(1 − p) = ${f(r.normalisedAtOne)} = α_C for every p (e.g. p = ${bigP}); reaching 1 needs a ` +
        `division by (1 − p) α_C`,
      headline: `Dividing by (1 − p), as the Figure 1 caption says, makes α_p(1) = α_C = ${alphaLabel(r.normalisedAtOne)}, ` +
        `not 1.`,
    }),
    claim({
      id: "03.transition-sharp",
      paper: "s3.transition-sharp",
      ref: "§3, text after eq. 5",
      claim: "The transition from the C to the A regime is rather sharp.",
      numbers: { decades: r.width, p: bigP, n90: wide.n90, decadesFromOne: wide.decadesFromOne },
      verdict: sharp ? "holds" : "does not hold",
      reason: `α_p falls from 0.9 α_C to 0.1 α_C over ${f(r.width, 3)} decades of N for every p, counted on eq. 4 ` +
        `continued below N = 1 when p > 0.1` +
        (wide.n90 < 1
          ? ` (p = ${bigP}: the 90 % point is at N = ${f(wide.n90, 3)}; on N ≥ 1 the fall takes ${f(wide.decadesFromOne, 3)} decades)`
          : ""),
      headline: `The crossover is not sharp: α_p falls from 90 % to 10 % of α_C over ${f(r.width, 2)} decades of N ` +
        `whatever p (on the curve in ln N continued below N = 1 when p > 0.1).`,
    }),
    claim({
      id: "03.a-range-steady",
      paper: "s3.a-range",
      ref: "§3, Fig. 1 caption",
      claim: "The pedestal puts large applications in the A range 0.05 < α < 0.1, which controls their scaling.",
      numbers: {
        p: PAPER_THRESHOLD_03,
        decadesInBand: r.bandAtThreshold.decades,
        nBelow001: r.bandAtThreshold.nVanish,
      },
      verdict: steady ? "holds" : "does not hold",
      reason: `α_p → 0: at p = ${PAPER_THRESHOLD_03} it spends ${f(r.bandAtThreshold.decades, 3)} decades of N in ` +
        `0.05–0.1 and is below ${VANISHING_EXPONENT_03} from N = ${f(r.bandAtThreshold.nVanish, 2)} (sooner for larger p); ` +
        `a pedestal gives no steady small exponent over several (≥ ${SEVERAL_DECADES_03}) decades`,
      headline: `A pedestal cannot produce a steady small exponent: for p ≥ ${PAPER_THRESHOLD_03} the running exponent ` +
        `spends ${f(r.bandAtThreshold.decades, 2)} decades of N in the A band 0.05–0.1 and is below ` +
        `${VANISHING_EXPONENT_03} by N = ${f(r.bandAtThreshold.nVanish, 2)}.`,
    }),
    claim({
      id: "03.onset-unit",
      paper: "s3.onset-below-llm",
      ref: "§3, Fig. 1 caption",
      claim: "The transition to the A range takes place for sizes well below the largest LLM applications.",
      numbers: {
        nAt01p005: bandRow(0.05, a).nEnter,
        nAt01p001: r.bandAtThreshold.nEnter,
      },
      verdict: "not testable",
      reason: `the sizes (α_p = 0.1 at N = ${f(bandRow(0.05, a).nEnter, 3)} for p = 0.05, ` +
        `${f(r.bandAtThreshold.nEnter, 3)} for p = 0.01) count N in the unit that makes L₁ the loss at N = 1, ` +
        `which the paper never fixes`,
    }),
    claim({
      id: "03.drop-decreases-with-p",
      paper: "ours",
      ref: "§3, last paragraph; eq. 4",
      claim: "Within eq. 4 at fixed α_C, a larger pedestal gives a smaller loss drop over a window of N.",
      numbers: { dropP0001: r.dropSmallP, dropP001: r.dropLargeP },
      verdict: r.dropSmallP > r.dropLargeP ? "holds" : "does not hold",
      reason: `over ${size(r.drops[0].n1)}–${size(r.drops[0].n2)} the drop is ${f(r.dropSmallP, 3)} decades at ` +
        `p = 0.001 and ${f(r.dropLargeP, 3)} at p = 0.01: an upper bound on the observed drop is a lower bound on p`,
    }),
    claim({
      id: "03.pedestal-from-drop",
      paper: "s3.pedestal-above-001",
      ref: "§3, last paragraph",
      claim: "Since the loss decays by about half a decade over several decades of N, the pedestal is well above 0.01.",
      numbers: { drop: r.settings.observedDrop, pLowerMin: pMin, pLowerMax: pMax, pureAlphaSixDecades: six },
      verdict: dropFollows ? "holds" : "does not hold",
      reason: (lowest && highest
        ? `a drop of at most ${f(r.settings.observedDrop)} decades means p ≥ ${f(pMin, 2)} over ` +
          `${size(lowest.n1)}–${size(lowest.n2)} but p ≥ ${f(pMax, 2)} over ${size(highest.n1)}–${size(highest.n2)}: ` +
          `the bound moves with the window and the unit of N`
        : `eq. 4 with α_C = ${f(a)} cannot drop ${f(r.settings.observedDrop)} decades over any window`) +
        `; it also assumes α_C: a pure power law (p = 0) with α = ${f(six, 2)} drops as much over six decades`,
      headline: `An observed loss drop bounds the pedestal only from below, and not to "well above 0.01": ` +
        (lowest && highest
          ? `a drop of at most ${f(r.settings.observedDrop)} decades gives p ≥ ${f(pMin, 2)} over ` +
            `N = ${size(lowest.n1)}–${size(lowest.n2)} but p ≥ ${f(pMax, 2)} over ${size(highest.n1)}–` +
            `${size(highest.n2)} (the bound moves with the window and the unit of N), `
          : `eq. 4 with α_C = ${alphaLabel(a)} cannot drop ${f(r.settings.observedDrop)} decades over these windows, `) +
        `and a pure power law with α = ${f(six, 2)} and no pedestal drops as much over six decades.`,
    }),
    claim({
      id: "03.pedestal-unit",
      paper: "s3.regime-unit",
      ref: "§3, eq. 4; Fig. 2; eq. 8",
      claim: "Comparing p with p_crit(N) (Fig. 2, eq. 8) tells the C regime from the A regime.",
      numbers: {
        pUnits: r.pUnits,
        pMillions: r.pMillions,
        crossoverUnits: r.crossoverUnits,
        crossoverFromMillions: r.crossoverFromMillions,
        sameClassification: r.unitClassificationSame ? 1 : 0,
      },
      verdict: crossoverSame && r.unitClassificationSame ? "holds" : "does not hold",
      reason: `with p and N counted in the same unit, Fig. 2 and eq. 8 classify every size alike in every unit: for ` +
        `L = ${UNIT_EXAMPLE_03.L0} + N^(−α_C), p = ${f(r.pUnits, 3)} with N in units and ${f(r.pMillions, 3)} in millions, ` +
        `and N_crit(p) is N = ${f(r.crossoverUnits)} units either way (p > p_crit(N) exactly beyond it). ` +
        `p alone, against a fixed number such as 0.01, is ${unitsDiffer ? "unit-dependent" : "the same in both units"}`,
      headline: `p depends on the unit of N, the regime does not: for L = ${UNIT_EXAMPLE_03.L0} + N^(−α_C), ` +
        `p = ${f(r.pUnits, 3)} with N in units and ${f(r.pMillions, 3)} in millions, while the crossover N_crit(p) stays ` +
        `at N = ${f(r.crossoverUnits)}, so Fig. 2 and eq. 8, with p and N in one unit, classify every size alike.`,
    }),
    claim({
      id: "03.kaplan-attribution",
      paper: "s3.kaplan-attribution",
      ref: "§3, first paragraph",
      claim: "The A exponents were published by Anthropic.",
      numbers: {},
      verdict: "typo",
      reason: "Kaplan et al. 2020 (arXiv:2001.08361), the source of the A exponents, is an OpenAI paper; Anthropic was founded in 2021, by several of its authors among others",
    }),
  ];
}

const findingsMemo = memoise((s: Settings03): Findings => ({
  notebook: "03_pedestal",
  title: "The pedestal effect",
  claims: claims(analysisMemo(s)),
}));

/**
 * The claim records of notebook 03 at the given settings (defaults: the notebook's parameters).
 * @throws {RangeError} naming a setting outside its range.
 * @example claimById(findings03(), "03.caption-normalisation").verdict // "does not hold"
 */
export function findings03(settings: Partial<Settings03> = {}): Findings {
  return findingsMemo(requireSettings("settings", settings, DEFAULTS_03));
}
