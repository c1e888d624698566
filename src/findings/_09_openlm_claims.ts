/**
 * The claim records of notebook 09 (private to `09_openlm.ts`): each claim the runs of Gadre et al.
 * 2024 test, with its numbers and a verdict computed from the analysis.
 *
 * @module
 */
import { percentileInterval } from "../stats/bootstrap";
import { dimensionForExponent } from "../theory/intrinsic_dimension";
import { thresholdDimension } from "../theory/conclusion";
import {
  OPENLM_TRAIN_DATASETS,
  OPENLM_TRAIN_LABELS,
  OPENLM_VAL_LABELS,
  OPENLM_VAL_SETS,
} from "../datasets/openlm_data";
import { maxTAdjusted, pairedInterval, spearman } from "../fit/openlm_fit";
import { studentTQuantile } from "../stats/student_t";
import { formatNumber } from "../_util/format";
import { A_RANGE, GADRE_2024_REPORTED_ERROR } from "../paper";
import { type Claim, claim } from "./claim";
import { param } from "./_09_openlm_fits";
import type { Analysis, DomainFit } from "./09_openlm";

/** The paper's threshold dimension: α < 0.1 under α = 4/d needs d > 40 (§6). */
const THRESHOLD_DIMENSION = thresholdDimension(A_RANGE[1]);

/** Binomial coefficient n choose k, for the sign test. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

const f = (v: number, d = 3) => formatNumber(v, d);
const pct = (v: number, d = 2) => `${formatNumber(100 * v, d)} %`;
const T = (t: string) => OPENLM_TRAIN_LABELS[t] ?? t;
const V = (v: string) => OPENLM_VAL_LABELS[v] ?? v;

/** The fit of one training set on one validation set. @throws {RangeError} naming what is not there. */
function fitOf(a: Analysis, trainDataset: string, valSet: string): DomainFit {
  const found = a.fits.find((x) => x.trainDataset === trainDataset && x.valSet === valSet);
  if (!found) {
    throw new RangeError(
      `\`trainDataset\` = ${JSON.stringify(trainDataset)} with \`valSet\` = ${
        JSON.stringify(valSet)
      } has no fit in \`a\``,
    );
  }
  return found;
}

/** Paired interval of alpha(v1) - alpha(v2) over the same resamples, for one training set. */
function alphaDifference(a: Analysis, trainDataset: string, v1: string, v2: string): [number, number] {
  const get = (v: string) => fitOf(a, trainDataset, v).lawFit.bootstrap.estimates.alpha;
  return pairedInterval(get(v1), get(v2), a.settings.level);
}

/** Spearman's correlation between alpha and the largest run's loss across the eight validation sets, with its bootstrap interval. */
function exponentLossCorrelation(a: Analysis, trainDataset: string): { rho: number; low: number; high: number } {
  const fs = OPENLM_VAL_SETS.map((v) => fitOf(a, trainDataset, v));
  const losses = fs.map((x) => x.largestLoss);
  const rho = spearman(fs.map((x) => x.lawFit.fit.law.alpha), losses);
  const B = a.settings.resamples;
  const rhos = Array.from(
    { length: B },
    (_, b) => spearman(fs.map((x) => x.lawFit.bootstrap.estimates.alpha[b]), losses),
  );
  const [low, high] = percentileInterval(rhos, a.settings.level);
  return { rho, low, high };
}

/**
 * Notebook 09's claim records, from its analysis.
 * @example claimRecords(openlm.analysis()).find((c) => c.id === "09.forecast")?.verdict // => "does not hold"
 */
