/**
 * Figures of notebook 07 (section 5 measured): the squared error against N on log-log axes with
 * the fitted slopes (smooth grids, rough grids, manifolds), the measured exponents against the
 * paper's predictions, and the TwoNN estimates against the true intrinsic dimension.
 *
 * Each builder takes the experiments' result (default: the findings layer's `measured.analysis` run with the
 * notebook's default settings, shared with the tables) so that a notebook can pass its own run.
 * Error bars are 95 % Student-t intervals over seeds (`alphaCi95`, `ci95`). The squared-error figures are
 * drawn by `./_measured_exponents_mse`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { MeasuredExponents } from "../measure/measured_exponents";
import * as measured from "../findings/07_measured_exponents";
import type { Figure, FigureBuilder, Row } from "./figure";
import { superscript } from "../_util/format";
import { composePanels, CURVE_COLOURS, PALETTE, plotDefaults, X_AXIS } from "./render";
import { formatFraction } from "../_util/format";
import { mseFigure } from "./_measured_exponents_mse";

const defaultResult = (): MeasuredExponents => measured.analysis().result;
/** The experiments' result at the full sizes when `options.full` (as `npm run reproduce` passes it), else the defaults. */
const resultFor = (options?: { full?: boolean }): MeasuredExponents =>
  measured.analysis(options?.full ? { full: true } : {}).result;

/**
 * Squared error of the grid approximants of the smooth target against the number of cells
 * N = n^d, d = 1…5, with the fitted power laws (dashed) and their exponents. Section 5 predicts
 * slopes −2/d (constant) and −4/d (linear), eq. 13.
 *
 * Data columns: `experiment,target,approximant,d,h,N,mse,mse_stderr,fit,alpha`.
 */
export function figureGridSmoothMse(result: MeasuredExponents = defaultResult()): Figure {
  return mseFigure(
    "sk_grid_smooth_mse",
    "Squared error of piecewise-constant and piecewise-linear grid approximants of a smooth target on [0,1]^{d} against the number of cells N (dots: mean over seeds; dashed: fitted power laws; key: fitted exponent α, the predicted one in brackets).",
    result.exponents.filter((e) => e.experiment === "grid" && e.target === "smooth"),
    "number of cells N = n^{d} →",
    false,
  );
}

/**
 * Squared error of the grid approximants of Weierstrass targets of Hölder exponent h = 1/3, 1/2
 * against N, per dimension, with the fitted power laws. Eq. 17 predicts slope −4h/d for the linear
 * approximant; the section 5 bound gives −2h/d for both.
 *
 * Data columns: as `figureGridSmoothMse`.
 */
export function figureGridRoughMse(result: MeasuredExponents = defaultResult()): Figure {
  return mseFigure(
    "sk_grid_rough_mse",
    "Squared error of the grid approximants of rough (Weierstrass-type) targets of Hölder exponent h against the number of cells N (dots: mean over seeds and realisations; dashed: fitted power laws; key: fitted exponent α, the predicted one in brackets).",
    result.exponents.filter((e) => e.experiment === "grid" && e.target === "rough"),
    "number of cells N = n^{d} →",
    true,
  );
}

/**
 * Squared error of 1-NN and local-linear regression of a smooth target on a d-dimensional manifold
 * embedded in R^32 against the number of training points N, with fitted power laws; the paper
 * (eq. 9, Sharma & Kaplan) predicts slopes set by the intrinsic d, not by D = 32.
 *
 * Data columns: as `figureGridSmoothMse`.
 */
export function figureManifoldMse(result: MeasuredExponents = defaultResult()): Figure {
  return mseFigure(
    "sk_manifold_mse",
    `Squared error of nearest-neighbour and local-linear regression on d-dimensional manifolds embedded in R^{${result.settings.ambientDim}} against the number of training points N (dots: mean over seeds; dashed: fitted power laws; key: fitted exponent α, the predicted one in brackets).`,
    result.exponents.filter((e) => e.experiment === "manifold"),
    "training points N →",
    false,
  );
}

