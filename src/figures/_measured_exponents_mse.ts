/**
 * The squared-error figures of notebook 07 (private to `./measured_exponents`, which lists them): the
 * squared error against N on log-log axes, one facet per approximant (and per Hölder exponent h), the
 * fitted power laws dashed, each facet's key of fitted and predicted exponents placed where no point
 * falls, and each curve named at its end.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ExponentMeasurement } from "../measure/measured_exponents";
import type { Figure, Row } from "./figure";
import { FIGURE_SIZE, PALETTE, plotDefaults, powerOfTenAxis, textColour, X_AXIS } from "./render";
import { formatFraction } from "../_util/format";

/** Powers of ten just enclosing the positive values. */
function decades(values: number[]): [number, number] {
  const lo = Math.floor(Math.log10(Math.min(...values)) + 1e-9);
  const hi = Math.ceil(Math.log10(Math.max(...values)) - 1e-9);
  return [lo, Math.max(hi, lo + 1)];
}

const FACET_NAMES: Record<string, string> = {
  constant: "piecewise constant (cell-centre value)",
  linear: "piecewise linear (multilinear from nodes)",
  knn1: "1-nearest neighbour",
  local_linear: "local-linear (tangent plane)",
};

/** One row per (curve, N): the measured squared error and the fitted power law at that N. */
function curveRows(curves: ExponentMeasurement[]): Row[] {
  return curves.flatMap((e) =>
    e.sizes.map((N, i) => ({
      experiment: e.experiment,
      target: e.target,
      approximant: e.approximant,
      d: e.d,
      h: e.h === null ? "" : e.h,
      N,
      mse: e.mse[i],
      mse_stderr: e.mseStderr[i],
      fit: e.prefactor * N ** -e.alpha,
      alpha: e.alpha,
    }))
  );
}

const CURVE_COLUMNS = ["experiment", "target", "approximant", "d", "h", "N", "mse", "mse_stderr", "fit", "alpha"];

/**
 * Colours of the curves d = 1…6 of the squared-error figures: the house palette with vermillion
 * before sky blue, so that d = 5 is not a second blue beside d = 1's.
 */
const DIMENSION_COLOURS = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.purple,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.sky,
];

/**
 * The heading of a facet's key: what the bracketed exponent is. The paper's formulas for smooth targets
 * (2/d, 4/d, eq. 13) and for the linear approximant of a rough one (4h/d, eq. 17); for the constant
 * approximant of a rough target, 2h/d is eq. 17's factor h applied to 2/d, not a formula of the paper.
 */
function keyHeading(approximant: string, h: number | null): string {
  const linear = approximant === "linear" || approximant === "local_linear";
  if (h === null) return `fitted α (paper: ${linear ? 4 : 2}/d)`;
  return linear ? "fitted α (eq. 17: 4h/d)" : "fitted α (ours: 2h/d)";
}

/** Width in px of `text` at `fontSize` px in DejaVu Sans Bold (an upper bound: 0.68 em a character). */
const textWidth = (text: string, fontSize: number) => [...text].length * fontSize * 0.68;

/**
 * Log-log plot of squared error against N (`data`, the rows of `curveRows(curves)`), one facet per
 * approximant (columns) and optionally per h (rows). Each facet carries a key, one line per curve
 * ("d = 3: 1.32 (1.33)": measured exponent, the paper's in brackets), in the first corner of the
 * facet (lower left, upper right, lower right, upper left) where no point or fitted line of the
 * facet falls inside the key's box (estimated from the text's length), else at the first free place
 * of a quarter-decade grid.
 */