export function claimRecords(a: Analysis): Claim[] {
  const s = a.settings;
  const L = `${formatNumber(100 * s.level, 3)} %`;
  const c4 = OPENLM_TRAIN_DATASETS.map((t) => a.c4Fits[t]);
  const ch = a.chinchilla;

  // 1. Chinchilla's exponents against each training set's fit: two-sample z with both fits' bootstrap standard errors.
  const zCrit = studentTQuantile((1 + s.level) / 2, 1e6); // the normal quantile, to 10⁻⁶
  const inside = c4.flatMap((x) =>
    (["alpha", "beta"] as const).map((p) => {
      const r = param(x, p);
      const z = (ch[p] - r.estimate) / Math.sqrt(r.stderr ** 2 + a.chinchillaStderr[p] ** 2);
      return { t: x.trainDataset, p, ok: ch[p] >= r.ci_low && ch[p] <= r.ci_high, r, z };
    })
  );
  const nInside = inside.filter((x) => x.ok).length;
  const maxZ = Math.max(...inside.map((x) => Math.abs(x.z)));
  const c1 = claim({
    id: "09.chinchilla-exponents",
    paper: "ours",
    ref: "§3; Hoffmann et al. 2022 Approach 3",
    claim:
      "The law refitted to the Chinchilla runs (notebook 08) has the exponents α, β of these runs too (C4 validation loss, N = all parameters)",
    numbers: {
      chinchilla_alpha: ch.alpha,
      chinchilla_beta: ch.beta,
      inside: nInside,
      total: inside.length,
      max_abs_z: maxZ,
      chinchilla_alpha_stderr: a.chinchillaStderr.alpha,
      chinchilla_beta_stderr: a.chinchillaStderr.beta,
      ...Object.fromEntries(
        c4.flatMap((
          x,
        ) => [[`alpha_${x.trainDataset}`, param(x, "alpha").estimate], [
          `beta_${x.trainDataset}`,
          param(x, "beta").estimate,
        ]]),
      ),
      ...Object.fromEntries(inside.map((x) => [`z_${x.p}_${x.t}`, x.z])),
    },
    // The verdict rests on the largest two-sample |z| (both fits' uncertainty), not on the count inside one fit's intervals.
    verdict: maxZ > zCrit ? "does not hold" : "holds",
    reason:
      `Chinchilla refit α = ${f(ch.alpha)} ± ${f(a.chinchillaStderr.alpha, 2)}, β = ${f(ch.beta)} ± ${
        f(a.chinchillaStderr.beta, 2)
      }; ` +
      `two-sample z (both bootstrap standard errors): ` +
      inside.map((x) =>
        `${T(x.t)} ${x.p === "alpha" ? "α" : "β"} ${f(x.r.estimate)} ± ${f(x.r.stderr, 2)}: z = ${f(x.z, 3)}`
      ).join(", ") +
      `; largest |z| ${f(maxZ, 3)} > ${
        f(zCrit, 3)
      }. (${nInside} of ${inside.length} Chinchilla values inside our ${L} intervals, a count near its ` +
      `Monte-Carlo error that the verdict does not use.) E is not comparable (other data, other tokenizer)`,
  });

  // 2. The exponents against the paper's band (the main loss decides; other domains in the reason).
  // The verdict reads the run-level intervals and every fit variant (each size left out is the deterministic
  // size-level check); the size-level (cluster) interval ends sit within their Monte-Carlo error of 0.1 for one
  // training set, so they are reported, not used.
  const variantLow = Math.min(...a.sensitivity.map((x) => x.alpha));
  const c4Low = Math.max(...c4.map((x) => param(x, "alpha").ci_low));
  const c4Lowest = Math.min(...c4.map((x) => param(x, "alpha").ci_low), variantLow);
  const inBand = a.fits.filter((x) => param(x, "alpha").ci_low <= A_RANGE[1]).length;
  const c2 = claim({
    id: "09.alpha-band",
    paper: "s1.exponent-band",
    ref: "§1, §6",
    claim: `The model-size exponent α of language models lies in the paper's band ${A_RANGE[0]}–${A_RANGE[1]}`,
    numbers: {
      lowest_c4_alpha_ci_low: c4Lowest,
      lowest_variant_alpha: variantLow,
      fits_reaching_band: inBand,
      fits: a.fits.length,
      lowest_cluster_low: Math.min(...a.cluster.map((x) => x.cluster_low)),
    },
    verdict: c4Lowest > A_RANGE[1] ? "does not hold" : c4Low <= A_RANGE[1] ? "holds" : "not testable",
    reason:
      `α of the reducible term, with the pedestal E + B/D^β fitted separately: on C4 validation the run-level intervals start at ` +
      `${
        c4.map((x) => f(param(x, "alpha").ci_low)).join(", ")
      }, and every fit variant (least squares, without M = 0.25, each size ` +
      `left out) keeps α at ${f(variantLow)} or more, all above ${
        A_RANGE[1]
      }. The size-level (cluster) intervals of the ` +
      `robustness table are wider, and with six sizes their ends move with the seed (one lies near ${
        A_RANGE[1]
      }), so the verdict does not read them; over all ${a.fits.length} fits ` +
      `(3 training × 8 validation sets) ${inBand} interval${inBand === 1 ? "" : "s"} reach${
        inBand === 1 ? "es" : ""
      } down to ${A_RANGE[1]}`,
  });

  // 3. Size convention.
  const conv = OPENLM_TRAIN_DATASETS.map((t, i) => {
    const x = a.c4Fits[t], y = a.noEmbed[i];
    const [lo, hi] = pairedInterval(y.lawFit.bootstrap.estimates.alpha, x.lawFit.bootstrap.estimates.alpha, s.level);
    return { t, with: x.lawFit.fit.law.alpha, without: y.lawFit.fit.law.alpha, lo, hi };
  });
  const moved = conv.filter((c) => c.lo > 0 || c.hi < 0).length;
  const c3 = claim({
    id: "09.size-convention",
    paper: "ours",
    ref: "Kaplan et al. 2020 vs Hoffmann et al. 2022 (not the paper)",
    claim:
      "Counting N without the embedding parameters (Kaplan's convention) instead of all parameters (Chinchilla's) changes the fitted α",
    numbers: Object.fromEntries(
      conv.flatMap((c) => [[`alpha_params_${c.t}`, c.with], [`alpha_no_embed_${c.t}`, c.without]]),
    ),
    // One training set whose α moves beyond its paired interval is enough to show the convention matters.
    verdict: moved > 0 ? "holds" : "not testable",
    reason: conv.map((c) =>
      `${T(c.t)}: α ${f(c.with)} → ${f(c.without)} (paired ${L} interval of the change [${f(c.lo, 2)}, ${f(c.hi, 2)}])`
    ).join("; ") +
      `; ${moved} of ${conv.length} changes exclude 0`,
  });

  // 4. Crossover, on both cuts: along N at the largest run's D, and the compute-optimal frontier.
  const s3 = a.section3;
  const largestBeyond = s3.filter((x) => x.N > x.crossover).length;
  const largestBeyondF = s3.filter((x) => x.N > x.frontierCrossover).length;
  const allRuns = s3.reduce((n, x) => n + x.total, 0), allBeyond = s3.reduce((n, x) => n + x.beyond, 0);
  const allBeyondF = s3.reduce((n, x) => n + x.frontierBeyond, 0);
  const both = largestBeyond + largestBeyondF;
  const c4c = claim({
    id: "09.beyond-crossover",
    paper: "s3.beyond-crossover",
    ref: "§3, eqs. 6–8",
    claim: "Large language models lie beyond the crossover of eqs. 6–7, where the pedestal exceeds the power-law part",
    numbers: {
      largest_beyond: largestBeyond,
      largest_beyond_frontier: largestBeyondF,
      training_sets: s3.length,
      runs_beyond: allBeyond,
      runs_beyond_frontier: allBeyondF,
      runs: allRuns,
    },
    verdict: both === 2 * s3.length ? "holds" : both === 0 ? "does not hold" : "not testable",
    reason:
      `the 6.9B model lies beyond the crossover in ${largestBeyond} of ${s3.length} training sets on the fixed-D cut (at its own D: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.crossover)}`).join(", ") +
      ` parameters) and in ${largestBeyondF} of ${s3.length} on the ` +
      `compute-optimal frontier (` + s3.map((x) => `${T(x.trainDataset)} ${f(x.frontierCrossover)}`).join(", ") +
      `); of all runs, ` +
      `${allBeyond} of ${allRuns} lie beyond the fixed-D crossover of their own D (nearly automatic for that cut) and ${allBeyondF} of ${allRuns} ` +
      `beyond the frontier's`,
  });

  // 5. Running exponent at the largest model, on both cuts.
  const maxHigh = Math.max(...s3.flatMap((x) => [x.runningHigh, x.frontierRunningHigh]));
  const cuts = s3.flatMap((x) => [x.runningExponent, x.frontierRunning]);
  const runningInBand = cuts.filter((r) => r >= A_RANGE[0] && r <= A_RANGE[1]).length;
  const runningBelow = cuts.filter((r) => r < A_RANGE[0]).length;
  const c5 = claim({
    id: "09.running-exponent",
    paper: "s1.exponent-band",
    ref: "§1, §3, eq. 5",
    claim:
      `At the largest model the total loss falls with N as slowly as the paper's small exponents say (running exponent at most ${
        A_RANGE[1]
      })`,
    numbers: {
      ...Object.fromEntries(
        s3.flatMap((
          x,
        ) => [[`running_${x.trainDataset}`, x.runningExponent], [
          `running_frontier_${x.trainDataset}`,
          x.frontierRunning,
        ]]),
      ),
      max_upper_end: maxHigh,
      in_band: runningInBand,
      below_band: runningBelow,
    },
    // On the fitted laws' running exponents (estimates); an interval end near 0.1 would make the verdict seed-dependent.
    verdict: cuts.every((r) => r <= A_RANGE[1])
      ? "holds"
      : s3.every((x) => x.runningLow > A_RANGE[1] && x.frontierRunningLow > A_RANGE[1])
      ? "does not hold"
      : "not testable",
    reason: `−d log L/d log N at N = 6.9·10⁹, on the fixed-D cut at its own D: ` +
      s3.map((x) => `${T(x.trainDataset)} ${f(x.runningExponent)} [${f(x.runningLow)}, ${f(x.runningHigh)}]`).join(
        ", ",
      ) +
      `; on the compute-optimal frontier: ` +
      s3.map((x) =>
        `${T(x.trainDataset)} ${f(x.frontierRunning)} [${f(x.frontierRunningLow)}, ${f(x.frontierRunningHigh)}]`
      ).join(", ") +
      `; ${runningInBand} of ${cuts.length} inside ${A_RANGE[0]}–${A_RANGE[1]}, ${runningBelow} below it`,
  });

  // 6. Pedestal ratio and its unit, on both cuts.
  const pAll = s3.flatMap((x) => [...x.p, ...x.frontierP]);
  const above = pAll.filter((p) => p > 0.01).length;
  const pcWins = s3.every((x) =>
    x.p.every((p, i) => (p > x.pCrit[i]) === (x.N > x.crossover)) &&
    x.frontierP.every((p, i) => (p > x.frontierPCrit[i]) === (x.N > x.frontierCrossover))
  );
  const c6 = claim({
    id: "09.pedestal-unit",
    paper: "s3.pedestal-above-001",
    ref: "§3, eqs. 4, 8",
    claim: 'The pedestal ratio p of eq. 4 is above 0.01 for real models (the paper: "well above")',
    numbers: {
      ...Object.fromEntries(s3.flatMap((x) => s.units.map((u, i) => [`p_${x.trainDataset}_unit_${u}`, x.p[i]]))),
      ...Object.fromEntries(
        s3.flatMap((x) => s.units.map((u, i) => [`p_frontier_${x.trainDataset}_unit_${u}`, x.frontierP[i]])),
      ),
      above: above,
      values: pAll.length,
      eq8_same_as_crossover: pcWins ? 1 : 0,
    },
    verdict: above === pAll.length ? "holds" : above === 0 ? "does not hold" : "not testable",
    reason: `with N in units of ${s.units.map((u) => f(u)).join(" / ")}: on the fixed-D cut at the 6.9B run's D p = ` +
      s3.map((x) => `${T(x.trainDataset)} ${x.p.map((p) => f(p, 2)).join(" / ")}`).join(", ") +
      `; on the compute-optimal frontier p = ` + s3.map((x) =>
        `${T(x.trainDataset)} ${x.frontierP.map((p) => f(p, 2)).join(" / ")}`
      ).join(", ") +
      `: ${above} of ${pAll.length} above 0.01, ${
        above === pAll.length || above === 0
          ? "the same side in every unit and cut"
          : "which side of 0.01 depends on the unit and the cut"
      }; ` +
      `eq. 8 (p against p_crit(N/u)) ${
        pcWins ? "agrees with the crossover in every unit and on both cuts" : "disagrees with the crossover somewhere"
      }`,
  });

  // 7. Forecast: coverage, and the bias (every prediction on one side), with the M = 0.25 runs left out beside.
  const fc = a.forecast;
  const errs = fc.map((r) => (r.predicted - r.loss) / r.loss);
  const maxErr = Math.max(...errs.map(Math.abs));
  const meanAbs = errs.reduce((m, e) => m + Math.abs(e), 0) / errs.length;
  const covered = fc.filter((r) => r.loss >= r.pred_low && r.loss <= r.pred_high).length;
  const under = errs.filter((e) => e < 0).length;
  // Sign test: under no bias each prediction is too low with probability 1/2; two-sided p of a count this lopsided.
  const k = Math.max(under, fc.length - under);
  let tail = 0;
  for (let j = k; j <= fc.length; j++) tail += binomial(fc.length, j) / 2 ** fc.length;
  const signP = Math.min(1, 2 * tail);
  const errsNo = a.forecastNoShort.map((r) => (r.predicted - r.loss) / r.loss);
  const maxNo = Math.max(...errsNo.map(Math.abs));
  const meanNo = errsNo.reduce((m, e) => m + Math.abs(e), 0) / errsNo.length;
  const c7 = claim({
    id: "09.forecast",
    paper: "ours",
    ref: "Gadre et al. 2024; the use of a scaling law",
    claim: `A law fitted to the runs up to ${
      f(s.forecastMaxParams)
    } parameters predicts the larger runs' C4 validation loss without bias`,
    numbers: {
      predictions: fc.length,
      inside: covered,
      below_measured: under,
      max_abs_relative_error: maxErr,
      mean_abs_relative_error: meanAbs,
      sign_test_p: signP,
      max_abs_error_without_short: maxNo,
      mean_abs_error_without_short: meanNo,
      gadre_reported_error: GADRE_2024_REPORTED_ERROR,
    },
    // On the point predictions (grid fits, independent of the seed): a sign test of the errors at the notebook's level.
    verdict: signP < 1 - s.level ? "does not hold" : "holds",
    reason: `errors ` +
      fc.map((r, i) => `${T(r.train_dataset)} ${f(r.params, 2)}: ${errs[i] >= 0 ? "+" : ""}${pct(errs[i])}`).join(
        ", ",
      ) +
      ` (mean |error| ${
        pct(meanAbs)
      }). ${under} of ${fc.length} predictions are too low: a bias, not scatter (sign test p = ${f(signP, 2)}); ` +
      `${covered} of ${fc.length} measured losses lie inside the ${L} bootstrap intervals, a count that moves with the seed. ` +
      `Refitted without the M = 0.25 runs that the residual table flags: mean |error| ${pct(meanNo)}, worst ${
        pct(maxNo)
      }; ` +
      `Gadre et al. report errors of about ${pct(GADRE_2024_REPORTED_ERROR, 1)} with their own law (in N and M)`,
    headline:
      `A law fitted only to runs up to ${
        f(s.forecastMaxParams, 2)
      } parameters predicts the C4 validation loss of the ` +
      `${fc.length} larger runs (up to 6.9·10⁹ parameters) to within ${pct(maxErr)} (mean ${
        pct(meanAbs)
      }), but ${under} of ${fc.length} ` +
      `predictions are too low (sign test p = ${
        f(signP, 2)
      }): a bias, not scatter, which its wide bootstrap intervals hide. Without the M = 0.25 runs ` +
      `the errors are ${pct(meanNo)} on average (worst ${pct(maxNo)}), against the ${
        pct(GADRE_2024_REPORTED_ERROR, 1)
      } Gadre et al. report for their law.`,
  });

  // 8. Domains differ? 28 paired comparisons per training set, family-wise controlled by max-T; in-distribution apart.
  const pairs: [string, string][] = [];
  OPENLM_VAL_SETS.forEach((v, i) => OPENLM_VAL_SETS.slice(i + 1).forEach((w) => pairs.push([v, w])));
  const alphaOf = (t: string, v: string) => a.fits.find((y) => y.trainDataset === t && y.valSet === v)!;
  const fwer = 1 - s.level;
  const perTrain = OPENLM_TRAIN_DATASETS.map((t) => {
    const point = pairs.map(([v, w]) => alphaOf(t, v).lawFit.fit.law.alpha - alphaOf(t, w).lawFit.fit.law.alpha);
    const boot = pairs.map(([v, w]) => {
      const x = alphaOf(t, v).lawFit.bootstrap.estimates.alpha, y = alphaOf(t, w).lawFit.bootstrap.estimates.alpha;
      return x.map((xb, b) => xb - y[b]);
    });
    const mt = maxTAdjusted(point, boot);
    const best = mt.p.indexOf(Math.min(...mt.p));
    const survive = pairs.filter((_, k) => mt.p[k] <= fwer);
    const uncorrected = pairs.filter(([v, w]) => {
      const [lo, hi] = alphaDifference(a, t, v, w);
      return lo > 0 || hi < 0;
    });
    return { t, survive, uncorrected, globalP: mt.p[best], globalErr: mt.mcError[best], bestPair: pairs[best] };
  });
  const own: [string, string][] = [["c4_original", "c4_val"], ["rpj", "paloma_redpajama"], [
    "rw_original",
    "paloma_falcon_refinedweb",
  ]];
  const ownAlpha = own.map(([t, v]) => alphaOf(t, v));
  const ownPairs = [[0, 1], [0, 2], [1, 2]].map(([i, j]) => {
    // Different runs: independent resamples, so the b-th draws of the two fits pair at random, as independent draws should.
    const [lo, hi] = pairedInterval(
      ownAlpha[i].lawFit.bootstrap.estimates.alpha,
      ownAlpha[j].lawFit.bootstrap.estimates.alpha,
      s.level,
    );
    return { i, j, lo, hi };
  });
  const ownDiffer = ownPairs.filter((x) => x.lo > 0 || x.hi < 0).length;
  const anyDiffer = perTrain.filter((x) => x.survive.length > 0).length;
  const c8 = claim({
    id: "09.domains-differ",
    paper: "s4.data-set-exponent",
    ref: "§4, eq. 9; §6",
    claim: "The data set the exponent: the same models measured on different validation data have different α",
    numbers: {
      pairs: pairs.length,
      own_domain_pairs_differ: ownDiffer,
      ...Object.fromEntries(
        perTrain.flatMap((
          x,
        ) => [[`survive_maxT_${x.t}`, x.survive.length], [`global_p_${x.t}`, x.globalP], [
          `uncorrected_${x.t}`,
          x.uncorrected.length,
        ]]),
      ),
      ...Object.fromEntries(own.map(([t], i) => [`alpha_own_${t}`, ownAlpha[i].lawFit.fit.law.alpha])),
    },
    // The verdict rests on the family-wise test (every training set must show a surviving pair), never on the
    // uncorrected counts, which move with the seed. No surviving pair is no evidence that the domains share α.
    verdict: anyDiffer === perTrain.length ? "holds" : "not testable",
    reason: `max-T over the ${pairs.length} paired comparisons of each training set (family-wise ${pct(fwer, 2)}): ` +
      perTrain.map((x) =>
        `${T(x.t)} ${x.survive.length} pair${x.survive.length === 1 ? "" : "s"} survive (smallest adjusted p = ` +
        `${f(x.globalP, 2)} ± ${f(x.globalErr, 1)}, ${V(x.bestPair[0])} − ${V(x.bestPair[1])})`
      ).join("; ") +
      `. Without the correction ${
        perTrain.map((x) => `${T(x.t)} ${x.uncorrected.length}`).join(", ")
      } of ${pairs.length} paired intervals exclude 0 ` +
      `(counts of that size are inside their Monte-Carlo error). Those comparisons are transfer (code or German–English on a web-trained model); ` +
      `in distribution, each training set on its own validation set, α = ${
        ownAlpha.map((x, i) => `${T(own[i][0])} ${f(x.lawFit.fit.law.alpha)}`).join(", ")
      }, ` +
      `and ${ownDiffer} of the 3 differences excludes 0 (` + ownPairs.map((x) =>
        `[${f(x.lo, 2)}, ${f(x.hi, 2)}]`
      ).join(", ") + `)`,
  });

  // 9. Ordering of exponents against loss level.
  const cor = OPENLM_TRAIN_DATASETS.map((t) => ({ t, ...exponentLossCorrelation(a, t) }));
  const neg = cor.filter((c) => c.high < 0).length, pos = cor.filter((c) => c.low > 0).length;
  const c9 = claim({
    id: "09.order-vs-loss",
    paper: "s4.data-set-exponent",
    ref: "§4, eq. 9",
    claim: "Harder data (larger d) have smaller α: across validation sets α falls as the loss level rises",
    numbers: Object.fromEntries(
      cor.flatMap((c) => [[`rho_${c.t}`, c.rho], [`rho_low_${c.t}`, c.low], [`rho_high_${c.t}`, c.high]]),
    ),
    verdict: neg === cor.length ? "holds" : pos === cor.length ? "does not hold" : "not testable",
    reason: `Spearman's ρ between α and the 6.9B model's loss over the 8 validation sets (${L} bootstrap interval): ` +
      cor.map((c) => `${T(c.t)} ${f(c.rho, 2)} [${f(c.low, 2)}, ${f(c.high, 2)}]`).join(", ") +
      `; ${neg} negative, ${pos} positive, ${
        cor.length - neg - pos
      } undecided. The loss level mixes the domain's entropy with its distance from the training set`,
  });

  // Fit-choice sensitivity: the reducible α under every variant.
  const minVariant = Math.min(...a.sensitivity.map((x) => x.alpha)),
    maxVariant = Math.max(...a.sensitivity.map((x) => x.alpha));
  const huberIn = a.huberInside;
  const c12 = claim({
    id: "09.fit-choice",
    paper: "ours",
    ref: "our check of the fits (Huber δ, least squares, leave one size out, without M = 0.25)",
    claim: `The reducible-loss α on C4 validation stays above ${
      A_RANGE[1]
    } (d = 4/α below ${THRESHOLD_DIMENSION}) whatever the fit choice`,
    numbers: {
      min_alpha: minVariant,
      max_alpha: maxVariant,
      variants: a.sensitivity.length,
      ...Object.fromEntries(huberIn.map((x) => [`huber_inside_${x.train_dataset}`, x.inside])),
    },
    verdict: minVariant > A_RANGE[1] ? "holds" : "does not hold",
    reason:
      `over ${a.sensitivity.length} fits (3 training sets × the headline, least squares, without M = 0.25, and each of the six sizes left out) ` +
      `α runs from ${f(minVariant)} to ${f(maxVariant)} (d = 4/α ${f(4 / maxVariant, 3)}–${
        f(4 / minVariant, 3)
      }); leaving one size out moves C4's α over ` +
      `${f(a.cluster[0].loso_min)}–${f(a.cluster[0].loso_max)}. With δ = 10⁻³ only ${
        huberIn.map((x) => `${x.inside} of ${x.runs}`).join(", ")
      } residuals ` +
      `fall inside δ: the headline fit is nearly least absolute deviations`,
  });

  // 10. Implied d = 4/alpha.
  const dRows = a.fits.map((x) => {
    const r = param(x, "alpha");
    return {
      x,
      d: dimensionForExponent(r.estimate),
      dLow: dimensionForExponent(r.ci_high),
      dHigh: dimensionForExponent(r.ci_low),
    };
  });
  const dMax = Math.max(...dRows.map((r) => r.dHigh));
  const dC4High = Math.max(...dRows.filter((r) => r.x.valSet === "c4_val").map((r) => r.dHigh));
  const dC4Low = Math.min(...dRows.filter((r) => r.x.valSet === "c4_val").map((r) => r.dLow));
  const dAbove = dRows.filter((r) => r.dHigh >= THRESHOLD_DIMENSION).length;
  const dC4 = c4.map((x) => dimensionForExponent(x.lawFit.fit.law.alpha));
  const c10 = claim({
    id: "09.implied-dimension",
    paper: "s6.small-because-high-d",
    ref: "§4, eq. 9; §6 (Sharma & Kaplan 2022)",
    claim:
      `The model-size exponent of the reducible loss is Sharma–Kaplan's 4/d with d above ${THRESHOLD_DIMENSION} (so α < 0.1)`,
    numbers: {
      d_c4_max_upper_end: dC4High,
      d_max_upper_end: dMax,
      fits_reaching_threshold: dAbove,
      d_min: Math.min(...dRows.map((r) => r.d)),
      d_max: Math.max(...dRows.map((r) => r.d)),
      ...Object.fromEntries(c4.map((x, i) => [`d_c4_${x.trainDataset}`, dC4[i]])),
    },
    verdict: dC4High < THRESHOLD_DIMENSION ? "does not hold" : dC4Low > THRESHOLD_DIMENSION ? "holds" : "not testable",
    reason:
      `d = 4/α from the model-size exponent of the reducible loss (in scope for Sharma–Kaplan: α of N with the data term separated, ` +
      `i.e. a model trained on enough data): ${f(Math.min(...dRows.map((r) => r.d)), 2)}–${
        f(Math.max(...dRows.map((r) => r.d)), 2)
      } over the 24 fits ` +
      `(C4 validation: ${dC4.map((d) => f(d, 2)).join(", ")}, intervals up to ${
        f(dC4High, 2)
      }); ${dAbove} of the ${dRows.length} intervals reach ${THRESHOLD_DIMENSION} (highest upper end ${
        f(dMax, 2)
      }). Which α is Sharma–Kaplan's decides: Kaplan's total-loss α_N = 0.076 would give d = ${
        f(dimensionForExponent(0.076), 2)
      }. ` +
      `So the data show that "reducible α = 4/d" and "d > ${THRESHOLD_DIMENSION}" cannot both hold, not that language has d < ${THRESHOLD_DIMENSION}; ` +
      `and if 4/d is only a lower bound on α, d ≥ 4/α says nothing against d > ${THRESHOLD_DIMENSION}`,
    headline: `On the open training runs of Gadre et al. 2024 the model-size exponent of the reducible loss is ` +
      `${f(Math.min(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)}–${
        f(Math.max(...c4.map((x) => x.lawFit.fit.law.alpha)), 2)
      } on C4 validation ` +
      `(d = 4/α ≈ ${f(Math.min(...dC4), 2)}–${
        f(Math.max(...dC4), 2)
      }: "reducible α = 4/d" and the paper's d > ${THRESHOLD_DIMENSION} cannot both hold), ` +
      `in every fit variant we tried (least squares, without M = 0.25, each size left out: ${f(minVariant, 2)}–${
        f(maxVariant, 2)
      }), while the running exponent of the ` +
      `total loss at 6.9·10⁹ parameters is ${f(Math.min(...s3.map((x) => x.runningExponent)), 2)}–${
        f(Math.max(...s3.map((x) => x.runningExponent)), 2)
      } ` +
      `at the largest run's D and ${f(Math.min(...s3.map((x) => x.frontierRunning)), 2)}–${
        f(Math.max(...s3.map((x) => x.frontierRunning)), 2)
      } along the ` +
      `compute-optimal frontier: small because of the pedestal, not because α is.`,
  });

  // 11. Over-training.
  const flagged = a.residuals.filter((g) => Math.abs(g.mean_residual) > g.bound);
  const worst = a.residuals.reduce((m, g) => (Math.abs(g.mean_residual) > Math.abs(m.mean_residual) ? g : m));
  const c11 = claim({
    id: "09.over-training",
    paper: "others",
    ref: "Gadre et al. 2024; §3, eq. 3",
    claim: "One law L = E + A/N^α + B/D^β holds across token multipliers M = 0.25…32 and model sizes",
    numbers: { groups: a.residuals.length, flagged: flagged.length, worst_mean_residual: worst.mean_residual },
    verdict: flagged.length === 0 ? "holds" : "does not hold",
    reason:
      `mean log residual of each M group and each size group about its training set's fit, against 2 s/√n (s the fit's RMS residual): ` +
      `${flagged.length} of ${a.residuals.length} groups beyond it` +
      (flagged.length
        ? ` (${
          flagged.map((g) => `${T(g.train_dataset)} ${g.by} = ${f(g.value, 3)}: ${pct(g.mean_residual)}`).join(", ")
        })`
        : "") +
      `; largest |mean| ${pct(Math.abs(worst.mean_residual))}`,
  });

  return [c1, c2, c3, c4c, c5, c6, c7, c8, c9, c10, c12, c11];
}