const GROUPS: { key: string; label: string; colour: string; symbol: string }[] = [
  { key: "grid smooth", label: "grid, smooth target", colour: PALETTE.blue, symbol: "circle" },
  { key: "grid rough", label: "grid, rough target", colour: PALETTE.orange, symbol: "triangle" },
  { key: "manifold smooth", label: "manifold, smooth target", colour: PALETTE.green, symbol: "square" },
  { key: "grid intermittent", label: "grid, beta-model cascade (d = 1)", colour: PALETTE.purple, symbol: "diamond" },
];

/**
 * Measured exponent against the paper's prediction for every curve, on log-log axes with 95 %
 * Student-t intervals over seeds, the line measured = predicted, and the line measured = predicted/2 on which the rough
 * targets' linear approximant falls if its exponent is 2h/d rather than eq. 17's 4h/d. The
 * intermittent cascades are plotted against the paper's rule applied to their active-set h (eq. 16).
 *
 * Data columns: `experiment,target,approximant,d,h,alpha_paper,alpha_measured,alpha_stderr,alpha_ci95`.
 */
export function figureExponents(result: MeasuredExponents = defaultResult()): Figure {
  const data: Row[] = [...result.exponents, ...result.intermittent].map((e) => ({
    experiment: e.experiment,
    target: e.target,
    approximant: e.approximant,
    d: e.d,
    h: e.h === null ? "" : e.h,
    alpha_paper: e.alphaPaper,
    alpha_measured: e.alpha,
    alpha_stderr: e.alphaStderr,
    alpha_ci95: e.alphaCi95,
  }));
  const pts = data.map((r) => ({
    ...r,
    group: `${r.experiment} ${r.target}`,
    second: r.approximant === "linear" || r.approximant === "local_linear" ? `${r.experiment} ${r.target}` : "none",
    lo: (r.alpha_measured as number) - (r.alpha_ci95 as number),
    hi: (r.alpha_measured as number) + (r.alpha_ci95 as number),
  }));
  const diag = [{ x: 0.1, y: 0.1 }, { x: 10, y: 10 }];
  const half = [{ x: 0.2, y: 0.1 }, { x: 10, y: 5 }];
  // a key in the empty upper left: the four groups (symbols), then the two reference lines (segments)
  const row = (i: number) => 7.5 / 1.36 ** i;
  // the key names the run's Hölder exponents and ambient dimension
  const { hs, ambientDim } = result.settings;
  const label = (g: (typeof GROUPS)[number]) =>
    g.key === "grid rough"
      ? `${g.label} (h = ${hs.map(formatFraction).join(", ")})`
      : g.key === "manifold smooth"
      ? g.label.replace("manifold", `manifold in R${superscript(ambientDim)}`)
      : g.label;
  const legend = GROUPS.map((g, i) => ({ ...g, label: label(g), x: 0.13, y: row(i) }));
  const refs = [
    { label: "measured = paper", dash: "none", y: row(GROUPS.length) },
    { label: "measured = paper / 2", dash: "5,4", y: row(GROUPS.length + 1) },
  ];
  // the fill encodes the approximant: say so in the key, not only in the caption
  const fills = [
    { label: "open: piecewise constant, 1-NN", fill: "white", y: 0.16 },
    { label: "filled: piecewise linear, local-linear", fill: PALETTE.note, y: 0.125 },
  ];
  // ticks at 1, 2 and 5 times each power of ten, labelled as plain decimals (one notation per axis)
  const logTicks = [0.1, 0.2, 0.5, 1, 2, 5, 10];
  const logAxis = (label: string | null): Record<string, unknown> => ({
    type: "log",
    domain: [0.1, 10],
    ticks: logTicks,
    tickFormat: (v: number) => String(v),
    grid: true,
    label,
  });
  const width = 640, topHeight = 480, bottomHeight = 250;
  const color = { domain: GROUPS.map((g) => g.key), range: GROUPS.map((g) => g.colour) };
  const symbol = { domain: GROUPS.map((g) => g.key), range: GROUPS.map((g) => g.symbol) };
  const fillOf = (r: { second: string }) =>
    r.second === "none" ? "white" : GROUPS.find((g) => g.key === r.second)!.colour;
  const top = Plot.plot({
    ...plotDefaults(),
    width,
    height: topHeight,
    marginBottom: 30,
    x: { ...logAxis(null), ...X_AXIS },
    y: logAxis("↑ measured exponent α (mean over seeds, 95 % t-interval)"),
    color,
    symbol,
    marks: [
      Plot.line(diag, { x: "x", y: "y", stroke: PALETTE.black, strokeWidth: 1, clip: true }),
      Plot.line(half, { x: "x", y: "y", stroke: PALETTE.black, strokeDasharray: "5,4", strokeWidth: 1, clip: true }),
      Plot.ruleX(pts, { x: "alpha_paper", y1: "lo", y2: "hi", stroke: "group", strokeWidth: 1.5, clip: true }),
      Plot.dot(pts, {
        x: "alpha_paper",
        y: "alpha_measured",
        stroke: "group",
        symbol: "group",
        r: 4,
        strokeWidth: 1.5,
        fill: fillOf,
      }),
      Plot.dot(legend, { x: "x", y: "y", stroke: "key", symbol: "key", r: 4, strokeWidth: 1.5 }),
      Plot.text(legend, { x: "x", y: "y", text: "label", textAnchor: "start", dx: 9, fontSize: 12 }),
      ...refs.map((r) =>
        Plot.link([r], {
          x1: () => 0.108,
          x2: () => 0.131,
          y1: "y",
          y2: "y",
          stroke: PALETTE.black,
          strokeDasharray: r.dash,
        })
      ),
      Plot.text(refs, { x: () => 0.13, y: "y", text: "label", textAnchor: "start", dx: 9, fontSize: 12 }),
      // in the empty lower right (no method measures far below half the prediction there)
      Plot.dot(fills, { x: () => 1.1, y: "y", stroke: PALETTE.note, fill: "fill", r: 4, strokeWidth: 1.5 }),
      Plot.text(fills, { x: () => 1.1, y: "y", text: "label", textAnchor: "start", dx: 9, fontSize: 12 }),
    ],
  }) as unknown as Element;
  // the factor by which each measurement departs from its prediction, on a log axis (1 and 1/2 as lines)
  const ratios = pts.map((r) => {
    const paper = (r as Row).alpha_paper as number;
    return {
      ...r,
      ratio: ((r as Row).alpha_measured as number) / paper,
      ratioLo: r.lo / paper,
      ratioHi: r.hi / paper,
    };
  });
  const bottom = Plot.plot({
    ...plotDefaults(),
    width,
    height: bottomHeight,
    marginTop: 36,
    x: {
      ...logAxis("paper's prediction α (2/d, 4/d; ×h for rough targets, eq. 17) →"),
      ...X_AXIS,
    },
    y: {
      type: "log",
      domain: [0.4, 3.2],
      ticks: [0.5, 0.75, 1, 1.5, 2, 3],
      tickFormat: (v: number) => String(v),
      grid: true,
      label: "↑ measured / predicted α",
    },
    color,
    symbol,
    marks: [
      Plot.ruleY([1], { stroke: PALETTE.black, strokeWidth: 1 }),
      Plot.ruleY([0.5], { stroke: PALETTE.black, strokeWidth: 1, strokeDasharray: "5,4" }),
      Plot.ruleX(ratios, {
        x: "alpha_paper",
        y1: "ratioLo",
        y2: "ratioHi",
        stroke: "group",
        strokeWidth: 1.5,
        clip: true,
      }),
      Plot.dot(ratios, {
        x: "alpha_paper",
        y: "ratio",
        stroke: "group",
        symbol: "group",
        r: 4,
        strokeWidth: 1.5,
        fill: fillOf,
        clip: true,
      }),
    ],
  }) as unknown as Element;
  const element = composePanels(
    [{ element: top, y: 0 }, { element: bottom, y: topHeight }],
    width,
    topHeight + bottomHeight,
  );
  return {
    name: "sk_exponents_vs_paper",
    caption:
      "Measured exponents of the squared error against the paper's predictions (2/d and 4/d for smooth targets, 2h/d and 4h/d for rough ones), with 95 % Student-t intervals over seeds (top), and the ratio of measured to predicted exponent (bottom; solid: 1, dashed: 1/2); open symbols: piecewise constant and 1-NN, filled: piecewise linear and local-linear.",
    element,
    data,
    columns: [
      "experiment",
      "target",
      "approximant",
      "d",
      "h",
      "alpha_paper",
      "alpha_measured",
      "alpha_stderr",
      "alpha_ci95",
    ],
  };
}

