/**
 * Tables of the Chinchilla refit (notebook 08): the fitted law with bootstrap errors
 * (`data/chinchilla_fit.csv`), the published fits against our intervals
 * (`data/chinchilla_published_comparison.csv`), published exponents in resources
 * (`data/chinchilla_exponents.csv`) and the pedestal ratio of the fitted law
 * (`data/chinchilla_pedestal.csv`), plus display tables of the runs and the two fits. Every table
 * takes the analysis of `src/findings/08_chinchilla.ts` (default: `chinchilla.analysis()`); nothing here
 * reads a file or runs a fit. `chinchillaNotes` gives the notebook's notes in words.
 *
 * @module
 */
import * as aq from "arquero";
import { type ChinchillaRun, requireRuns } from "../datasets/chinchilla_data";
import { chinchillaLoss, frontierExponent, insideInterval, type ParameterSummary, zScore } from "../fit/chinchilla";
import { A_RANGE, BESIROGLU_2024, CHINCHILLA_POINT, type ChinchillaLaw, HOFFMANN_2022 } from "../paper";
import {
  crossover,
  cutAlongN,
  cutFrontierInC,
  cutFrontierInN,
  pedestalRatio,
  totalChangePerDoubling,
} from "../fit/chinchilla_pedestal";
import { KAPLAN_2020 } from "../paper";
import * as chinchilla from "../findings/08_chinchilla";
import { formatNumber } from "../_util/format";
import { criticalPedestal, criticalSize, runningExponent } from "../theory/pedestal";
import { lossChangePerDoubling, resourceFactor } from "../theory/scaling_law";
import { type NamedTable, type Table, type TableBuilder, tableFromRows } from "./table";
import { cellValue } from "./column_headers";
import { requireFields, requireList, requireObject } from "../_util/validate";

/**
 * The runs as an arquero table with columns `line, N, C, D, loss` (for display and grouping).
 * @example chinchillaTable(chinchilla.analysis().dropped).numRows() // => 5
 */
export function chinchillaTable(runs: ChinchillaRun[]): Table {
  requireRuns(runs);
  return aq.table({
    line: runs.map((r) => r.line),
    N: runs.map((r) => r.N),
    C: runs.map((r) => r.C),
    D: runs.map((r) => r.D),
    loss: runs.map((r) => r.loss),
  });
}

/**
 * The two fits of notebook 08 side by side (display only, not written to `data/`): on all runs and
 * on the headline runs, with the number of runs, the five parameters, the objective at the optimum
 * and how many of the polished starts end at it (within 1e-9).
 * @example chinchillaFitsTable().table.numRows() // => 2
 */
export function chinchillaFitsTable(analysis: chinchilla.Analysis = chinchilla.analysis()): NamedTable {
  requireFields("analysis", analysis, ["dropped", "fit", "fitAll", "headlineRuns", "runs"], "a notebook's analysis");
  const { runs, headlineRuns, dropped, fitAll, fit } = analysis;
  const rows = [
    {
      fit: "all runs",
      n: runs.length,
      ...fitAll.law,
      objective: fitAll.objective,
      starts_at_best: fitAll.startsAtBest,
    },
    {
      fit: `headline (${dropped.length} left out)`,
      n: headlineRuns.length,
      ...fit.law,
      objective: fit.objective,
      starts_at_best: fit.startsAtBest,
    },
  ];
  return {
    name: "chinchilla_fits",
    caption: "Approach 3 fits on all runs and on the headline runs",
    table: tableFromRows(rows, ["fit", "n", "E", "A", "B", "alpha", "beta", "objective", "starts_at_best"]),
  };
}

/**
 * `data/chinchilla_fit.csv`: the headline fit with bootstrap standard errors and 95% percentile
 * intervals. Columns `parameter,estimate,stderr,ci_low,ci_high`; rows E, A, B, alpha, beta.
 * @example table(chinchillaFitTable()) // in a notebook
 */
export function chinchillaFitTable(analysis: chinchilla.Analysis = chinchilla.analysis()): NamedTable {
  requireFields("analysis", analysis, ["bootstrap", "dropped"], "a notebook's analysis");
  const { bootstrap } = analysis;
  return {
    name: "chinchilla_fit",
    caption:
      `Approach 3 refit of the Chinchilla runs (${analysis.dropped.length} highest-loss runs left out): estimates, bootstrap standard errors and ${
        formatNumber(100 * bootstrap.level, 3)
      }% percentile intervals (${bootstrap.resamples} resamples)`,
    table: tableFromRows(
      bootstrap.summary as unknown as Record<string, unknown>[],
      ["parameter", "estimate", "stderr", "ci_low", "ci_high"],
    ),
  };
}

