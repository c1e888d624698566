/**
 * The claim records of notebook 08 (private to src/findings/08_chinchilla.ts, which describes the notebook):
 * the paper's section 3 statements tested on the law fitted to the Chinchilla runs, and the published fits
 * (Hoffmann et al. 2022; Besiroglu et al. 2024) tested against our intervals, each with its verdict computed
 * from the numbers.
 *
 * @module
 */
import { computeOptimal, frontierExponent, insideInterval, type ParameterSummary, zScore } from "../fit/chinchilla";
import {
  A_RANGE,
  ALPHA_C,
  BESIROGLU_2024,
  CHINCHILLA_POINT,
  type ChinchillaLaw,
  HOFFMANN_2022,
  KAPLAN_2020,
  PEDESTAL_THRESHOLD,
} from "../paper";
import {
  crossover,
  cutAlongN,
  cutFrontierInC,
  cutFrontierInN,
  cutLoss,
  pedestalRatio,
  runningExponentOfCut,
  runsBeyondCrossover,
} from "../fit/chinchilla_pedestal";
import { criticalPedestal, lossDropDecades, sizeForExponent } from "../theory/pedestal";
import { formatNumber } from "../_util/format";
import { type Claim, claim } from "./claim";
import type { Analysis } from "./08_chinchilla";

/** How far (in α and β) our refit may be from Besiroglu et al.'s to count as reproducing it. */
const EXPONENT_GAP = 0.005;
/** How near 1/3 α and β must be for "α_C ∼ 1/3". */
const NEAR_THIRD = 0.05;
/** The share of runs beyond the frontier's crossover that counts as "the runs lie beyond it". */
const BEYOND_SHARE = 0.95;
/** The decades of N over which Kaplan et al.'s law is read for "several decades". */
const SEVERAL_DECADES = 6;
/** "About half a decade": we accept 0.4 or more (20 % short of 0.5). */
const ABOUT_HALF_DECADE = 0.4;
/** The quoted "3–4 %" per doubling, as fractions. */
const THREE_TO_FOUR: readonly [number, number] = [0.03, 0.04];
/** The fixed units of eq. 4's "N = 1" the claims use: parameters, millions, billions. */
const CLAIM_UNITS = [1, 1e6, 1e9] as const;

const f = (v: number, digits = 3) => formatNumber(v, digits);
const pct = (v: number, digits = 3) => `${formatNumber(100 * v, digits)} %`;

/** The numbers the claims are computed from. */
function results(a: Analysis) {
  const law = a.fit.law;
  const summary = a.bootstrap.summary;
  const row = Object.fromEntries(summary.map((r) => [r.parameter, r])) as Record<keyof ChinchillaLaw, ParameterSummary>;
  const P = CHINCHILLA_POINT;
  const cN = cutAlongN(law, P.D), cF = cutFrontierInN(law), cC = cutFrontierInC(law);
  const cs = a.runs.map((r) => r.C);
  const [n0, n1] = [Math.min(...cs), Math.max(...cs)].map((c) => computeOptimal(law, c).N);
  return {
    a,
    law,
    summary,
    row,
    P,
    cN,
    cF,
    cC,
    n0,
    n1,
    beyond: runsBeyondCrossover(a.runs, law),
    drop: lossDropDecades(pedestalRatio(cF, n0), cF.gamma, 1, n1 / n0),
    maxDrop: Math.log10(cutLoss(cF, n0) / cF.L0),
    rN: runningExponentOfCut(cF, P.N),
    rC: runningExponentOfCut(cC, P.C),
    kC: a.perDoubling.kaplan,
    ourReducible: a.perDoubling.reducible,
    ourTotal: a.perDoubling.total,
    hoffmannTotal: a.perDoubling.hoffmannTotal,
  };
}

/** How "3–4 %" compares with a change per doubling v. */
const quote = (v: number) => (v < THREE_TO_FOUR[0] ? "too large" : v > THREE_TO_FOUR[1] ? "too small" : "right");

