/**
 * The live edition's figure of notebook 10 (`src/live/trained_networks.ts`): a growth chain of
 * `src/learn/teacher_student.ts` as it trains in the reader's page. Apart from
 * `./trained_networks` (the committed sweep's figures, which read the findings) so that the page's
 * bundle carries the trainer and this figure only.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { oneHiddenLayerParameters } from "../learn/mlp";
import { targetKind } from "../learn/teacher_student";
import { sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { formatNumber } from "../_util/format";
import type { Figure, Row } from "./figure";
import { composePanels, CURVE_COLOURS, PALETTE, plotDefaults, powerOfTenAxis, X_AXIS } from "./render";

/** The decades [lo, hi] spanning `values` (at least one). */
function decades(values: number[]): [number, number] {
  const lo = Math.floor(Math.log10(Math.min(...values)) + 1e-9);
  const hi = Math.ceil(Math.log10(Math.max(...values)) - 1e-9);
  return [lo, Math.max(hi, lo + 1)];
}

/** What `figureTeacherStudentLiveRun` draws: one growth chain as it trains (the live edition of notebook 10). */
export interface TeacherStudentLiveRun {
  /** The teacher (d, D, h), the chain's widths (up to the largest trained), iterations per width and fit range. */
  config: { d: number; D: number; h: number; widths: number[]; iterations: number; fitMinWidth: number };
  seed: number;
  /** Test loss along the training of each width: one point per recorded L-BFGS iteration. */
  curves: { width: number; iteration: number; testLoss: number }[];
  /** The finished widths: parameter count N and final test loss. */
  finished: { width: number; parameters: number; testLoss: number }[];
  /**
   * The fit L_{test} ≈ A·N^{−α} over the finished widths ≥ `fitMinWidth` (`fitPowerLaw`, as notebook 10
   * fits each chain), once two of them have finished.
   */
  fit?: { alpha: number; prefactor: number; parametersMin: number; parametersMax: number };
  /** The width in training and its iteration, while the chain trains. */
  training?: { width: number; iteration: number };
  /** "ready" (not started), "training", "stopped" (by the reader) or "done". */
  state: "ready" | "training" | "stopped" | "done";
}

/** Colour of the i-th width of a chain (the six curve colours, then black for a seventh). */
const widthColour = (i: number): string => [...CURVE_COLOURS, PALETTE.black][i % (CURVE_COLOURS.length + 1)];

/**
 * The live edition's figure of notebook 10 (`src/live/trained_networks.ts`): a growth chain trained in
 * the reader's page. Left: the test loss of each width against its L-BFGS iterations (a widened
 * student starts where the narrower one ended: the new units' output weights are zero). Right: each
 * finished width's test loss against its parameter count N, the fitted L ∝ N^{−α} over the widths
 * ≥ `fitMinWidth` (dashed) and a line of slope 4/d through its first point (dotted, eq. 9's
 * prediction for a smooth teacher). Both panels share the loss axis.
 *
 * Data columns: `panel,width,N,iteration,test_loss` (panel `curve` or `finished`).
 * @example figureTeacherStudentLiveRun({ config: { d: 2, D: 2, h: 2, widths: [1, 2, 4, 8], iterations: 100, fitMinWidth: 4 }, seed: 0, curves: [], finished: [], state: "ready" }).data.length // => 0
 */
