/**
 * Figures of notebook 10 (trained students on teachers of known d and h): the students' test loss
 * against their parameter count N beside the grid control, and the fitted exponents with their
 * t-intervals against 4/d, 2h/d, eq. 17's 4h/d and 4/D.
 *
 * Each builder takes the analysis (default: the findings layer's `trainedNetworks.analysis()` at default settings).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import * as trainedNetworks from "../findings/10_trained_networks";
import { configLabel } from "../tables/trained_networks";
import type { Figure, FigureBuilder, Row } from "./figure";
import { CURVE_COLOURS, PALETTE, plotDefaults, powerOfTenAxis, X_AXIS } from "./render";

function decades(values: number[]): [number, number] {
  const lo = Math.floor(Math.log10(Math.min(...values)) + 1e-9);
  const hi = Math.ceil(Math.log10(Math.max(...values)) - 1e-9);
  return [lo, Math.max(hi, lo + 1)];
}

/** Seed-mean (geometric) test loss per configuration, variant and width. */
function lossRows(a: trainedNetworks.Analysis): Row[] {
  const rows: Row[] = [];
  for (const e of a.exponents) {
    const chains = a.chains.filter((c) => c.config === e.config);
    const variant = e.variant;
    const widths = [...new Set(chains[0].rows.filter((r) => r.variant === variant).map((r) => r.width))];
    for (const w of widths) {
      const at = chains.map((c) => c.rows.find((r) => r.variant === variant && r.width === w)!);
      const logMean = at.reduce((s, r) => s + Math.log(r.testLoss), 0) / at.length;
      rows.push({
        config: e.config,
        label: configLabel(e),
        variant,
        width: w,
        N: at[0].parameters,
        test_loss: Math.exp(logMean),
        seeds: at.length,
      });
    }
  }
  return rows;
}

/**
 * Test loss (geometric mean over seeds) of the trained students against N on log-log axes, one facet
 * for smooth and one for rough teachers (flat inputs), each teacher's multilinear grid control dashed
 * in the same colour.
 * @example figureTeacherStudentLoss().name // => "teacher_student_loss"
 */
export function figureTeacherStudentLoss(a: trainedNetworks.Analysis = trainedNetworks.analysis()): Figure {
  const all = lossRows(a);
  const flat = a.exponents.filter((e) => e.D === e.d && (e.activation === "relu" || e.activation === "grid"));
  const configs = [...new Set(flat.map((e) => e.config))];
  const data: Row[] = all.filter((r) => configs.includes(r.config as string)).map((r) => {
    const e = a.exponents.find((x) => x.config === r.config && x.variant === r.variant)!;
    return { ...r, family: e.target === "smooth" ? "smooth teachers (h = 2)" : "rough teachers (d = 2)" };
  });
  const labels = configs.map((c) => configLabel(a.exponents.find((e) => e.config === c && e.variant === "chain")!));
  const [xlo, xhi] = decades(data.map((r) => r.N as number));
  const [ylo, yhi] = decades(data.map((r) => r.test_loss as number));
  const key = configs.map((c, i) => {
    const s = a.exponents.find((e) => e.config === c && e.variant === "chain")!;
    const g = a.exponents.find((e) => e.config === c && e.variant === "grid");
    return {
      family: s.target === "smooth" ? "smooth teachers (h = 2)" : "rough teachers (d = 2)",
      label: `${labels[i]}: α = ${s.alpha.toFixed(2)}` + (g ? ` (grid ${g.alpha.toFixed(2)})` : ""),
      colour: CURVE_COLOURS[i % CURVE_COLOURS.length],
    };
  });
  // one key line per teacher, stacked upwards from the facet's lower-left corner
  const keyRows = key.map((k, i) => ({
    ...k,
    below: key.slice(i + 1).filter((x) => x.family === k.family).length,
  }));
  const colour = { domain: labels, range: CURVE_COLOURS.slice(0, labels.length) };
  const element = Plot.plot({
    ...plotDefaults(),
    height: 460,
    marginTop: 36,
    marginLeft: 76,
    x: { ...powerOfTenAxis(xlo, xhi, 1, "parameters N (students) or grid values →"), ...X_AXIS },
    // the y label runs along the axis, so that it cannot meet the facet titles above the frames
    y: {
      ...powerOfTenAxis(ylo, yhi, 1, "test loss (MSE of the standardised target) →"),
      labelAnchor: "center",
      labelOffset: 56,
    },
    fx: { label: null },
    color: colour,
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.line(data.filter((r) => r.variant === "chain"), {
        x: "N",
        y: "test_loss",
        z: "config",
        stroke: "label",
        fx: "family",
        strokeWidth: 1.8,
      }),
      Plot.dot(data.filter((r) => r.variant === "chain"), {
        x: "N",
        y: "test_loss",
        fill: "label",
        fx: "family",
        r: 3,
      }),
      Plot.line(data.filter((r) => r.variant === "grid"), {
        x: "N",
        y: "test_loss",
        z: "config",
        stroke: "label",
        fx: "family",
        strokeWidth: 1.2,
        strokeDasharray: "5,4",
      }),
      ...[...new Set(keyRows.map((k) => k.below))].map((b) =>
        Plot.text(keyRows.filter((k) => k.below === b), {
          fx: "family",
          frameAnchor: "bottom-left",
          dx: 8,
          dy: -8 - 16 * b,
          text: "label",
          fill: "colour",
          fontWeight: "bold",
          fontSize: 11,
          textAnchor: "start",
        })
      ),
    ],
  }) as unknown as Element;
  return {
    name: "teacher_student_loss",
    caption:
      "Test loss of trained one-hidden-layer ReLU students against their parameter count N (solid, geometric mean " +
      "over seeds) and of the multilinear grid approximant of the same teachers against its number of values (dashed); " +
      "the key gives the fitted exponents α.",
    element,
    data,
    columns: ["config", "label", "family", "variant", "width", "N", "test_loss", "seeds"],
  };
}

