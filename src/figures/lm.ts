/**
 * Figures of notebook 11 (character transformers trained on the Brown corpus): the validation loss
 * against model size with the fitted law and its pedestal, the loss curves against training
 * characters, the TwoNN dimension of the representations against the sample size, and the exponent α
 * per genre. Drawn from `languageModel.analysis()`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { chinchillaLoss } from "../fit/chinchilla";
import * as languageModel from "../findings/11_language_model";
import type { Figure, FigureBuilder, Row } from "./figure";
import { formatNumber } from "../_util/format";
import { genreLabel } from "../datasets/lm_data";
import { CURVE_COLOURS, logGrid, PALETTE, plotDefaults, powerOfTenAxis, X_AXIS } from "./render";

/**
 * Label positions for curve-end labels: the rows' `key` values pushed apart (in the order of their values)
 * so that neighbours are at least `gap` apart, in data units; returns copies with `labelY` set.
 */
function dodge(rows: Row[], key: string, gap: number): Row[] {
  const sorted = rows.map((r) => ({ ...r, labelY: r[key] as number })).sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < sorted.length; i++) sorted[i].labelY = Math.max(sorted[i].labelY, sorted[i - 1].labelY + gap);
  return sorted;
}

/**
 * The loss axis of the size sweep and the curves: 1 to 4.5 nats in steps of 0.5, one decimal each (8 labels;
 * from 1 so that the fitted pedestal, 1.18 nats at one pass over the text, is drawn inside the frame).
 */
const LOSS_AXIS = {
  domain: [1, 4.5],
  ticks: [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5],
  tickFormat: ".1f",
  grid: true,
  label: "↑ validation loss (nats/character)",
};

/** Seven colours for the seven sizes: the six curve colours and black. */
const SIZE_COLOURS = [...CURVE_COLOURS, PALETTE.black];

/**
 * Validation loss of every run of the size sweep against its non-embedding size N (dots), the fitted
 * law at the sweep's D (line) and its pedestal L0 = E + B/D^β (dashed).
 *
 * Data columns: `kind,run,N,loss` (kind `run` or `law`).
 */
export function figureLmLossVsN(a: languageModel.Analysis = languageModel.analysis()): Figure {
  const law = a.law.fit.law;
  const data: Row[] = a.runs.filter((r) => r.kind === "size").map((r) => ({
    kind: "run",
    run: r.run,
    N: r.N,
    loss: r.valLoss,
  }));
  for (const N of logGrid(2, 6, 8)) data.push({ kind: "law", run: "", N, loss: chinchillaLoss(law, N, a.D) });
  const element = Plot.plot({
    ...plotDefaults(),
    x: { ...powerOfTenAxis(2, 6, 1, "non-embedding parameters N →"), ...X_AXIS },
    y: LOSS_AXIS,
    marks: [
      Plot.ruleY([a.cut.L0], { stroke: PALETTE.rule, strokeDasharray: "4,3", x1: 1e2, x2: 2e5 }),
      Plot.text([{ x: 1.1e2, y: a.cut.L0 }], {
        x: "x",
        y: "y",
        text: () => "pedestal L_{0} of the fit",
        textAnchor: "start",
        dy: 12,
        fill: PALETTE.note,
      }),
      Plot.line(data.filter((d) => d.kind === "law"), {
        x: "N",
        y: "loss",
        stroke: PALETTE.blue,
        strokeWidth: 1.5,
        clip: true,
      }),
      Plot.dot(data.filter((d) => d.kind === "run"), {
        x: "N",
        y: "loss",
        fill: PALETTE.orange,
        r: 3.5,
        stroke: "black",
        strokeWidth: 0.5,
      }),
      Plot.text([{ x: 1.2e2, y: 4.35 }], {
        x: "x",
        y: "y",
        textAnchor: "start",
        fill: PALETTE.note,
        text: () =>
          `dots: runs (seeds); line: fit at D = ${a.D.toLocaleString("en-US")} characters, α = ${
            a.alpha.estimate.toFixed(2)
          }`,
      }),
    ],
  }) as unknown as Element;
  return {
    name: "lm_loss_vs_n",
    caption:
      `Validation loss of the character transformers against non-embedding size N (dots: every seed), the Approach 3 law at the sweep's ` +
      `D (line) and its pedestal L_{0} = E + B/D^{β} (dashed).`,
    element,
    data,
    columns: ["kind", "run", "N", "loss"],
  };
}

