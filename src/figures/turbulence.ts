/**
 * Figures of section 5.1: structure-function exponents of K41, the beta model and She-Leveque, and
 * the singularity spectra that tie a Hölder exponent to the dimension of the set carrying it.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Figure, FigureBuilder, Row } from "./figure";
import { BAND, composePanels, FIGURE_SIZE, notationToPlain, PALETTE, plotDefaults, textColour, X_AXIS } from "./render";
import {
  betaDimensionForHurst,
  betaModelHurst,
  betaStructureExponent,
  k41StructureExponent,
  sheLevequeSpectrum,
  sheLevequeStructureExponent,
} from "../theory/turbulence";
import { K41_HURST, PAPER_BETA_DIMENSION, SHE_LEVEQUE_MIN_DIMENSION, SHE_LEVEQUE_MIN_HURST } from "../paper";

const COLORS = { k41: PALETTE.blue, beta: PALETTE.orange, sl: PALETTE.green } as const;

/**
 * Figure: zeta_p against p from 0 to `pMax` for K41 (p/3), the beta model with active-set
 * dimension `dF` (p/3 + (3 - dF)(1 - p/3)) and She-Leveque (p/9 + 2(1 - (2/3)^(p/3))), with dots at
 * integer p and the common point zeta_3 = 1.
 *
 * @param dF active-set dimension of the beta model (default 2.8, the paper's value).
 * @param pMax largest order plotted (default 10).
 * @throws {RangeError} if `dF` is outside (0, 3].
 * @example show(figureStructureExponents()) // in a notebook
 */
