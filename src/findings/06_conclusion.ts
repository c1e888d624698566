/**
 * Findings of notebook 06 (section 6 of the paper, with the d/D remark closing section 5.1): the
 * threshold "d > 40 gives α < 0.1", what it rests on (the direction of eq. 9), rough data, and the
 * dimensional compression d/D.
 *
 * `findings06` returns the claim records of the notebook's "What we checked" table, `worked06` the
 * worked numbers its Markdown outputs print. All closed-form.
 *
 * @module
 */
import { claim, type Findings, memoise } from "./claim";
import { compressionRatio, EMBEDDING_WIDTHS, thresholdDimension } from "../theory/conclusion";
import { exponentBelow, halvingFactor, sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { piecewiseExponent } from "../theory/piecewise";
import { formatNumber as f } from "../_util/format";
import { K41_HURST } from "../theory/turbulence";
import { requireInRange, requireSettings } from "../_util/validate";

/** The parameters of notebook 06. */
export interface Settings06 {
  /** The conclusion's exponent threshold, in (0, 0.5] (the paper: 0.1). */
  alphaMax: number;
  /** The lower edge of section 1's band, in [0.001, alphaMax) (the paper: 0.05). */
  alphaLow: number;
  /** The intrinsic dimension quoted for LLMs, in (0, 1600] (the paper: d ∼ 100, section 5.1). */
  dPaper: number;
  /** The active-set dimension of turbulence compared with it, in (0, 3] (the paper: 2.8). */
  dTurbulence: number;
}

/** The notebook's defaults: the paper's numbers. */
export const DEFAULTS06: Readonly<Settings06> = { alphaMax: 0.1, alphaLow: 0.05, dPaper: 100, dTurbulence: 2.8 };

function settings06(s: Partial<Settings06>): Settings06 {
  const out = requireSettings("settings", s, DEFAULTS06 as Settings06);
  requireInRange("alphaMax", out.alphaMax, { min: 0, max: 0.5, minOpen: true });
  requireInRange("alphaLow", out.alphaLow, { min: 0.001, max: out.alphaMax, maxOpen: true });
  requireInRange("dPaper", out.dPaper, { min: 0, max: 1600, minOpen: true });
  requireInRange("dTurbulence", out.dTurbulence, { min: 0, max: 3, minOpen: true });
  return out;
}

/** "Several thousands": the published widths of at least 4000 (GPT-2 XL's 1600 is shown apart). */
const isSeveralThousands = (w: { width: number }) => w.width >= 4000;
/** Within half a decade of 10⁻². */
const orderOfHundredth = (r: number) => r >= 10 ** -2.5 && r <= 10 ** -1.5;

/** The counterexample to "eq. 9 as a lower bound gives the conclusion", at a threshold α*. */
function counterexample(alphaMax: number): { d: number; alpha: number; bound: number; exists: boolean } {
  const d = 1.25 * thresholdDimension(alphaMax); // above the threshold dimension (50 for α* = 0.1)
  const alpha = Math.min(0.99, 3 * alphaMax); // an exponent allowed by α >= 4/d and not below α*
  const bound = sharmaKaplanExponent(d);
  return { d, alpha, bound, exists: d > thresholdDimension(alphaMax) && alpha >= bound && !(alpha < alphaMax) };
}

/**
 * The claim records of notebook 06, memoised by settings. Ids: `06.threshold`, `06.lower-bound`,
 * `06.rough-data`, `06.piecewise-constant`, `06.compression`, `06.world-models`.
 *
 * @param s notebook parameters (defaults `DEFAULTS06`); the claims use `alphaMax`, `alphaLow` and `dPaper`.
 * @throws {RangeError} if a parameter is outside the range `Settings06` states.
 * @example claimById(findings06(), "06.lower-bound").verdict // "does not hold"
 */
export function findings06(s: Partial<Settings06> = {}): Findings {
  const { alphaMax, alphaLow, dPaper } = settings06(s);
  return run06({ alphaMax, alphaLow, dPaper });
}

const run06 = memoise(({ alphaMax, alphaLow, dPaper }: { alphaMax: number; alphaLow: number; dPaper: number }): Findings => {
  const dStar = thresholdDimension(alphaMax);
  const atStar = sharmaKaplanExponent(dStar);
  const strict = !exponentBelow(dStar, alphaMax) && exponentBelow(dStar * (1 + 1e-9), alphaMax);
  const cx = counterexample(alphaMax);
  const alphaPaper = sharmaKaplanExponent(dPaper);
  const paperInBand = alphaPaper >= alphaLow && alphaPaper <= alphaMax;
  const roughEq17 = thresholdDimension(alphaMax, 4, K41_HURST);
  const roughArgument = thresholdDimension(alphaMax, 2, K41_HURST);
  const constantStar = thresholdDimension(alphaMax, 2);
  const wide = EMBEDDING_WIDTHS.filter(isSeveralThousands);
  const ratios = wide.map((w) => compressionRatio(dPaper, w.width));
  return {
    notebook: "06_conclusion",
    title: "Conclusion",
    claims: [
      claim({
        id: "06.threshold",
        paper: "s6.threshold",
        ref: "§6",
        claim: `Under eq. 9 any data set with d > ${f(dStar)} has α < ${f(alphaMax)}.`,
        numbers: { dStar, alphaAtDStar: atStar, alphaPaper, alphaLow },
        verdict: strict ? "holds" : "does not hold",
        reason: `α < ${f(alphaMax)} ⟺ d > 4/${f(alphaMax)} = ${f(dStar)}; d = ${f(dStar)} itself gives α = ${f(atStar)}, ` +
          "so the strict inequality is the right one",
        headline: `Under α = 4/d, d > ${f(dStar)} gives α < ${f(alphaMax)} (d = ${f(dStar)} itself gives exactly ${f(atStar)}), ` +
          `but the paper also calls 4/d a lower bound, which would point the other way (α ≥ 4/d allows α = ${f(cx.alpha)} ` +
          `at d = ${f(cx.d)}); its d ∼ ${f(dPaper)} gives α = ${f(alphaPaper)}, ` +
          `${paperInBand ? "inside" : "outside"} its own ${f(alphaLow)}–${f(alphaMax)}.`,
      }),
      claim({
        id: "06.lower-bound",
        paper: "s6.lower-bound-conclusion",
        ref: "§4 (“lower bound”) with §6",
        claim: `Eq. 9 read as a lower bound, α ≥ 4/d, gives the conclusion that d > ${f(dStar)} implies α < ${f(alphaMax)}.`,
        numbers: { d: cx.d, alpha: cx.alpha, bound: cx.bound },
        verdict: cx.exists ? "does not hold" : "holds",
        reason: `counterexample: at d = ${f(cx.d)}, α = ${f(cx.alpha)} satisfies α ≥ 4/d = ${f(cx.bound)} and is not ` +
          `< ${f(alphaMax)}; the conclusion needs α ≤ 4/d (or SK's estimate α ≈ 4/d)`,
      }),
      claim({
        id: "06.rough-data",
        paper: "s5.rough-lowers",
        ref: "§6; eq. 17",
        claim: "Non-smooth data make it worse: the dimension beyond which α falls below the threshold is lower.",
        numbers: { dStar, roughEq17, roughArgument },
        verdict: roughEq17 < dStar && roughArgument < dStar ? "holds" : "does not hold",
        reason: `with h = 1/3 the threshold moves from ${f(dStar)} to ${f(roughEq17)} under eq. 17 (4h/d) and to ` +
          `${f(roughArgument)} under section 5's argument (2h/d)`,
      }),
      claim({
        id: "06.piecewise-constant",
        paper: "s6.threshold",
        ref: "§6; eq. 13",
        claim: `The threshold holds a fortiori for a piecewise-constant approximant (α = 2/d): d > ${f(dStar)} gives α < ${f(alphaMax)}.`,
        numbers: { dStarConstant: constantStar, alphaAtDStar: piecewiseExponent(2, 0, dStar) },
        verdict: constantStar <= dStar ? "holds" : "does not hold",
        reason: `true by construction (2/d < 4/d for every d): 2/d falls below ${f(alphaMax)} already beyond ` +
          `d = ${f(constantStar)}; at d = ${f(dStar)} it is ${f(piecewiseExponent(2, 0, dStar))}`,
      }),
      claim({
        id: "06.compression",
        paper: "s5.compression",
        ref: "§5.1, last paragraph",
        claim: `With d ∼ ${f(dPaper)} and embedding widths in the several thousands, d/D ∼ 10⁻².`,
        numbers: { min: Math.min(...ratios), max: Math.max(...ratios) },
        // The arithmetic holds by construction; the premise d ∼ 100 is the paper's, not measured: no verdict on d/D itself.
        verdict: ratios.every(orderOfHundredth) ? "not testable" : "does not hold",
        reason: `the arithmetic is right by construction (${wide.map((w, i) => `D = ${w.width}: ${f(ratios[i], 3)}`).join(", ")}; ` +
          "all within half a decade of 10⁻²), but it rests on the paper's d ∼ 100, which nobody has measured for language",
      }),
      claim({
        id: "06.world-models",
        paper: "s6.world-models",
        ref: "§6",
        claim: "Growing LLMs is a sure recipe for energy burnout; physics-aware world models offer a more promising way.",
        numbers: {},
        verdict: "not testable",
        reason: "an opinion the paper does not quantify: no energy figure or model comparison to compute",
      }),
    ],
  };
});

/** The worked numbers notebook 06 prints, as Markdown. */
export interface Worked06 {
  /** Thresholds at d*, rough-data thresholds and the cost of halving the loss at each threshold. */
  thresholds: string;
  /** The lower-bound reading, on an example. */
  lowerBound: string;
  /** d/D for the published widths and for turbulence. */
  compression: string;
}

/**
 * The worked numbers of notebook 06 as Markdown, computed from its parameters (memoised).
 * @throws {RangeError} if a parameter is outside the range `Settings06` states.
 * @example worked06().thresholds // "Under 4/d: d = 40 gives α = 0.1 (below 0.1? no) …"
 */
export function worked06(s: Partial<Settings06> = {}): Worked06 {
  return runWorked06(settings06(s));
}

const runWorked06 = memoise(({ alphaMax, alphaLow, dPaper, dTurbulence }: Settings06): Worked06 => {
  const dStar = thresholdDimension(alphaMax);
  const above = dStar * 1.0125;
  const yes = (b: boolean) => (b ? "yes" : "no");
  const cx = counterexample(alphaMax);
  const ratioOf = (w: { width: number }) => compressionRatio(dPaper, w.width);
  const wide = EMBEDDING_WIDTHS.filter(isSeveralThousands);
  const ratios = wide.map(ratioOf);
  const alphaPaper = sharmaKaplanExponent(dPaper);
  const where = alphaPaper < alphaLow ? "below" : alphaPaper > alphaMax ? "above" : "inside";
  return {
    thresholds: `Under 4/d: d = ${f(dStar)} gives α = ${f(sharmaKaplanExponent(dStar))} (below ${f(alphaMax)}? ` +
      `${yes(exponentBelow(dStar, alphaMax))}), d = ${f(above)} gives ${f(sharmaKaplanExponent(above))} (below? ` +
      `${yes(exponentBelow(above, alphaMax))}). For rough data the thresholds move down: eq. 17 with h = 1/3 puts the ` +
      `${f(alphaMax)} line at d = ${f(thresholdDimension(alphaMax, 4, K41_HURST))}, the section 5 argument (2h/d) at ` +
      `d = ${f(thresholdDimension(alphaMax, 2, K41_HURST))}. At each threshold halving the loss costs 2^(1/α): ` +
      `${f(halvingFactor(dStar))} at α = ${f(alphaMax)}, ${f(halvingFactor(thresholdDimension(alphaLow)))} at α = ${f(alphaLow)}.`,
    lowerBound: `Example: d = ${f(cx.d)}. As a lower bound, eq. 9 says α ≥ ${f(cx.bound)}; α = ${f(cx.alpha)} satisfies it ` +
      `(${yes(cx.alpha >= cx.bound)}), and is not < ${f(alphaMax)}. As an upper bound it says α ≤ ${f(cx.bound)} < ${f(alphaMax)}.`,
    compression: `For the widths in the thousands (${wide.map((w) => `${w.model}: ${w.width}`).join(", ")}), d/D for ` +
      `d = ${f(dPaper)} runs from ${f(Math.min(...ratios))} to ${f(Math.max(...ratios))}; log₁₀ from ` +
      `${f(Math.log10(Math.min(...ratios)))} to ${f(Math.log10(Math.max(...ratios)))}. Narrower: ` +
      `${EMBEDDING_WIDTHS.filter((w) => !isSeveralThousands(w)).map((w) => `${w.model}, D = ${w.width}: ${f(ratioOf(w))}`).join("; ")}. ` +
      `Turbulence, by comparison: d/D = ${f(dTurbulence)}/3 = ${f(compressionRatio(dTurbulence, 3))}. ` +
      `Under eq. 9, d = ${f(dPaper)} gives α = ${f(alphaPaper)}, ${where} the band ${f(alphaLow)}–${f(alphaMax)} ` +
      "(notebook 4).",
  };
});
