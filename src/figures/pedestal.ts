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

/** Where Figure 1's A-range label and key go (`figure1Places`): positions as log₁₀ x and α_p. */
interface Figure1Places {
  /** Top of the y axis: 1.12 α_C, or more when the key needs the strip above the α_C line. */
  yTop: number;
  aLabel: { x0: number; y: number };
  /** The key's entry of each curve: where its segment starts. */
  entries: { x0: number; y: number }[];
  /** The key's entry for the dots. */
  dots: { x0: number; y: number };
}

/** The plot frame of Figure 1 in px: `plotDefaults`' size less its margins (marginTop 56 for the N axis). */
const FIG1_FRAME = { width: 720 - 64 - 24, height: 440 - 56 - 52 };

/**
 * Where Figure 1 puts the A range's label and its key, so that no curve runs through either: each
 * candidate place is a box in px (text widths estimated at 13 px DejaVu Sans), tested against the
 * curves sampled every 2 px along their path; the first free place is taken, else the least crossed.
 * The label stays inside the band (left first); the key starts below the α_C label in the upper left.
 */
function figure1Places(data: Row[], curves: number, alphaC: number, lo: number, strip = false): Figure1Places {
  // the strip above the α_C line (no curve reaches α_C): the key's rows, five entries a row, then the dots' row
  const stripRows = Math.ceil(curves / 5) + 1;
  const yTop = strip ? alphaC / (1 - (14 + 22 * stripRows + 24) / FIG1_FRAME.height) : alphaC * 1.12;
  const X = (lx: number) => ((lx - lo) / -lo) * FIG1_FRAME.width;
  const Y = (y: number) => ((yTop - y) / yTop) * FIG1_FRAME.height;
  const toLx = (px: number) => lo + (px / FIG1_FRAME.width) * -lo;
  const toY = (px: number) => yTop - (px / FIG1_FRAME.height) * yTop;
  // the curves as points in px, every 2 px along each path
  const points: [number, number][] = [];
  const rows = data as { x: number; p: number; alpha_p: number }[];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].p !== rows[i - 1].p || rows[i].x <= rows[i - 1].x) continue;
    const [ax, ay] = [X(Math.log10(rows[i - 1].x)), Y(rows[i - 1].alpha_p)];
    const [bx, by] = [X(Math.log10(rows[i].x)), Y(rows[i].alpha_p)];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 2));
    for (let k = 0; k <= n; k++) points.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  type Box = { left: number; right: number; top: number; bottom: number };
  const crossed = (b: Box) => points.filter(([x, y]) => x > b.left && x < b.right && y > b.top && y < b.bottom).length;
  const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  /** The first place that costs nothing, else the cheapest. */
  const best = <T>(places: T[], cost: (q: T) => number): T => {
    let min = places[0], least = Infinity;
    for (const q of places) {
      const c = cost(q);
      if (c === 0) return q;
      if (c < least) [min, least] = [q, c];
    }
    return min;
  };
  // the A range's label: 170 px by 16, its middle in the band
  const [bandTop, bandBottom] = [Y(A_RANGE[1]), Y(A_RANGE[0])];
  const labelBox = ({ left, mid }: { left: number; mid: number }) => ({
    left,
    right: left + 170,
    top: mid - 8,
    bottom: mid + 8,
  });
  const labelPlaces: { left: number; mid: number }[] = [];
  const mids = bandBottom - bandTop > 20
    ? [0, -1, 1, -2, 2].map((k) => (bandTop + bandBottom) / 2 + (k * (bandBottom - bandTop - 18)) / 4)
    : [(bandTop + bandBottom) / 2];
  for (let left = X(lo + 0.2); left + 170 < FIG1_FRAME.width; left += 6) {
    for (const mid of mids) labelPlaces.push({ left, mid });
  }
  const label = best(labelPlaces, (q) => crossed(labelBox(q)));
  const labelAt = labelBox(label);
  // the key: rows rowStep apart, the widest (the dots' row) about 215 px; the α_C label's box above it
  const rowStep = Math.min(0.075, 0.5 / curves) * alphaC;
  const rowPx = Y(0) - Y(rowStep);
  const alphaLabel = { left: 0, right: 190, top: Y(alphaC) - 22, bottom: Y(alphaC) + 2 };
  const keyCost = ({ left, top }: { left: number; top: number }) => {
    const box = { left: left - 4, right: left + 215, top: top - 10, bottom: top + rowPx * curves + 10 };
    return crossed(box) + (meets(box, labelAt) || meets(box, alphaLabel) ? points.length : 0);
  };
  const keyPlaces = [{ left: X(lo + 0.25), top: Y(alphaC * 0.86) }];
  for (let top = Y(alphaC * 0.86); top + rowPx * curves + 10 < FIG1_FRAME.height; top += rowPx / 2) {
    for (let left = X(lo + 0.25); left + 215 < FIG1_FRAME.width; left += 6) keyPlaces.push({ left, top });
  }
  if (strip) {
    const left = X(lo + 0.25);
    return {
      yTop,
      aLabel: { x0: toLx(labelAt.left), y: toY((labelAt.top + labelAt.bottom) / 2) },
      entries: Array.from({ length: curves }, (_, i) => ({
        x0: toLx(left + 120 * (i % 5)),
        y: toY(14 + 22 * Math.floor(i / 5)),
      })),
      dots: { x0: toLx(left + 13), y: toY(14 + 22 * (stripRows - 1)) },
    };
  }
  const key = best(keyPlaces, keyCost);
  // no free place in the frame: the key goes to the strip above the α_C line instead
  if (keyCost(key) > 0) return figure1Places(data, curves, alphaC, lo, true);
  const [x0, top] = [toLx(key.left), toY(key.top)];
  return {
    yTop,
    aLabel: { x0: toLx(labelAt.left), y: toY((labelAt.top + labelAt.bottom) / 2) },
    entries: Array.from({ length: curves }, (_, i) => ({ x0, y: top - rowStep * i })),
    dots: { x0: x0 + 0.25 * (-lo / 12), y: top - rowStep * curves },
  };
}