export function figureStructureExponents(dF = PAPER_BETA_DIMENSION, pMax = 10): Figure {
  const models = [
    { model: "K41: p/3", short: "K41", color: COLORS.k41, f: k41StructureExponent },
    {
      model: `beta model, d_{F} = ${dF}`,
      short: "beta model",
      color: COLORS.beta,
      f: (p: number) => betaStructureExponent(p, dF),
    },
    { model: "She–Leveque 1994", short: "She–Leveque", color: COLORS.sl, f: sheLevequeStructureExponent },
  ];
  const data: Row[] = [];
  for (const { model, f } of models) {
    for (let i = 0; i <= pMax * 10; i++) {
      const p = i / 10;
      data.push({ model: notationToPlain(model), p, zeta: f(p), zeta_minus_p3: f(p) - k41StructureExponent(p) });
    }
  }
  const integer = data.filter((r) => Number.isInteger(r.p));
  const end = models.map(({ model, short, color, f }) => ({
    model,
    short,
    color,
    p: pMax,
    zeta: f(pMax),
    compensated: f(pMax) - k41StructureExponent(pMax),
  }));
  const width = FIGURE_SIZE.width, marginRight = 170, marginLeft = 64;
  const topHeight = 300, bottomHeight = 290;
  const x = { domain: [0, pMax], grid: true, ...X_AXIS };
  // top: ζ_p itself; the y range ends just above the largest exponent drawn (K41's pMax/3)
  const top = Plot.plot({
    ...plotDefaults(),
    width,
    height: topHeight,
    marginLeft,
    marginRight,
    marginBottom: 30,
    x: { ...x, label: null },
    y: {
      label: "↑ structure-function exponent ζ_{p}",
      domain: [0, Math.ceil(Math.max(...data.map((r) => Number(r.zeta))) * 2) / 2],
      grid: true,
    },
    marks: [
      Plot.ruleX([3], { stroke: PALETTE.rule, strokeDasharray: "2 3" }),
      Plot.text([{ p: 3.1, zeta: 0.35 }], {
        x: "p",
        y: "zeta",
        text: () => "ζ_{3} = 1 (4/5 law)",
        textAnchor: "start",
        fill: PALETTE.note,
      }),
      ...models.map(({ model, color }) =>
        Plot.line(data.filter((r) => r.model === notationToPlain(model)), {
          x: "p",
          y: "zeta",
          stroke: color,
          strokeWidth: 2,
        })
      ),
      ...models.map(({ model, color }) =>
        Plot.dot(integer.filter((r) => r.model === notationToPlain(model)), { x: "p", y: "zeta", fill: color, r: 3 })
      ),
      // the beta model's and She–Leveque's ends are 0.28 apart (22 px): their labels nudged apart
      ...end.map((r) =>
        Plot.text([r], {
          x: "p",
          y: "zeta",
          text: "model",
          fill: textColour(r.color),
          dy: r.short === "beta model" ? -5 : r.short === "She–Leveque" ? 5 : 0,
          dx: 8,
          textAnchor: "start",
          fontWeight: "bold",
        })
      ),
    ],
  }) as unknown as Element;
  // bottom: ζ_p − p/3, the departure from K41, where ζ_2's differences (0.667, 0.733, 0.696) show
  const compensated = data.map((r) => Number(r.zeta_minus_p3));
  const cLo = Math.floor(Math.min(...compensated) * 10) / 10, cHi = Math.ceil(Math.max(...compensated) * 10) / 10;
  const at2 = models.map(({ short, color, f }) => ({ short, color, zeta: f(2) }));
  const keyRow = (i: number) => cLo + (0.58 - 0.11 * i) * (cHi - cLo);
  const bottom = Plot.plot({
    ...plotDefaults(),
    width,
    height: bottomHeight,
    marginLeft,
    marginRight,
    marginTop: 34,
    x: { ...x, label: "order p →" },
    y: { label: "↑ ζ_{p} − p/3 (departure from K41)", domain: [cLo, cHi], grid: true },
    marks: [
      // p = 3 again, stopping above the key
      Plot.ruleX([3], { y1: cLo + 0.66 * (cHi - cLo), y2: cHi, stroke: PALETTE.rule, strokeDasharray: "2 3" }),
      ...models.map(({ model, color }) =>
        Plot.line(data.filter((r) => r.model === notationToPlain(model)), {
          x: "p",
          y: "zeta_minus_p3",
          stroke: color,
          strokeWidth: 2,
        })
      ),
      ...models.map(({ model, color }) =>
        Plot.dot(integer.filter((r) => r.model === notationToPlain(model)), {
          x: "p",
          y: "zeta_minus_p3",
          fill: color,
          r: (r: Row) => (r.p === 2 ? 4.5 : 3),
        })
      ),
      Plot.text(end, {
        x: "p",
        y: "compensated",
        text: "short",
        fill: (r: { color: string }) => textColour(r.color),
        dx: 8,
        textAnchor: "start",
        fontWeight: "bold",
      }),
      // the key in the empty lower left (every model lies at or above p/3 for p < 3)
      Plot.text([{ p: 0.15, y: keyRow(0) }], {
        x: "p",
        y: "y",
        text: () => "ζ_{2} (large dots):",
        textAnchor: "start",
        fill: PALETTE.note,
      }),
      Plot.text(at2.map((r, i) => ({ ...r, p: 0.15, y: keyRow(i + 1) })), {
        x: "p",
        y: "y",
        text: (r: { short: string; zeta: number }) => `${r.short}: ${r.zeta.toFixed(3)}`,
        fill: (r: { color: string }) => textColour(r.color),
        textAnchor: "start",
        fontWeight: "bold",
      }),
    ],
  }) as unknown as Element;
  const element = composePanels(
    [{ element: top, y: 0 }, { element: bottom, y: topHeight }],
    width,
    topHeight + bottomHeight,
  );
  return {
    name: "turbulence_structure_exponents",
    caption:
      `Structure-function exponents ζ_{p} of K41, the beta model (d_{F} = ${dF}) and She–Leveque (top), and their departure ζ_{p} − p/3 from K41 (bottom); all three give ζ_{3} = 1, ` +
      `the intermittent models bend below p/3 for p > 3 and above it for p < 3, and ζ_{2} = ${
        at2.map((r) => r.zeta.toFixed(3)).join(", ")
      } respectively (large dots).`,
    element,
    data,
    columns: ["model", "p", "zeta", "zeta_minus_p3"],
  };
}

/**
 * Figure: dimension of the set against the Hölder exponent it carries. The beta model ties them
 * by eq. 16 (dF = 2 + 3h, a line crossing h = 0 at dF = 2); She-Leveque's multifractal spectrum
 * D(h) (a Legendre transform of its zeta_p) runs from (0.381, 3) down to filaments (1/9, 1), with
 * h > 0 on sets of dimension below 2. K41 is the single point (1/3, 3).
 *
 * @example show(figureSingularitySpectra()) // in a notebook
 */