/**
 * `data/chinchilla_published_comparison.csv`: for each parameter, Hoffmann et al. 2022's
 * published value, Besiroglu et al. 2024's refit, our fit on all runs and our headline fit, and
 * whether each published value lies inside our percentile interval (95% by default).
 * @example chinchillaComparisonTable().table.numRows() // => 5
 */
export function chinchillaComparisonTable(analysis: chinchilla.Analysis = chinchilla.analysis()): NamedTable {
  requireFields("analysis", analysis, ["bootstrap", "fitAll"], "a notebook's analysis");
  const { fitAll, bootstrap } = analysis;
  const rows = bootstrap.summary.map((s) => ({
    parameter: s.parameter,
    hoffmann_2022: HOFFMANN_2022[s.parameter],
    besiroglu_2024: BESIROGLU_2024[s.parameter],
    ours_all_runs: fitAll.law[s.parameter],
    ours_headline: s.estimate,
    ci_low: s.ci_low,
    ci_high: s.ci_high,
    hoffmann_inside: insideInterval(s, HOFFMANN_2022) ? "yes" : "no",
    besiroglu_inside: insideInterval(s, BESIROGLU_2024) ? "yes" : "no",
  }));
  return {
    name: "chinchilla_published_comparison",
    caption: `Published Chinchilla parameters against our refit and its ${
      formatNumber(100 * bootstrap.level, 3)
    }% bootstrap intervals`,
    table: tableFromRows(rows, [
      "parameter",
      "hoffmann_2022",
      "besiroglu_2024",
      "ours_all_runs",
      "ours_headline",
      "ci_low",
      "ci_high",
      "hoffmann_inside",
      "besiroglu_inside",
    ]),
  };
}

/**
 * `data/chinchilla_exponents.csv`: published exponents and what they mean in resources. For each
 * source and resource (N parameters, D tokens, C compute): the exponent; the factor of resources
 * that halves the power-law part of the loss, 2^(1/alpha); the fractional change of that part
 * per doubling, 1 - 2^-alpha; and the fractional change of the total loss per doubling at the
 * Chinchilla model (N = 70e9, D = 1.4e12, C = 6 N D; for C along the compute-optimal frontier).
 * Kaplan et al.'s laws have no pedestal, so both changes coincide.
 * @example chinchillaExponentsTable().table.numRows() // => 9 (3 sources × N, D, C)
 */
export function chinchillaExponentsTable(analysis: chinchilla.Analysis = chinchilla.analysis()): NamedTable {
  requireFields("analysis", analysis, ["fit"], "a notebook's analysis");
  const { fit } = analysis;
  const P = CHINCHILLA_POINT;
  const lawRows = (source: string, law: ChinchillaLaw) => {
    const L = (N: number, D: number) => chinchillaLoss(law, N, D);
    return [
      { source, resource: "N", exponent: law.alpha, total: 1 - L(2 * P.N, P.D) / L(P.N, P.D) },
      { source, resource: "D", exponent: law.beta, total: 1 - L(P.N, 2 * P.D) / L(P.N, P.D) },
      {
        source,
        resource: "C (compute-optimal)",
        exponent: frontierExponent(law),
        total: totalChangePerDoubling(cutFrontierInC(law), P.C),
      },
    ];
  };
  const kaplan = (["N", "D", "C"] as const).map((r) => ({
    source: "Kaplan et al. 2020",
    resource: r === "C" ? "C (compute-optimal)" : r,
    exponent: KAPLAN_2020[r],
    total: lossChangePerDoubling(KAPLAN_2020[r]),
  }));
  const rows = [
    ...kaplan,
    ...lawRows("Hoffmann et al. 2022", HOFFMANN_2022),
    ...lawRows("this refit", fit.law),
  ].map((r) => ({
    source: r.source,
    resource: r.resource,
    exponent: r.exponent,
    factor_to_halve: resourceFactor(2, r.exponent),
    reducible_change_per_doubling: lossChangePerDoubling(r.exponent),
    total_change_per_doubling: r.total,
  }));
  return {
    name: "chinchilla_exponents",
    caption:
      "Published exponents in resources: factor that halves the power-law part of the loss, and the loss change per doubling (power-law part, and total loss at the Chinchilla model)",
    table: tableFromRows(rows, [
      "source",
      "resource",
      "exponent",
      "factor_to_halve",
      "reducible_change_per_doubling",
      "total_change_per_doubling",
    ]),
  };
}

