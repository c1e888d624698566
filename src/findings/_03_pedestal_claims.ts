/**
 * The claim records of notebook 03 (private to src/findings/03_pedestal.ts, which describes the notebook):
 * each of section 3's statements checked on the analysis, with its verdict computed from the numbers.
 *
 * @module
 */
import { criticalSize } from "../theory/pedestal";
import { formatAlpha as alphaLabel, formatNumber, formatPower, formatSize as size } from "../_util/format";
import { A_RANGE_TEXT, P_CRIT_EXAMPLE_SIZE, PEDESTAL_THRESHOLD } from "../paper";
import { type Claim, claim } from "./claim";
import type { Analysis } from "./03_pedestal";

/** What we take "several decades" to mean when asking whether the A range is a steady regime. */
const SEVERAL_DECADES = 3;
/** The widest 90 %–10 % fall, in decades of N, we would still call "rather sharp". */
const SHARP_DECADES = 1;
/** A loss with a pedestal, L = E + K N^-α_C with E = 0.1, K = 1, to show what a unit of N does. */
export const UNIT_EXAMPLE = { L0: 0.1, K: 1, unit: 1e6 } as const;

const f = (v: number, digits = 4) => formatNumber(v, digits);

/** The claim records of notebook 03, from its analysis. */
export function claimRecords(r: Analysis): Claim[] {
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
  const dropFollows = possible.length === r.drops.length && pMin > PEDESTAL_THRESHOLD;
  const sharp = r.width <= SHARP_DECADES;
  const steady = r.bandAtThreshold.decades >= SEVERAL_DECADES;
  // p ≪ p_crit(N) is the C regime when a pedestal ten times below p_crit leaves α_p above α_C/2 and ten times above drops it below.
  const cRegimeBelow = criticalSize(Math.min(10 * r.pCritPaper, 0.99), a) < P_CRIT_EXAMPLE_SIZE &&
    r.alphaAbove < half &&
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
      claim:
        "The running exponent of eq. 5 is α_{p} = (1 − p) α x^{α} / (p + (1 − p) x^{α}), the log–log slope of eq. 4.",
      numbers: { maxRelDiff: r.eq5MaxRelDiff },
      verdict: r.eq5MaxRelDiff < 1e-6 ? "holds" : "does not hold",
      reason: `the closed form and a central difference of ln L in ln x agree to ${f(r.eq5MaxRelDiff, 2)} (relative) ` +
        `for every p of Figure 1, x from 10⁻¹² to 1`,
    }),
    claim({
      id: "03.critical-size",
      paper: "s3.eqs6-8",
      ref: "§3, eqs. 6–8",
      claim: "Eqs. 6–8 are consistent: N_{crit}(p) = 1/x_{crit}(p) = ((1 − p)/p)^{1/α_{C}}, α_{p} = α_{C}/2 there, " +
        "and p_{crit} inverts N_{crit}.",
      numbers: { alphaC: a, nCrit: r.nCrit, alphaAtCritOverAlphaC: r.alphaAtCrit / a, roundTrip: r.roundTrip },
      verdict: nCritOk && Math.abs(r.roundTrip - 0.05) < 1e-12 ? "holds" : "does not hold",
      reason:
        `N_{crit}(0.1) = ${formatPower("9", 1 / a)} = ${f(r.nCrit)} = 1/x_{crit}, where α_{p} = α_{C}/2 exactly; ` +
        `p_{crit}(N_{crit}(0.05)) = ${f(r.roundTrip)}`,
      headline: `Eqs. 4–8 are consistent: at α_{C} = ${alphaLabel(a)}, N_{crit}(0.1) = ${f(r.nCrit)} and ` +
        `p_{crit}(10⁶) ≈ ${f(r.pCritPaper, 2)}.`,
    }),
    claim({
      id: "03.critical-pedestal-example",
      paper: "s3.pcrit-example",
      ref: "§3, after eq. 8",
      claim: "Even at N = 10⁶, p_{crit} ∼ 10⁻².",
      numbers: { alphaC: a, pCrit: r.pCritPaper },
      verdict: pcritOrder ? "holds" : "does not hold",
      reason: `p_{crit}(10⁶) = 1/(1 + ${formatPower("10", 6 * a)}) = ${f(r.pCritPaper, 2)}, ` +
        (pcritOrder ? "within half a decade of 10⁻²" : "more than half a decade from 10⁻²"),
    }),
    claim({
      id: "03.eq8-self-citation",
      paper: "s3.eq8-citation",
      ref: "§3, text before eq. 8",
      claim: '"By inverting the relation (8), we obtain" eq. 8.',
      numbers: { roundTrip: r.roundTrip },
      verdict: Math.abs(r.roundTrip - 0.05) < 1e-12 ? "typo" : "does not hold",
      reason: `eq. 8 is the inverse of eq. 7 (p_{crit}(N_{crit}(0.05)) = ${f(r.roundTrip)}), so the text means (7)`,
    }),
    claim({
      id: "03.eq8-direction",
      paper: "s3.eq8-c-regime",
      ref: "§3, eqs. 7–8",
      claim: "The C regime needs a very small pedestal: p ≪ p_{crit}(N) (eq. 8), the sentence before it restated.",
      numbers: { pCrit: r.pCritPaper, alphaAbove: r.alphaAbove, alphaBelow: r.alphaBelow, halfAlphaC: half },
      verdict: cRegimeBelow ? "holds" : "does not hold",
      reason:
        `N_{crit} falls as p grows, so p ≪ p_{crit}(N) is N ≪ N_{crit}(p), the power-law (C) regime: at N = 10⁶, ` +
        `p = p_{crit}/10 gives α_{p} = ${f(r.alphaBelow, 3)} > α_{C}/2 (C regime) and p = 10 p_{crit} gives ` +
        `${
          f(r.alphaAbove, 3)
        } < α_{C}/2 (A regime). Eq. 7's N ≫ N_{crit}(p) is the A-regime condition, p ≫ p_{crit}(N); ` +
        `"inverting (8)" should read (7) (the typo above)`,
    }),
    claim({
      id: "03.caption-normalisation",
      paper: "s3.caption-normalisation",
      ref: "§3, Fig. 1 caption",
      claim: "Dividing the curves by (1 − p) makes α(x = 1, p) = 1 for every p.",
      numbers: { normalisedAtOne: r.normalisedAtOne, alphaC: a },
      verdict: caption ? "holds" : "does not hold",
      reason: `α_{p}(1)/(1 − p) = ${f(r.normalisedAtOne)} = α_{C} for every p (e.g. p = ${bigP}); reaching 1 needs a ` +
        `division by (1 − p) α_{C}`,
      headline:
        `Dividing by (1 − p), as the Figure 1 caption says, makes α_{p}(1) = α_{C} = ${
          alphaLabel(r.normalisedAtOne)
        }, ` +
        `not 1.`,
    }),
    claim({
      id: "03.transition-sharp",
      paper: "s3.transition-sharp",
      ref: "§3, text after eq. 5",
      claim: "The transition from the C to the A regime is rather sharp.",
      numbers: { decades: r.width, p: bigP, n90: wide.n90, decadesFromOne: wide.decadesFromOne },
      verdict: sharp ? "holds" : "does not hold",
      reason:
        `α_{p} falls from 0.9 α_{C} to 0.1 α_{C} over ${f(r.width, 3)} decades of N for every p, counted on eq. 4 ` +
        `continued below N = 1 when p > 0.1` +
        (wide.n90 < 1
          ? ` (p = ${bigP}: the 90 % point is at N = ${f(wide.n90, 3)}; on N ≥ 1 the fall takes ${
            f(wide.decadesFromOne, 3)
          } decades)`
          : ""),
      headline:
        `The crossover is not sharp: α_{p} falls from 90 % to 10 % of α_{C} over ${f(r.width, 2)} decades of N ` +
        `whatever p (on the curve in ln N continued below N = 1 when p > 0.1).`,
    }),
    claim({
      id: "03.a-range-steady",
      paper: "s3.a-range",
      ref: "§3, Fig. 1 caption",
      claim: "The pedestal puts large applications in the A range 0.05 < α < 0.1, which controls their scaling.",
      numbers: {
        p: PEDESTAL_THRESHOLD,
        decadesInBand: r.bandAtThreshold.decades,
        nBelow001: r.bandAtThreshold.nVanish,
      },
      verdict: steady ? "holds" : "does not hold",
      reason: `α_{p} → 0: at p = ${PEDESTAL_THRESHOLD} it spends ${f(r.bandAtThreshold.decades, 3)} decades of N in ` +
        `${A_RANGE_TEXT} and is below ${r.vanishingExponent} from N = ${
          f(r.bandAtThreshold.nVanish, 2)
        } (sooner for larger p); ` +
        `a pedestal gives no steady small exponent over several (≥ ${SEVERAL_DECADES}) decades`,
      headline:
        `A pedestal cannot produce a steady small exponent: for p ≥ ${PEDESTAL_THRESHOLD} the running exponent ` +
        `spends ${f(r.bandAtThreshold.decades, 2)} decades of N in the A band ${A_RANGE_TEXT} and is below ` +
        `${r.vanishingExponent} by N = ${f(r.bandAtThreshold.nVanish, 2)}.`,
    }),
    claim({
      id: "03.onset-unit",
      paper: "s3.onset-below-llm",
      ref: "§3, Fig. 1 caption",
      claim: "The transition to the A range takes place for sizes well below the largest LLM applications.",
      numbers: {
        nAt01p005: r.bandAtFivePercent.nEnter,
        nAt01p001: r.bandAtThreshold.nEnter,
      },
      verdict: "not testable",
      reason: `the sizes (α_{p} = 0.1 at N = ${f(r.bandAtFivePercent.nEnter, 3)} for p = 0.05, ` +
        `${f(r.bandAtThreshold.nEnter, 3)} for p = 0.01) count N in the unit that makes L₁ the loss at N = 1, ` +
        `which the paper never fixes`,
    }),
    claim({
      id: "03.drop-decreases-with-p",
      paper: "ours",
      ref: "§3, last paragraph; eq. 4",
      claim: "Within eq. 4 at fixed α_{C}, a larger pedestal gives a smaller loss drop over a window of N.",
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
        : `eq. 4 with α_{C} = ${f(a)} cannot drop ${f(r.settings.observedDrop)} decades over any window`) +
        `; it also assumes α_{C}: a pure power law (p = 0) with α = ${f(six, 2)} drops as much over six decades`,
      headline: `An observed loss drop bounds the pedestal only from below, and not to "well above 0.01": ` +
        (lowest && highest
          ? `a drop of at most ${f(r.settings.observedDrop)} decades gives p ≥ ${f(pMin, 2)} over ` +
            `N = ${size(lowest.n1)}–${size(lowest.n2)} but p ≥ ${f(pMax, 2)} over ${size(highest.n1)}–` +
            `${size(highest.n2)} (the bound moves with the window and the unit of N), `
          : `eq. 4 with α_{C} = ${alphaLabel(a)} cannot drop ${
            f(r.settings.observedDrop)
          } decades over these windows, `) +
        `and a pure power law with α = ${f(six, 2)} and no pedestal drops as much over six decades.`,
    }),
    claim({
      id: "03.pedestal-unit",
      paper: "s3.regime-unit",
      ref: "§3, eq. 4; Fig. 2; eq. 8",
      claim: "Comparing p with p_{crit}(N) (Fig. 2, eq. 8) tells the C regime from the A regime.",
      numbers: {
        pUnits: r.pUnits,
        pMillions: r.pMillions,
        crossoverUnits: r.crossoverUnits,
        crossoverFromMillions: r.crossoverFromMillions,
        sameClassification: r.unitClassificationSame ? 1 : 0,
      },
      verdict: crossoverSame && r.unitClassificationSame ? "holds" : "does not hold",
      reason: `with p and N counted in the same unit, Fig. 2 and eq. 8 classify every size alike in every unit: for ` +
        `L = ${UNIT_EXAMPLE.L0} + N^{−α_{C}}, p = ${f(r.pUnits, 3)} with N in units and ${
          f(r.pMillions, 3)
        } in millions, ` +
        `and N_{crit}(p) is N = ${f(r.crossoverUnits)} units either way (p > p_{crit}(N) exactly beyond it). ` +
        `p alone, against a fixed number such as 0.01, is ${unitsDiffer ? "unit-dependent" : "the same in both units"}`,
      headline: `p depends on the unit of N, the regime does not: for L = ${UNIT_EXAMPLE.L0} + N^{−α_{C}}, ` +
        `p = ${f(r.pUnits, 3)} with N in units and ${
          f(r.pMillions, 3)
        } in millions, while the crossover N_{crit}(p) stays ` +
        `at N = ${f(r.crossoverUnits)}, so Fig. 2 and eq. 8, with p and N in one unit, classify every size alike.`,
    }),
    claim({
      id: "03.kaplan-attribution",
      paper: "s3.kaplan-attribution",
      ref: "§3, first paragraph",
      claim: "The A exponents were published by Anthropic.",
      numbers: {},
      verdict: "typo",
      reason:
        "Kaplan et al. 2020 (arXiv:2001.08361), the source of the A exponents, is an OpenAI paper; Anthropic was founded in 2021, by several of its authors among others",
    }),
  ];
}