export function figureTeacherStudentLiveRun(r: TeacherStudentLiveRun): Figure {
  const { config: c } = r;
  const Ns = c.widths.map((w) => oneHiddenLayerParameters(c.D, w));
  const prediction = sharmaKaplanExponent(c.d);
  const data: Row[] = [
    ...r.curves.map((p) => ({
      panel: "curve",
      width: p.width,
      N: oneHiddenLayerParameters(c.D, p.width),
      iteration: p.iteration,
      test_loss: p.testLoss,
    })),
    ...r.finished.map((p) => ({
      panel: "finished",
      width: p.width,
      N: p.parameters,
      iteration: "",
      test_loss: p.testLoss,
    })),
  ];
  const labelOf = (w: number) => `w = ${w}`;
  const colour = { domain: c.widths.map(labelOf), range: c.widths.map((_, i) => widthColour(i)) };
  const losses = data.map((d) => d.test_loss as number).filter((v) => v > 0);
  const lo = Math.min(-2, Math.floor(Math.log10(Math.min(1, ...losses)) + 1e-9));
  // the loss starts near 1 (the target is standardised): the axis ends a little above it
  const yTop = Math.max(2, ...losses.map((v) => 1.2 * v));
  const y = { ...powerOfTenAxis(lo, 0, 1, "test loss (MSE of the standardised target) →"), domain: [10 ** lo, yTop] };
  const height = 380, leftWidth = 380, rightWidth = 340;
  const curveRows = data.filter((d) => d.panel === "curve").map((d) => ({ ...d, label: labelOf(d.width as number) }));
  const doneRows = data.filter((d) => d.panel === "finished").map((d) => ({ ...d, label: labelOf(d.width as number) }));
  const status = r.state === "done"
    ? `seed ${r.seed}: done, ${r.finished.length} widths`
    : r.training
    ? `seed ${r.seed}: ${r.state === "stopped" ? "stopped at" : "training"} w = ${r.training.width}, ` +
      `iteration ${r.training.iteration} of ${c.iterations}`
    : `seed ${r.seed}: ${r.state === "ready" ? "ready" : "starting"}`;
  // the key of widths: one row above the left frame, "w =" then each width in its colour
  const keyStart = 34;
  const key = c.widths.map((w, i) => ({
    label: labelOf(w),
    text: String(w),
    dx: keyStart + c.widths.slice(0, i).reduce((x, v) => x + 12 + 7 * String(v).length, 0),
  }));
  const left = Plot.plot({
    ...plotDefaults(),
    width: leftWidth,
    height,
    marginTop: 48,
    marginLeft: 76,
    marginRight: 26,
    x: { domain: [0, c.iterations], ticks: 4, grid: true, label: "L-BFGS iterations at each width →", ...X_AXIS },
    y: { ...y, labelAnchor: "center", labelOffset: 56 },
    color: colour,
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.line(curveRows, {
        x: "iteration",
        y: "test_loss",
        z: "label",
        stroke: "label",
        strokeWidth: 1.6,
        clip: true,
      }),
      Plot.text(["w ="], { frameAnchor: "top-left", dy: -10, fill: PALETTE.note, fontSize: 11, textAnchor: "start" }),
      ...key.map((k) =>
        Plot.text([k], {
          frameAnchor: "top-left",
          dx: k.dx,
          dy: -10,
          text: "text",
          fill: "label",
          fontWeight: "bold",
          fontSize: 11,
          textAnchor: "start",
        })
      ),
      Plot.text([status], {
        frameAnchor: "top-left",
        dy: -32,
        text: (t: string) => t,
        fill: PALETTE.note,
        textAnchor: "start",
        fontSize: 12,
      }),
    ],
  }) as unknown as Element;
  const [xlo, xhi] = decades(Ns);
  const fitLine = r.fit
    ? [r.fit.parametersMin, Ns[Ns.length - 1]].map((N) => ({ N, test_loss: r.fit!.prefactor * N ** -r.fit!.alpha }))
    : [];
  const anchor = r.fit ? r.finished.find((p) => p.parameters === r.fit!.parametersMin) : undefined;
  const refLine = anchor
    ? [anchor.parameters, Ns[Ns.length - 1]].map((N) => ({
      N,
      test_loss: anchor.testLoss * (N / anchor.parameters) ** -prediction,
    }))
    : [];
  const keyRight = [
    {
      text: r.fit
        ? `dashed: fit, α = ${r.fit.alpha.toFixed(2)} (w ≥ ${c.fitMinWidth})`
        : `dashed: fit of α (w ≥ ${c.fitMinWidth})`,
      fill: PALETTE.black,
    },
    { text: `dotted: slope 4/d = ${formatNumber(prediction)}`, fill: PALETTE.note },
  ];
  const right = Plot.plot({
    ...plotDefaults(),
    width: rightWidth,
    height,
    marginTop: 48,
    marginLeft: 44,
    marginRight: 16,
    x: { ...powerOfTenAxis(xlo, xhi, 1, "parameters N →"), ...X_AXIS },
    y: { ...y, label: null },
    color: colour,
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.line(refLine, {
        x: "N",
        y: "test_loss",
        stroke: PALETTE.note,
        strokeWidth: 1.4,
        strokeDasharray: "2,3",
        clip: true,
      }),
      Plot.line(fitLine, {
        x: "N",
        y: "test_loss",
        stroke: PALETTE.black,
        strokeWidth: 1.4,
        strokeDasharray: "6,4",
        clip: true,
      }),
      Plot.line(doneRows, { x: "N", y: "test_loss", stroke: PALETTE.frame, strokeWidth: 1 }),
      Plot.dot(doneRows, { x: "N", y: "test_loss", fill: "label", r: 4, stroke: "white" }),
      ...keyRight.map((k, i) =>
        Plot.text([k], {
          frameAnchor: "top-right",
          dx: -8,
          dy: 10 + 15 * i,
          text: "text",
          fill: k.fill,
          fontSize: 11,
          textAnchor: "end",
        })
      ),
    ],
  }) as unknown as Element;
  const element = composePanels(
    [{ element: left, y: 0 }, { element: right, x: leftWidth, y: 0 }],
    leftWidth + rightWidth,
    height,
  );
  const alpha = r.fit ? `α = ${r.fit.alpha.toFixed(2)}` : `α once two widths ≥ ${c.fitMinWidth} have finished`;
  const teacher = `${targetKind(c.h)} d = ${c.d}${c.D > c.d ? ` (in D = ${c.D})` : ""}`;
  return {
    name: "teacher_student_live_run",
    caption: `A one-hidden-layer ReLU student of the ${teacher} teacher trained in this page (seed ${r.seed}, ` +
      `widths ${c.widths[0]}–${c.widths[c.widths.length - 1]}, up to ${c.iterations} L-BFGS iterations each): left, ` +
      `each width's test loss against its iterations; right, the finished widths' test loss against N, ` +
      `with the fitted exponent (${alpha}, dashed) beside 4/d = ${formatNumber(prediction)} (dotted).`,
    element,
    data,
    columns: ["panel", "width", "N", "iteration", "test_loss"],
  };
}