/** The claim records of notebook 08, from its analysis. */
export function claimRecords(analysis: Analysis): Claim[] {
  const r = results(analysis);
  const { a, law, row, summary, P, cF, cC, beyond } = r;
  const n = a.headlineRuns.length;
  const lvl = `${f(100 * a.bootstrap.level, 3)} %`;
  const out: Claim[] = [];
  // Our refit against Besiroglu et al. 2024 (same points, same method, 240 runs).
  const inB = summary.filter((x) => insideInterval(x, BESIROGLU_2024));
  const zB = Math.max(...summary.map((x) => Math.abs(zScore(x, BESIROGLU_2024))));
  const gap = Math.max(Math.abs(law.alpha - BESIROGLU_2024.alpha), Math.abs(law.beta - BESIROGLU_2024.beta));
  const zH = (p: keyof ChinchillaLaw) => zScore(row[p], HOFFMANN_2022);
  out.push(claim({
    id: "08.refit-besiroglu",
    paper: "others",
    ref: "Besiroglu et al. 2024, Table 1",
    claim:
      `Refitting Hoffmann et al.'s Approach 3 to the ${n} headline runs reproduces Besiroglu et al. 2024's estimates`,
    numbers: {
      runs: n,
      E: law.E,
      A: law.A,
      B: law.B,
      alpha: law.alpha,
      beta: law.beta,
      inside: inB.length,
      maxAbsZ: zB,
      exponentGap: gap,
    },
    verdict: inB.length === summary.length && gap <= EXPONENT_GAP ? "holds" : "does not hold",
    reason: `${inB.length} of ${summary.length} published values inside our ${lvl} intervals, at most ${f(zB, 2)} ` +
      `bootstrap standard errors away; α = ${f(law.alpha, 4)} vs ${BESIROGLU_2024.alpha}, ` +
      `β = ${f(law.beta, 4)} vs ${BESIROGLU_2024.beta}, E = ${f(law.E, 4)} vs ${BESIROGLU_2024.E}`,
    headline: `Our refit of the ${n} headline runs (the ${a.dropped.length} highest-loss runs left out, as ` +
      `Besiroglu et al. 2024 do) gives E = ${f(law.E)}, α = ${f(law.alpha)}, β = ${f(law.beta)}, within ` +
      `${f(zB, 3)} bootstrap standard errors of their published values (α = ${BESIROGLU_2024.alpha}, ` +
      `β = ${BESIROGLU_2024.beta}), not Hoffmann et al.'s published β = ${HOFFMANN_2022.beta} ` +
      `(${f(Math.abs(zH("beta")), 2)} standard errors away); on all ${a.runs.length} runs β ≈ ${
        f(a.fitAll.law.beta, 2)
      }.`,
  }));
  const betaAllOutside = !insideInterval(row.beta, a.fitAll.law);
  out.push(claim({
    id: "08.all-runs-beta",
    paper: "others",
    ref: "Besiroglu et al. 2024, §2",
    claim:
      `The match needs the highest-loss runs left out: on all ${a.runs.length} runs β leaves the headline interval`,
    numbers: { betaAll: a.fitAll.law.beta, BAll: a.fitAll.law.B, betaLow: row.beta.ci_low, betaHigh: row.beta.ci_high },
    verdict: betaAllOutside ? "holds" : "does not hold",
    reason: `all runs: β = ${f(a.fitAll.law.beta)}, B = ${f(a.fitAll.law.B)}; headline ${lvl} interval of β ` +
      `[${f(row.beta.ci_low)}, ${f(row.beta.ci_high)}]`,
  }));

  // Hoffmann et al. 2022's published law.
  const ratio = a.hoffmannObjective / a.fit.objective;
  out.push(claim({
    id: "08.hoffmann-optimum",
    paper: "others",
    ref: "Hoffmann et al. 2022, §3.3 and eq. 10",
    claim: `Hoffmann et al.'s published law (E = ${HOFFMANN_2022.E}, A = ${HOFFMANN_2022.A}, B = ${HOFFMANN_2022.B}, ` +
      `α = ${HOFFMANN_2022.alpha}, β = ${HOFFMANN_2022.beta}) minimises their objective on these runs`,
    numbers: { objectiveRatio: ratio },
    verdict: ratio > 1 ? "does not hold" : "holds",
    reason: `its Huber objective on the headline runs is ${f(ratio)} times that of our optimum`,
  }));
  for (const [p, label] of [["alpha", "α"], ["beta", "β"], ["E", "E"]] as const) {
    const inside = insideInterval(row[p], HOFFMANN_2022);
    out.push(claim({
      id: `08.hoffmann-${p === "E" ? "e" : p}`,
      paper: "others",
      ref: "Hoffmann et al. 2022, eq. 10",
      claim: `Hoffmann et al.'s published ${label} = ${HOFFMANN_2022[p]} is consistent with the runs`,
      numbers: {
        published: HOFFMANN_2022[p],
        estimate: row[p].estimate,
        ciLow: row[p].ci_low,
        ciHigh: row[p].ci_high,
        z: zH(p),
      },
      verdict: inside ? "holds" : "does not hold",
      reason: `${inside ? "inside" : "outside"} our ${lvl} interval [${f(row[p].ci_low)}, ${f(row[p].ci_high)}] ` +
        `around ${label} = ${f(row[p].estimate)}; ${f(zH(p), 2)} standard errors from it`,
    }));
  }

  // The paper's exponent α_C ~ 1/3 and the compute-frontier exponent.
  const near = Math.max(Math.abs(law.alpha - ALPHA_C), Math.abs(law.beta - ALPHA_C));
  const aF = frontierExponent(law);
  out.push(claim({
    id: "08.exponent-third",
    paper: "s3.alpha-c-third",
    ref: "§3, Fig. 1 (α_{C} ∼ 1/3)",
    claim: "Chinchilla scaling has an exponent α_{C} ∼ 1/3",
    numbers: { alpha: law.alpha, beta: law.beta, largestGap: near, frontierExponent: aF },
    verdict: near <= NEAR_THIRD ? "holds" : "does not hold",
    reason: `α = ${f(law.alpha)} (in N) and β = ${f(law.beta)} (in D) are within ${f(near, 2)} of 1/3; the ` +
      `compute-frontier exponent α_{frontier} = αβ/(α+β) = ${f(aF)} is a different quantity`,
  }));

  // Eq. 4's p and eq. 8 on the compute-optimal frontier cut, N counted in units u.
  const ps = CLAIM_UNITS.map((u) => pedestalRatio(cF, u));
  const above = ps.filter((p) => p > PEDESTAL_THRESHOLD).length;
  out.push(claim({
    id: "08.pedestal-above-001",
    paper: "s3.pedestal-above-001",
    ref: "§3, eq. 4 and after eq. 8",
    claim: `The pedestal ratio p of LLM losses is well above ${PEDESTAL_THRESHOLD}`,
    numbers: { pParameters: ps[0], pMillions: ps[1], pBillions: ps[2], crossover: crossover(cF) },
    verdict: above === 0 ? "does not hold" : above === ps.length ? "holds" : "not testable",
    reason: `on the compute-optimal frontier cut of the fitted law p = ${f(ps[0], 2)} (N in parameters), ` +
      `${f(ps[1], 2)} (millions), ${
        f(ps[2], 2)
      } (billions): a comparison with a fixed ${PEDESTAL_THRESHOLD} depends on the unit of N, ` +
      `while the crossover stays at ${f(crossover(cF), 2)} parameters`,
    headline: `p depends on the unit of N; the crossover does not: on the compute-optimal frontier cut of the ` +
      `refitted Chinchilla law, p is ${f(ps[0], 1)} with N in parameters and ${f(ps[1], 2)} in millions, while the ` +
      `crossover of eqs. 6–7 stays at ${f(crossover(cF), 2)} parameters.`,
  }));
  const ratios = CLAIM_UNITS.map((u) => pedestalRatio(cF, u) / criticalPedestal(P.N / u, cF.gamma));
  const same = ratios.every((x) => x > 1) || ratios.every((x) => x < 1);
  out.push(claim({
    id: "08.eq8-unit-free",
    paper: "s3.regime-unit",
    ref: "§3, eqs. 7–8",
    claim: "Eq. 8's comparison of p with p_{crit}(N), both with N in one unit, gives the same verdict in every unit",
    numbers: { ratioParameters: ratios[0], ratioMillions: ratios[1], ratioBillions: ratios[2] },
    verdict: same ? "holds" : "does not hold",
    reason: `frontier cut at the Chinchilla model (N = ${f(P.N)}): p/p_{crit} = ${
      ratios.map((x) => f(x)).join(", ")
    } ` +
      `with N in parameters, millions, billions: ${ratios[0] > 1 ? "beyond" : "short of"} the crossover in each`,
  }));

  // The crossover, by the paper's definition (eqs. 6–7), for two cuts.
  out.push(claim({
    id: "08.beyond-crossover-fixed-d",
    paper: "s3.beyond-crossover",
    ref: "§3, eqs. 6–7",
    claim: "The Chinchilla runs lie beyond the crossover (the paper's definition) of the cut along N at their own D",
    numbers: { beyond: beyond.ownD, total: beyond.total },
    verdict: beyond.ownD === beyond.total ? "holds" : "does not hold",
    reason: `${beyond.ownD} of ${beyond.total}; nearly automatic for this cut, whose pedestal E + B/D^{β} includes ` +
      `the data term, large at the small D of the runs`,
  }));
  const fracF = beyond.frontier / beyond.total;
  out.push(claim({
    id: "08.beyond-crossover-frontier",
    paper: "s3.beyond-crossover",
    ref: "§3, eqs. 6–7",
    claim: "The Chinchilla runs lie beyond the crossover (the paper's definition) of the compute-optimal frontier",
    numbers: { crossover: crossover(cF), crossoverC: crossover(cC), beyond: beyond.frontier, total: beyond.total },
    verdict: fracF >= BEYOND_SHARE ? "holds" : "does not hold",
    reason: `the frontier cut crosses over at N = ${f(crossover(cF))} parameters (C = ${f(crossover(cC))} FLOP); ` +
      `${beyond.frontier} of ${beyond.total} runs are larger`,
    headline: `${beyond.frontier} of the ${beyond.total} Chinchilla runs lie beyond the crossover (the paper's ` +
      `definition, eqs. 6–7) of the refitted law's compute-optimal frontier, at ${f(crossover(cF), 2)} parameters; ` +
      `along N at each run's own D all ${
        beyond.ownD === beyond.total ? "of them do" : `but ${beyond.total - beyond.ownD} do`
      }, ` +
      `which is nearly automatic for that cut.`,
  }));

  // The running exponent at Chinchilla's scale, and where the transition happens.
  out.push(claim({
    id: "08.running-exponent-small",
    paper: "s3.a-range",
    ref: "§3, eq. 5; Kaplan et al. 2020",
    claim: "At Chinchilla's scale the running exponent of the total loss is below Kaplan et al.'s exponents (N and C)",
    numbers: { inN: r.rN, inC: r.rC, kaplanN: KAPLAN_2020.N, kaplanC: KAPLAN_2020.C },
    verdict: r.rN < KAPLAN_2020.N && r.rC < KAPLAN_2020.C ? "holds" : "does not hold",
    reason: `along the frontier at N = ${f(P.N)}: ${f(r.rN, 2)} in N (Kaplan ${KAPLAN_2020.N}), ` +
      `${f(r.rC, 2)} in C (Kaplan ${KAPLAN_2020.C})`,
    headline: `At Chinchilla's size the running exponent (eq. 5) of the refitted law's total loss along the ` +
      `compute-optimal frontier is ${f(r.rN, 2)} in N and ${f(r.rC, 2)} in C, below Kaplan et al.'s ` +
      `${KAPLAN_2020.N} and ${KAPLAN_2020.C.toFixed(3)}.`,
  }));
  const n01 = sizeForExponent(A_RANGE[1], pedestalRatio(cF, 1), cF.gamma);
  const n005 = sizeForExponent(A_RANGE[0], pedestalRatio(cF, 1), cF.gamma);
  out.push(claim({
    id: "08.transition-below-llm-sizes",
    paper: "s3.onset-below-llm",
    ref: "§3, Fig. 1 caption",
    claim: "The running exponent falls from α_{C} into the band 0.05–0.1 at sizes well below the largest LLMs",
    numbers: { nAt01: n01, nAt005: n005, chinchillaN: P.N, atChinchilla: r.rN },
    verdict: n005 < P.N ? "holds" : "does not hold",
    reason: `along the fitted frontier it reaches 0.1 at N = ${f(n01)} and 0.05 at N = ${f(n005)} parameters, ` +
      `below Chinchilla's ${f(P.N)}, where it is ${f(r.rN, 2)}, under the band`,
  }));

  // "Half a decade over several decades": Kaplan et al.'s law of the total loss, L ∝ N^(−α_N), over six decades of N,
  // and the refitted Chinchilla frontier over the runs' own range.
  const kaplanDrop = SEVERAL_DECADES * KAPLAN_2020.N;
  out.push(claim({
    id: "08.half-decade-drop",
    paper: "s3.half-decade-drop",
    ref: "§3, after eq. 8",
    claim: "The loss decays by about half a decade over several decades in N",
    numbers: {
      kaplanDropSixDecades: kaplanDrop,
      decadesOfN: Math.log10(r.n1 / r.n0),
      drop: r.drop,
      maxDrop: r.maxDrop,
      n0: r.n0,
    },
    verdict: kaplanDrop >= ABOUT_HALF_DECADE ? "holds" : "does not hold",
    reason:
      `Kaplan et al.'s law L ∝ N^{−${KAPLAN_2020.N}} falls ${f(kaplanDrop, 2)} decades over six decades of N, as the ` +
      `paper says; the refitted Chinchilla frontier, over the runs' ${
        f(Math.log10(r.n1 / r.n0), 2)
      } decades of N_{opt}, falls ` +
      `${f(r.drop, 2)} decades, and from N_{opt} = ${f(r.n0, 2)} it cannot fall more than ${
        f(r.maxDrop, 2)
      } decades however large N grows`,
  }));

  // "3–4 % per doubling".
  const right = quote(r.kC) === "right" && quote(r.ourReducible) !== "right" && quote(r.ourTotal) !== "right";
  out.push(claim({
    id: "08.three-to-four-percent",
    paper: "others",
    ref: "commentary on the paper; Kaplan et al. 2020",
    claim: '"Doubling compute cuts the loss by 3–4 %" describes Kaplan et al.\'s law, not the Chinchilla law',
    numbers: { kaplan: r.kC, reducible: r.ourReducible, total: r.ourTotal, hoffmannTotal: r.hoffmannTotal },
    verdict: right ? "holds" : "does not hold",
    reason:
      `Kaplan's compute exponent ${KAPLAN_2020.C}: ${
        pct(r.kC)
      }; refitted Chinchilla law at its budget: reducible loss ` +
      `${pct(r.ourReducible)}, total loss ${pct(r.ourTotal, 2)}`,
  }));
  return out;
}