/**
 * Validation loss along training (seed 0 of each size) against the characters seen: curves still
 * falling at the end show that the budget, not N, limits the larger models.
 *
 * Data columns: `size,N,tokens,val_loss,train_loss`.
 */
export function figureLmCurves(a: languageModel.Analysis = languageModel.analysis()): Figure {
  const data: Row[] = [];
  for (const z of a.sizes) {
    for (const p of a.curves.filter((c) => c.run === `${z.name}-s0`)) {
      data.push({ size: z.name, N: z.N, tokens: p.tokens, val_loss: p.valLoss, train_loss: p.trainLoss });
    }
  }
  const names = a.sizes.map((z) => z.name);
  const ends = a.sizes.map((z) => {
    const pts = data.filter((d) => d.size === z.name);
    return pts[pts.length - 1];
  });
  const element = Plot.plot({
    ...plotDefaults(),
    marginRight: 70,
    x: { ...powerOfTenAxis(5, 7, 1, "training characters seen →"), ...X_AXIS },
    y: LOSS_AXIS,
    color: { domain: names, range: SIZE_COLOURS, type: "ordinal" },
    marks: [
      Plot.line(data, { x: "tokens", y: "val_loss", z: "size", stroke: "size", strokeWidth: 1.5, clip: true }),
      // labels at the curves' ends, pushed apart by 17 px (3.5 nats over about 360 px)
      Plot.text(dodge(ends, "val_loss", (17 * 3.5) / 360), {
        x: "tokens",
        y: "labelY",
        text: "size",
        fill: "size",
        textAnchor: "start",
        dx: 6,
      }),
    ],
  }) as unknown as Element;
  return {
    name: "lm_curves",
    caption:
      "Validation loss along training for each size (seed 0, labelled by width w and blocks l) against the characters seen; the larger models are still improving when the budget ends.",
    element,
    data,
    columns: ["size", "N", "tokens", "val_loss", "train_loss"],
  };
}

/** One point of the loss curve of a model trained in the reader's page (the live edition). */
export interface LmLivePoint {
  step: number;
  /** Mean loss on the run's fixed training and held-out windows (nats per character). */
  trainLoss: number;
  valLoss: number;
}

/** What `figureLmLiveRun` draws: a run trained in the page, and the sweep's curves beside it. */
export interface LmLiveRun {
  /** The size trained (e.g. `w4l1`), its non-embedding N, the run's seed and planned steps. */
  size: string;
  N: number;
  seed: number;
  steps: number;
  /** The run's curve so far (empty before its first evaluation). */
  points: LmLivePoint[];
  /** The sweep's validation curves, seed 0 of each size (`data/lm_curves.csv`), sizes in order of N. */
  sweep: { size: string; N: number; step: number; valLoss: number }[];
}

/**
 * The live edition's loss curves (notebook 11's page, `src/live/lm.ts`): a model trained in the reader's
 * page, its training loss (dashed) and held-out loss (thick) against optimiser steps, drawn over the
 * sweep's held-out curves of every size (thin, seed 0, the curves of `figureLmCurves` against steps:
 * every sweep run takes the same 1,024 characters a step). The run has the colour of its size; a dot
 * marks its latest held-out loss.
 *
 * Data columns: `series,size,step,loss` (series `train` or `validation` for the run, `sweep`).
 * @example figureLmLiveRun({ size: "w4l1", N: 252, seed: 0, steps: 10, points: [], sweep: [] }).data.length; // => 0
 */
