import { describe, expect, it } from "vitest";
import {
  figureExponents,
  figureGridRoughMse,
  figureGridSmoothMse,
  figureManifoldMse,
  figureTwoNN,
} from "../../src/figures/measured_exponents";
import { DEFAULT_SETTINGS, type ExperimentSettings, measuredExponents } from "../../src/measure/measured_exponents";
import { renderFigure, serializeSvg } from "../../src/figures/render";
import { pngSize } from "./png";
import { fitPowerLaw } from "../../src/fit/powerlaw_fit";
import { expectClose } from "../helpers";

/** Tiny settings: the figures' structure, not the science, is under test here. */
const tiny: ExperimentSettings = {
  ...DEFAULT_SETTINGS,
  seeds: 2,
  mcPoints: 256,
  gridSides: [[4, 8, 16], [2, 4, 8]],
  roughDims: [1, 2],
  hs: [1 / 3, 1 / 2],
  manifoldDims: [1, 2],
  manifoldSizes: [64, 128, 256],
  queries: 64,
  twonnSizes: [200, 400],
  codimensions: [0, 0.5],
  cascadeSides: [16, 32, 64],
  cascadeLevels: 10,
};
const result = measuredExponents(tiny);
const builders = [figureGridSmoothMse, figureGridRoughMse, figureManifoldMse, figureExponents, figureTwoNN];

describe("figures of notebook 07", () => {
  for (const build of builders) {
    it(`${build.name} matches its SVG snapshot`, async () => {
      const fig = build(result);
      await expect(serializeSvg(fig.element)).toMatchFileSnapshot(`./__snapshots__/${fig.name}_tiny.svg`);
    });
  }

  it("plots the measured squared errors and the fitted power laws of each curve", () => {
    const fig = figureGridSmoothMse(result);
    const curves = result.exponents.filter((e) => e.experiment === "grid" && e.target === "smooth");
    expect(fig.data.length).toBe(curves.reduce((s, e) => s + e.sizes.length, 0));
    const e = curves[0];
    expect(fig.data[0].mse).toBe(e.mse[0]);
    const rows = fig.data.slice(0, e.sizes.length);
    // the fitted line's slope read off its own rows (first and last N) is −α …
    const first = rows[0], last = rows.at(-1)!;
    const slope = Math.log((last.fit as number) / (first.fit as number)) /
      Math.log((last.N as number) / (first.N as number));
    expectClose(-slope, e.alpha, { rel: 1e-12 });
    // … and the line lies on an ordinary least-squares fit of the seed-averaged curve (the figure's
    // fit averages per-seed fits instead, so the two agree only up to the seed scatter)
    const ols = fitPowerLaw(e.sizes, e.mse);
    for (const r of rows) expectClose(r.fit as number, ols.prefactor * (r.N as number) ** -ols.alpha, { rel: 0.1 });
  });

  it("has one point per exponent and per TwoNN estimate", () => {
    expect(figureExponents(result).data.length).toBe(result.exponents.length + result.intermittent.length);
    expect(figureTwoNN(result).data.length).toBe(result.dimensions.length);
  });

  it("labels axes with powers of ten and curves inside the SVG", () => {
    const svg = serializeSvg(figureGridSmoothMse(result).element);
    expect(svg).toContain('class="smallness-plot"');
    expect(svg).toContain("10⁻");
    expect(svg).toContain("d = 1: ");
    expect(svg).toContain("fitted α (paper: 2/d)"); // the key says which prediction is in brackets
    expect(svg).not.toMatch(/plot-[0-9a-f]{6}/);
  });

  it("renders PNGs at 1.5× the SVG size", () => {
    // two panels: the exponents (480 px) over their ratio to the prediction (250 px)
    const { png } = renderFigure(figureExponents(result));
    expect(pngSize(png)).toEqual({ width: 960, height: 1095 });
  });
});
