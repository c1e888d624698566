/**
 * Figures of section 4 (and the exponent laws of section 5): the scaling exponent against the
 * intrinsic dimension.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Figure, FigureBuilder, Row } from "./figure";
import { BAND, logGrid, PALETTE, plotDefaults, powerOfTenAxis, textColour, X_AXIS } from "./render";
import { formatFraction } from "../_util/format";
import {
  dimensionForExponent,
  halvingFactor,
  roughExponent,
  sharmaKaplanExponent,
} from "../theory/intrinsic_dimension";
import { piecewiseExponent } from "../theory/piecewise";
import { K41_HURST } from "../paper";
import { requireInRange } from "../_util/validate";
import { A_RANGE } from "../paper";

const COLORS = {
  smooth: PALETTE.blue,
  constant: PALETTE.green,
  eq17: PALETTE.orange,
  argument: PALETTE.purple,
} as const;

/**
 * Figure: alpha against the intrinsic dimension d on log-log axes, for a smooth target with
 * piecewise-linear cells (4/d, eq. 9), piecewise-constant cells (2/d, eq. 13), a rough target with
 * h = 1/3 as eq. 17 states it (4h/d) and as section 5's argument gives it (2h/d), with the band
 * 0.05 <= alpha <= 0.1 of the paper and the dimensions 40 and 80 where 4/d crosses it.
 *
 * @param h Hölder exponent of the rough target (default 1/3, K41).
 * @param hLabel how `h` is printed in the labels and the caption (default: a simple fraction such
 *   as "1/3" when h is one, otherwise h to three significant digits).
 * @param band the band of exponents [low, high] shaded, with the dimensions 4/high and 4/low where
 *   4/d crosses its edges (default the paper's [0.05, 0.1]: d = 80 and 40); 0.005 <= low < high <= 1.
 * @throws {RangeError} if `h` is outside (0, 1] or `band` outside its range.
 * @example show(figureExponentVersusDimension()) // in a notebook; exportFigure(figureExponentVersusDimension()) to disk
 */
export function figureExponentVersusDimension(
  h = K41_HURST,
  hLabel = formatFraction(h),
  band: readonly [number, number] = A_RANGE,
): Figure {
  const [lo, hi] = band;
  requireInRange("band[0]", lo, { min: 0.005, max: 1 });
  requireInRange("band[1]", hi, { min: lo, max: 1, minOpen: true });
  // the dimensions where 4/d crosses the band's edges (40 and 80 for the paper's band)
  const edges = [dimensionForExponent(hi), dimensionForExponent(lo)];
  const ds = logGrid(0, 3, 20);
  const laws: { law: string; color: string; dash: string; f: (d: number) => number }[] = [
    { law: "4/d (eq. 9, smooth, piecewise linear)", color: COLORS.smooth, dash: "none", f: sharmaKaplanExponent },
    {
      law: "2/d (eq. 13, piecewise constant)",
      color: COLORS.constant,
      dash: "none",
      f: (d) => piecewiseExponent(2, 0, d),
    },
    { law: `4h/d (eq. 17 as printed, h = ${hLabel})`, color: COLORS.eq17, dash: "none", f: (d) => roughExponent(h, d) },
    {
      law: `2h/d (section 5 argument, h = ${hLabel})`,
      color: COLORS.argument,
      dash: "6 4",
      f: (d) => piecewiseExponent(h, 1, d),
    },
  ];
  const data: Row[] = [];
  for (const { law, f } of laws) for (const d of ds) data.push({ law, d, alpha: f(d) });

  const labels = laws.map(({ law, color, f }, i) => ({ law, color, d: 1.15, alpha: f(1.15), i }));
  const element = Plot.plot({
    ...plotDefaults(),
    marginRight: 24,
    x: { ...powerOfTenAxis(0, 3, 1, "intrinsic dimension d →"), ...X_AXIS },
    y: powerOfTenAxis(-4, 1, 1, "↑ scaling exponent α"),
    marks: [
      Plot.rect([{ x1: 1, x2: 1000, y1: lo, y2: hi }], {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: PALETTE.band,
        fillOpacity: 0.35,
        ...BAND,
      }),
      Plot.text([{ d: 1.1, alpha: lo + 0.44 * (hi - lo) }], {
        x: "d",
        y: "alpha",
        text: () => `${lo} ≤ α ≤ ${hi} (section 1)`,
        textAnchor: "start",
        fill: PALETTE.note,
      }),
      // the rules stop short of their labels above and of the key below
      Plot.ruleX(edges, { y1: 10 ** -1.9, y2: 3, stroke: PALETTE.rule, strokeDasharray: "2 3" }),
      Plot.text(edges.map((d) => ({ d, t: `d = ${Number(d.toPrecision(3))}` })), {
        x: "d",
        y: 3,
        text: "t",
        textAnchor: "middle",
        dy: -9,
        fill: PALETTE.note,
      }),
      ...laws.map(({ law, color, dash }) =>
        Plot.line(data.filter((r) => r.law === law), {
          x: "d",
          y: "alpha",
          stroke: color,
          strokeWidth: 2,
          strokeDasharray: dash,
        })
      ),
      Plot.text(labels, {
        x: () => 2.2,
        y: (r: { i: number }) => 10 ** (-2.45 - 0.35 * r.i),
        text: "law",
        fill: (r: { color: string }) => textColour(r.color),
        textAnchor: "start",
        fontWeight: "bold",
      }),
      ...labels.map((r) =>
        Plot.link([r], {
          x1: () => 2.1,
          y1: () => 10 ** (-2.45 - 0.35 * r.i),
          x2: () => 1.6,
          y2: () => 10 ** (-2.45 - 0.35 * r.i),
          stroke: r.color,
          strokeWidth: 2,
          strokeDasharray: laws[r.i].dash,
        })
      ),
    ],
  }) as unknown as Element;
  return {
    name: "intrinsic_dimension_exponent_vs_d",
    caption:
      "Scaling exponent against intrinsic dimension: 4/d (smooth target, piecewise linear), 2/d (piecewise constant), " +
      `eq. 17's 4h/d and the argument's 2h/d for h = ${hLabel}, with the band ${lo}–${hi} (grey) and d = ${
        edges.map((d) => Number(d.toPrecision(3))).join(", ")
      } (dotted).`,
    element,
    data,
    columns: ["law", "d", "alpha"],
  };
}