/**
 * `data/chinchilla_pedestal.csv`: the pedestal ratio p of eq. 4 for the headline fit, for three
 * cuts of the law (along N at D = 1.4e12 tokens; along the compute-optimal frontier in N_opt and
 * in C) and several units of the variable (1, 1e6, 1e9), with the crossover of eqs. 6–7 in the
 * variable's own unit (unit-independent), the running exponent at the Chinchilla model, and the
 * critical pedestal of eq. 8 at the Chinchilla model's size in those units, p_crit(N/unit):
 * p > p_crit exactly when the model lies beyond the crossover, in every unit.
 * @example chinchillaPedestalTable().table.numRows() // => 9 (3 cuts × 3 units)
 */
export function chinchillaPedestalTable(analysis: chinchilla.Analysis = chinchilla.analysis()): NamedTable {
  requireFields("analysis", analysis, ["fit"], "a notebook's analysis");
  return pedestalTableFor(analysis.fit.law);
}

/**
 * The pedestal table for any law (see `chinchillaPedestalTable`), for units `units` of the variable.
 * @throws {RangeError} if a unit is not > 0 or larger than the Chinchilla model's N (or C), or
 *   the law is invalid.
 * @example pedestalTableFor(HOFFMANN_2022, [1, 1e6])
 */
export function pedestalTableFor(law: ChinchillaLaw, units: number[] = [1, 1e6, 1e9]): NamedTable {
  requireObject("law", law);
  requireList("units", units);
  const P = CHINCHILLA_POINT;
  const cuts = [
    {
      cut: `N at D = ${P.D.toExponential().replace("e+", "e")}`,
      variable: "N (parameters)",
      c: cutAlongN(law, P.D),
      at: P.N,
    },
    { cut: "frontier, N_opt", variable: "N (parameters)", c: cutFrontierInN(law), at: P.N },
    { cut: "frontier, C", variable: "C (FLOP)", c: cutFrontierInC(law), at: P.C },
  ];
  // p from the fitted law; the crossover in units and the running exponent from the section 3
  // formulas (eqs. 5 and 7) with that p, and eq. 8's p_crit at the model's size in units, so
  // that the table shows which numbers depend on the unit.
  const rows = cuts.flatMap(({ cut, variable, c, at }) =>
    units.map((unit) => {
      const p = pedestalRatio(c, unit);
      return {
        cut,
        variable,
        unit,
        L0: c.L0,
        gamma: c.gamma,
        p,
        crossover: crossover(c),
        crossover_in_units: criticalSize(p, c.gamma),
        running_exponent_at_chinchilla: runningExponent(unit / at, p, c.gamma),
        p_crit_at_chinchilla: criticalPedestal(at / unit, c.gamma),
      };
    })
  );
  return {
    name: "chinchilla_pedestal",
    caption:
      "Pedestal ratio p (eq. 4) of the fitted law for three cuts and three units of the variable; the crossover (eqs. 6–7) in physical units and in those units; the running exponent (eq. 5) and critical pedestal p_{crit} (eq. 8) at the Chinchilla model",
    table: tableFromRows(rows, [
      "cut",
      "variable",
      "unit",
      "L0",
      "gamma",
      "p",
      "crossover",
      "crossover_in_units",
      "running_exponent_at_chinchilla",
      "p_crit_at_chinchilla",
    ]),
  };
}

const f = (v: number, digits = 3) => formatNumber(v, digits);
const pct = (v: number, digits = 3) => `${formatNumber(100 * v, digits)} %`;
const names = (rows: ParameterSummary[]) => (rows.length ? rows.map((r) => cellValue(r.parameter)).join(", ") : "none");

/** Notebook 08's notes in words (Markdown), shown beside its tables (all numbers computed). */
export interface ChinchillaNotes {
  /** The runs: ranges of N, D, C and loss, and which runs are left out. */
  runs: string;
  /** The optimiser: convergence, and Hoffmann et al.'s objective against ours. */
  optimiser: string;
  /** The bootstrap: resamples, percentiles, refits of non-converged resamples. */
  bootstrap: string;
  /** Published parameters against our intervals, in words. */
  published: string;
  /** "3–4 % per doubling" in numbers. */
  doubling: string;
}

/**
 * The notes notebook 08 shows beside its tables, with every number computed from its analysis.
 * @example chinchillaNotes(chinchilla.analysis()).runs.startsWith("**245 runs.**") // => true
 */
