/**
 * Figures of section 3: the running exponent of the pedestal law (the paper's Figure 1) and the
 * critical size between the C and A regimes (the paper's Figure 2).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { criticalInverseSize, criticalSize, runningExponent } from "../theory/pedestal";
import type { Figure, FigureBuilder, Row } from "./figure";
import {
  BAND,
  CURVE_COLOURS,
  formatPowerOfTen,
  logGrid,
  PALETTE,
  plotDefaults,
  powerOfTenAxis,
  textColour,
  X_AXIS,
} from "./render";
import { formatFraction } from "../_util/format";
import { A_RANGE, A_RANGE_TEXT, ALPHA_C, FIG1_PEDESTALS } from "../paper";

/** Options of `figure1RunningExponent`. */
export interface Figure1Options {
  /** Exponent of the C regime, default 1/3 (Chinchilla, paper §3). */
  alphaC?: number;
  /** Pedestal ratios p, default the paper's 0.01, 0.05, 0.1, 0.2. */
  pedestals?: number[];
  /** Smallest x as a power of ten, default -12. */
  xMinExponent?: number;
  /** Points per decade of x, default 20. */
  pointsPerDecade?: number;
}

/**
 * The paper's Figure 1: the running exponent alpha_p(x) of eq. 5 (not normalised) against
 * x = 1/N on a log axis (a secondary axis on top reads the same positions in N), with the line
 * alpha_C and the A band 0.05–0.1. A dot marks each curve's midpoint alpha_p = alpha_C / 2, which
 * sits at x_crit(p) (eq. 6). The curves are named in a key in the empty upper left (a short segment
 * in each curve's colour and its p), so that no label sits on a neighbouring curve whatever the
 * pedestals.
 *
 * Data columns: `x,p,alpha_p`.
 */
