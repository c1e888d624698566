/**
 * Findings of notebook 04 (section 4 of the paper, eqs. 9–10): Sharma and Kaplan's alpha ≈ 4/d read
 * as eq. 10 with a = 4 and D = d, where 4/d crosses the paper's exponent band, what an intrinsic
 * dimension costs, which dimensions the published exponents imply, and the section's errata.
 *
 * Everything here is closed-form; `analysis` returns the numbers the notebook's notes print
 * (`intrinsicDimensionNotes` in `src/tables/intrinsic_dimension.ts` words them), `findings` the claim
 * records of its "What we checked" table.
 *
 * @module
 */
import { type Claim, claim, type Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { A_RANGE, HOFFMANN_2022, LLM_DIMENSION } from "../paper";
import { KAPLAN_2020 } from "../paper";
import {
  dimensionForExponent,
  exponentBelow,
  halvingDoublings,
  halvingFactor,
  sharmaKaplanExponent,
} from "../theory/intrinsic_dimension";
import { cellSide, linearLossBound } from "../theory/piecewise";
import { K41_HURST } from "../paper";
import { fitPowerLaw } from "../fit/powerlaw_fit";
import { formatNumber as f, formatPower } from "../_util/format";

/** The parameters of notebook 04 (its first code cell). */
export interface Settings {
  /** The exponent band [low, high] of section 1 (the paper: [0.05, 0.1]). */
  band: [number, number];
  /** The dimensions d the halving-cost table prices. */
  dims: number[];
  /** The Hölder exponent h of the rough target in the exponent figure (K41: 1/3). */
  hRough: number;
  /** The intrinsic dimension tested against the band (the paper quotes d ∼ 100 in section 5.1). */
  dPaper: number;
}

/** Where eq. 9, α = 4/d, reaches one edge of the band. */
export interface BandCrossing {
  /** The edge, an exponent α. */
  alpha: number;
  /** d = 4/α. */
  d: number;
  /** 4/d at that d. */
  alphaAtD: number;
  /** Whether 4/d < α at d itself (no: "α < edge" needs d > 4/α strictly). */
  belowAtD: boolean;
  /** Whether 4/d < α at d + 1. */
  belowPastD: boolean;
}

/** The log–log slope in N of the piecewise-linear loss bound at one dimension, beside 4/d. */
export interface BoundSlope {
  /** The dimension d. */
  d: number;
  /** Fitted slope of (H d s²/8)² against N = s⁻ᵈ over N = 10³…10⁹. */
  slope: number;
  /** Sharma and Kaplan's 4/d. */
  sk: number;
}

/** Everything notebook 04 shows besides its tables and figures, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** 4/high: where eq. 9 reaches the band's upper edge. */
  dLow: number;
  /** 4/low: where it reaches the lower edge. */
  dHigh: number;
  /** The crossings of the band's upper and lower edges, in that order. */
  crossings: [BandCrossing, BandCrossing];
  /** Whether "α < high" needs d > dLow strictly: not at dLow, but just above it. */
  strict: boolean;
  /** The bound's slope in N at d = 3, dLow and dHigh. */
  slopes: BoundSlope[];
  /** Orders in the cell side s of the piecewise-linear loss bound and of its square root (d = 3). */
  orders: { loss: number; error: number };
  /** Piecewise-linear Taylor cells on sin x: the largest ratio loss/bound and the fitted slope of the loss in N. */
  lowerBound: { worstRatio: number; slope: number };
  /** The resources that halve the loss at dLow, 2^(dLow/4), and the doublings that is. */
  halvingAtDLow: { factor: number; doublings: number };
  /** The same at dPaper. */
  halvingAtDPaper: { factor: number; doublings: number };
  /** 4/dPaper. */
  alphaPaper: number;
  /** d = 4/α for Kaplan et al.'s model-size exponent α_N. */
  dFromKaplanN: number;
  /** d = 4/α for the Chinchilla fit's α. */
  dFromChinchilla: number;
  /** How the claims and notes name the tested dimension: the paper's d ∼ 100, or another value beside it. */
  dPaperName: string;
}

/** Log–log slope in N of the piecewise-linear loss bound (H d s²/8)², N = s⁻ᵈ, over N = 10³…10⁹. */
function boundSlopeInN(d: number): number {
  const ns = [1e3, 1e6, 1e9];
  return fitPowerLaw(ns, ns.map((n) => linearLossBound(1, cellSide(n, d), d))).alpha;
}

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

