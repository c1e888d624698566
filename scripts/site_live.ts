/**
 * The live edition's browser bundles, built by `npm run site` (scripts/site.ts calls `buildLive`).
 *
 * Each topic with live figures gets one bundle (`site/live/<topic>.js`) made by esbuild from its entry
 * in `src/live/`, loaded by every page that shows one of its figures; the entry imports the figure
 * builders of `src/figures/*.ts` and the numerics of `src/*.ts` themselves: there is no second
 * implementation of any equation. The Node-only modules on
 * the figures' import path are swapped for browser stand-ins: linkedom's `parseHTML` returns the
 * page's real `document` (`src/live/shims/linkedom.ts`), and Node's built-ins (`node:fs`, …) and resvg
 * become modules whose every export throws if ever called; `import.meta.url` is a placeholder.
 * Nothing is fetched at run time (no CDN): the bundles, the inputs' stylesheet and the build-time data
 * (JSON inside the page) are all local, so the pages work from `file://`.
 *
 * The build prints each bundle's size, raw and gzip-compressed, and fails if a page's JavaScript
 * exceeds `LIVE_BUDGET_GZIP` compressed.
 *
 * @module
 */
import { build, type Plugin } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { LiveChinchillaData } from "../src/live/chinchilla";
import type { LiveChinchillaBootstrapData, LiveChinchillaRunsData } from "../src/live/chinchilla_runs";
import * as chinchilla from "../src/findings/08_chinchilla";
import type { LiveLmData } from "../src/live/lm";
import type { LiveLmGenresData } from "../src/live/lm_genres";
import * as languageModel from "../src/findings/11_language_model";
import { clusteredRuns } from "../src/findings/_11_language_model_genres";
import { brownSlice } from "../src/findings/brown_corpus";
import { readInput } from "../src/findings/inputs";
import { parseLmCurves, parseLmRuns, parseLmWeights, sizeName } from "../src/datasets/lm_data";
import { floatsToBase64 } from "../src/_util/base64";
import { BATCH, peakLr } from "../src/learn/lm/sweep";
import type { LiveOpenLmData } from "../src/live/openlm_runs";
import type { LiveMeasuredData } from "../src/live/measured_runs";
import type { LiveTurbulenceData } from "../src/live/turbulence";
import type { LiveTeacherStudentData } from "../src/live/trained_networks";
import * as trainedNetworks from "../src/findings/10_trained_networks";
import * as smoothness from "../src/findings/05_smoothness_and_turbulence";
import { DEFAULT_SETTINGS } from "../src/measure/measured_exponents";
import { cascadeExponents } from "../src/measure/cascade_exponents";
import * as openlm from "../src/findings/09_openlm";
import { gridFit, loadRows, select, selection } from "../src/findings/_09_openlm_fits";
import { chinchillaHeadline, fitsOnce } from "../src/findings/_chinchilla";
import { OPENLM_TRAIN_DATASETS, OPENLM_VAL_SETS, selectRows, toRuns } from "../src/datasets/openlm_data";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** At most this many bytes of gzip-compressed JavaScript per page (issue 13). */
export const LIVE_BUDGET_GZIP = 300 * 1024;

/**
 * The live figures, by topic: each topic's entry module in `src/live/` and the figure builders it
 * makes live, by the name a notebook's code cell calls them with (the site marks a figure output live
 * when its cell calls one of these, and the page loads the topic's bundle).
 */
export const LIVE_TOPICS: Record<string, { entry: string; builders: string[] }> = {
  pedestal: { entry: "src/live/pedestal.ts", builders: ["figure1RunningExponent", "figure2CriticalSize"] },
  intrinsic_dimension: {
    entry: "src/live/intrinsic_dimension.ts",
    builders: ["figureHalvingCostVersusDimension", "figureExponentVersusDimension"],
  },
  turbulence: { entry: "src/live/turbulence.ts", builders: ["figureStructureExponents"] },
  measured_exponents: {
    entry: "src/live/measured_exponents.ts",
    builders: ["figureGridSmoothMse", "figureGridRoughMse", "figureManifoldMse", "figureTwoNN", "figureExponents"],
  },
  chinchilla: {
    entry: "src/live/chinchilla.ts",
    builders: ["figureChinchillaBootstrap", "figureChinchillaRuns", "figureChinchillaRunningExponent"],
  },
  openlm: { entry: "src/live/openlm.ts", builders: ["figureOpenLmForecast", "figureOpenLmExponents"] },
  trained_networks: {
    entry: "src/live/trained_networks.ts",
    builders: ["figureTeacherStudentLoss", "figureTeacherStudentExponents"],
  },
  lm: { entry: "src/live/lm.ts", builders: ["figureLmCurves", "figureLmGenres"] },
};