/**
 * TwoNN estimates of the intrinsic dimension against the true d for each sample size N, with 95 %
 * Student-t intervals over seeds and the line estimate = d.
 *
 * Data columns: `d,D,N,estimate,stderr,ci95`.
 */
export function figureTwoNN(result: MeasuredExponents = defaultResult()): Figure {
  const data: Row[] = result.dimensions.map((e) => ({
    d: e.d,
    D: e.D,
    N: e.N,
    estimate: e.estimate,
    stderr: e.stderr,
    ci95: e.ci95,
  }));
  const sizes = [...new Set(result.dimensions.map((e) => e.N))].sort((a, b) => a - b);
  const dMax = Math.max(...result.dimensions.map((e) => e.d));
  const offset = (N: number) => (sizes.indexOf(N) - (sizes.length - 1) / 2) * 0.08;
  const pts = result.dimensions.map((e) => ({
    x: e.d + offset(e.N),
    N: String(e.N),
    y: e.estimate,
    lo: e.estimate - e.ci95,
    hi: e.estimate + e.ci95,
  }));
  const legend = sizes.map((N, i) => ({ x: 0.7, y: dMax + 0.2 - 0.4 * i, N: String(N), label: `N = ${N}` }));
  const element = Plot.plot({
    ...plotDefaults(),
    width: 560,
    height: 440,
    x: {
      domain: [0.5, dMax + 0.5],
      ticks: Array.from({ length: dMax }, (_, i) => i + 1),
      tickFormat: "d",
      label: "true intrinsic dimension d →",
      grid: true,
      ...X_AXIS,
    },
    y: {
      domain: [0.5, dMax + 0.5],
      label: `↑ TwoNN estimate from the points in R${superscript(result.dimensions[0]?.D ?? 0)}`,
      grid: true,
    },
    color: { domain: sizes.map(String), range: CURVE_COLOURS },
    marks: [
      Plot.line([{ x: 0.5, y: 0.5 }, { x: dMax + 0.5, y: dMax + 0.5 }], {
        x: "x",
        y: "y",
        stroke: PALETTE.black,
        strokeWidth: 1,
      }),
      Plot.text([{ x: 1.5, y: 1.5 }], {
        x: "x",
        y: "y",
        text: () => "estimate = true d",
        textAnchor: "start",
        dx: 10,
        dy: 14,
        rotate: 0,
        fill: PALETTE.note,
      }),
      Plot.ruleX(pts, { x: "x", y1: "lo", y2: "hi", stroke: "N", strokeWidth: 1.5 }),
      Plot.dot(pts, { x: "x", y: "y", fill: "N", r: 3.5 }),
      Plot.dot(legend, { x: "x", y: "y", fill: "N", r: 3.5 }),
      Plot.text(legend, { x: "x", y: "y", text: "label", textAnchor: "start", dx: 8, fontSize: 12 }),
    ],
  }) as unknown as Element;
  return {
    name: "sk_twonn",
    caption:
      `TwoNN estimates (Facco et al. 2017) of the intrinsic dimension of points on d-dimensional manifolds embedded in R^{${
        result.dimensions[0]?.D ?? 0
      }}, against the true d (95 % Student-t intervals over seeds).`,
    element,
    data,
    columns: ["d", "D", "N", "estimate", "stderr", "ci95"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  (options) => figureGridSmoothMse(resultFor(options)),
  (options) => figureGridRoughMse(resultFor(options)),
  (options) => figureManifoldMse(resultFor(options)),
  (options) => figureExponents(resultFor(options)),
  (options) => figureTwoNN(resultFor(options)),
];
