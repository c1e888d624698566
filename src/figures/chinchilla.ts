/**
 * Figures of notebook 08 (the Chinchilla refit): the runs with the fitted law, the running
 * exponent of the fitted law, and the bootstrap distributions of the exponents.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { chinchillaLoss, computeOptimal, frontierExponent } from "../fit/chinchilla";
import { CHINCHILLA_POINT, HOFFMANN_2022 } from "../paper";
import { crossover, cutAlongN, cutFrontierInC, cutFrontierInN, runningExponentOfCut } from "../fit/chinchilla_pedestal";
import * as chinchilla from "../findings/08_chinchilla";
import { formatNumber } from "../_util/format";
import type { Figure, FigureBuilder, Row } from "./figure";
import {
  BAND,
  composePanels,
  CURVE_COLOURS,
  FIGURE_SIZE,
  formatPowerOfTen,
  logGrid,
  PALETTE,
  plotDefaults,
  powerOfTenAxis,
  textColour,
  viridisOnWhite,
  X_AXIS,
} from "./render";
import { A_RANGE, A_RANGE_TEXT } from "../paper";

/** Token counts at which the fitted law is drawn in `figureChinchillaRuns`. */
const CURVE_TOKENS = [1e9, 1e10, 1e11];

/**
 * The colour bar of `figureChinchillaRuns`, above the plot: the tokens D on a log axis from `domain[0]`
 * to `domain[1]` in the plot's colours, titled on its left, and on its right the key of the ringed runs.
 */
function colourBar(colour: Record<string, unknown>, domain: [number, number], title: string): Element {
  const [lo, hi] = domain.map(Math.log10);
  const steps = Array.from({ length: 48 }, (_, i) => ({
    x1: 10 ** (lo + (hi - lo) * i / 48),
    x2: 10 ** (lo + (hi - lo) * Math.min(i + 1.3, 48) / 48), // overlapping a little: no seams between steps
    D: 10 ** (lo + (hi - lo) * (i + 0.5) / 48),
  }));
  return Plot.plot({
    ...plotDefaults(),
    height: 62,
    marginTop: 12,
    marginBottom: 26,
    marginLeft: 330,
    marginRight: 190,
    x: { ...powerOfTenAxis(lo, hi, 1), grid: false, label: null, tickSize: 4, tickPadding: 3 },
    y: { axis: null, domain: [0, 1] },
    color: colour,
    marks: [
      Plot.rect(steps, { x1: "x1", x2: "x2", y1: 0, y2: 1, fill: "D" }),
      Plot.text([title], {
        frameAnchor: "left",
        dx: -10,
        textAnchor: "end",
        text: (t: string) => t,
        fill: PALETTE.note,
      }),
      Plot.dot([0], { frameAnchor: "right", dx: 30, r: 3, fill: PALETTE.note }),
      Plot.dot([0], { frameAnchor: "right", dx: 30, r: 7, stroke: PALETTE.black }),
      Plot.text(["left out of the fit"], {
        frameAnchor: "right",
        dx: 44,
        textAnchor: "start",
        text: (t: string) => t,
        fill: PALETTE.note,
      }),
    ],
  }) as unknown as Element;
}

/**
 * The 245 Chinchilla runs (final loss against parameters N, coloured by training tokens D on a
 * log scale) with the headline fitted law drawn at D = 10⁹, 10¹⁰ and 10¹¹ tokens; the runs left out of
 * the headline fit (the notebook's `dropHighest` highest-loss ones, five by default) are ringed.
 *
 * Data columns: `kind,N,D,loss` (kind `run`, `left out` or `law`).
 */
