/**
 * Findings of notebook 04 (section 4 of the paper, eqs. 9–10): Sharma and Kaplan's alpha ≈ 4/d read
 * as eq. 10 with a = 4 and D = d, where 4/d crosses the paper's exponent band, what an intrinsic
 * dimension costs, which dimensions the published exponents imply, and the section's errata.
 *
 * Everything here is closed-form; `findings04` returns the claim records of the notebook's "What we
 * checked" table, `worked04` the worked numbers its Markdown outputs print.
 *
 * @module
 */
import { claim, type Findings, memoise } from "./claim";
import { HOFFMANN_2022 } from "../paper";
import { KAPLAN_2020 } from "../theory/conclusion";
import { gridExponent } from "../theory/analogy";
import { dimensionForExponent, exponentBelow, halvingDoublings, halvingFactor, sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { cellSide, linearLossBound } from "../theory/piecewise";
import { fitPowerLaw } from "../fit/powerlaw_fit";
import { formatNumber as f } from "../_util/format";
import { requireInRange, requireSettings } from "../_util/validate";

/** The parameters of notebook 04 that its findings and worked numbers use. */
export interface Settings04 {
  /** The exponent band [low, high] of section 1, 0 < low < high <= 1 (the paper: [0.05, 0.1]). */
  band: readonly number[];
  /** The intrinsic dimension tested against the band, > 0 (the paper quotes d ∼ 100 in section 5.1). */
  dPaper: number;
}

/** The notebook's defaults: the paper's band and its d ∼ 100. */
export const DEFAULTS04: Readonly<Settings04> = { band: [0.05, 0.1], dPaper: 100 };

function settings04(s: Partial<Settings04>): { band: [number, number]; dPaper: number } {
  const { band, dPaper } = requireSettings("settings", s, DEFAULTS04 as Settings04);
  if (!Array.isArray(band) || band.length !== 2) throw new RangeError("`band` must be [low, high], two exponents");
  requireInRange("band[1]", band[1], { min: 0, max: 1, minOpen: true });
  requireInRange("band[0]", band[0], { min: 0, max: band[1], minOpen: true, maxOpen: true });
  requireInRange("dPaper", dPaper, { min: 0, minOpen: true });
  return { band: [band[0], band[1]], dPaper };
}

/** Log–log slope in N of the piecewise-linear loss bound (H d s²/8)², N = s⁻ᵈ, over N = 10³…10⁹. */
function boundSlopeInN(d: number): number {
  const ns = [1e3, 1e6, 1e9];
  return fitPowerLaw(ns, ns.map((n) => linearLossBound(1, cellSide(n, d), d))).alpha;
}

/** Orders in the cell side s of the piecewise-linear loss bound and of its square root (d = 3). */
/**
 * The direction of the cell argument's bound, measured: the mean-square error of piecewise-linear
 * Taylor cells (value and slope of f = sin at each cell's centre) on [0, 1] against the bound
 * `linearLossBound(1, s, 1)` (|f''| ≤ 1), at N = 10, 100, 1000 cells (64 midpoints a cell): the
 * largest ratio loss/bound and the fitted slope of the loss in N.
 */
function lowerBoundCheck(): { worstRatio: number; slope: number } {
  const ns = [10, 100, 1000];
  const losses = ns.map((n) => {
    const s = 1 / n;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const c = (i + 0.5) * s;
      for (let j = 0; j < 64; j++) {
        const x = i * s + ((j + 0.5) / 64) * s;
        const e = Math.sin(x) - (Math.sin(c) + Math.cos(c) * (x - c));
        sum += e * e;
      }
    }
    return sum / (64 * n);
  });
  return {
    worstRatio: Math.max(...losses.map((l, i) => l / linearLossBound(1, 1 / ns[i], 1))),
    slope: fitPowerLaw(ns, losses).alpha,
  };
}

function boundOrders(): { loss: number; error: number } {
  const sides = [0.1, 0.01, 0.001];
  return {
    loss: -fitPowerLaw(sides, sides.map((s) => linearLossBound(1, s, 3))).alpha,
    error: -fitPowerLaw(sides, sides.map((s) => Math.sqrt(linearLossBound(1, s, 3)))).alpha,
  };
}