export function figureLmLiveRun(r: LmLiveRun): Figure {
  const names = [...new Set(r.sweep.map((p) => p.size))];
  const data: Row[] = [
    ...r.points.map((p) => ({ series: "train", size: r.size, step: p.step, loss: p.trainLoss })),
    ...r.points.map((p) => ({ series: "validation", size: r.size, step: p.step, loss: p.valLoss })),
    ...r.sweep.map((p) => ({ series: "sweep", size: p.size, step: p.step, loss: p.valLoss })),
  ];
  const sweep = data.filter((d) => d.series === "sweep");
  const ends = names.map((n) => sweep.filter((d) => d.size === n).at(-1)!);
  const colour = SIZE_COLOURS[Math.max(0, names.indexOf(r.size))];
  const xMax = Math.max(r.steps, ...r.sweep.map((p) => p.step));
  const run = (series: string) => data.filter((d) => d.series === series);
  const element = Plot.plot({
    ...plotDefaults(),
    marginRight: 70,
    x: { domain: [0, xMax], grid: true, label: "optimiser steps (1,024 characters each) →", ...X_AXIS },
    y: { ...LOSS_AXIS, label: "↑ loss (nats/character)" },
    color: { domain: names, range: SIZE_COLOURS, type: "ordinal" },
    marks: [
      Plot.line(sweep, {
        x: "step",
        y: "loss",
        z: "size",
        stroke: "size",
        strokeWidth: 1,
        strokeOpacity: 0.7,
        clip: true,
      }),
      Plot.line(run("train"), {
        x: "step",
        y: "loss",
        stroke: colour,
        strokeWidth: 1.5,
        strokeDasharray: "5,3",
        clip: true,
      }),
      Plot.line(run("validation"), { x: "step", y: "loss", stroke: colour, strokeWidth: 3, clip: true }),
      // where the run is now
      Plot.dot(run("validation").slice(-1), { x: "step", y: "loss", fill: colour, stroke: "white", r: 4.5 }),
      // the sweep's labels over the run (a longer run passes them), on a white halo
      Plot.text(dodge(ends, "loss", (17 * 3) / 360), {
        x: "step",
        y: "labelY",
        text: "size",
        fill: "size",
        stroke: "white",
        strokeWidth: 6,
        paintOrder: "stroke",
        textAnchor: "start",
        dx: 6,
      }),
      Plot.text([0], {
        frameAnchor: "bottom-left",
        dx: 8,
        dy: -8,
        textAnchor: "start",
        lineAnchor: "bottom",
        fill: PALETTE.note,
        text: () =>
          `thick: your run (${r.size}, seed ${r.seed}), held-out; dashed: its training loss\n` +
          "thin: the sweep's held-out curves (seed 0 of each size)",
      }),
    ],
  }) as unknown as Element;
  return {
    name: "lm_live_run",
    caption:
      `Loss of a ${r.size} model (N = ${r.N.toLocaleString("en-US")}) trained in this page on a slice of the Brown ` +
      `corpus (seed ${r.seed}, ${
        r.steps.toLocaleString("en-US")
      } steps): training loss (dashed) and held-out loss (thick) ` +
      `against optimiser steps, over the sweep's held-out curves of every size (seed 0, thin).`,
    element,
    data,
    columns: ["series", "size", "step", "loss"],
  };
}

/**
 * TwoNN dimension of the final-layer representations (seed 0 of each size) against the number of
 * points it was estimated from (disjoint subsets of the validation windows: fewer points, larger
 * neighbourhoods).
 *
 * Data columns: `size,width,points,d`.
 */