export function figureChinchillaRuns(analysis: chinchilla.Analysis = chinchilla.analysis()): Figure {
  const { runs, dropped, fit } = analysis;
  const law = fit.law;
  const data: Row[] = runs.map((r) => ({
    kind: dropped.includes(r) ? "left out" : "run",
    N: r.N,
    D: r.D,
    loss: r.loss,
  }));
  const Ns = logGrid(7.5, 10.5, 20);
  const curves: Row[] = CURVE_TOKENS.flatMap((D) =>
    Ns.map((N) => ({ kind: "law", N, D, loss: chinchillaLoss(law, N, D) }))
  );
  const end = Ns[Ns.length - 1];
  const tags = CURVE_TOKENS.map((D) => ({ N: end, D, loss: chinchillaLoss(law, end, D) }));
  const colour = { type: "log", interpolate: viridisOnWhite, domain: [1e8, 1e12] } as const;
  const viridis = Plot.scale({ color: colour });
  const barHeight = 62;
  const plot = Plot.plot({
    ...plotDefaults(),
    x: { ...powerOfTenAxis(7, 11, 1, "model size N (parameters) →"), ...X_AXIS },
    y: { domain: [1.8, 5.2], grid: true, label: "↑ final training loss L (nats/token)" },
    color: colour,
    marks: [
      Plot.line(curves, { x: "N", y: "loss", z: "D", stroke: "D", strokeWidth: 2, clip: true }),
      Plot.dot(data.filter((d) => d.kind === "run"), {
        x: "N",
        y: "loss",
        fill: "D",
        r: 3,
        stroke: "white",
        strokeWidth: 0.5,
      }),
      Plot.dot(data.filter((d) => d.kind === "left out"), { x: "N", y: "loss", fill: "D", r: 3 }),
      Plot.dot(data.filter((d) => d.kind === "left out"), { x: "N", y: "loss", r: 7, stroke: "black" }),
      Plot.text(tags, {
        x: "N",
        y: "loss",
        text: (d: { D: number }) => `fit, D = ${formatPowerOfTen(d.D)}`,
        fill: (d: { D: number }) => textColour(String(viridis.apply(d.D))),
        textAnchor: "start",
        dx: 6,
        fontWeight: "bold",
        stroke: "white",
        strokeWidth: 3,
      }),
    ],
  });
  const element = composePanels(
    [{ element: colourBar(colour, [1e8, 1e12], "training tokens D"), y: 0 }, { element: plot, y: barHeight }],
    FIGURE_SIZE.width,
    FIGURE_SIZE.height + barHeight,
  );
  return {
    name: "chinchilla_runs",
    caption:
      `The ${runs.length} Chinchilla runs (loss against parameters, coloured by training tokens D as in the colour bar) with the fitted law L = E + A/N^{α} + B/D^{β} at D = 10⁹, 10¹⁰, 10¹¹ tokens; ${
        dropped.length === 0
          ? "no run is left out of the headline fit"
          : dropped.length === 1
          ? "the ringed run is left out of the headline fit"
          : `the ${dropped.length} ringed runs are left out of the headline fit`
      }.`,
    element,
    data: [...data, ...curves],
    columns: ["kind", "N", "D", "loss"],
  };
}

/**
 * Running exponent -d log L / d log(resource) of the headline fitted law against model size:
 * along N at fixed D (1e10 tokens and the Chinchilla model's 1.4e12), and along the compute-optimal frontier in N_opt
 * and in C (plotted at the N_opt of each C). The lines α and α_frontier = αβ/(α+β) of the fit and the A band
 * 0.05–0.1 of the paper are drawn; dots mark the crossovers (running exponent = half its
 * power-law value) and the shaded strip the sizes of the runs.
 *
 * Data columns: `curve,N,exponent`.
 */
