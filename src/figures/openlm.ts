/**
 * Figures of notebook 09 (the open training runs of Gadre et al. 2024): the runs with the fitted law
 * per training set, the forecast of the largest runs against their measured loss, and the exponent
 * α per validation set beside the paper's band and the Chinchilla refit. Drawn from `openlm.analysis()`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { chinchillaLoss } from "../fit/chinchilla";
import * as openlm from "../findings/09_openlm";
import {
  OPENLM_TRAIN_DATASETS,
  OPENLM_TRAIN_LABELS,
  OPENLM_VAL_LABELS,
  OPENLM_VAL_SETS,
  selectRows,
} from "../datasets/openlm_data";
import { formatNumber } from "../_util/format";
import type { Figure, FigureBuilder, Row } from "./figure";
import {
  BAND,
  composePanels,
  CURVE_COLOURS,
  FIGURE_SIZE,
  logGrid,
  PALETTE,
  plotDefaults,
  powerOfTenAxis,
  viridisOnWhite,
  X_AXIS,
} from "./render";
import { A_RANGE, A_RANGE_TEXT } from "../paper";

/** Token multipliers of the runs (D ≈ 20 M N). */
const MULTIPLIERS = [0.25, 0.5, 1, 2, 4, 8, 16, 32];

/**
 * The C4 validation loss of every run against its size N, one panel per training set, coloured by
 * token multiplier M, with the law fitted to that training set drawn at each M (D = 20 M N).
 *
 * Data columns: `train_dataset,kind,M,N,loss` (kind `run` or `law`).
 */
export function figureOpenLmRuns(a: openlm.Analysis = openlm.analysis()): Figure {
  const data: Row[] = [];
  for (const t of OPENLM_TRAIN_DATASETS) {
    for (const r of selectRows(a.rows, t, "c4_val")) {
      data.push({
        train_dataset: OPENLM_TRAIN_LABELS[t],
        kind: "run",
        M: r.tokenMultiplier,
        N: r.params,
        loss: r.loss,
      });
    }
    const law = a.c4Fits[t].lawFit.fit.law;
    for (const M of MULTIPLIERS) {
      for (const N of logGrid(7, 10, 12)) {
        data.push({
          train_dataset: OPENLM_TRAIN_LABELS[t],
          kind: "law",
          M,
          N,
          loss: chinchillaLoss(law, N, 20 * M * N),
        });
      }
    }
  }
  const facet = { fx: "train_dataset" };
  const colour = { type: "log", interpolate: viridisOnWhite, domain: [0.25, 32] } as const;
  const barHeight = 62;
  // the colour key above the panels: one swatch per token multiplier, in the plot's colours
  const bar = Plot.plot({
    ...plotDefaults(),
    height: barHeight,
    marginTop: 12,
    marginBottom: 26,
    marginLeft: 330,
    marginRight: 80,
    x: { type: "band", domain: MULTIPLIERS, label: null, tickSize: 0, tickPadding: 4, padding: 0.08 },
    y: { axis: null, domain: [0, 1] },
    color: colour,
    marks: [
      Plot.barY(MULTIPLIERS, { x: (M: number) => M, y1: 0, y2: 1, fill: (M: number) => M }),
      Plot.text(["token multiplier M (D = 20 M N)"], {
        frameAnchor: "left",
        dx: -10,
        textAnchor: "end",
        text: (t: string) => t,
        fill: PALETTE.note,
      }),
    ],
  }) as unknown as Element;
  const plot = Plot.plot({
    ...plotDefaults(),
    marginTop: 40,
    // Ticks 10⁷…10⁹ only, so that the last tick of a panel does not run into the next panel's first.
    x: { ...powerOfTenAxis(7, 10, 1, "model size N (all parameters) →"), ticks: [1e7, 1e8, 1e9], ...X_AXIS },
    y: {
      type: "log",
      domain: [2, 7],
      ticks: [2, 3, 4, 5, 6, 7],
      grid: true,
      label: "↑ C4 validation loss (nats/token)",
    },
    fx: { label: null, domain: OPENLM_TRAIN_DATASETS.map((t) => OPENLM_TRAIN_LABELS[t]) },
    color: colour,
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.line(data.filter((d) => d.kind === "law"), {
        x: "N",
        y: "loss",
        z: "M",
        stroke: "M",
        strokeWidth: 1.3,
        clip: true,
        ...facet,
      }),
      Plot.dot(data.filter((d) => d.kind === "run"), {
        x: "N",
        y: "loss",
        fill: "M",
        r: 3.2,
        stroke: "white",
        strokeWidth: 0.5,
        ...facet,
      }),
    ],
  }) as unknown as Element;
  const element = composePanels(
    [{ element: bar, y: 0 }, { element: plot, y: barHeight }],
    FIGURE_SIZE.width,
    FIGURE_SIZE.height + barHeight,
  );
  return {
    name: "openlm_runs",
    caption:
      "C4 validation loss of the Gadre et al. 2024 runs against model size, one panel per training set, coloured by token " +
      "multiplier M (purple M = 0.25 … green M = 32, key above), with the law fitted to each training set drawn at each M (D = 20 M N).",
    element,
    data,
    columns: ["train_dataset", "kind", "M", "N", "loss"],
  };
}