export function figure1RunningExponent(options: Figure1Options = {}): Figure {
  const alphaC = options.alphaC ?? ALPHA_C;
  const pedestals = options.pedestals ?? [...FIG1_PEDESTALS];
  const lo = options.xMinExponent ?? -12;
  const xs = logGrid(lo, 0, options.pointsPerDecade ?? 20);
  const data: Row[] = pedestals.flatMap((p) => xs.map((x) => ({ x, p, alpha_p: runningExponent(x, p, alphaC) })));
  const labels = pedestals.map((p) => ({ x: criticalInverseSize(p, alphaC), y: alphaC / 2, p }));
  // the key: one row per curve, a segment over 0.5 decade then "p = …", and a last row for the dots;
  // below the alpha_C label in the upper left, unless a curve runs there (small p, as the live
  // edition's sliders allow), then in the first free place of the lower right or the middle
  const rowStep = Math.min(0.075, 0.5 / pedestals.length) * alphaC;
  const keyWidth = 4.6 * (-lo / 12); // decades: the dot row's text is about 200 px of the 632 px frame
  const keyHeight = rowStep * (pedestals.length + 1);
  const places = [{ x0: lo + 0.25, top: alphaC * 0.86 }];
  for (let top = alphaC * 0.86; top - keyHeight > 0; top -= rowStep / 2) {
    for (let x0 = lo + 0.25; x0 + keyWidth < -0.1; x0 += 0.25) places.push({ x0, top });
  }
  // the A range's label (left end of its band) is no place for the key either
  const aLabel = { x1: lo, x2: lo + 4.6 * (-lo / 12), y1: A_RANGE[0], y2: A_RANGE[1] };
  // how much of the curves (sampled points) and of the A label a place would cover
  const covered = ({ x0, top }: { x0: number; top: number }) =>
    (x0 < aLabel.x2 && x0 + keyWidth > aLabel.x1 && top + rowStep * 0.6 > aLabel.y1 && top - keyHeight < aLabel.y2
      ? data.length
      : 0) +
    data.filter((r) => {
      const lx = Math.log10(r.x as number), y = r.alpha_p as number;
      return lx > x0 - 0.2 && lx < x0 + keyWidth && y < top + rowStep * 0.6 && y > top - keyHeight;
    }).length;
  // the first free place, else the least covered one
  const { x0, top } = places.find((q) => covered(q) === 0) ??
    places.reduce((a, b) => (covered(b) < covered(a) ? b : a));
  const key = pedestals.flatMap((p, i) => [
    { x: 10 ** x0, y: top - rowStep * i, p },
    { x: 10 ** (x0 + 0.5 * (-lo / 12)), y: top - rowStep * i, p },
  ]);
  // the key's last row: what the dots are
  const dotKey = { x: 10 ** (x0 + 0.25 * (-lo / 12)), y: top - rowStep * pedestals.length };
  const colour = { domain: pedestals, range: CURVE_COLOURS };
  const xDomain: [number, number] = [10 ** lo, 1];
  const step = 2;
  const element = Plot.plot({
    ...plotDefaults(),
    marginTop: 56,
    x: { ...powerOfTenAxis(lo, 0, step, "x = 1/N →"), ...X_AXIS, axis: "bottom" },
    y: { domain: [0, alphaC * 1.12], grid: true, label: "↑ running exponent α_{p}(x), eq. 5" },
    color: { ...colour, type: "ordinal" },
    marks: [
      Plot.axisX(powerOfTenAxis(lo, 0, step).ticks as number[], {
        anchor: "top",
        tickFormat: (x: number) => formatPowerOfTen(1 / x),
        label: "← model size N = 1/x",
        labelAnchor: "right",
      }),
      Plot.rect([{ y1: A_RANGE[0], y2: A_RANGE[1] }], {
        x1: xDomain[0],
        x2: xDomain[1],
        y1: "y1",
        y2: "y2",
        fill: PALETTE.band,
        fillOpacity: 0.35,
        ...BAND,
      }),
      Plot.text([{ x: 10 ** (lo + 0.2), y: (A_RANGE[0] + A_RANGE[1]) / 2 }], {
        x: "x",
        y: "y",
        text: () => `A range: ${A_RANGE[0]} < α < ${A_RANGE[1]}`,
        textAnchor: "start",
        fill: PALETTE.note,
      }),
      Plot.ruleY([alphaC], { stroke: PALETTE.black, strokeWidth: 1.5 }),
      Plot.text([{ x: 10 ** (lo + 0.2), y: alphaC }], {
        x: "x",
        y: "y",
        text: () => `α_{C} = ${formatFraction(alphaC)} (C regime)`,
        textAnchor: "start",
        dy: -13,
        fill: PALETTE.black,
      }),
      Plot.line(data, { x: "x", y: "alpha_p", z: "p", stroke: "p", strokeWidth: 2 }),
      Plot.dot(labels, { x: "x", y: "y", fill: "p", r: 3.5 }),
      Plot.line(key, { x: "x", y: "y", z: "p", stroke: "p", strokeWidth: 3 }),
      Plot.text(key.filter((_, i) => i % 2 === 1), {
        x: "x",
        y: "y",
        text: (d: { p: number }) => `p = ${d.p}`,
        textAnchor: "start",
        dx: 6,
        fill: (d: { p: number }) => textColour(CURVE_COLOURS[pedestals.indexOf(d.p) % CURVE_COLOURS.length]),
        fontWeight: "bold",
      }),
      Plot.dot([dotKey], { x: "x", y: "y", fill: PALETTE.note, r: 3.5 }),
      Plot.text([dotKey], {
        x: "x",
        y: "y",
        text: () => "α_{p} = α_{C}/2, at x_{crit}(p)",
        textAnchor: "start",
        dx: 26,
        fill: PALETTE.note,
      }),
    ],
  });
  return {
    name: "figure1_running_exponent",
    caption:
      `Running exponent α_{p}(x) of the pedestal law (eq. 5, not normalised) against x = 1/N (top axis: N) for α_{C} = ${
        formatFraction(alphaC)
      } and p = ${
        pedestals.join(", ")
      }; dots mark α_{p} = α_{C}/2 at x_{crit}(p) (eq. 6); the grey band is the A range ${A_RANGE_TEXT}.`,
    element,
    data,
    columns: ["x", "p", "alpha_p"],
  };
}

/** Options of `figure2CriticalSize`. */
export interface Figure2Options {
  /** Exponent of the C regime, default 1/3. */
  alphaC?: number;
  /** Smallest p as a power of ten, default -3. */
  pMinExponent?: number;
  /** Points per decade of p, default 40. */
  pointsPerDecade?: number;
  /** Pedestals to mark on the curve, default the paper's 0.01, 0.05, 0.1, 0.2. */
  marked?: number[];
}

