/**
 * Browser entry of the live edition for notebook 07 (section 5 measured): the experiments run in the
 * page, at sizes it computes in well under a second, and are drawn by the notebook's own builders —
 * the smooth-target grids (`figureGridSmoothMse`: seeds, Monte Carlo points, dimensions), the rough
 * targets (`figureGridRoughMse`: the Hölder exponent h, seeds), the manifolds (`figureManifoldMse`:
 * ambient dimension, largest training set, queries, seeds) and TwoNN (`figureTwoNN`: ambient dimension,
 * the two sample sizes, seeds). Each redraw reruns `gridExponents`, `manifoldExponents` and
 * `twonnOnManifold` of `src/measure/measured_exponents.ts`, seeded as in the notebook, so a setting
 * the notebook also runs gives the notebook's numbers. The measured exponents against the predicted
 * (`figureExponents`, Figure 7.5) have no controls of their own: they are the exponents of Figures
 * 7.1–7.3 at those figures' values (the same runs, so a control of 7.1–7.3 redraws 7.5 without running
 * anything twice), with the beta-model cascades, which have no page parameter, the notebook's (carried in
 * the page). Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { DEFAULT_SETTINGS, type ExponentMeasurement, formatHolder } from "../measure/measured_exponents";
import {
  figureExponents,
  figureGridRoughMse,
  figureGridSmoothMse,
  figureManifoldMse,
  figureTwoNN,
} from "../figures/measured_exponents";
import {
  asResult,
  exponentsResult,
  type LiveMeasuredData,
  type Manifold,
  manifoldRun,
  manifoldSettings,
  type Rough,
  roughRun,
  roughSettings,
  type Smooth,
  smoothRun,
  smoothSettings,
  type TwoNN,
  twonnRun,
} from "./measured_runs";
import { formatNumber } from "../_util/format";
import { type Control, live, type LiveSpec, mountAll, notation, pageData, type Readout, valuesOf } from "./widget";

/** An integer slider with its box, named `label` (the symbol first, then what it is and its range). */
const count = (label: string, [min, max]: [number, number], value: number): Control =>
  Inputs.range([min, max], { value, step: 1, label: notation(label) });

/** An integer slider on a log scale (sizes spanning decades). */
const size = (label: string, [min, max]: [number, number], value: number): Control =>
  Inputs.range([min, max], { value, step: 1, transform: Math.log, label: notation(label) });

/** The fitted α of a curve with its 95 % interval over seeds, against the paper's, as a readout. */
function alphaReadout(e: ExponentMeasurement, what: string): Readout {
  const ci = e.alphaCi95 > 0 ? ` ± ${formatNumber(e.alphaCi95, 2)}` : "";
  return {
    label: `α, ${what}, d = ${e.d}`,
    value: e.alpha,
    text: `${formatNumber(e.alpha, 3)}${ci} (${formatNumber(e.alpha / e.alphaPaper, 3)} × the predicted ${
      formatNumber(e.alphaPaper, 3)
    })`,
  };
}

const smooth = (): LiveSpec<Smooth> => ({
  controls: {
    seeds: count("seeds, independent repetitions of every curve (1–8)", [1, 8], DEFAULT_SETTINGS.seeds),
    mcPoints: size("Monte Carlo points, per estimate of the squared error (256–16384)", [256, 16384], 4096),
    dMax: count("largest d, the figure draws d = 1 up to it (1–5)", [1, 5], 5),
  },
  draw: (v) => figureGridSmoothMse(asResult(smoothSettings(v), smoothRun(v))),
  readouts: (v) => {
    const run = smoothRun(v).filter((e) => e.d === v.dMax);
    return [alphaReadout(run[0], "piecewise constant"), alphaReadout(run[1], "piecewise linear")];
  },
});

const rough = (): LiveSpec<Rough> => ({
  controls: {
    h: Inputs.range([0.05, 0.95], {
      value: 1 / 3,
      format: (x: number) => x.toFixed(3),
      label: notation("h, Hölder exponent of the rough targets (0.05–0.95)"),
    }),
    seeds: count("seeds, random targets per curve (1–3)", [1, 3], 2),
  },
  draw: (v) => figureGridRoughMse(asResult(roughSettings(v), roughRun(v))),
  readouts: (v) => {
    const run = roughRun(v).filter((e) => e.d === 1);
    return [alphaReadout(run[0], "piecewise constant"), alphaReadout(run[1], "piecewise linear")];
  },
});