/**
 * Fitted exponents α with 95 % t-intervals over seeds, one row per configuration, with the predictions:
 * 4/d (black tick), 2h/d and eq. 17's 4h/d for rough teachers, and 4/D for embedded inputs.
 * @example figureTeacherStudentExponents().name // => "teacher_student_exponents"
 */
export function figureTeacherStudentExponents(
  a: Pick<trainedNetworks.Analysis, "exponents"> = trainedNetworks.analysis(),
): Figure {
  const students = a.exponents.filter((e) => e.variant === "chain");
  const data: Row[] = students.map((e) => ({
    config: e.config,
    label: configLabel(e),
    alpha: e.alpha,
    alpha_low: e.alphaLow,
    alpha_high: e.alphaHigh,
    four_over_d: e.prediction4OverD,
    two_h_over_d: e.h < 1 ? e.prediction2hOverD : "",
    four_h_over_d: e.h < 1 ? e.prediction4hOverD : "",
    four_over_D: e.D > e.d ? e.prediction4OverAmbient : "",
  }));
  const refs: Row[] = data.flatMap((r) => [
    { label: r.label, x: r.four_over_d as number, kind: "4/d" },
    ...(r.two_h_over_d === "" ? [] : [{ label: r.label, x: r.two_h_over_d as number, kind: "2h/d" }]),
    ...(r.four_h_over_d === "" ? [] : [{ label: r.label, x: r.four_h_over_d as number, kind: "4h/d (eq. 17)" }]),
    ...(r.four_over_D === "" ? [] : [{ label: r.label, x: r.four_over_D as number, kind: "4/D" }]),
  ]);
  const kinds = ["4/d", "2h/d", "4h/d (eq. 17)", "4/D"];
  const symbols = ["diamond2", "triangle2", "square2", "times"];
  // distance of each key entry's symbol from the right edge: entries laid out right to left
  const entryWidth = (k: string) => 10 + 6.6 * [...k].length + 22;
  const keyOffset = (k: string) => 8 + kinds.slice(kinds.indexOf(k)).reduce((w, x) => w + entryWidth(x), 0) - 22;
  const xmax =
    Math.ceil(2 * Math.max(2.2, ...data.map((r) => r.alpha_high as number), ...refs.map((r) => r.x as number))) / 2;
  const element = Plot.plot({
    ...plotDefaults(),
    height: 80 + 34 * data.length,
    marginLeft: 190,
    marginTop: 40,
    x: { domain: [0, xmax], grid: true, label: "exponent α of L ∝ N^{−α} →", ...X_AXIS },
    y: { domain: data.map((r) => r.label as string), label: null, padding: 0.3 },
    symbol: { domain: kinds, range: symbols },
    marks: [
      Plot.ruleY(data, { y: "label", x1: "alpha_low", x2: "alpha_high", stroke: PALETTE.blue, strokeWidth: 2.5 }),
      Plot.dot(data, { x: "alpha", y: "label", fill: PALETTE.blue, r: 4.5, stroke: "white" }),
      Plot.dot(refs, { x: "x", y: "label", symbol: "kind", stroke: PALETTE.black, r: 5, strokeWidth: 1.4 }),
      // the key, above the frame on the right: symbol, then its name (widths from the text's length)
      ...kinds.map((k) =>
        Plot.dot([{ k }], {
          frameAnchor: "top-right",
          dx: -keyOffset(k),
          dy: -26,
          symbol: () => k,
          stroke: PALETTE.black,
          r: 4.5,
        })
      ),
      ...kinds.map((k) =>
        Plot.text([{ k }], {
          frameAnchor: "top-right",
          dx: -keyOffset(k) + 10,
          dy: -26,
          text: () => k,
          fill: PALETTE.note,
          fontSize: 11,
          textAnchor: "start",
        })
      ),
    ],
  }) as unknown as Element;
  return {
    name: "teacher_student_exponents",
    caption: "Exponents α of the trained students (blue, 95 % t-intervals over seeds) against 4/d, the fixed " +
      "approximants' 2h/d, eq. 17's 4h/d and 4/D of the input dimension (black symbols, see the key).",
    element,
    data,
    columns: [
      "config",
      "label",
      "alpha",
      "alpha_low",
      "alpha_high",
      "four_over_d",
      "two_h_over_d",
      "four_h_over_d",
      "four_over_D",
    ],
  };
}

/** Every figure of this module that `npm run reproduce` writes, in order (registered in `src/figures/all.ts`). */
export const FIGURES: readonly FigureBuilder[] = [
  () => figureTeacherStudentLoss(),
  () => figureTeacherStudentExponents(),
];