/**
 * Figure: the resources that halve the loss, 2^(1/alpha), against the intrinsic dimension d on a log
 * axis, for alpha = 4/d (2^(d/4)), 2/d (2^(d/2)) and eq. 17 with h = 1/3 (2^(3d/4)), with the points
 * d = 40 (1024, the introduction's 2^10), 80 and 100 marked on the 4/d line.
 *
 * @param dMax largest dimension plotted (default 120).
 * @param marked dimensions marked on the 4/d line, each >= 1 (default 40, 80, 100); those above
 *   `dMax` are not drawn.
 * @throws {RangeError} if `dMax` <= 1 or a marked dimension is below 1.
 * @example show(figureHalvingCostVersusDimension())
 */
export function figureHalvingCostVersusDimension(dMax = 120, marked: readonly number[] = [40, 80, 100]): Figure {
  requireInRange("dMax", dMax, { min: 1, minOpen: true });
  marked.forEach((d, i) => requireInRange(`marked[${i}]`, d, { min: 1 }));
  const laws = [
    { law: "α = 4/d: 2^{d/4}", color: COLORS.smooth, a: 4, h: 1 },
    { law: "α = 2/d: 2^{d/2}", color: COLORS.constant, a: 2, h: 1 },
    { law: "α = 4h/d, h = 1/3 (eq. 17): 2^{3d/4}", color: COLORS.eq17, a: 4, h: K41_HURST },
  ];
  const yMaxExp = Math.ceil((dMax * 3 / 4) * Math.log10(2) / 3) * 3;
  const data: Row[] = [];
  for (const { law, a, h } of laws) {
    for (let d = 1; d <= dMax; d++) {
      const cost = halvingFactor(d, a, h);
      if (cost <= 10 ** yMaxExp) data.push({ law, d, halve: cost });
    }
  }
  const dots = marked.filter((d) => d <= dMax).map((d) => ({
    d,
    halve: halvingFactor(d),
    // one notation for every point: the power of two (2^{10} = 1024 at d = 40, in the caption)
    label: `d = ${d}: 2^{${d / 4}}`,
  }));
  const element = Plot.plot({
    ...plotDefaults(),
    x: { label: "intrinsic dimension d →", domain: [0, dMax], grid: true, ...X_AXIS },
    y: powerOfTenAxis(0, yMaxExp, 3, "↑ factor of resources that halves the loss"),
    marks: [
      ...laws.map(({ law, color }) =>
        Plot.line(data.filter((r) => r.law === law), { x: "d", y: "halve", stroke: color, strokeWidth: 2 })
      ),
      Plot.dot(dots, { x: "d", y: "halve", fill: COLORS.smooth, r: 4 }),
      Plot.text(dots, { x: "d", y: "halve", text: "label", dy: 14, textAnchor: "start", fill: PALETTE.note }),
      // the key: a line swatch in each law's colour, then its name
      ...laws.map((l, i) =>
        Plot.link([l], {
          x1: () => dMax * 0.03,
          x2: () => dMax * 0.075,
          y1: () => 10 ** (yMaxExp * (0.92 - 0.07 * i)),
          y2: () => 10 ** (yMaxExp * (0.92 - 0.07 * i)),
          stroke: l.color,
          strokeWidth: 2,
        })
      ),
      Plot.text(laws.map((l, i) => ({ ...l, i })), {
        x: () => dMax * 0.085,
        y: (r: { i: number }) => 10 ** (yMaxExp * (0.92 - 0.07 * r.i)),
        text: "law",
        fill: (r: { color: string }) => textColour(r.color),
        textAnchor: "start",
        fontWeight: "bold",
      }),
    ],
  }) as unknown as Element;
  return {
    name: "intrinsic_dimension_halving_cost_vs_d",
    caption:
      "Resources to halve the loss, 2^{1/α}, against intrinsic dimension: 2^{d/4} under α = 4/d (2^{10} = 1024 at d = 40), " +
      "2^{d/2} for piecewise constants and 2^{3d/4} under eq. 17 with h = 1/3.",
    element,
    data,
    columns: ["law", "d", "halve"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  () => figureExponentVersusDimension(),
  () => figureHalvingCostVersusDimension(),
];