const manifold = (): LiveSpec<Manifold> => ({
  controls: {
    D: count("D, ambient dimension of the embedding (5–32)", [5, 32], DEFAULT_SETTINGS.ambientDim),
    nMax: size("largest N, training points of the last size (512–2048)", [512, 2048], 1024),
    queries: count("queries, points the squared error is measured on (64–256)", [64, 256], 128),
    seeds: count("seeds, embeddings and samples per curve (1–2)", [1, 2], 2),
  },
  draw: (v) => figureManifoldMse(asResult(manifoldSettings(v), manifoldRun(v))),
  readouts: (v) => {
    const run = manifoldRun(v).filter((e) => e.d === 5);
    return [alphaReadout(run[0], "1-nearest neighbour"), alphaReadout(run[1], "local-linear")];
  },
});

const twonn = (): LiveSpec<TwoNN> => ({
  controls: {
    D: count("D, ambient dimension of the embedding (5–32)", [5, 32], DEFAULT_SETTINGS.ambientDim),
    n1: size("N₁, points of the first estimate (256–2048)", [256, 2048], 512),
    n2: size("N₂, points of the second estimate (256–2048)", [256, 2048], 2048),
    seeds: count("seeds, samples per estimate (1–3)", [1, 3], 2),
  },
  draw: (v) => figureTwoNN(asResult({ ...DEFAULT_SETTINGS, ambientDim: v.D, seeds: v.seeds }, [], twonnRun(v))),
  readouts: (v) =>
    twonnRun(v).filter((e) => e.d === 5).map((e) => ({
      label: `TwoNN estimate of d = 5 from N = ${e.N}`,
      value: e.estimate,
      text: `${formatNumber(e.estimate, 3)}${e.ci95 > 0 ? ` ± ${formatNumber(e.ci95, 2)}` : ""}`,
    })),
});

/** One spec per figure, made once: Figure 7.5 reads the controls of the specs that 7.1–7.3 mount. */
const once = <T>(make: () => T): () => T => {
  let made: T | undefined;
  return () => (made ??= make());
};
const smoothSpec = once(smooth);
const roughSpec = once(rough);
const manifoldSpec = once(manifold);

/** The measured over the predicted α of one curve of Figure 7.5, as a readout. */
function ratioReadout(e: ExponentMeasurement, what: string): Readout {
  return {
    label: `measured / predicted α, ${what}, d = ${e.d}`,
    value: e.alpha / e.alphaPaper,
    text: `${formatNumber(e.alpha / e.alphaPaper, 3)} (α = ${formatNumber(e.alpha, 3)}, predicted ${
      formatNumber(e.alphaPaper, 3)
    })`,
  };
}

const exponents = (): LiveSpec<Record<string, never>> => {
  const { cascades } = pageData<LiveMeasuredData>("figureExponents");
  const result = () =>
    exponentsResult(
      valuesOf<Smooth>(smoothSpec().controls),
      valuesOf<Rough>(roughSpec().controls),
      valuesOf<Manifold>(manifoldSpec().controls),
      cascades,
    );
  const note = document.createElement("p");
  note.className = "live-note";
  note.textContent = "Drawn from the settings of Figures 7.1, 7.2 and 7.3 above: moving one of their controls " +
    "redraws this figure with the exponents that figure measures. The beta-model cascades have no setting " +
    "in the page: they are the notebook's.";
  return {
    controls: {},
    follows: ["figureGridSmoothMse", "figureGridRoughMse", "figureManifoldMse"],
    extra: [note],
    draw: () => figureExponents(result()),
    readouts: () => {
      const rows = result().exponents;
      const last = (target: string, approximant: string) =>
        rows.filter((e) => e.target === target && e.approximant === approximant).at(-1)!;
      const rough = rows.find((e) => e.target === "rough" && e.approximant === "linear" && e.d === 1)!;
      return [
        ratioReadout(last("smooth", "linear"), "smooth target, piecewise linear"),
        ratioReadout(rough, `rough target (h = ${formatHolder(rough.h)}), piecewise linear`),
        ratioReadout(last("smooth", "local_linear"), "manifold, local-linear"),
      ];
    },
  };
};

mountAll({
  figureGridSmoothMse: live(smoothSpec),
  figureGridRoughMse: live(roughSpec),
  figureManifoldMse: live(manifoldSpec),
  figureTwoNN: live(twonn),
  figureExponents: live(exponents),
});