function msePlot(curves: ExponentMeasurement[], data: Row[], xLabel: string, byH: boolean): Element {
  const [xlo, xDecade] = decades(data.map((r) => r.N as number));
  const [ylo, yhi] = decades(data.flatMap((r) => [r.mse as number, r.fit as number]));
  const fontSize = 10.5, lineHeight = 13;
  const facetsX = new Set(curves.map((e) => e.approximant)).size;
  const hs = [...new Set(curves.map((e) => e.h))];
  const facetsY = byH ? hs.length : 1;
  // one row of facets per h (the live edition draws one h: one row, its "h = …" label alone at the right)
  const height = facetsY > 1 ? 620 : FIGURE_SIZE.height;
  const hLabel = (h: number) => `h = ${formatFraction(h)}`;
  const widestH = Math.max(0, ...hs.map((h) => (h === null ? 0 : hLabel(h).length)));
  const marginTop = 44, marginBottom = 52, marginLeft = 64;
  const marginRight = byH ? Math.max(64, Math.ceil(10 + 7.4 * widestH)) : 24;
  // facet size in px (Plot's default facet padding is 0.1 of a band)
  const facetW = (FIGURE_SIZE.width - marginLeft - marginRight) / (facetsX + 0.1 * (facetsX - 1));
  // x runs from the power of ten below the data to just beyond its end, not to the next power: room
  // for the direct labels "d = …" (LABEL_ROOM px) right of the last points
  const LABEL_ROOM = 46, k = LABEL_ROOM / facetW;
  const xhi = Math.min(xDecade, (Math.log10(Math.max(...data.map((r) => r.N as number))) - k * xlo) / (1 - k));
  const facetH = (height - marginTop - marginBottom) / (facetsY + 0.1 * (facetsY - 1));
  const pxX = facetW / (xhi - xlo), pxY = facetH / (yhi - ylo); // px per decade
  const ends: Row[] = [];
  const groups = new Map<string, ExponentMeasurement[]>();
  for (const e of curves) groups.set(`${e.approximant}|${e.h}`, [...(groups.get(`${e.approximant}|${e.h}`) ?? []), e]);
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => b.d - a.d);
    const labels = sorted.map((e) => `d = ${e.d}: ${e.alpha.toFixed(2)} (${e.alphaPaper.toFixed(2)})`);
    const head = keyHeading(group[0].approximant, group[0].h);
    const w = (Math.max(textWidth(head, fontSize), ...labels.map((l) => textWidth(l, fontSize))) + 12) / pxX;
    const h = ((labels.length + 1) * lineHeight + 10) / pxY; // key size in decades
    const pad = 0.04;
    const corners = [
      [xlo + pad, ylo + pad],
      [xhi - pad - w, yhi - pad - h],
      [xhi - pad - w, ylo + pad],
      [xlo + pad, yhi - pad - h],
    ];
    const pts = data.filter((r) => group.some((e) => e.approximant === r.approximant && (e.h ?? "") === r.h))
      .flatMap((
        r,
      ) => [[Math.log10(r.N as number), Math.log10(r.mse as number)], [
        Math.log10(r.N as number),
        Math.log10(r.fit as number),
      ]]);
    // also points along the fitted lines between sizes
    for (const e of group) {
      const a = Math.log10(e.sizes[0]), b = Math.log10(e.sizes[e.sizes.length - 1]);
      for (let k = 0; k <= 40; k++) {
        const x = a + (b - a) * k / 40;
        pts.push([x, Math.log10(e.prefactor) - e.alpha * x]);
      }
    }
    // and the direct labels "d = …" right of each curve's last point
    for (const e of group) {
      const x = Math.log10(e.sizes[e.sizes.length - 1]), y = Math.log10(e.mse[e.mse.length - 1]);
      for (let k = 0; k <= 6; k++) pts.push([x + (6 + k * 6) / pxX, y]);
    }
    const free = (c: number[]) =>
      !pts.some(([x, y]) => x > c[0] - 0.1 && x < c[0] + w + 0.1 && y > c[1] - 0.1 && y < c[1] + h + 0.1);
    // else the first free place on a grid of quarter decades, from the lower left
    for (let y = ylo + pad; y + h < yhi; y += 0.25) {
      for (let x = xlo + pad; x + w < xhi; x += 0.25) corners.push([x, y]);
    }
    const [x0, y0] = corners.find(free) ?? corners[0];
    const base = { approximant: group[0].approximant, h: group[0].h === null ? "" : group[0].h };
    // rows from the top of the key: the heading, then one line per curve (largest d first)
    const rowY = (i: number) => 10 ** (y0 + h - (5 + lineHeight * (i + 0.5)) / pxY);
    ends.push({ ...base, N: 10 ** (x0 + 6 / pxX), mse: rowY(0), d: "", label: head });
    sorted.forEach((e, i) =>
      ends.push({ ...base, N: 10 ** (x0 + 6 / pxX), mse: rowY(i + 1), d: e.d, label: labels[i] })
    );
  }
  const dims = [...new Set(curves.map((e) => e.d))].sort();
  const facet = { fx: "approximant", ...(byH ? { fy: "h" } : {}) };
  // each curve named at its end (the key's colours alone do not tell five curves apart)
  const direct = curves.map((e) => ({
    approximant: e.approximant,
    h: e.h === null ? "" : e.h,
    d: e.d,
    N: e.sizes[e.sizes.length - 1],
    mse: e.mse[e.mse.length - 1],
    label: `d = ${e.d}`,
  }));
  // one facet's labels at least a line apart (pushed down from the highest), so that close curve ends
  // (d = 4 and d = 5) keep their labels apart
  const byFacet = new Map<string, typeof direct>();
  for (const r of direct) {
    byFacet.set(`${r.approximant}|${r.h}`, [...(byFacet.get(`${r.approximant}|${r.h}`) ?? []), r]);
  }
  for (const labels of byFacet.values()) {
    labels.sort((a, b) => b.mse - a.mse);
    for (let i = 1; i < labels.length; i++) {
      const limit = labels[i - 1].mse / 10 ** ((lineHeight + 1) / pxY);
      if (labels[i].mse > limit) labels[i].mse = limit;
    }
  }
  const colourOf = (d: number) => DIMENSION_COLOURS[dims.indexOf(d) % DIMENSION_COLOURS.length];
  const xAxis = powerOfTenAxis(xlo, xDecade, xDecade - xlo > 4 ? 2 : 1, xLabel);
  const xTicks = (xAxis.ticks as number[]).filter((t) => t <= 10 ** xhi * (1 + 1e-9));
  return Plot.plot({
    ...plotDefaults(),
    height,
    marginRight,
    marginTop,
    x: { ...xAxis, domain: [10 ** xlo, 10 ** xhi], ticks: xTicks, ...X_AXIS },
    y: powerOfTenAxis(ylo, yhi, yhi - ylo > 8 ? 2 : 1, "↑ squared error L = ∫|f − f_{N}|² (eq. 12)"),
    fx: { label: null, tickFormat: (a: string) => FACET_NAMES[a] ?? a },
    fy: byH ? { label: facetsY > 1 ? "Hölder exponent h" : null, tickFormat: hLabel } : undefined,
    color: { domain: dims, range: dims.map(colourOf), type: "ordinal" },
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.line(data, { x: "N", y: "fit", z: "d", stroke: "d", strokeWidth: 1.2, strokeDasharray: "4,3", ...facet }),
      Plot.dot(data, { x: "N", y: "mse", fill: "d", r: 3, ...facet }),
      Plot.text(ends.filter((r) => r.d === ""), {
        x: "N",
        y: "mse",
        text: "label",
        fill: PALETTE.note,
        textAnchor: "start",
        fontSize,
        ...facet,
      }),
      Plot.text(ends.filter((r) => r.d !== ""), {
        x: "N",
        y: "mse",
        text: "label",
        textAnchor: "start",
        fontSize,
        fontWeight: "bold",
        ...facet,
        fill: (r: Row) => textColour(colourOf(r.d as number)),
      }),
      Plot.text(direct, {
        x: "N",
        y: "mse",
        text: "label",
        textAnchor: "start",
        dx: 6,
        fontSize,
        ...facet,
        fill: (r: Row) => textColour(colourOf(r.d as number)),
      }),
    ],
  }) as unknown as Element;
}

/** A squared-error figure of `curves`: its data rows are built once and shared by the plot and the CSV. */
export function mseFigure(
  name: string,
  caption: string,
  curves: ExponentMeasurement[],
  xLabel: string,
  byH: boolean,
): Figure {
  const data = curveRows(curves);
  return { name, caption, element: msePlot(curves, data, xLabel, byH), data, columns: CURVE_COLUMNS };
}