/** How the tested dimension is named: the paper's d ∼ 100, or another value beside it. */
const quoted = (d: number) => (d === 100 ? "d ∼ 100 quoted for LLMs (§5.1)" : `d = ${f(d)} (§5.1 quotes d ∼ 100 for LLMs)`);

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

/**
 * The claim records of notebook 04, memoised by settings. Ids: `04.band-dimensions`, `04.grid-slope`,
 * `04.halving-cost`, `04.adaptive-order`, `04.paper-d-in-band`, `04.kaplan-band-circular`,
 * `04.lower-bound`, `04.typo-subject`, `04.typo-sk-year`. (The attribution of Kaplan et al.'s
 * exponents to Anthropic, in section 3, is `03.kaplan-attribution`.)
 *
 * @param s notebook parameters (defaults `DEFAULTS04`).
 * @throws {RangeError} if `band` is not 0 < low < high <= 1 or `dPaper` <= 0.
 * @example claimById(findings04(), "04.paper-d-in-band").verdict // "does not hold"
 */
export function findings04(s: Partial<Settings04> = {}): Findings {
  return run04(settings04(s));
}

const run04 = memoise((s: { band: [number, number]; dPaper: number }): Findings => {
  const [low, high] = s.band;
  const dLow = dimensionForExponent(high);
  const dHigh = dimensionForExponent(low);
  const strict = !exponentBelow(dLow, high) && exponentBelow(dLow * (1 + 1e-9), high);
  const slopes = [3, dLow, dHigh].map((d) => ({ d, slope: boundSlopeInN(d), sk: sharmaKaplanExponent(d) }));
  const orders = boundOrders();
  const lb = lowerBoundCheck();
  const factor = halvingFactor(dLow);
  const alphaPaper = sharmaKaplanExponent(s.dPaper);
  const inBand = alphaPaper >= low && alphaPaper <= high;
  const kaplan = [KAPLAN_2020.N, KAPLAN_2020.D, KAPLAN_2020.C];
  const kaplanInBand = kaplan.every((a) => a >= low && a <= high);
  const dN = dimensionForExponent(KAPLAN_2020.N);
  const dChinchilla = dimensionForExponent(HOFFMANN_2022.alpha);
  return {
    notebook: "04_intrinsic_dimension",
    title: "The intrinsic dimension",
    claims: [
      claim({
        id: "04.band-dimensions",
        paper: "s6.threshold",
        ref: "§1 band; §4, eq. 9",
        claim: `Under eq. 9 the band ${f(low)} ≤ α ≤ ${f(high)} is ${f(dLow)} ≤ d ≤ ${f(dHigh)}, and α < ${f(high)} needs d > ${f(dLow)}.`,
        numbers: { low, high, dLow, dHigh, alphaAtDLow: sharmaKaplanExponent(dLow), alphaAtDHigh: sharmaKaplanExponent(dHigh) },
        verdict: close(sharmaKaplanExponent(dLow), high) && close(sharmaKaplanExponent(dHigh), low) && strict ? "holds" : "does not hold",
        reason: `4/${f(dLow)} = ${f(sharmaKaplanExponent(dLow))} and 4/${f(dHigh)} = ${f(sharmaKaplanExponent(dHigh))}; ` +
          `at d = ${f(dLow)} itself α equals ${f(high)}, so the inequality is strict`,
      }),
      claim({
        id: "04.grid-slope",
        paper: "s4.eq9-is-eq10",
        ref: "§4, eqs. 9–10",
        claim: "Eq. 9 is eq. 10 with a = 4 and D = d: 4/d is the slope in N of the piecewise-linear loss bound.",
        numbers: Object.fromEntries(slopes.map(({ d, slope }) => [`slope_d${f(d)}`, slope])),
        verdict: slopes.every(({ slope, sk }) => close(slope, sk)) ? "holds" : "does not hold",
        reason: slopes.map(({ d, slope, sk }) => `d = ${f(d)}: slope ${f(slope, 6)}, 4/d = ${f(sk, 6)}`).join("; "),
      }),
      claim({
        id: "04.halving-cost",
        paper: "s1.halving-cost",
        ref: "§1; §4, eq. 9",
        claim: `At d = ${f(dLow)}, where 4/d = ${f(high)}, halving the loss takes 2^(1/${f(high)}) times the resources (the introduction's 1024 at α = 0.1).`,
        numbers: { d: dLow, factor, doublings: halvingDoublings(dLow) },
        verdict: close(factor, 2 ** (1 / high)) ? "holds" : "does not hold",
        reason: `2^(${f(dLow)}/4) = ${f(factor)} (${f(halvingDoublings(dLow))} doublings)`,
      }),
      claim({
        id: "04.adaptive-order",
        paper: "s4.eq9-is-eq10",
        ref: "§4, after eq. 10",
        claim: "The 4 of eq. 9 is an order a = 4 in eq. 10: the squared error of a piecewise-linear fit falls as s⁴.",
        numbers: { lossOrder: orders.loss, errorOrder: orders.error },
        verdict: close(orders.loss, 4) ? "holds" : "does not hold",
        reason: `on the bound (d = 3) the loss goes as s^${f(orders.loss, 6)}, the error itself as s^${f(orders.error, 6)}: ` +
          "order 4 on the squared error, a second-order method on the error of eq. 2",
      }),
      claim({
        id: "04.paper-d-in-band",
        paper: "ours",
        ref: "ours, not the paper's: §5.1 (d ∼ 100) against §1's band",
        claim: `(A consequence the paper does not state) The intrinsic dimension ${quoted(s.dPaper)} gives, under eq. 9, an exponent outside the band ${f(low)}–${f(high)}.`,
        numbers: { d: s.dPaper, alpha: alphaPaper, low, high },
        verdict: inBand ? "does not hold" : "holds",
        reason: `4/${f(s.dPaper)} = ${f(alphaPaper)}, ${inBand ? "inside" : alphaPaper < low ? "below" : "above"} the band ` +
          `(which needs ${f(dLow)} ≤ d ≤ ${f(dHigh)})`,
      }),
      claim({
        id: "04.kaplan-band-circular",
        paper: "s6.small-because-high-d",
        ref: "§1 band; §4, eq. 9",
        claim: `Kaplan et al.'s exponents, read through eq. 9, place language data at ${f(dLow)} ≤ d ≤ ${f(dHigh)}.`,
        numbers: { alphaN: KAPLAN_2020.N, alphaD: KAPLAN_2020.D, alphaC: KAPLAN_2020.C, dFromAlphaN: dN, dFromChinchillaAlpha: dChinchilla },
        verdict: kaplanInBand ? "not testable" : "does not hold",
        reason: kaplanInBand
          ? `circular: the band is where Kaplan's exponents (${kaplan.map((a) => f(a)).join(", ")}) lie, so d = 4/α returns it; ` +
            `eq. 9 concerns the model-size exponent alone: α_N = ${f(KAPLAN_2020.N)} gives d = ${f(dN, 3)} ` +
            `(Chinchilla's α = ${f(HOFFMANN_2022.alpha)}: ${f(dChinchilla, 3)}), and no independent d is measured`
          : `Kaplan's exponents (${kaplan.map((a) => f(a)).join(", ")}) are not all inside ${f(low)}–${f(high)}`,
      }),
      claim({
        id: "04.lower-bound",
        paper: "s4.lower-bound",
        ref: "§4, before eq. 9",
        claim: "Sharma and Kaplan's relation α ∼ 4/d is a lower bound on the scaling exponent.",
        numbers: { worstBoundRatio: lb.worstRatio, measuredSlope: lb.slope, predicted: 4 },
        verdict: lb.worstRatio <= 1 && lb.slope >= 4 * 0.95 ? "holds" : "does not hold",
        reason: `as what §5's cell argument proves: it bounds the loss from above, L ≤ (H d s²/8)² ∝ N^(−4/d), so the best ` +
          `approximant's exponent is at least 4/d. Checked on sin x in d = 1 (piecewise-linear Taylor cells, N = 10–1000): ` +
          `the measured loss is at most ${f(lb.worstRatio, 2)} × the bound and falls as N^(−${f(lb.slope, 3)}). SK themselves ` +
          "state an estimate, α ≈ 4/d; and a lower bound on α cannot give §6's conclusion (notebook 6)",
      }),
      claim({
        id: "04.typo-subject",
        paper: "s4.typo-subject",
        ref: "§4, second paragraph",
        claim: "“In this paper present a simple and convincing toy-theory …”",
        numbers: {},
        verdict: "typo",
        reason: "the sentence lacks its subject (SK)",
      }),
      claim({
        id: "04.typo-sk-year",
        paper: "s4.typo-sk-year",
        ref: "reference [14]",
        claim: "Sharma and Kaplan, JMLR 23, 1–34 (2024).",
        numbers: { volume: 23, year: 2022 },
        verdict: "typo",
        reason: "JMLR volume 23 is 2022: U. Sharma, J. Kaplan, JMLR 23(9):1–34 (2022)",
      }),
    ],
  };
});