export function figureLmTwoNN(a: languageModel.Analysis = languageModel.analysis()): Figure {
  const data: Row[] = a.dims.flatMap((z) =>
    z.representation.map((t) => ({ size: z.name, width: z.width, points: t.points, d: t.estimate }))
  );
  const names = a.dims.map((z) => z.name);
  const dMax = Math.max(...data.map((d) => d.d as number));
  const ends = a.dims.map((z) => ({
    size: z.name,
    width: z.width,
    points: z.representation[0].points,
    d: z.representation[0].estimate,
  }));
  const yMax = Math.ceil(dMax / 5) * 5 + 5;
  const element = Plot.plot({
    ...plotDefaults(),
    marginRight: 110,
    x: {
      type: "log",
      domain: [150, 2000],
      ticks: [200, 400, 800, 1600],
      tickFormat: (v: number) => String(v),
      grid: true,
      label: "points in the TwoNN estimate →",
      ...X_AXIS,
    },
    y: { domain: [0, yMax], grid: true, label: "↑ TwoNN dimension d of the representations" },
    color: { domain: names, range: SIZE_COLOURS, type: "ordinal" },
    marks: [
      Plot.line(data, { x: "points", y: "d", z: "size", stroke: "size", strokeWidth: 1.5 }),
      Plot.dot(data, { x: "points", y: "d", fill: "size", r: 3 }),
      Plot.text(dodge(ends, "d", (17 * yMax) / 360), {
        x: "points",
        y: "labelY",
        text: (d: Row) => `${d.size}, D = ${d.width}`,
        fill: "size",
        textAnchor: "start",
        dx: 8,
      }),
    ],
  }) as unknown as Element;
  return {
    name: "lm_twonn",
    caption:
      "TwoNN dimension d of each model's final-layer representations (last position of validation windows) against the number of points it is estimated from; D is the width.",
    element,
    data,
    columns: ["size", "width", "points", "d"],
  };
}

/**
 * The exponent α per genre (dots, with bootstrap intervals over sizes) beside the pooled α (dashed).
 * Reads the analysis's `genreFits`, `alpha` and `settings.level` only: the notebook draws it from its
 * analysis, its live page (src/live/lm.ts) from the bootstrap it runs at the reader's settings.
 *
 * Data columns: `genre,alpha,alpha_low,alpha_high,p_holm`.
 */
export function figureLmGenres(a: languageModel.Analysis = languageModel.analysis()): Figure {
  const data: Row[] = a.genreFits.map((g) => ({
    genre: genreLabel(g.genre),
    alpha: g.alpha.estimate,
    alpha_low: g.alpha.ci_low,
    alpha_high: g.alpha.ci_high,
    p_holm: g.pHolm,
  }));
  const pooled = a.alpha.estimate;
  const lo = Math.min(0, ...data.map((d) => d.alpha_low as number)),
    hi = Math.max(...data.map((d) => d.alpha_high as number));
  const element = Plot.plot({
    ...plotDefaults(),
    height: 480,
    marginLeft: 120,
    marginTop: 40,
    x: {
      domain: [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10],
      grid: true,
      label: "exponent α of the model-size term →",
      ...X_AXIS,
    },
    // 15 genres: named by text marks left of the frame, not by a y axis of 15 tick labels
    y: { domain: data.map((d) => d.genre as string), axis: null },
    marks: [
      Plot.ruleX([pooled], { stroke: "black", strokeDasharray: "5,4" }),
      Plot.text([{ x: pooled }], {
        x: "x",
        frameAnchor: "top",
        dy: -20,
        text: () => `all genres: α = ${pooled.toFixed(2)}`,
        fill: "black",
      }),
      Plot.text(data, { y: "genre", text: "genre", frameAnchor: "left", textAnchor: "end", dx: -8, fill: "black" }),
      Plot.ruleY(data, { y: "genre", x1: "alpha_low", x2: "alpha_high", stroke: PALETTE.blue, strokeWidth: 2 }),
      Plot.dot(data, { x: "alpha", y: "genre", fill: PALETTE.blue, r: 4, stroke: "white" }),
    ],
  }) as unknown as Element;
  return {
    name: "lm_genres",
    caption: `Exponent α fitted to each genre's validation loss, with ${
      formatNumber(100 * a.settings.level)
    }% bootstrap intervals over model sizes, beside the α of all genres together (dashed).`,
    element,
    data,
    columns: ["genre", "alpha", "alpha_low", "alpha_high", "p_holm"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  () => figureLmLossVsN(),
  () => figureLmCurves(),
  () => figureLmTwoNN(),
  () => figureLmGenres(),
];