/**
 * The paper's Figure 2: the critical size N_crit(p) = ((1 - p)/p)^(1/alpha_C) of eq. 7 on log
 * axes, separating the C regime (below the curve: the power law dominates) from the A regime
 * (above: the pedestal dominates). The curve runs from p = 10^pMinExponent to p = 1/2, where
 * N_crit = 1.
 *
 * Data columns: `p,N_crit`.
 */
export function figure2CriticalSize(options: Figure2Options = {}): Figure {
  const alphaC = options.alphaC ?? ALPHA_C;
  const lo = options.pMinExponent ?? -3;
  const marked = options.marked ?? [...FIG1_PEDESTALS];
  const ps = logGrid(lo, Math.log10(0.5), options.pointsPerDecade ?? 40);
  ps[ps.length - 1] = 0.5;
  const data: Row[] = ps.map((p) => ({ p, N_crit: criticalSize(p, alphaC) }));
  const yHi = Math.ceil(Math.log10(criticalSize(10 ** lo, alphaC)));
  const marks = marked.map((p) => ({ p, N: criticalSize(p, alphaC) }));
  const element = Plot.plot({
    ...plotDefaults(),
    x: { ...powerOfTenAxis(lo, 0, 1, "pedestal ratio p = L_{0}/L_{1} →"), ...X_AXIS },
    y: powerOfTenAxis(0, yHi, yHi > 10 ? 2 : 1, "↑ critical size N_{crit}(p), eq. 7 (N in units where L(1) = L_{1})"),
    marks: [
      Plot.areaY(data, { x: "p", y1: "N_crit", y2: 10 ** yHi, fill: PALETTE.orange, fillOpacity: 0.14, ...BAND }),
      Plot.areaY(data, { x: "p", y1: 1, y2: "N_crit", fill: PALETTE.blue, fillOpacity: 0.1, ...BAND }),
      Plot.line(data, { x: "p", y: "N_crit", stroke: PALETTE.black, strokeWidth: 2 }),
      Plot.dot(marks, { x: "p", y: "N", fill: PALETTE.black, r: 3.5 }),
      Plot.text(marks, {
        x: "p",
        y: "N",
        text: (d: { p: number; N: number }) => `p = ${d.p}: N_{crit} = ${formatCount(d.N)}`,
        textAnchor: "start",
        dx: 8,
        dy: -6,
        fontSize: 11,
      }),
      Plot.text([{ p: 10 ** (lo + 0.1), N: 10 ** (yHi * 0.15) }], {
        x: "p",
        y: "N",
        textAnchor: "start",
        fill: PALETTE.blueText,
        fontWeight: "bold",
        text: () => `C regime, N < N_{crit}: power law dominates (α_{p} > α_{C}/2)`,
      }),
      // p > 1/2: N_crit < 1, below the axis; the strip is left white on purpose, and says so
      Plot.text([{ p: 10 ** -0.15, N: 10 ** (yHi * 0.45) }], {
        x: "p",
        y: "N",
        rotate: -90,
        fill: PALETTE.note,
        text: () => "p > 1/2: N_{crit} < 1",
      }),
      Plot.text([{ p: 10 ** (lo + 0.8), N: 10 ** (yHi * 0.93) }], {
        x: "p",
        y: "N",
        textAnchor: "start",
        fill: PALETTE.orangeText,
        fontWeight: "bold",
        text: () => `A regime, N > N_{crit}: pedestal dominates (α_{p} < α_{C}/2)`,
      }),
    ],
  });
  return {
    name: "figure2_critical_size",
    caption: `Critical size N_{crit}(p) = ((1 − p)/p)^{1/α_{C}} (eq. 7) for α_{C} = ${
      formatFraction(alphaC)
    }: the C regime (blue) lies below the curve, the A regime (orange) above it; for p > 1/2, N_{crit} < 1 (the white strip).`,
    element,
    data,
    columns: ["p", "N_crit"],
  };
}

function formatCount(n: number): string {
  if (n >= 1e5) {
    const e = Math.floor(Math.log10(n));
    return `${(n / 10 ** e).toFixed(1)}·${formatPowerOfTen(10 ** e)}`;
  }
  return String(Math.round(n));
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [() => figure1RunningExponent(), () => figure2CriticalSize()];