/**
 * Forecast against measurement: the C4 validation loss of each run larger than the forecast cut,
 * measured (x) and predicted by the law fitted to the smaller runs (y), with the bootstrap interval
 * of the prediction as a vertical bar; the diagonal is a perfect forecast.
 *
 * Data columns: `train_dataset,run,params,loss,predicted,pred_low,pred_high`.
 */
export function figureOpenLmForecast(a: openlm.Analysis = openlm.analysis()): Figure {
  const data: Row[] = a.forecast.map((r) => ({
    train_dataset: OPENLM_TRAIN_LABELS[r.train_dataset],
    run: r.run,
    params: r.params,
    loss: r.loss,
    predicted: r.predicted,
    pred_low: r.pred_low,
    pred_high: r.pred_high,
  }));
  const values = a.forecast.flatMap((r) => [r.loss, r.pred_low, r.pred_high]);
  const lo = Math.floor(10 * Math.min(...values)) / 10, hi = Math.ceil(10 * Math.max(...values)) / 10;
  const names = OPENLM_TRAIN_DATASETS.map((t) => OPENLM_TRAIN_LABELS[t]);
  // Offset the three training sets slightly in x so that the bars of runs with equal loss do not overlap.
  // (0.017 of the range, about 11 px: two dots of equal loss, r = 4, sit side by side)
  const dx = (name: string) => (names.indexOf(name) - 1) * 0.017 * (hi - lo);
  const shifted = data.map((d) => ({ ...d, x: (d.loss as number) + dx(d.train_dataset as string) }));
  const key = names.map((name, i) => ({
    train_dataset: name,
    x: lo + 0.04 * (hi - lo),
    y: hi - (0.06 + 0.06 * i) * (hi - lo),
  }));
  const element = Plot.plot({
    ...plotDefaults(),
    width: FIGURE_SIZE.width,
    // both axes label every tick with one decimal (X_AXIS keeps the two at the corner apart)
    x: {
      domain: [lo, hi],
      grid: true,
      label: "measured C4 validation loss →",
      tickFormat: (v: number) => v.toFixed(1),
      ...X_AXIS,
    },
    y: {
      domain: [lo, hi],
      grid: true,
      label: "↑ predicted from the smaller runs",
      tickFormat: (v: number) => v.toFixed(1),
    },
    color: { domain: names, range: CURVE_COLOURS.slice(0, 3), type: "ordinal" },
    marks: [
      Plot.line([{ x: lo, y: lo }, { x: hi, y: hi }], { x: "x", y: "y", stroke: PALETTE.rule, strokeDasharray: "4,3" }),
      Plot.ruleX(shifted, { x: "x", y1: "pred_low", y2: "pred_high", stroke: "train_dataset", strokeWidth: 2 }),
      Plot.dot(shifted, { x: "x", y: "predicted", fill: "train_dataset", r: 4, stroke: "white" }),
      Plot.dot(key, { x: "x", y: "y", fill: "train_dataset", r: 4 }),
      Plot.text(key, {
        x: "x",
        y: "y",
        text: "train_dataset",
        fill: "train_dataset",
        textAnchor: "start",
        dx: 8,
        fontWeight: "bold",
      }),
      Plot.text([{ x: lo, y: lo }], {
        x: "x",
        y: "y",
        text: () => "dashed: perfect forecast",
        textAnchor: "start",
        dx: 40,
        dy: -6,
        fill: PALETTE.note,
      }),
    ],
  }) as unknown as Element;
  return {
    name: "openlm_forecast_vs_measured",
    caption:
      `Forecast of the runs larger than ${
        formatNumber(a.settings.forecastMaxParams)
      } parameters from the law fitted to the smaller ones: ` +
      `predicted against measured C4 validation loss, with the ${
        formatNumber(100 * a.settings.level)
      }% bootstrap interval of each prediction (the training sets side by side, a little apart in x); dashed: a perfect forecast.`,
    element,
    data,
    columns: ["train_dataset", "run", "params", "loss", "predicted", "pred_low", "pred_high"],
  };
}

/**
 * The exponent α of the fitted law per validation set (rows) and training set (colour), with its
 * bootstrap interval, beside the paper's band 0.05–0.1 (grey) and the α of the Chinchilla refit
 * (dashed). Rows and colours are named as the table of exponents (`openlmDomainsTable`) shows them
 * (`OPENLM_VAL_LABELS`, `OPENLM_TRAIN_LABELS`: Penn Treebank, RefinedWeb), so that the two read alike;
 * the data keep the ids of `data/openlm_domains.csv`.
 *
 * Data columns: `train_dataset,val_set,alpha,alpha_low,alpha_high`.
 */