/**
 * The paper's Figure 1: the running exponent alpha_p(x) of eq. 5 (not normalised) against
 * x = 1/N on a log axis (a secondary axis on top reads the same positions in N), with the line
 * alpha_C and the A band 0.05–0.1. A dot marks each curve's midpoint alpha_p = alpha_C / 2, which
 * sits at x_crit(p) (eq. 6). The curves are named in a key (a short segment in each curve's colour
 * and its p) in the empty upper left, or, when small pedestals lift a curve there (the live edition's
 * sliders reach p = 0.001), in the first place no curve crosses, else in a strip above the α_C line,
 * which no curve reaches; the A range's label moves along its band the same way (`figure1Places`), so
 * that no curve runs through a label whatever the pedestals. Two curves of equal p are drawn apart.
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
  // the A range's label and the key (one row per curve, a segment over 0.5 decade then "p = …", and a
  // last row for the dots) go where no curve runs: the label in the band, left first; the key below
  // the α_C label in the upper left, else in the first free place (small p, as the live edition's
  // sliders allow, lifts the curves into the upper left and through the band's left end)
  const place = figure1Places(data, pedestals.length, alphaC, lo);
  const key = pedestals.flatMap((p, i) => [
    { x: 10 ** place.entries[i].x0, y: place.entries[i].y, p, curve: i },
    { x: 10 ** (place.entries[i].x0 + 0.5 * (-lo / 12)), y: place.entries[i].y, p, curve: i },
  ]);
  // the key's last row: what the dots are
  const dotKey = { x: 10 ** place.dots.x0, y: place.dots.y };
  // one line per curve, even when two curves have the same p
  const curves = pedestals.flatMap((p, i) =>
    xs.map((x) => ({ x, p, curve: i, alpha_p: runningExponent(x, p, alphaC) }))
  );
  const colour = { domain: pedestals, range: CURVE_COLOURS };
  const xDomain: [number, number] = [10 ** lo, 1];
  const step = 2;
  const element = Plot.plot({
    ...plotDefaults(),
    marginTop: 56,
    x: { ...powerOfTenAxis(lo, 0, step, "x = 1/N →"), ...X_AXIS, axis: "bottom" },
    y: { domain: [0, place.yTop], grid: true, label: "↑ running exponent α_{p}(x), eq. 5" },
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
      Plot.text([{ x: 10 ** place.aLabel.x0, y: place.aLabel.y }], {
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
      Plot.line(curves, { x: "x", y: "alpha_p", z: "curve", stroke: "p", strokeWidth: 2 }),
      Plot.dot(labels, { x: "x", y: "y", fill: "p", r: 3.5 }),
      Plot.line(key, { x: "x", y: "y", z: "curve", stroke: "p", strokeWidth: 3 }),
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
