/**
 * Findings of notebook 01 (introduction, paper §1, eq. 1): what an exponent costs, the paper's
 * numbers (1024 at α = 0.1, the range 0.05–0.10) and the numbers commentary on the paper repeats,
 * checked against Kaplan et al.'s published exponents.
 *
 * The settings are the notebook's parameters (the exponents its cost table prices and the cut k it
 * prices them at). The paper's own numbers (α = 0.1 and 0.05, k = 2) are fixed here: the claims are
 * about them, whatever the settings.
 *
 * @module
 */
import { KAPLAN_2020 } from "../paper";
import {
  doublingsToCut,
  exponentFromDoublingChange,
  lossChangePerDoubling,
  powerLaw,
  resourceFactor,
} from "../theory/scaling_law";
import { formatNumber, formatPower } from "../_util/format";
import { A_RANGE } from "../paper";
import { type Claim, claim, type Findings } from "./claim";
import { defineNotebook } from "./notebook";

/** The parameters of notebook 01 (its first code cell). */
export interface Settings {
  /** Exponents α > 0 the cost table prices. */
  exponents: number[];
  /** Loss-reduction factor k ≥ 1 of the worked example (2 halves the loss). */
  cut: number;
}

/** Everything notebook 01 shows, computed from its settings. */
export interface Analysis {
  settings: Settings;
  /** The worked example at α = 0.1: resources for a `cut`-fold cut, doublings, and eq. 1's check L(1)/L(f). */
  example: { alpha: number; factor: number; doublings: number; check: number };
  /** Kaplan et al. 2020's exponents with their halving factor and change per doubling. */
  kaplan: { resource: "N" | "D" | "C"; exponent: number; halveFactor: number; changePerDoubling: number }[];
  /** The exponents a 3 % and a 4 % loss change per doubling imply. */
  compute3to4: [number, number];
}

const f = (v: number, digits = 4) => formatNumber(v, digits);
const EXAMPLE_ALPHA = 0.1;
/** Where "3-4% per doubling" and "exponential resource increases for linear gains" are said. */
const COMMENTARY_ESSAY = 'commentary on §1: the essay "Scaling laws – the unintuitive upside of diminishing returns"';

function analyse(s: Settings): Analysis {
  const factor = resourceFactor(s.cut, EXAMPLE_ALPHA);
  const example = {
    alpha: EXAMPLE_ALPHA,
    factor,
    doublings: doublingsToCut(s.cut, EXAMPLE_ALPHA),
    check: powerLaw(1, 1, EXAMPLE_ALPHA) / powerLaw(factor, 1, EXAMPLE_ALPHA),
  };
  const kaplan = (["N", "D", "C"] as const).map((resource) => ({
    resource,
    exponent: KAPLAN_2020[resource],
    halveFactor: resourceFactor(2, KAPLAN_2020[resource]),
    changePerDoubling: lossChangePerDoubling(KAPLAN_2020[resource]),
  }));
  return {
    settings: s,
    example,
    kaplan,
    compute3to4: [exponentFromDoublingChange(0.03), exponentFromDoublingChange(0.04)],
  };
}

/** 2ⁿ with n in superscript digits when n is an integer, else 2^{n} (`formatPower`). */
const powerOfTwo = (n: number): string => formatPower("2", n);