export function figureOpenLmExponents(a: openlm.Analysis = openlm.analysis()): Figure {
  // the ids in the data, the names of the table of exponents per validation set (`openlmDomainsTable`) on
  // the page, so that a row of the figure and a row of the table are read by the same names
  const names: string[] = [...OPENLM_TRAIN_DATASETS];
  const vals: string[] = [...OPENLM_VAL_SETS];
  const row = (d: Row) => OPENLM_VAL_LABELS[d.val_set as string];
  const data: Row[] = a.fits.map((x) => {
    const r = x.summary.find((s) => s.parameter === "alpha")!;
    return {
      train_dataset: x.trainDataset,
      val_set: x.valSet,
      alpha: r.estimate,
      alpha_low: r.ci_low,
      alpha_high: r.ci_high,
    };
  });
  const xmax = Math.max(0.8, Math.ceil(10 * Math.max(...data.map((d) => d.alpha_high as number))) / 10);
  const xmin = Math.min(0, Math.floor(10 * Math.min(...data.map((d) => d.alpha_low as number))) / 10);
  const offset = (name: string) => (names.indexOf(name) - 1) * 9;
  const element = Plot.plot({
    ...plotDefaults(),
    // room on the left for the validation sets' names (Paloma RefinedWeb)
    width: FIGURE_SIZE.width,
    height: 500,
    marginLeft: 150,
    marginTop: 44,
    x: { domain: [xmin, xmax], grid: true, label: "exponent α of the model-size term →", ...X_AXIS },
    // room for the offset rows; the title names what the rows are (the key names the colours)
    y: {
      domain: vals.map((v) => OPENLM_VAL_LABELS[v]),
      label: "validation set",
      labelAnchor: "top",
      padding: 0.1,
      insetTop: 12,
      insetBottom: 12,
    },
    color: { domain: names, range: CURVE_COLOURS.slice(0, 3), type: "ordinal" },
    marks: [
      Plot.rect([{ x1: A_RANGE[0], x2: A_RANGE[1] }], {
        x1: "x1",
        x2: "x2",
        fill: PALETTE.band,
        fillOpacity: 0.35,
        ...BAND,
      }),
      Plot.text([{ x: (A_RANGE[0] + A_RANGE[1]) / 2 }], {
        x: "x",
        frameAnchor: "top",
        dy: -24,
        text: () => `paper: ${A_RANGE_TEXT}`,
        fill: PALETTE.note,
      }),
      Plot.ruleX([a.chinchilla.alpha], { stroke: "black", strokeDasharray: "5,4" }),
      // right of its line, so that it keeps clear of the band's label whatever the x range
      Plot.text([{ x: a.chinchilla.alpha }], {
        x: "x",
        frameAnchor: "top",
        dy: -24,
        dx: -6,
        textAnchor: "start",
        text: () => `Chinchilla refit α = ${a.chinchilla.alpha.toFixed(2)}`,
        fill: "black",
      }),
      ...names.map((name) =>
        Plot.ruleY(data.filter((d) => d.train_dataset === name), {
          y: row,
          x1: "alpha_low",
          x2: "alpha_high",
          stroke: "train_dataset",
          strokeWidth: 2,
          dy: offset(name),
        })
      ),
      ...names.map((name) =>
        Plot.dot(data.filter((d) => d.train_dataset === name), {
          x: "alpha",
          y: row,
          fill: "train_dataset",
          r: 4,
          stroke: "white",
          dy: offset(name),
        })
      ),
      // The key, in the lower right corner: its title, then one line per training set, in its colour.
      Plot.text(["training set"], {
        frameAnchor: "bottom-right",
        dx: -8,
        dy: -8 - 18 * names.length,
        text: (t: string) => t,
        fill: PALETTE.note,
      }),
      ...names.map((name, i) =>
        Plot.text([{ name }], {
          frameAnchor: "bottom-right",
          dx: -8,
          dy: -8 - 18 * (names.length - 1 - i),
          text: (d: { name: string }) => OPENLM_TRAIN_LABELS[d.name],
          fill: "name",
          fontWeight: "bold",
        })
      ),
    ],
  }) as unknown as Element;
  return {
    name: "openlm_exponents",
    caption: `Exponent α of the model-size term per validation set (rows) and training set (colours as in the key), ` +
      `with ${
        formatNumber(100 * a.settings.level)
      }% bootstrap intervals, beside the paper's band ${A_RANGE_TEXT} (grey) and our Chinchilla refit (dashed); ` +
      `named as in the table of exponents per validation set.`,
    element,
    data,
    columns: ["train_dataset", "val_set", "alpha", "alpha_low", "alpha_high"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  () => figureOpenLmRuns(),
  () => figureOpenLmForecast(),
  () => figureOpenLmExponents(),
];
