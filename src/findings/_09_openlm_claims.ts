/**
 * The claim records of notebook 09 (private to `09_openlm.ts`): each claim the runs of Gadre et al.
 * 2024 test, with its numbers and a verdict computed from the analysis. The claims of §3 (the exponents,
 * the size convention, the crossover, the running exponent, the pedestal ratio) and the forecast are
 * drawn here; those of §4 and after (the domains, the implied dimension, the fit checks) in
 * `_09_openlm_claims_domains.ts`.
 *
 * @module
 */
import { OPENLM_TRAIN_DATASETS } from "../datasets/openlm_data";
import { pairedInterval } from "../fit/openlm_fit";
import { studentTQuantile } from "../stats/student_t";
import { formatNumber } from "../_util/format";
import { A_RANGE, GADRE_2024_REPORTED_ERROR } from "../paper";
import { type Claim, claim } from "./claim";
import { param } from "./_09_openlm_fits";
import { f, pct, T } from "./_09_openlm_format";
import { domainClaims } from "./_09_openlm_claims_domains";
import type { Analysis } from "./09_openlm";

/** Binomial coefficient n choose k, for the sign test. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
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
      `α of the reducible term, with the pedestal E + B/D^{β} fitted separately: on C4 validation the run-level intervals start at ` +
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
      `eq. 8 (p against p_{crit}(N/u)) ${
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

  // 8.–11. The domains, the implied dimension and the fit checks (in this order: 8, 9, fit choice, 10, 11).
  const [c8, c9, c10, c12, c11] = domainClaims(a);

  return [c1, c2, c3, c4c, c5, c6, c7, c8, c9, c10, c12, c11];
}