/** Orders in the cell side s of the piecewise-linear loss bound and of its square root (d = 3). */
function boundOrders(): { loss: number; error: number } {
  const sides = [0.1, 0.01, 0.001];
  return {
    loss: -fitPowerLaw(sides, sides.map((s) => linearLossBound(1, s, 3))).alpha,
    error: -fitPowerLaw(sides, sides.map((s) => Math.sqrt(linearLossBound(1, s, 3)))).alpha,
  };
}

/** How the tested dimension is named: the paper's d ∼ 100, or another value beside it. */
const quoted = (d: number) =>
  d === LLM_DIMENSION
    ? `d ∼ ${LLM_DIMENSION} quoted for LLMs (§5.1)`
    : `d = ${f(d)} (§5.1 quotes d ∼ ${LLM_DIMENSION} for LLMs)`;

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.abs(b);

function crossing(t: number): BandCrossing {
  const dt = dimensionForExponent(t);
  return {
    alpha: t,
    d: dt,
    alphaAtD: sharmaKaplanExponent(dt),
    belowAtD: exponentBelow(dt, t),
    belowPastD: exponentBelow(dt + 1, t),
  };
}

function analyse(s: Settings): Analysis {
  const [low, high] = s.band;
  const dLow = dimensionForExponent(high);
  const dHigh = dimensionForExponent(low);
  return {
    settings: s,
    dLow,
    dHigh,
    crossings: [crossing(high), crossing(low)],
    strict: !exponentBelow(dLow, high) && exponentBelow(dLow * (1 + 1e-9), high),
    slopes: [3, dLow, dHigh].map((d) => ({ d, slope: boundSlopeInN(d), sk: sharmaKaplanExponent(d) })),
    orders: boundOrders(),
    lowerBound: lowerBoundCheck(),
    halvingAtDLow: { factor: halvingFactor(dLow), doublings: halvingDoublings(dLow) },
    halvingAtDPaper: { factor: halvingFactor(s.dPaper), doublings: halvingDoublings(s.dPaper) },
    alphaPaper: sharmaKaplanExponent(s.dPaper),
    dFromKaplanN: dimensionForExponent(KAPLAN_2020.N),
    dFromChinchilla: dimensionForExponent(HOFFMANN_2022.alpha),
    dPaperName: quoted(s.dPaper),
  };
}

/**
 * The claim records of notebook 04. Ids: `04.band-dimensions`, `04.grid-slope`, `04.halving-cost`,
 * `04.adaptive-order`, `04.paper-d-in-band`, `04.kaplan-band-circular`, `04.lower-bound`,
 * `04.typo-subject`, `04.typo-sk-year`. (The attribution of Kaplan et al.'s exponents to Anthropic, in
 * section 3, is `03.kaplan-attribution`.)
 */