/** The worked numbers notebook 04 prints, as Markdown, by section. */
export interface Worked04 {
  /** Eq. 10 for a second-order method in 1, 3 and 40 dimensions, and a = 4 in 40. */
  gridExamples: string;
  /** Where 4/d reaches each edge of the band, with the strictness of the threshold. */
  bandCrossing: string;
  /** The cost of halving the loss at the band's upper edge and at `dPaper`. */
  halvingCost: string;
  /** The dimensions the published model-size exponents imply, and 4/dPaper against the band. */
  implied: string;
}

/**
 * The worked numbers of notebook 04 as Markdown (computed from the parameters, memoised).
 * @throws {RangeError} as `findings04`.
 * @example worked04().bandCrossing // "- α = 0.1 is reached at d = 4/0.1 = **40** …"
 */
export function worked04(s: Partial<Settings04> = {}): Worked04 {
  return runWorked04(settings04(s));
}

const runWorked04 = memoise((s: { band: [number, number]; dPaper: number }): Worked04 => {
  const [low, high] = s.band;
  const dLow = dimensionForExponent(high);
  const dHigh = dimensionForExponent(low);
  const yes = (b: boolean) => (b ? "yes" : "no");
  const crossing = (t: number) => {
    const dt = dimensionForExponent(t);
    return `- α = ${f(t)} is reached at d = 4/${f(t)} = **${f(dt)}**, where 4/d = ${f(sharmaKaplanExponent(dt))}: ` +
      `"α < ${f(t)}" needs d > ${f(dt)} strictly (below at d = ${f(dt)}? ${yes(exponentBelow(dt, t))}; ` +
      `at d = ${f(dt + 1)}? ${yes(exponentBelow(dt + 1, t))}).`;
  };
  const alphaPaper = sharmaKaplanExponent(s.dPaper);
  const where = alphaPaper < low ? "**below**" : alphaPaper > high ? "**above**" : "inside";
  return {
    gridExamples: `A second-order method (a = 2): α = ${f(gridExponent(2, 1))} in 1D, ${f(gridExponent(2, 3))} in 3D, ` +
      `${f(gridExponent(2, 40))} in 40D. With a = 4 in D = 40: α = ${f(gridExponent(4, 40))}, the top of the paper's band.`,
    bandCrossing: [crossing(high), crossing(low), `\nSo the band ${f(low)} ≤ α ≤ ${f(high)} is ${f(dLow)} ≤ d ≤ ${f(dHigh)} under eq. 9.`]
      .join("\n"),
    halvingCost: `At d = ${f(dLow)} (α = ${f(high)}) halving the loss takes ${f(halvingFactor(dLow))} times the resources ` +
      `(${f(halvingDoublings(dLow))} doublings). At d = ${f(s.dPaper)} it takes ${f(halvingFactor(s.dPaper), 3)} ` +
      `(${f(halvingDoublings(s.dPaper))} doublings).`,
    implied: `Under eq. 9 only the model-size exponents give a dimension: Kaplan et al.'s α_N = ${f(KAPLAN_2020.N)} gives ` +
      `d = ${f(dimensionForExponent(KAPLAN_2020.N), 3)}, the Chinchilla fit's α = ${f(HOFFMANN_2022.alpha)} gives ` +
      `d = ${f(dimensionForExponent(HOFFMANN_2022.alpha), 3)}. The intrinsic dimension ${quoted(s.dPaper)} gives ` +
      `α = 4/${f(s.dPaper)} = ${f(alphaPaper)}, ${where} the band ${f(low)}–${f(high)} (which needs ${f(dLow)} ≤ d ≤ ${f(dHigh)}).`,
  };
});