export function figureSingularitySpectra(): Figure {
  const data: Row[] = [];
  for (let i = 0; i <= 40; i++) {
    const h = -1 / 3 + (i / 40) * (2 / 3);
    data.push({ model: "beta model: dF = 2 + 3h (eq. 16)", h, dim: betaDimensionForHurst(h) });
  }
  for (let i = 0; i <= 120; i++) {
    const p = i === 120 ? 400 : (i / 4) ** 1.5;
    const { h, dim } = sheLevequeSpectrum(p);
    data.push({ model: "She-Leveque D(h)", h, dim });
  }
  const points = [
    { model: "K41", h: K41_HURST, dim: 3, color: COLORS.k41, label: "K41 (1/3, 3)" },
    {
      model: "paper",
      h: betaModelHurst(PAPER_BETA_DIMENSION),
      dim: PAPER_BETA_DIMENSION,
      color: COLORS.beta,
      label: `paper: d_{F} = ${PAPER_BETA_DIMENSION}, h = (d_{F} − 2)/3 = ${+(PAPER_BETA_DIMENSION - 2).toFixed(6)}/3`,
    },
    {
      model: "SL filaments",
      h: SHE_LEVEQUE_MIN_HURST,
      dim: SHE_LEVEQUE_MIN_DIMENSION,
      color: COLORS.sl,
      label: `She–Leveque filaments (1/9, ${SHE_LEVEQUE_MIN_DIMENSION})`,
    },
  ];
  for (const p of points) data.push({ model: p.model, h: p.h, dim: p.dim });
  const spectrum = data.filter((r) => r.model === "She-Leveque D(h)");
  const slNear = (dim: number) => {
    const r = spectrum.reduce((a, b) => Math.abs(Number(b.dim) - dim) < Math.abs(Number(a.dim) - dim) ? b : a);
    return { h: Number(r.h) + 0.012, dim: Number(r.dim) };
  };
  const element = Plot.plot({
    ...plotDefaults(),
    x: { label: "Hölder exponent h →", domain: [-0.35, 0.45], grid: true, ...X_AXIS },
    y: { label: "↑ dimension of the set", domain: [0, 3.5], grid: true, ticks: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5] },
    marks: [
      Plot.rect([{ x1: -0.35, x2: 0, y1: 0, y2: 3.5 }], {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: PALETTE.band,
        fillOpacity: 0.3,
        ...BAND,
      }),
      Plot.text([{ h: -0.34, dim: 3.38 }], {
        x: "h",
        y: "dim",
        text: () => "h < 0: unbounded increments",
        textAnchor: "start",
        fill: PALETTE.note,
      }),
      Plot.ruleY([2], { stroke: PALETTE.rule, strokeDasharray: "2 3" }),
      Plot.text([{ h: -0.34, dim: 2 }], {
        x: "h",
        y: "dim",
        text: () => "dimension 2: the beta line's h = 0",
        textAnchor: "start",
        dy: -9,
        fill: PALETTE.note,
      }),
      Plot.line(data.filter((r) => r.model.toString().startsWith("beta")), {
        x: "h",
        y: "dim",
        stroke: COLORS.beta,
        strokeWidth: 2,
      }),
      Plot.line(data.filter((r) => r.model === "She-Leveque D(h)"), {
        x: "h",
        y: "dim",
        stroke: COLORS.sl,
        strokeWidth: 2,
      }),
      Plot.dot(points, { x: "h", y: "dim", fill: "color", r: 5 }),
      // K41's label above its point; the paper's above and left of its own, clear of the beta line
      Plot.text(points.slice(0, 1), {
        x: "h",
        y: "dim",
        text: "label",
        fill: (r: { color: string }) => textColour(r.color),
        dy: -16,
        textAnchor: "middle",
        fontWeight: "bold",
      }),
      Plot.text(points.slice(1, 2), {
        x: "h",
        y: "dim",
        text: "label",
        fill: (r: { color: string }) => textColour(r.color),
        dx: -2,
        dy: -42,
        textAnchor: "end",
        fontWeight: "bold",
      }),

      Plot.text(points.slice(2), {
        x: "h",
        y: "dim",
        text: "label",
        fill: (r: { color: string }) => textColour(r.color),
        dx: 10,
        textAnchor: "start",
        fontWeight: "bold",
      }),
      Plot.text([{ h: -1 / 3, dim: 0.75, t: "beta model: d_{F} = 2 + 3h (eq. 16)" }], {
        x: "h",
        y: "dim",
        text: "t",
        fill: textColour(COLORS.beta),
        textAnchor: "start",
        fontWeight: "bold",
      }),
      // beside its curve, right of the point of D(h) at dimension 1.6
      Plot.text([{ ...slNear(1.6), t: "She–Leveque D(h)" }], {
        x: "h",
        y: "dim",
        text: "t",
        fill: textColour(COLORS.sl),
        textAnchor: "start",
        fontWeight: "bold",
      }),
    ],
  }) as unknown as Element;
  return {
    name: "turbulence_singularity_spectra",
    caption:
      "Dimension of the set carrying a Hölder exponent h: the beta model's line d_{F} = 2 + 3h (eq. 16) against " +
      "She–Leveque's spectrum, whose filaments (dimension 1) keep h = 1/9 > 0.",
    element,
    data,
    columns: ["model", "h", "dim"],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [() => figureStructureExponents(), () => figureSingularitySpectra()];