export function chinchillaNotes(a: chinchilla.Analysis): ChinchillaNotes {
  requireFields(
    "analysis",
    a,
    ["bootstrap", "dropped", "fit", "fitAll", "headlineRuns", "perDoubling", "runs"],
    "a notebook's analysis",
  );
  const law = a.fit.law;
  const summary = a.bootstrap.summary;
  const d = a.perDoubling;
  const range = (v: number[]) => `${f(Math.min(...v))} – ${f(Math.max(...v))}`;
  const col = (k: "N" | "D" | "C" | "loss") => range(a.runs.map((x) => x[k]));
  const b = a.bootstrap;
  const loosest = summary.reduce((x, y) => (y.stderr / y.estimate > x.stderr / x.estimate ? y : x));
  const insideOf = (l: ChinchillaLaw) => summary.filter((x) => insideInterval(x, l));
  const outsideOf = (l: ChinchillaLaw) => summary.filter((x) => !insideInterval(x, l));
  return {
    runs: `**${a.runs.length} runs.** N: ${col("N")} parameters; D: ${col("D")} tokens; C: ${col("C")} FLOP; ` +
      `loss: ${col("loss")}. ` +
      (a.dropped.length
        ? `The ${a.dropped.length} highest-loss runs, left out of the headline fit:`
        : "No run is left out of the headline fit (`dropHighest` = 0)."),
    optimiser: `Grid: ${a.fit.starts} starts, the ${a.fit.polished} best after screening run to convergence. ` +
      `The optimiser ${a.fit.converged && a.fitAll.converged ? "reported" : "did **not** report"} convergence ` +
      `from the best start of both fits. On the headline runs Hoffmann et al.'s published law has objective ` +
      `${f(a.hoffmannObjective, 4)}, ${f(a.hoffmannObjective / a.fit.objective)} times our optimum.`,
    bootstrap: `${b.resamples} resamples of the ${a.headlineRuns.length} headline runs (seed ${b.seed}); intervals ` +
      `from the ${f(100 * (1 - b.level) / 2)} % to the ${f(100 * (1 + b.level) / 2)} % percentile. Resamples ` +
      `whose warm-started optimiser did not report convergence: ${b.notConverged} of ${b.resamples}; refitted ` +
      `from the whole grid, their α and β moved by at most ${f(b.maxRefitShift, 2)}.`,
    published: [
      `- **Besiroglu et al. 2024**: inside our intervals: ${names(insideOf(BESIROGLU_2024))}; outside: ` +
      `${names(outsideOf(BESIROGLU_2024))}. ${
        cellValue(loosest.parameter)
      } is the least determined parameter: its standard ` +
      `error is ${pct(loosest.stderr / loosest.estimate, 2)} of its value.`,
      `- **Hoffmann et al. 2022**: inside our intervals: ${names(insideOf(HOFFMANN_2022))}; outside: ` +
      `${names(outsideOf(HOFFMANN_2022))}. In standard errors from our estimates: ` +
      summary.map((x) => `${cellValue(x.parameter)} ${f(zScore(x, HOFFMANN_2022))}`).join(", ") + ".",
      `- The data exponent β = ${f(law.beta)} against the published ${HOFFMANN_2022.beta} makes the compute-frontier ` +
      `exponent α_{frontier} = αβ/(α+β) ${f(frontierExponent(law))} instead of ${f(frontierExponent(HOFFMANN_2022))}.`,
    ].join("\n"),
    doubling: [
      `- Kaplan et al.'s compute exponent ${KAPLAN_2020.C}: 1 − 2^{−${KAPLAN_2020.C}} = ${
        pct(d.kaplan)
      } per doubling ` +
      `(their laws have no pedestal, so this is the total loss); exponents ${A_RANGE[0]}–${A_RANGE[1]} give ` +
      `${pct(lossChangePerDoubling(A_RANGE[0]))}–${pct(lossChangePerDoubling(A_RANGE[1]))}.`,
      `- Refitted Chinchilla law along the frontier: the reducible loss falls ${pct(d.reducible)} per doubling of ` +
      `compute (${pct(lossChangePerDoubling(frontierExponent(HOFFMANN_2022)))} for Hoffmann et al.'s law), the total ` +
      `loss at Chinchilla's budget (${f(CHINCHILLA_POINT.C, 2)} FLOP) ${pct(d.total)} (${
        pct(d.hoffmannTotal)
      } for Hoffmann et al.'s).`,
    ].join("\n"),
  };
}

/** Every table of this module that `npm run reproduce` writes, in order (registered in `src/tables/all.ts`). */
export const TABLES: readonly TableBuilder[] = [
  () => chinchillaFitTable(),
  () => chinchillaComparisonTable(),
  () => chinchillaExponentsTable(),
  () => chinchillaPedestalTable(),
];
