/**
 * Times notebook 09's fits (target: all fits and bootstraps in at most 20 s on 2 cores): notebook 08's
 * analysis, whose Chinchilla refit it compares with, then every fit of the Gadre et al. 2024 runs as `openlm.analysis` runs them
 * (24 training × validation sets, 3 with N without embeddings, 3 forecast fits; Hoffmann et al.'s
 * 4,500-start grid each, then `openlm.defaults.resamples` warm-started bootstrap refits each), and the
 * whole analysis cold but for notebook 08's part (memoised by then). Wall time and CPU time are printed: on a machine shared
 * with other jobs the wall time overstates what the work takes.
 *
 * Run alone: deno run -A bench/openlm.ts
 */
import { cpuUsage } from "node:process";
import { onceSeconds } from "../scripts/bench_artifacts";
import { fitChinchilla, fitData } from "../src/fit/chinchilla";
import * as chinchilla from "../src/findings/08_chinchilla";
import * as openlm from "../src/findings/09_openlm";
import { readInput } from "../src/findings/inputs";
import {
  OPENLM_TRAIN_DATASETS,
  OPENLM_VAL_SETS,
  parseOpenLmCsv,
  selectRows,
  toRuns,
} from "../src/datasets/openlm_data";
import { bootstrapLaw } from "../src/fit/openlm_fit";

function timed<T>(label: string, f: () => T): [T, number] {
  const c0 = cpuUsage();
  const [r, s] = onceSeconds(f);
  const c = cpuUsage(c0);
  console.log(`${label}: ${s.toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s CPU`);
  return [r, s];
}

/** Prints the time of each step of notebook 09's analysis and of the whole analysis. */
export async function bench(): Promise<void> {
  const rows = parseOpenLmCsv(readInput("gadre2024_openlm_runs.csv"));
  timed(
    "notebook 08's analysis (Chinchilla refits and bootstrap; openlm.analysis takes its law)",
    () => chinchilla.analysis(),
  );
  const data = OPENLM_TRAIN_DATASETS.flatMap((t) =>
    OPENLM_VAL_SETS.map((v) => fitData(toRuns(selectRows(rows, t, v))))
  );
  const [fits] = timed(
    `${data.length} grid fits (training × validation sets)`,
    () => data.map((d) => fitChinchilla(d)),
  );
  const [boots] = timed(
    `${data.length} bootstraps, ${openlm.defaults.resamples} resamples each`,
    () =>
      data.map((d, i) =>
        bootstrapLaw(d, fits[i], { resamples: openlm.defaults.resamples, seed: openlm.defaults.seed })
      ),
  );
  console.log(
    `bootstrap refits that needed the grid: ${boots.reduce((n, b) => n + b.notConverged, 0)} of ${
      data.length * openlm.defaults.resamples
    }`,
  );
  const [, total] = timed(
    "notebook 09 analysis, cold but for notebook 08's (30 fits + bootstraps, forecasts)",
    () => openlm.analysis(),
  );
  console.log(`notebook 09 fits and bootstraps: ${total.toFixed(2)} s (target: at most 20 s on 2 cores)`);
  await Promise.resolve();
}

if (import.meta.main) await bench();