function claims(r: Analysis): Claim[] {
  const s = r.settings;
  const [low, high] = s.band;
  const { dLow, dHigh, strict, slopes, orders, alphaPaper } = r;
  const lb = r.lowerBound;
  const factor = r.halvingAtDLow.factor;
  const inBand = alphaPaper >= low && alphaPaper <= high;
  const kaplan = [KAPLAN_2020.N, KAPLAN_2020.D, KAPLAN_2020.C];
  const kaplanInBand = kaplan.every((a) => a >= low && a <= high);
  const dN = r.dFromKaplanN;
  const dChinchilla = r.dFromChinchilla;
  return [
    claim({
      id: "04.band-dimensions",
      paper: "s6.threshold",
      ref: "§1 band; §4, eq. 9",
      claim: `Under eq. 9 the band ${f(low)} ≤ α ≤ ${f(high)} is ${f(dLow)} ≤ d ≤ ${f(dHigh)}, and α < ${
        f(high)
      } needs d > ${f(dLow)}.`,
      numbers: {
        low,
        high,
        dLow,
        dHigh,
        alphaAtDLow: sharmaKaplanExponent(dLow),
        alphaAtDHigh: sharmaKaplanExponent(dHigh),
      },
      verdict: close(sharmaKaplanExponent(dLow), high) && close(sharmaKaplanExponent(dHigh), low) && strict
        ? "holds"
        : "does not hold",
      reason:
        `4/${f(dLow)} = ${f(sharmaKaplanExponent(dLow))} and 4/${f(dHigh)} = ${f(sharmaKaplanExponent(dHigh))}; ` +
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
      claim: `At d = ${f(dLow)}, where 4/d = ${f(high)}, halving the loss takes 2^{1/${
        f(high)
      }} times the resources (the introduction's 1024 at α = 0.1).`,
      numbers: { d: dLow, factor, doublings: r.halvingAtDLow.doublings },
      verdict: close(factor, 2 ** (1 / high)) ? "holds" : "does not hold",
      reason: `2^{${f(dLow)}/4} = ${f(factor)} (${f(r.halvingAtDLow.doublings)} doublings)`,
    }),
    claim({
      id: "04.adaptive-order",
      paper: "s4.eq9-is-eq10",
      ref: "§4, after eq. 10",
      claim: "The 4 of eq. 9 is an order a = 4 in eq. 10: the squared error of a piecewise-linear fit falls as s⁴.",
      numbers: { lossOrder: orders.loss, errorOrder: orders.error },
      verdict: close(orders.loss, 4) ? "holds" : "does not hold",
      reason:
        `on the bound (d = 3) the loss goes as ${formatPower("s", orders.loss, 6)}, the error itself as ${
          formatPower("s", orders.error, 6)
        }: ` +
        "order 4 on the squared error, a second-order method on the error of eq. 2",
    }),
    claim({
      id: "04.paper-d-in-band",
      paper: "ours",
      ref: "ours, not the paper's: §5.1 (d ∼ 100) against §1's band",
      claim:
        `(A consequence the paper does not state) The intrinsic dimension ${r.dPaperName} gives, under eq. 9, an exponent outside the band ${
          f(low)
        }–${f(high)}.`,
      numbers: { d: s.dPaper, alpha: alphaPaper, low, high },
      verdict: inBand ? "does not hold" : "holds",
      reason:
        `4/${f(s.dPaper)} = ${f(alphaPaper)}, ${inBand ? "inside" : alphaPaper < low ? "below" : "above"} the band ` +
        `(which needs ${f(dLow)} ≤ d ≤ ${f(dHigh)})`,
    }),
    claim({
      id: "04.kaplan-band-circular",
      paper: "s6.small-because-high-d",
      ref: "§1 band; §4, eq. 9",
      claim: `Kaplan et al.'s exponents, read through eq. 9, place language data at ${f(dLow)} ≤ d ≤ ${f(dHigh)}.`,
      numbers: {
        alphaN: KAPLAN_2020.N,
        alphaD: KAPLAN_2020.D,
        alphaC: KAPLAN_2020.C,
        dFromAlphaN: dN,
        dFromChinchillaAlpha: dChinchilla,
      },
      verdict: kaplanInBand ? "not testable" : "does not hold",
      reason: kaplanInBand
        ? `circular: the band is where Kaplan's exponents (${
          kaplan.map((a) => f(a)).join(", ")
        }) lie, so d = 4/α returns it; ` +
          `eq. 9 concerns the model-size exponent alone: α_{N} = ${f(KAPLAN_2020.N)} gives d = ${f(dN, 3)} ` +
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
      reason:
        `as what §5's cell argument proves: it bounds the loss from above, L ≤ (H d s²/8)² ∝ N^{−4/d}, so the best ` +
        `approximant's exponent is at least 4/d. Checked on sin x in d = 1 (piecewise-linear Taylor cells, N = 10–1000): ` +
        `the measured loss is at most ${f(lb.worstRatio, 2)} × the bound and falls as ${
          formatPower("N", -lb.slope, 3)
        }. SK themselves ` +
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
  ];
}

/**
 * Notebook 04, described once: its parameters (section 1's band [low, high] with 0.005 ≤ low < high ≤ 1,
 * the dimensions its halving-cost table prices, each in (0, 1300], the Hölder exponent of the figure's
 * rough target in (0, 1], the tested dimension in (0, 4000]; defaults: the paper's band A_RANGE, its
 * dimensions, K41's h = 1/3, the paper's d ∼ 100), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "04_intrinsic_dimension",
  defaults: { band: [...A_RANGE], dims: [4, 10, 20, 40, 80, 100, 200, 400], hRough: K41_HURST, dPaper: LLM_DIMENSION },
  ranges: {
    band: { kind: "pair", names: ["low", "high"], each: { min: 0.005, max: 1 } },
    dims: { kind: "list", each: { min: 0, max: 1300, minOpen: true } },
    hRough: { kind: "number", range: { min: 0, max: 1, minOpen: true } },
    dPaper: { kind: "number", range: { min: 0, max: 4000, minOpen: true } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns (the paper's band and its d ∼ 100). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 04's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {RangeError} naming a setting outside its range (e.g. a band with low ≥ high, `dPaper` ≤ 0).
 * @example analysis().dLow // => 40 (4/0.1)
 * @example analysis().crossings[1].d // => 80 (4/0.05)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 04 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "04.paper-d-in-band")?.verdict // => "holds"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