export function figureChinchillaRunningExponent(analysis: chinchilla.Analysis = chinchilla.analysis()): Figure {
  const { runs, fit } = analysis;
  const law = fit.law;
  const Ns = logGrid(4, 14, 20);
  const curves = [
    { curve: "in N, D = 10¹⁰", cut: cutAlongN(law, 1e10) },
    { curve: `in N, D = ${formatNumber(CHINCHILLA_POINT.D)}`, cut: cutAlongN(law, CHINCHILLA_POINT.D) },
    { curve: "in N_opt, frontier", cut: cutFrontierInN(law) },
  ];
  const data: Row[] = curves.flatMap(({ curve, cut }) =>
    Ns.map((N) => ({ curve, N, exponent: runningExponentOfCut(cut, N) }))
  );
  // In C along the frontier, drawn at N_opt(C).
  const cC = cutFrontierInC(law);
  const Cs = logGrid(10, 30, 10).filter((C) => {
    const n = computeOptimal(law, C).N;
    return n >= 1e4 && n <= 1e14;
  });
  const inC: Row[] = Cs.map((C) => ({
    curve: "in C, frontier",
    N: computeOptimal(law, C).N,
    exponent: runningExponentOfCut(cC, C),
  }));
  data.push(...inC);
  const names = [...curves.map((c) => c.curve), "in C, frontier"];
  const dots = [
    ...curves.map(({ curve, cut }) => ({ curve, N: crossover(cut), exponent: cut.gamma / 2 })),
    { curve: "in C, frontier", N: computeOptimal(law, crossover(cC)).N, exponent: cC.gamma / 2 },
  ];
  const nMin = Math.min(...runs.map((r) => r.N)), nMax = Math.max(...runs.map((r) => r.N));
  const aC = frontierExponent(law);
  // An in-SVG key in the empty upper right: a short segment and the name of each curve.
  const key = names.flatMap((curve, i) => [
    { curve, N: 10 ** 10.6, exponent: 0.3 - 0.028 * i },
    { curve, N: 10 ** 11.1, exponent: 0.3 - 0.028 * i },
  ]);
  // the key's first line: what the dots are
  const dotKey = { N: 10 ** 10.85, exponent: 0.3 + 0.028 };
  const element = Plot.plot({
    ...plotDefaults(),
    x: { ...powerOfTenAxis(4, 14, 1, "model size N (parameters; for C: N_{opt}(C)) →"), ...X_AXIS },
    y: { domain: [0, 0.4], grid: true, label: "↑ running exponent of the fitted law" },
    color: { domain: names, range: CURVE_COLOURS, type: "ordinal" },
    marks: [
      // the runs' sizes: an outlined strip (sky), apart from the grey A band it crosses
      Plot.rect([{ x1: nMin, x2: nMax }], {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: 0.4,
        fill: PALETTE.sky,
        fillOpacity: 0.12,
        stroke: PALETTE.sky,
        strokeDasharray: "3,3",
        ...BAND,
      }),
      Plot.text([{ x: Math.sqrt(nMin * nMax), y: 0.39 }], {
        x: "x",
        y: "y",
        text: () => "sizes of the runs",
        fill: PALETTE.blueText,
      }),
      Plot.rect([{ y1: A_RANGE[0], y2: A_RANGE[1] }], {
        x1: 1e4,
        x2: 1e14,
        y1: "y1",
        y2: "y2",
        fill: PALETTE.band,
        fillOpacity: 0.35,
        ...BAND,
      }),
      Plot.text([{ x: 10 ** 13.9, y: (A_RANGE[0] + A_RANGE[1]) / 2 }], {
        x: "x",
        y: "y",
        text: () => `A range ${A_RANGE_TEXT}`,
        textAnchor: "end",
        fill: PALETTE.note,
      }),
      // the fit's α and α_frontier as short reference segments under their labels, on the right, so that
      // they do not run through the crossover dots (which sit at half of each curve's own exponent)
      Plot.ruleY([law.alpha, aC], { x1: 10 ** 12, x2: 1e14, stroke: PALETTE.black, strokeDasharray: "4,3" }),
      Plot.text([{ x: 10 ** 13.9, y: law.alpha, t: `α ≈ ${law.alpha.toFixed(2)}` }, {
        x: 10 ** 13.9,
        y: aC,
        t: `α_{frontier} = αβ/(α + β) ≈ ${aC.toFixed(2)}`,
      }], {
        x: "x",
        y: "y",
        text: "t",
        textAnchor: "end",
        dy: -12,
        fill: PALETTE.black,
      }),
      Plot.line(data, { x: "N", y: "exponent", z: "curve", stroke: "curve", strokeWidth: 2 }),
      Plot.dot(dots, { x: "N", y: "exponent", fill: "curve", r: 4, stroke: "white" }),
      Plot.line(key, { x: "N", y: "exponent", z: "curve", stroke: "curve", strokeWidth: 3 }),
      Plot.text(key.filter((_, i) => i % 2 === 1), {
        x: "N",
        y: "exponent",
        text: (d: { curve: string }) => d.curve.replace("N_opt", "N_{opt}"),
        fill: (d: { curve: string }) => textColour(CURVE_COLOURS[names.indexOf(d.curve) % CURVE_COLOURS.length]),
        textAnchor: "start",
        dx: 6,
        fontWeight: "bold",
      }),
      Plot.dot([dotKey], { x: "N", y: "exponent", fill: PALETTE.note, r: 4, stroke: "white" }),
      Plot.text([dotKey], {
        x: "N",
        y: "exponent",
        text: () => "crossover: half its exponent",
        textAnchor: "start",
        dx: 14,
        fill: PALETTE.note,
      }),
    ],
  });
  return {
    name: "chinchilla_running_exponent",
    caption:
      "Running exponent of the fitted Chinchilla law: along N at fixed D, and along the compute-optimal frontier in N_{opt} and in C; dots mark each curve's crossover, where its running exponent is half its power-law value (eqs. 6–7; not a point of the α lines); the dashed blue strip marks the sizes of the runs, the grey band the A range " +
      A_RANGE_TEXT + ".",
    element,
    data,
    columns: ["curve", "N", "exponent"],
  };
}

