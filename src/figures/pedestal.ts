/**
 * Figures of section 3: the running exponent of the pedestal law (the paper's Figure 1) and the
 * critical size between the C and A regimes (the paper's Figure 2).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { criticalInverseSize, criticalSize, maxRunningExponent, runningExponent, sizeForExponent } from "../pedestal";
import type { Figure, Row } from "./figure";
import { CURVE_COLOURS, formatPowerOfTen, logGrid, plotDefaults, powerOfTenAxis } from "./render";

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
 * x = 1/N on a log axis, with the line alpha_C and the A band 0.05–0.1. A dot marks each curve's
 * midpoint alpha_p = alpha_C / 2, which sits at x_crit(p) (eq. 6). Each curve is labelled with its
 * p just left of the curve, at staggered heights (from 0.9 alpha_C down in steps of 0.16 alpha_C,
 * closer for more than six curves) kept below the curve's start (1 - p) alpha_C, so that any
 * pedestals in (0, 1) can be drawn.
 *
 * Data columns: `x,p,alpha_p`.
 */
export function figure1RunningExponent(options: Figure1Options = {}): Figure {
  const alphaC = options.alphaC ?? 1 / 3;
  const pedestals = options.pedestals ?? [0.01, 0.05, 0.1, 0.2];
  const lo = options.xMinExponent ?? -12;
  const xs = logGrid(lo, 0, options.pointsPerDecade ?? 20);
  const data: Row[] = pedestals.flatMap((p) =>
    xs.map((x) => ({ x, p, alpha_p: runningExponent(x, p, alphaC) }))
  );
  const labels = pedestals.map((p) => ({ x: criticalInverseSize(p, alphaC), y: alphaC / 2, p }));
  // curve labels at staggered heights, to the left of each curve, so that they do not overlap; a
  // label must sit below the curve's start (1 - p) alpha_C, where the curve reaches that height
  const step = Math.min(0.16, 0.8 / (pedestals.length - 1));
  const tags = pedestals.map((p, i) => {
    const y = Math.min(alphaC * (0.9 - step * i), 0.95 * maxRunningExponent(p, alphaC));
    return { x: 1 / sizeForExponent(y, p, alphaC), y, p };
  });
  const colour = { domain: pedestals, range: CURVE_COLOURS };
  const xDomain: [number, number] = [10 ** lo, 1];
  const element = Plot.plot({
    ...plotDefaults(),
    x: powerOfTenAxis(lo, 0, 2, "x = 1/N →"),
    y: { domain: [0, alphaC * 1.12], grid: true, label: "↑ running exponent αₚ(x), eq. 5" },
    color: { ...colour, type: "ordinal" },
    marks: [
      Plot.rect([{ y1: 0.05, y2: 0.1 }], {
        x1: xDomain[0], x2: xDomain[1], y1: "y1", y2: "y2", fill: "#bbbbbb", fillOpacity: 0.35,
      }),
      Plot.text([{ x: 10 ** (lo + 0.2), y: 0.075 }], {
        x: "x", y: "y", text: () => "A range: 0.05 < α < 0.1", textAnchor: "start", fill: "#444",
      }),
      Plot.ruleY([alphaC], { stroke: "black", strokeWidth: 1.5 }),
      Plot.text([{ x: 10 ** (lo + 0.2), y: alphaC }], {
        x: "x", y: "y", text: () => `αC = ${alphaC === 1 / 3 ? "1/3" : alphaC} (C regime)`, textAnchor: "start",
        dy: -9, fill: "black",
      }),
      Plot.line(data, { x: "x", y: "alpha_p", z: "p", stroke: "p", strokeWidth: 2 }),
      Plot.dot(labels, { x: "x", y: "y", fill: "p", r: 3.5 }),
      Plot.text(tags, {
        x: "x", y: "y", text: (d: { p: number }) => `p = ${d.p}`, fill: "p", textAnchor: "end",
        dx: -8, fontWeight: "bold", stroke: "white", strokeWidth: 4,
      }),
    ],
  });
  return {
    name: "figure1_running_exponent",
    caption:
      `Running exponent α_p(x) of the pedestal law (eq. 5, not normalised) against x = 1/N for α_C = ${
        alphaC.toPrecision(3)
      } and p = ${pedestals.join(", ")}; dots mark α_p = α_C/2 at x_crit(p) (eq. 6).`,
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
  const alphaC = options.alphaC ?? 1 / 3;
  const lo = options.pMinExponent ?? -3;
  const marked = options.marked ?? [0.01, 0.05, 0.1, 0.2];
  const ps = logGrid(lo, Math.log10(0.5), options.pointsPerDecade ?? 40);
  ps[ps.length - 1] = 0.5;
  const data: Row[] = ps.map((p) => ({ p, N_crit: criticalSize(p, alphaC) }));
  const yHi = Math.ceil(Math.log10(criticalSize(10 ** lo, alphaC)));
  const marks = marked.map((p) => ({ p, N: criticalSize(p, alphaC) }));
  const element = Plot.plot({
    ...plotDefaults(),
    x: powerOfTenAxis(lo, 0, 1, "pedestal ratio p = L₀/L₁ →"),
    y: powerOfTenAxis(0, yHi, yHi > 10 ? 2 : 1, "↑ critical size Ncrit(p), eq. 7"),
    marks: [
      Plot.areaY(data, { x: "p", y1: "N_crit", y2: 10 ** yHi, fill: "#e15759", fillOpacity: 0.12 }),
      Plot.areaY(data, { x: "p", y1: 1, y2: "N_crit", fill: "#4e79a7", fillOpacity: 0.12 }),
      Plot.line(data, { x: "p", y: "N_crit", stroke: "black", strokeWidth: 2 }),
      Plot.dot(marks, { x: "p", y: "N", fill: "black", r: 3.5 }),
      Plot.text(marks, {
        x: "p", y: "N", text: (d: { p: number; N: number }) => `p = ${d.p}: Ncrit = ${formatCount(d.N)}`,
        textAnchor: "start", dx: 8, dy: -6, fontSize: 11,
      }),
      Plot.text([{ p: 10 ** (lo + 0.1), N: 10 ** (yHi * 0.15) }], {
        x: "p", y: "N", textAnchor: "start", fill: "#2b5a87", fontWeight: "bold",
        text: () => `C regime, N < Ncrit: power law dominates (αₚ > αC/2)`,
      }),
      Plot.text([{ p: 10 ** (lo + 0.8), N: 10 ** (yHi * 0.93) }], {
        x: "p", y: "N", textAnchor: "start", fill: "#a8323a", fontWeight: "bold",
        text: () => `A regime, N > Ncrit: pedestal dominates (αₚ < αC/2)`,
      }),
    ],
  });
  return {
    name: "figure2_critical_size",
    caption: `Critical size N_crit(p) = ((1 − p)/p)^(1/α_C) (eq. 7) for α_C = ${
      alphaC.toPrecision(3)
    }: the C regime lies below the curve, the A regime above it.`,
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

/** Every figure of this module, for `npm run reproduce` (the default export, so that barrels re-exporting this module with `export *` do not collide). */
export default [() => figure1RunningExponent(), () => figure2CriticalSize()];