function claims(r: Analysis): Claim[] {
  const [lo, hi] = A_RANGE;
  const halve01 = resourceFactor(2, 0.1);
  const halve005 = resourceFactor(2, 0.05);
  const exps = r.kaplan.map((k) => k.exponent);
  const inRange = exps.every((a) => a >= lo && a <= hi);
  const [c3, c4] = r.compute3to4;
  const twiceN = lossChangePerDoubling(KAPLAN_2020.N);
  const twiceC = lossChangePerDoubling(KAPLAN_2020.C);
  const perHalvingC = resourceFactor(2, KAPLAN_2020.C);
  const twoHalvingsC = resourceFactor(4, KAPLAN_2020.C);
  return [
    claim({
      id: "01.halving-cost",
      paper: "s1.halving-cost",
      ref: "§1",
      claim: "An exponent of 0.1 means that halving the loss takes 2¹⁰ = 1024 times the resources.",
      numbers: { alpha: 0.1, factor: halve01, doublings: doublingsToCut(2, 0.1) },
      verdict: Math.abs(halve01 - 1024) <= 1e-9 * 1024 ? "holds" : "does not hold",
      reason: `eq. 1 gives 2^{1/α} = ${powerOfTwo(doublingsToCut(2, 0.1))} = ${f(halve01, 6)}`,
      headline: `The arithmetic holds: at α = 0.1, halving the loss takes ${powerOfTwo(doublingsToCut(2, 0.1))} = ` +
        `${f(halve01, 6)} times the resources.`,
    }),
    claim({
      id: "01.halving-cost-low-end",
      paper: "ours",
      ref: "§1's arithmetic at the range's low end (the paper states it for 0.1 only)",
      claim: "At the low end of the range, α = 0.05, halving the loss takes 2²⁰ times the resources.",
      numbers: { alpha: 0.05, factor: halve005 },
      verdict: Math.abs(halve005 - 2 ** 20) <= 1e-9 * 2 ** 20 ? "holds" : "does not hold",
      reason: `2^{1/0.05} = ${powerOfTwo(doublingsToCut(2, 0.05))} = ${f(halve005, 7)}`,
    }),
    claim({
      id: "01.kaplan-range",
      paper: "s1.exponent-band",
      ref: "§1",
      claim: "LLM scaling exponents lie typically in 0.05–0.10.",
      numbers: { alphaN: KAPLAN_2020.N, alphaD: KAPLAN_2020.D, alphaC: KAPLAN_2020.C, lo, hi },
      verdict: inRange ? "holds" : "does not hold",
      reason:
        `Kaplan et al. 2020 fitted α_{N} = ${KAPLAN_2020.N}, α_{D} = ${KAPLAN_2020.D}, α_{C}^{min} = ${KAPLAN_2020.C} (their compute exponent, not the paper's α_{C} = 1/3 of Chinchilla), ` +
        (inRange ? "all" : "not all") + ` in [${lo}, ${hi}]`,
      headline: `Kaplan et al.'s exponents (${exps.join(", ")}) lie in the paper's ${lo}–${hi}.`,
    }),
    claim({
      id: "01.commentary-five-percent",
      paper: "others",
      ref: 'commentary on §1: a news summary of the paper ("2x larger may only be 5% better")',
      claim: "A model twice as large may be only about 5 % better.",
      numbers: { alphaN: KAPLAN_2020.N, changePerDoubling: twiceN },
      verdict: Math.abs(twiceN - 0.05) <= 0.01 ? "holds" : "does not hold",
      reason: `with α_{N} = ${KAPLAN_2020.N}, doubling the parameters lowers the loss by ${
        (100 * twiceN).toFixed(1)
      } %`,
    }),
    claim({
      id: "01.commentary-compute-doubling",
      paper: "others",
      ref: COMMENTARY_ESSAY,
      claim: "Doubling compute reduces the loss by 3–4 %.",
      numbers: { alphaC: KAPLAN_2020.C, changePerDoubling: twiceC, alphaFor3: c3, alphaFor4: c4 },
      verdict: KAPLAN_2020.C >= c3 && KAPLAN_2020.C <= c4 ? "holds" : "does not hold",
      reason:
        `with Kaplan et al.'s compute exponent α_{C}^{min} = ${KAPLAN_2020.C} the loss falls ${
          (100 * twiceC).toFixed(1)
        } % per doubling; 3–4 % means ` +
        `α in [${f(c3, 3)}, ${f(c4, 3)}] (of the whole loss under eq. 1; with a floor, of its reducible part)`,
    }),
    claim({
      id: "01.commentary-exponential",
      paper: "others",
      ref: COMMENTARY_ESSAY,
      claim: "Exponential resources for linear gains.",
      numbers: { alphaC: KAPLAN_2020.C, factorPerHalving: perHalvingC, factorTwoHalvings: twoHalvingsC },
      verdict: Math.abs(twoHalvingsC / perHalvingC ** 2 - 1) < 1e-9 ? "holds" : "does not hold",
      reason:
        `true by construction for any power law: each halving of the loss multiplies the resources by the same ${
          f(perHalvingC)
        } (at Kaplan's α_{C}^{min}; two ` +
        `halvings ${f(twoHalvingsC)} = its square), so they grow ` +
        `exponentially in the number of halvings, i.e. in −log L; in L itself, N ∝ L^{−1/α} is a power`,
    }),
  ];
}

/**
 * Notebook 01, described once: its parameters (the exponents its cost table prices, each > 0, and the cut
 * k ≥ 1 of its worked example; defaults: the A range's ends, Chinchilla's 1/3, Monte Carlo's 1/2, a
 * second-order grid), its analysis and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "01_introduction",
  defaults: { exponents: [0.05, 0.1, 1 / 3, 0.5, 2], cut: 2 },
  ranges: {
    exponents: { kind: "list", each: { min: 0, minOpen: true } },
    cut: { kind: "number", range: { min: 1 } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns. */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 01's analysis at the given settings (defaults for what is left out), computed once per process.
 * @throws {RangeError} naming a setting outside its range (an exponent ≤ 0, `cut` < 1).
 * @example analysis({ cut: 2 }).example.factor // => 1024
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 01 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "01.halving-cost")?.verdict // => "holds"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