/** Bins of the bootstrap histograms of `figureChinchillaBootstrap`: 0.005 wide from 0.26 (the x domain 0.26–0.48). */
const BINS = { start: 0.26, width: 0.005, count: 45 } as const;
const EXPONENT_BINS = Array.from({ length: BINS.count }, (_, i) => BINS.start + i * BINS.width);

/**
 * Bootstrap distributions (1,000 resamples) of the exponents alpha and beta of the headline fit,
 * with the estimates (solid) and Hoffmann et al. 2022's published values (dashed).
 *
 * Data columns: `parameter,value`.
 */
export function figureChinchillaBootstrap(analysis: chinchilla.Analysis = chinchilla.analysis()): Figure {
  const { fit, bootstrap } = analysis;
  const data: Row[] = [
    ...bootstrap.estimates.alpha.map((value) => ({ parameter: "alpha", value })),
    ...bootstrap.estimates.beta.map((value) => ({ parameter: "beta", value })),
  ];
  const colour = { domain: ["alpha", "beta"], range: [PALETTE.blue, PALETTE.orange] };
  // Tallest bin of either histogram (the bins drawn, EXPONENT_BINS), to place the labels.
  const peak = Math.max(
    ...(["alpha", "beta"] as const).map((p) => {
      const counts = new Map<number, number>();
      for (const v of bootstrap.estimates[p]) {
        const k = Math.floor((v - BINS.start) / BINS.width);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return Math.max(...counts.values());
    }),
  );
  // One panel per exponent (no overlap of translucent bars, no third colour); in each, the fit's
  // label right of its solid rule and Hoffmann et al.'s left of their dashed one, on one row.
  const row = 1.18 * peak;
  const facetName: Record<string, string> = {
    alpha: "α, exponent of the parameters N",
    beta: "β, exponent of the tokens D",
  };
  const lines = (["alpha", "beta"] as const).flatMap((parameter) => {
    const symbol = parameter === "alpha" ? "α" : "β";
    const fitValue = fit.law[parameter], published = HOFFMANN_2022[parameter];
    // Hoffmann's label goes on the side away from the fit's, unless the frame's edge is too near; then it
    // goes right, towards the fit, whose label goes left of its rule if the two fit between the rules
    // (0.08 on the exponent axis). If they do not (a fit that leaves out more runs than the notebook's
    // five, in the live edition: β ≈ 0.33–0.36), the fit's label goes right of its rule and Hoffmann's is
    // raised above the top of the fit's rule, its own rule drawn up to it.
    const fitRight = fitValue >= published && published - BINS.start > 0.06;
    const crowded = !fitRight && fitValue >= published && fitValue - published < 0.08;
    return [
      {
        parameter,
        value: fitValue,
        label: `fit ${symbol} ≈ ${fitValue.toFixed(2)}`,
        dash: "none",
        anchor: fitRight || crowded ? "start" : "end",
        raised: false,
      },
      {
        parameter,
        value: published,
        label: `Hoffmann ${symbol} = ${published}`,
        dash: "5,4",
        anchor: fitRight ? "end" : "start",
        raised: crowded,
      },
    ];
  });
  // a raised label needs more room above the row
  const top = Math.ceil(peak * (lines.some((l) => l.raised) ? 1.5 : 1.32) / 20) * 20;
  /** The height of a label's row: the row, or above the top of the rules for a raised label. */
  const labelY = (l: { raised: boolean }) => l.raised ? row + 0.13 * top : row;
  const element = Plot.plot({
    ...plotDefaults(),
    x: { domain: [0.26, 0.48], grid: true, label: "exponent →", ...X_AXIS },
    y: { domain: [0, top], grid: true, label: "↑ resamples per bin", ticks: 4 },
    fy: { domain: ["alpha", "beta"], axis: null },
    color: { ...colour, type: "ordinal" },
    marks: [
      // y2 rather than y: one histogram per panel, not stacked.
      Plot.rectY(
        data,
        Plot.binX({ y2: "count" }, {
          x: "value",
          fy: "parameter",
          fill: "parameter",
          fillOpacity: 0.6,
          thresholds: EXPONENT_BINS,
        } as Record<string, unknown>),
      ),
      Plot.ruleY([0]),
      Plot.text(["alpha", "beta"], {
        fy: (p: string) => p,
        frameAnchor: "top-right",
        text: (p: string) => facetName[p],
        fill: (p: string) => textColour(p === "alpha" ? PALETTE.blue : PALETTE.orange),
        dx: -4,
        dy: 4,
        lineAnchor: "top",
        textAnchor: "end",
      }),
      ...lines.map((l) =>
        Plot.ruleX([l], {
          x: "value",
          fy: "parameter",
          y1: 0,
          y2: labelY(l) + 0.06 * top,
          stroke: "parameter",
          strokeWidth: 2,
          strokeDasharray: l.dash,
        })
      ),
      ...lines.map((l) =>
        Plot.text([l], {
          x: "value",
          y: () => labelY(l),
          fy: "parameter",
          text: "label",
          textAnchor: l.anchor as "start" | "end",
          fill: textColour(l.parameter === "alpha" ? PALETTE.blue : PALETTE.orange),
          dx: l.anchor === "end" ? -5 : 5,
          fontWeight: "bold",
        })
      ),
    ],
  });
  return {
    name: "chinchilla_bootstrap_exponents",
    caption:
      `Bootstrap distributions of the fitted exponents α and β (${bootstrap.resamples} resamples of the ${analysis.headlineRuns.length} headline runs), one panel per exponent, with the estimates (solid) and Hoffmann et al. 2022's published values (dashed).`,
    element,
    data,
    columns: ["parameter", "value"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  () => figureChinchillaRuns(),
  () => figureChinchillaRunningExponent(),
  () => figureChinchillaBootstrap(),
];
