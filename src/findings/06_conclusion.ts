/**
 * Findings of notebook 06 (section 6 of the paper, with the d/D remark closing section 5.1): the
 * threshold "d > 40 gives α < 0.1", what it rests on (the direction of eq. 9), rough data, and the
 * dimensional compression d/D. All closed-form.
 *
 * The analysis holds the numbers the notebook prints and its claims use; its notes in words are
 * `conclusionNotes` (`src/tables/conclusion.ts`).
 *
 * @module
 */
import { compressionRatio, thresholdDimension } from "../theory/conclusion";
import { EMBEDDING_WIDTHS } from "../paper";
import { exponentBelow, halvingFactor, sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { piecewiseExponent } from "../theory/piecewise";
import { formatNumber as f } from "../_util/format";
import { K41_HURST, PAPER_BETA_DIMENSION } from "../paper";
import { A_RANGE, LLM_COMPRESSION_RATIO, LLM_DIMENSION } from "../paper";
import { type Claim, claim, type Findings } from "./claim";
import { defineNotebook } from "./notebook";

/** The parameters of notebook 06 (its first code cell). */
export interface Settings {
  /** The conclusion's exponent threshold, in (0, 0.5] (the paper: 0.1). */
  alphaMax: number;
  /** The lower edge of section 1's band, in [0.001, alphaMax) (the paper: 0.05). */
  alphaLow: number;
  /** The intrinsic dimension quoted for LLMs, in (0, 1600] (the paper: d ∼ 100, section 5.1). */
  dPaper: number;
  /** The active-set dimension of turbulence compared with it, in (0, 3] (the paper: 2.8). */
  dTurbulence: number;
}

/** The counterexample to "eq. 9 as a lower bound gives the conclusion", at the threshold α*. */
export interface Counterexample {
  /** A dimension above the threshold dimension (1.25 d*, 50 for α* = 0.1). */
  d: number;
  /** An exponent allowed by α ≥ 4/d there and not below α*. */
  alpha: number;
  /** 4/d at that dimension. */
  bound: number;
  /** Whether it is one: d > d*, α ≥ 4/d and not α < α*. */
  exists: boolean;
}

/** d/D for one published embedding width, at the settings' d. */
export interface CompressionRow {
  model: string;
  width: number;
  ratio: number;
  /** Whether the width is "in the several thousands" (at least 4000; GPT-2 XL's 1600 is shown apart). */
  severalThousands: boolean;
}

/** Everything notebook 06 shows, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** The threshold dimension d* = 4/α*, α = 4/d there, and whether α < α* holds just above d* and not at it. */
  dStar: number;
  alphaAtDStar: number;
  strict: boolean;
  /** A dimension just above d* (1.0125 d*) and α there; whether α < α* at d* and there. */
  above: number;
  alphaAbove: number;
  belowAtDStar: boolean;
  belowAbove: boolean;
  counterexample: Counterexample;
  /** 4/d at the settings' d, and whether it lies in [alphaLow, alphaMax]. */
  alphaPaper: number;
  paperInBand: boolean;
  /** d* for rough data, h = 1/3: under eq. 17 (4h/d) and under section 5's argument (2h/d). */
  roughEq17: number;
  roughArgument: number;
  /** d* for piecewise constants (2/d), and 2/d at d*. */
  constantStar: number;
  constantAtDStar: number;
  /** The resources that halve the loss at α* and at alphaLow, 2^(1/α). */
  halvingAtMax: number;
  halvingAtLow: number;
  /** d/D for the published widths, in `EMBEDDING_WIDTHS` order. */
  widths: CompressionRow[];
  /** d/D of turbulence, d_F/3. */
  turbulenceRatio: number;
}

/** "Several thousands": the published widths of at least this (GPT-2 XL's 1600 is shown apart). */
const SEVERAL_THOUSANDS = 4000;
/** log₁₀ of the paper's d/D ∼ 10⁻² (−2). */
const COMPRESSION_DECADE = Math.log10(LLM_COMPRESSION_RATIO);
/** Within half a decade of 10⁻². */
const orderOfHundredth = (r: number) => r >= 10 ** (COMPRESSION_DECADE - 0.5) && r <= 10 ** (COMPRESSION_DECADE + 0.5);

/** The counterexample to "eq. 9 as a lower bound gives the conclusion", at a threshold α*. */
function counterexample(alphaMax: number): Counterexample {
  const d = 1.25 * thresholdDimension(alphaMax); // above the threshold dimension (50 for α* = 0.1)
  const alpha = Math.min(0.99, 3 * alphaMax); // an exponent allowed by α >= 4/d and not below α*
  const bound = sharmaKaplanExponent(d);
  return { d, alpha, bound, exists: d > thresholdDimension(alphaMax) && alpha >= bound && !(alpha < alphaMax) };
}

function analyse(settings: Settings): Analysis {
  const { alphaMax, alphaLow, dPaper, dTurbulence } = settings;
  const dStar = thresholdDimension(alphaMax);
  const above = dStar * 1.0125;
  const alphaPaper = sharmaKaplanExponent(dPaper);
  return {
    settings,
    dStar,
    alphaAtDStar: sharmaKaplanExponent(dStar),
    strict: !exponentBelow(dStar, alphaMax) && exponentBelow(dStar * (1 + 1e-9), alphaMax),
    above,
    alphaAbove: sharmaKaplanExponent(above),
    belowAtDStar: exponentBelow(dStar, alphaMax),
    belowAbove: exponentBelow(above, alphaMax),
    counterexample: counterexample(alphaMax),
    alphaPaper,
    paperInBand: alphaPaper >= alphaLow && alphaPaper <= alphaMax,
    roughEq17: thresholdDimension(alphaMax, 4, K41_HURST),
    roughArgument: thresholdDimension(alphaMax, 2, K41_HURST),
    constantStar: thresholdDimension(alphaMax, 2),
    constantAtDStar: piecewiseExponent(2, 0, dStar),
    halvingAtMax: halvingFactor(dStar),
    halvingAtLow: halvingFactor(thresholdDimension(alphaLow)),
    widths: EMBEDDING_WIDTHS.map((w) => ({
      model: w.model,
      width: w.width,
      ratio: compressionRatio(dPaper, w.width),
      severalThousands: w.width >= SEVERAL_THOUSANDS,
    })),
    turbulenceRatio: compressionRatio(dTurbulence, 3),
  };
}