/** Every live figure builder's name. */
export const LIVE_BUILDERS: string[] = Object.values(LIVE_TOPICS).flatMap((t) => t.builders);

/** The topic whose bundle draws `builder`. */
export function liveTopicOf(builder: string): string | undefined {
  return Object.keys(LIVE_TOPICS).find((t) => LIVE_TOPICS[t].builders.includes(builder));
}

/** One bundle written by `buildLive`. */
export interface LiveBundle {
  /** Topic, e.g. "pedestal". */
  topic: string;
  /** Path relative to the site folder, e.g. `live/pedestal.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The names the figure modules' Node-only imports may use (a name not listed fails the build, loudly). */
const NODE_NAMES = [
  "readFileSync",
  "writeFileSync",
  "mkdirSync",
  "openSync",
  "closeSync",
  "writeSync",
  "renameSync",
  "existsSync",
  "readdirSync",
  "statSync",
  "rmSync",
  "copyFileSync",
  "serialize",
  "deserialize",
  "createHash",
  "join",
  "dirname",
  "resolve",
  "relative",
  "basename",
  "fileURLToPath",
  "pathToFileURL",
  "gzipSync",
  "Resvg",
];

/**
 * What a Node-only module becomes in the browser: every export is a function that throws, saying so
 * (`new Resvg()` too). The live figures never call one; if a figure module ever did, the page would
 * show the error beside the figure.
 */
const UNAVAILABLE = `
const unavailable = (name) => function () {
  throw new Error(name + " is not available in the browser (the live edition draws figures only)");
};
${NODE_NAMES.map((n) => `export const ${n} = unavailable("${n}");`).join("\n")}
export default { ${NODE_NAMES.join(", ")} };
`;

/**
 * Swaps the Node-only modules reachable from the figure modules for browser stand-ins: linkedom for
 * `src/live/shims/linkedom.ts` (the page's real document), and any Node built-in or resvg for
 * `UNAVAILABLE`.
 */
const browserShims: Plugin = {
  name: "browser-shims",
  setup(b) {
    b.onResolve({ filter: /^linkedom$/ }, () => ({ path: join(ROOT, "src", "live", "shims", "linkedom.ts") }));
    b.onResolve({ filter: /^node:|^(fs|path|url|crypto|zlib|os|child_process)$|^@resvg\/resvg-js$/ }, (a) => ({
      path: a.path,
      namespace: "unavailable",
    }));
    b.onLoad(
      { filter: /.*/, namespace: "unavailable" },
      () => ({ contents: UNAVAILABLE, loader: "js", resolveDir: ROOT }),
    );
  },
};

/**
 * Bundles every entry of `LIVE_TOPICS` into `<outDir>/live/<topic>.js` (minified, ES2020, one file
 * each) and copies the inputs' stylesheet to `<outDir>/live/inputs.css`.
 * @throws {Error} if esbuild fails or a bundle exceeds `LIVE_BUDGET_GZIP` compressed.
 * @example (await buildLive("site")).map((b) => b.gzipBytes)
 */
export async function buildLive(outDir: string): Promise<LiveBundle[]> {
  const liveDir = join(outDir, "live");
  mkdirSync(liveDir, { recursive: true });
  copyFileSync(join(ROOT, "node_modules", "@observablehq", "inputs", "dist", "index.css"), join(liveDir, "inputs.css"));
  const bundles: LiveBundle[] = [];
  for (const [topic, { entry }] of Object.entries(LIVE_TOPICS)) {
    const file = join(liveDir, `${topic}.js`);
    await build({
      absWorkingDir: ROOT,
      entryPoints: [join(ROOT, entry)],
      outfile: file,
      bundle: true,
      minify: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      legalComments: "none",
      logLevel: "error",
      plugins: [browserShims],
      // modules that name their data files at load time (`new URL("../data/…", import.meta.url)`)
      // get a placeholder base: the browser never reads those files
      define: { "import.meta.url": JSON.stringify("file:///smallness/src/live/bundle.js") },
    });
    const code = readFileSync(file);
    const bundle = {
      topic,
      file: `live/${topic}.js`,
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
    };
    if (bundle.gzipBytes > LIVE_BUDGET_GZIP) {
      throw new Error(
        `${bundle.file} is ${kB(bundle.gzipBytes)} gzip-compressed, over the budget of ${
          kB(LIVE_BUDGET_GZIP)
        } per page`,
      );
    }
    bundles.push(bundle);
  }
  const weights = lmWeightsScript(), gzipped = gzipSync(weights, { level: 9 }).length;
  if (gzipped > LM_WEIGHTS_BUDGET_GZIP) {
    throw new Error(
      `${LM_WEIGHTS_FILE} is ${kB(gzipped)} gzip-compressed, over its budget of ${kB(LM_WEIGHTS_BUDGET_GZIP)}`,
    );
  }
  writeFileSync(join(outDir, LM_WEIGHTS_FILE), weights);
  return bundles;
}

/**
 * Where notebook 11's page finds the committed models' parameters (relative to the site folder): a
 * script, loaded when the reader first picks a committed model (a script and not a fetch, so that the
 * edition works opened from the disk), that sets `globalThis.smallnessLmWeights`.
 */
export const LM_WEIGHTS_FILE = "live/lm_weights.js";
/** Its budget, gzip-compressed: the issue allows "a few MB" for the weights; the seven models take about 0.9 MB. */
export const LM_WEIGHTS_BUDGET_GZIP = 2 * 1024 * 1024;

/** One committed model as the page receives it: its size, configuration and parameters (base64 float32). */
export interface LiveLmWeights {
  size: string;
  N: number;
  model: { vocabSize: number; context: number; width: number; layers: number; heads: number };
  weights: string;
}

/**
 * The text of `LM_WEIGHTS_FILE`: every model of `data/lm_weights.csv` (checked by `parseLmWeights`), in
 * order of N.
 * @example lmWeightsScript().startsWith("globalThis.smallnessLmWeights = [") // => true
 */
export function lmWeightsScript(): string {
  const models: LiveLmWeights[] = parseLmWeights(readInput("lm_weights.csv")).sort((a, b) => a.N - b.N).map((w) => ({
    size: sizeName(w.run),
    N: w.N,
    model: { vocabSize: w.vocab, context: w.context, width: w.width, layers: w.layers, heads: w.heads },
    weights: floatsToBase64(w.weights),
  }));
  return `globalThis.smallnessLmWeights = ${JSON.stringify(models)};\n`;
}

/**
 * The build-time data a live figure needs in its page, computed in Node, or `undefined` if it needs
 * none. For the Chinchilla running exponent: the headline fit's bootstrap re-estimates, from the same
 * seeded analysis notebook 08 runs (so the draws are fixed), and the number of runs left out they are of
 * (the fits and the runs are those of `liveChinchillaRunsData`, which the page carries for Figure 8.2). For
 * notebook 11's loss curves: see `liveLmData`; for its per-genre exponents: `liveLmGenresData`; for the Chinchilla
 * runs and their fits (Figure 8.2, which Figures 8.1 and 8.3 read too): `liveChinchillaRunsData`; for the Chinchilla
 * bootstrap histograms: `liveChinchillaBootstrapData`; for notebook 09's forecast and exponents: `liveOpenLmData`;
 * for notebook 07's measured exponents against the predicted: `liveMeasuredData`; for notebook 05's
 * structure-function exponents: `liveTurbulenceData`; for notebook 10's exponents: `liveTeacherStudentData`.
 */
export function liveData(
  builder: string,
):
  | LiveChinchillaData
  | LiveChinchillaBootstrapData
  | LiveChinchillaRunsData
  | LiveLmData
  | LiveLmGenresData
  | LiveOpenLmData
  | LiveMeasuredData
  | LiveTurbulenceData
  | LiveTeacherStudentData
  | undefined {
  if (builder === "figureStructureExponents") return liveTurbulenceData();
  if (builder === "figureChinchillaBootstrap") return liveChinchillaBootstrapData();
  if (builder === "figureChinchillaRuns") return liveChinchillaRunsData();
  if (builder === "figureTeacherStudentExponents") return liveTeacherStudentData();
  if (builder === "figureLmCurves") return liveLmData();
  if (builder === "figureLmGenres") return liveLmGenresData();
  if (builder === "figureExponents") return liveMeasuredData();
  if (builder === "figureOpenLmForecast" || builder === "figureOpenLmExponents") return liveOpenLmData();
  if (builder !== "figureChinchillaRunningExponent") return undefined;
  const { bootstrap } = chinchilla.analysis();
  const e = bootstrap.estimates;
  return {
    draws: e.alpha.map((_, i) => ({ E: e.E[i], A: e.A[i], B: e.B[i], alpha: e.alpha[i], beta: e.beta[i] })),
    seed: bootstrap.seed,
    dropHighest: chinchilla.defaults.dropHighest,
  };
}

/**
 * What notebook 08's page needs to draw its runs and fitted law (Figure 8.2) at the reader's number of
 * highest-loss runs left out, and to bootstrap the fit (Figure 8.1) and draw its running exponent (8.3)
 * there: the 245 runs in the notebook's order, and the notebook's own grid fit of the headline runs for
 * every value of its parameter cell's range of `dropHighest` (0–20: 21 grid fits of 4,500 starts, about
 * 0.9 CPU-seconds each, from the findings layer's `fitsOnce`, which the notebook's analysis calls, and
 * shared between the processes of a command by `cached`), the notebook's value and that range.
 * @throws {Error} if the findings module's range of `dropHighest` is not a bounded integer range.
 * @example liveChinchillaRunsData().fits.length // => 21
 */
export function liveChinchillaRunsData(): LiveChinchillaRunsData {
  const r = chinchilla.notebook.ranges.dropHighest;
  if (r.kind !== "number" || typeof r.range.min !== "number" || typeof r.range.max !== "number" || !r.range.integer) {
    throw new Error("notebook 08's `ranges.dropHighest` must be an integer range with numeric bounds");
  }
  const { min, max } = r.range;
  const fits = Array.from({ length: max + 1 }, (_, d) => fitsOnce(d).fit);
  return {
    runs: fitsOnce(chinchilla.defaults.dropHighest).runs.map(({ line, N, C, D, loss }) => ({ line, N, C, D, loss })),
    fits,
    dropHighest: chinchilla.defaults.dropHighest,
    range: { min, max },
  };
}

/**
 * What notebook 08's page needs, besides the runs and fits of `liveChinchillaRunsData`, to bootstrap its
 * headline fit in the browser (Figure 8.1): the notebook's resamples, seed and coverage, and the bounds of
 * its parameter cell's ranges of resamples and seed (`ranges` of its findings module).
 * @throws {Error} if the findings module's ranges of resamples or seed are not bounded number ranges.
 * @example liveChinchillaBootstrapData().resamples // => 1000
 */
export function liveChinchillaBootstrapData(): LiveChinchillaBootstrapData {
  const { resamples, seed } = chinchilla.notebook.ranges;
  if (
    resamples.kind !== "number" || typeof resamples.range.min !== "number" || seed.kind !== "number" ||
    typeof seed.range.max !== "number"
  ) {
    throw new Error("notebook 08's `ranges.resamples` and `ranges.seed` must be bounded number ranges");
  }
  return {
    resamples: chinchilla.defaults.resamples,
    seed: chinchilla.defaults.seed,
    level: chinchilla.defaults.level,
    minResamples: resamples.range.min,
    maxSeed: seed.range.max,
  };
}

/**
 * What notebook 11's page needs to train the sweep's smallest model in the browser: its size as
 * `data/lm_runs.csv` records it (checked to be the configuration `sweepTrainConfig` gives, so that the
 * page trains what the sweep trained), the sweep's seed-0 curves of every size (`data/lm_curves.csv`)
 * and the slice of the Brown corpus `brownSlice` makes (about 280 000 characters: the page's largest part).
 * @throws {Error} if the committed runs were not made with the sweep's batch and learning rate.
 */
export function liveLmData(): LiveLmData {
  const runs = parseLmRuns(readInput("lm_runs.csv")).filter((r) => r.kind === "size" && r.seed === 0)
    .sort((a, b) => a.N - b.N);
  const curves = parseLmCurves(readInput("lm_curves.csv"));
  const small = runs[0];
  const slice = brownSlice();
  if (small.batch !== BATCH || small.lr !== peakLr(small.width) || small.vocab !== slice.vocab.length) {
    throw new Error(
      `data/lm_runs.csv: run ${small.run} has batch ${small.batch}, lr ${small.lr} and ${small.vocab} symbols, ` +
        `not the sweep's ${BATCH}, ${peakLr(small.width)} and ${slice.vocab.length}`,
    );
  }
  return {
    size: sizeName(small.run),
    model: {
      vocabSize: small.vocab,
      context: small.context,
      width: small.width,
      layers: small.layers,
      heads: small.heads,
    },
    N: small.N,
    steps: small.steps,
    sweepValLoss: small.valLoss,
    committed: runs.map((r) => ({ size: sizeName(r.run), N: r.N, steps: r.steps, valLoss: r.valLoss })),
    weightsFile: LM_WEIGHTS_FILE,
    sweep: runs.flatMap((r) =>
      curves.filter((c) => c.run === r.run).map((c) => ({
        size: sizeName(r.run),
        N: r.N,
        step: c.step,
        valLoss: c.valLoss,
      }))
    ),
    ...slice,
  };
}

/**
 * What notebook 11's page needs to bootstrap its per-genre exponents in the browser (Figure 11.4): the runs
 * the law is fitted to (`clusteredRuns`), their validation loss overall and on each genre, and the grid fit
 * of each, from the notebook's memoised analysis (its own fits: sixteen from the 4,500-point grid, about
 * 8 s once per process), each genre's largest-model loss, the notebook's resamples, seed and coverage, and
 * the bounds of its parameter cell's ranges of resamples and coverage (`ranges` of its findings module).
 * @throws {Error} if the findings module's ranges of resamples or level are not bounded number ranges.
 * @example liveLmGenresData().genres.length // => 15
 */
export function liveLmGenresData(): LiveLmGenresData {
  const a = languageModel.analysis();
  const { resamples, level } = languageModel.notebook.ranges;
  if (
    resamples.kind !== "number" || typeof resamples.range.min !== "number" || level.kind !== "number" ||
    typeof level.range.min !== "number" || typeof level.range.max !== "number"
  ) {
    throw new Error("notebook 11's `ranges.resamples` and `ranges.level` must be bounded number ranges");
  }
  const runs = clusteredRuns(a.runs, (r) => r.valLoss);
  return {
    runs: runs.map(({ N, D, cluster }) => ({ N, D, cluster })),
    pooled: { loss: runs.map((r) => r.loss), fit: a.law.fit },
    genres: a.genreFits.map((g) => ({
      genre: g.genre,
      loss: clusteredRuns(a.runs, (r) => r.valByGenre[g.genre]).map((r) => r.loss),
      fit: g.fit,
      largestLoss: g.largestLoss,
    })),
    resamples: languageModel.defaults.resamples,
    seed: languageModel.defaults.seed,
    level: languageModel.defaults.level,
    minResamples: resamples.range.min,
    levelRange: { min: level.range.min, max: level.range.max },
  };
}

/**
 * The forecast's cuts the page offers: the smallest and largest the notebook's parameter cell allows
 * that fit a different set of runs, and the notebook's default (each fits the runs with N up to it).
 */
export const LIVE_FORECAST_CUTS = [1.6e8, openlm.defaults.forecastMaxParams, 1.5e9];

/**
 * What notebook 09's page needs to bootstrap its fits in the browser: each training set's runs on C4
 * validation with the grid fit of the runs up to each of `LIVE_FORECAST_CUTS`, and every training
 * set's runs and grid fit on every validation set, all from the findings layer's memoised grid fits
 * (the notebook's own, found from the 4,500-point grid: a few seconds, once per process); notebook
 * 08's Chinchilla refit's α; the notebook's seed and resamples.
 */
export function liveOpenLmData(): LiveOpenLmData {
  const rows = loadRows(null);
  return {
    forecast: OPENLM_TRAIN_DATASETS.map((t) => ({
      trainDataset: t,
      runs: selectRows(rows, t, "c4_val").map((r) => ({ run: r.run, N: r.params, D: r.trainTokens, loss: r.loss })),
      cuts: LIVE_FORECAST_CUTS.map((maxParams) => ({
        maxParams,
        fit: gridFit(selection(t, "c4_val", { maxParams })),
      })),
    })),
    domains: OPENLM_TRAIN_DATASETS.flatMap((t) =>
      OPENLM_VAL_SETS.map((v) => {
        const sel = selection(t, v);
        return {
          trainDataset: t,
          valSet: v,
          runs: toRuns(select(sel), sel.size).map(({ N, D, loss }) => ({ N, D, loss })),
          fit: gridFit(sel),
        };
      })
    ),
    chinchillaAlpha: chinchillaHeadline().law.alpha,
    seed: openlm.defaults.seed,
    resamples: openlm.defaults.resamples,
  };
}

/**
 * What notebook 07's page needs for Figure 7.5 besides what it computes itself: the beta-model cascades
 * (experiment 4) at the notebook's settings, computed as `measuredExponents` computes them (the same
 * function and settings, so the same numbers as the notebook's `result.intermittent`, without running its
 * other experiments, which the page reruns at the reader's values).
 */
export function liveMeasuredData(): LiveMeasuredData {
  return { cascades: DEFAULT_SETTINGS.codimensions.flatMap((c) => cascadeExponents(c, DEFAULT_SETTINGS)) };
}

/** The largest order p notebook 05's cell draws its structure-function exponents to (`figureStructureExponents(dF, 10)`). */
export const LIVE_STRUCTURE_P_MAX = 10;

/**
 * What notebook 05's page needs for its structure-function exponents: the range of d_F its findings
 * module states (`ranges.dF`, the one the kernel and `--params` check), the notebook's value of d_F and
 * the largest order its cell draws.
 * @throws {Error} if the findings module's range of d_F is not a bounded number range.
 * @example liveTurbulenceData().dF // => { min: 2, max: 3, minOpen: true, maxOpen: false }
 */
export function liveTurbulenceData(): LiveTurbulenceData {
  const r = smoothness.notebook.ranges.dF;
  if (r.kind !== "number" || typeof r.range.min !== "number" || typeof r.range.max !== "number") {
    throw new Error("notebook 05's `ranges.dF` must be a number range with numeric bounds");
  }
  const { min, max, minOpen = false, maxOpen = false } = r.range;
  return { dF: { min, max, minOpen, maxOpen }, value: smoothness.defaults.dF, pMax: LIVE_STRUCTURE_P_MAX };
}

/**
 * What notebook 10's page needs to refit its exponents: the committed chains as the notebook's analysis
 * rebuilds them from `data/teacher_student_runs.csv`, the range of `fitMinWidth` its findings module
 * states and the notebook's value.
 * @throws {Error} if the findings module's range of `fitMinWidth` is not a bounded integer range.
 */
export function liveTeacherStudentData(): LiveTeacherStudentData {
  const r = trainedNetworks.notebook.ranges.fitMinWidth;
  if (r.kind !== "number" || typeof r.range.min !== "number" || typeof r.range.max !== "number" || !r.range.integer) {
    throw new Error("notebook 10's `ranges.fitMinWidth` must be an integer range with numeric bounds");
  }
  return {
    chains: trainedNetworks.analysis().chains,
    fitMinWidth: { min: r.range.min, max: r.range.max },
    value: trainedNetworks.defaults.fitMinWidth,
  };
}

/** Bytes as kB with one decimal. */
export const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

/** One line per bundle: its raw and compressed size against the budget. */
export function budgetReport(bundles: LiveBundle[]): string {
  return bundles.map((b) =>
    `live ${b.file}: ${kB(b.bytes)} minified, ${kB(b.gzipBytes)} gzip (budget ${kB(LIVE_BUDGET_GZIP)} per page)`
  ).join("\n");
}

if (import.meta.main) {
  const out = resolve(Deno.args[0] ?? join(ROOT, "site"));
  console.log(budgetReport(await buildLive(out)));
}