/**
 * Notebook 06's claim records. Ids: `06.threshold`, `06.lower-bound`, `06.rough-data`,
 * `06.piecewise-constant`, `06.compression`, `06.world-models`.
 */
function claims(a: Analysis): Claim[] {
  const { alphaMax, alphaLow, dPaper } = a.settings;
  const { dStar, alphaAtDStar: atStar, strict, alphaPaper, paperInBand, roughEq17, roughArgument } = a;
  const { constantStar, constantAtDStar } = a;
  const cx = a.counterexample;
  const wide = a.widths.filter((w) => w.severalThousands);
  const ratios = wide.map((w) => w.ratio);
  return [
    claim({
      id: "06.threshold",
      paper: "s6.threshold",
      ref: "§6",
      claim: `Under eq. 9 any data set with d > ${f(dStar)} has α < ${f(alphaMax)}.`,
      numbers: { dStar, alphaAtDStar: atStar, alphaPaper, alphaLow },
      verdict: strict ? "holds" : "does not hold",
      reason:
        `α < ${f(alphaMax)} ⟺ d > 4/${f(alphaMax)} = ${f(dStar)}; d = ${f(dStar)} itself gives α = ${f(atStar)}, ` +
        "so the strict inequality is the right one",
      headline:
        `Under α = 4/d, d > ${f(dStar)} gives α < ${f(alphaMax)} (d = ${f(dStar)} itself gives exactly ${
          f(atStar)
        }), ` +
        `but the paper also calls 4/d a lower bound, which would point the other way (α ≥ 4/d allows α = ${
          f(cx.alpha)
        } ` +
        `at d = ${f(cx.d)}); its d ∼ ${f(dPaper)} gives α = ${f(alphaPaper)}, ` +
        `${paperInBand ? "inside" : "outside"} its own ${f(alphaLow)}–${f(alphaMax)}.`,
    }),
    claim({
      id: "06.lower-bound",
      paper: "s6.lower-bound-conclusion",
      ref: "§4 (“lower bound”) with §6",
      claim: `Eq. 9 read as a lower bound, α ≥ 4/d, gives the conclusion that d > ${f(dStar)} implies α < ${
        f(alphaMax)
      }.`,
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
      claim: `The threshold holds a fortiori for a piecewise-constant approximant (α = 2/d): d > ${
        f(dStar)
      } gives α < ${f(alphaMax)}.`,
      numbers: { dStarConstant: constantStar, alphaAtDStar: constantAtDStar },
      verdict: constantStar <= dStar ? "holds" : "does not hold",
      reason: `true by construction (2/d < 4/d for every d): 2/d falls below ${f(alphaMax)} already beyond ` +
        `d = ${f(constantStar)}; at d = ${f(dStar)} it is ${f(constantAtDStar)}`,
    }),
    claim({
      id: "06.compression",
      paper: "s5.compression",
      ref: "§5.1, last paragraph",
      claim: `With d ∼ ${f(dPaper)} and embedding widths in the several thousands, d/D ∼ 10⁻².`,
      numbers: { min: Math.min(...ratios), max: Math.max(...ratios) },
      // The arithmetic holds by construction; the premise d ∼ 100 is the paper's, not measured: no verdict on d/D itself.
      verdict: ratios.every(orderOfHundredth) ? "not testable" : "does not hold",
      reason: `the arithmetic is right by construction (${
        wide.map((w, i) => `D = ${w.width}: ${f(ratios[i], 3)}`).join(", ")
      }; ` +
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
  ];
}

/**
 * Notebook 06, described once: its parameters (the threshold α* in (0, 0.5], the band's lower edge in
 * [0.001, α*), the intrinsic dimension quoted for LLMs and turbulence's active-set dimension; defaults:
 * the paper's 0.1, 0.05, d ∼ 100 and 2.8), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "06_conclusion",
  defaults: { alphaMax: A_RANGE[1], alphaLow: A_RANGE[0], dPaper: LLM_DIMENSION, dTurbulence: PAPER_BETA_DIMENSION },
  ranges: {
    alphaMax: { kind: "number", range: { min: 0, max: 0.5, minOpen: true } },
    alphaLow: { kind: "number", range: { min: 0.001, max: "alphaMax", maxOpen: true } },
    dPaper: { kind: "number", range: { min: 0, max: 1600, minOpen: true } },
    dTurbulence: { kind: "number", range: { min: 0, max: 3, minOpen: true } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns (the paper's numbers). */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 06's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {RangeError} naming the setting that is outside its range (e.g. `alphaLow` not below `alphaMax`).
 * @example analysis().dStar // => 40 (4/0.1)
 * @example analysis({ alphaMax: 0.2, alphaLow: 0.02 }).counterexample.alpha // => 0.6 (3 α*, at d = 25)
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 06 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "06.lower-bound")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
