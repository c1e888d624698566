import { describe, expect, it } from "vitest";
import { figureExponentVersusDimension, figureHalvingCostVersusDimension } from "../../src/figures/intrinsic_dimension";
import { renderFigure, serializeSvg } from "../../src/figures/render";
import { halvingFactor, sharmaKaplanExponent } from "../../src/theory/intrinsic_dimension";
import { expectClose } from "../helpers";
import { pngSize } from "./png";

describe("figures of section 4", () => {
  it("its data are the four laws on 1 <= d <= 1000, ordered 4/d > 2/d > 4h/d > 2h/d at every d", () => {
    const fig = figureExponentVersusDimension();
    expect(fig.columns).toEqual(["law", "d", "alpha"]);
    const laws = [...new Set(fig.data.map((r) => r.law as string))];
    expect(laws.length).toBe(4);
    const byLaw = laws.map((l) => fig.data.filter((r) => r.law === l));
    for (const rows of byLaw) expect(rows.length).toBe(61); // 3 decades x 20 + 1
    for (let i = 0; i < 61; i++) {
      const alphas = byLaw.map((rows) => rows[i].alpha as number);
      expect([...alphas].sort((a, b) => b - a)).toEqual(alphas);
      // 4/d, 2/d, 4h/d, 2h/d with h = 1/3 are in the ratios 1 : 1/2 : 1/3 : 1/6
      expectClose(alphas[3] / alphas[0], 1 / 6, { rel: 1e-14 });
    }
    const at40 = byLaw[0].find((r) => Math.abs((r.d as number) - 40) < 1e-9);
    expect(at40).toBeUndefined(); // the grid is log-spaced; d = 40 is marked by a rule instead
    expectClose(byLaw[0][0].alpha as number, sharmaKaplanExponent(1));
  });
  it("the SVG labels the curves, the band and the thresholds, with powers of ten", () => {
    const svg = serializeSvg(figureExponentVersusDimension().element);
    for (const s of ["4/d (eq. 9", "2/d (eq. 13", "eq. 17 as printed", "0.05 ≤ α ≤ 0.1", "d = 40", "d = 80", "10⁻⁴"]) {
      expect(svg).toContain(s);
    }
    expect(pngSize(renderFigure(figureExponentVersusDimension()).png)).toEqual({ width: 1080, height: 660 });
  });
  it("the caption and labels print h: 1/3 by default, h itself otherwise, or the label given", () => {
    expect(figureExponentVersusDimension().caption).toContain("for h = 1/3,");
    const other = figureExponentVersusDimension(0.3);
    expect(other.caption).toContain("for h = 0.3,");
    expect(serializeSvg(other.element)).toContain("h = 0.3)");
    // simple fractions print as fractions, as everywhere in the figures (formatFraction)
    expect(figureExponentVersusDimension(0.25).caption).toContain("for h = 1/4,");
    expect(figureExponentVersusDimension(0.25, "¼").caption).toContain("for h = ¼,");
  });
  it("its data are 2^(d/(a h)) and pass through 1024 at d = 40 on the 4/d line", () => {
    const fig = figureHalvingCostVersusDimension();
    expect(fig.columns).toEqual(["law", "d", "halve"]);
    const smooth = fig.data.filter((r) => (r.law as string).startsWith("α = 4/d"));
    expect(smooth.length).toBe(120);
    // 2^(40/4) = 1024 up to the rounding of the power
    expectClose(smooth.find((r) => r.d === 40)!.halve as number, 1024, { rel: 1e-14 });
    for (const r of smooth) expectClose(r.halve as number, 2 ** ((r.d as number) / 4), { rel: 1e-13 });
    // every plotted value is inside the axis (no point above 10^30 for dMax = 120)
    for (const r of fig.data) expect(r.halve as number).toBeLessThanOrEqual(1e30);
    expect(fig.data.filter((r) => (r.law as string).includes("eq. 17")).at(-1)!.halve).toBe(
      halvingFactor(120, 4, 1 / 3),
    );
    expect(() => figureHalvingCostVersusDimension(1)).toThrow("`dMax` must be in (1, ∞), got 1");
  });
  it("draws any band of exponents, with its edges' dimensions 4/high and 4/low, and refuses a band out of order", () => {
    // band 0.02-0.25: 4/0.25 = 16 and 4/0.02 = 200 (eq. 9 solved for d)
    const fig = figureExponentVersusDimension(1 / 3, undefined, [0.02, 0.25]);
    const svg = serializeSvg(fig.element);
    for (const s of ["0.02 ≤ α ≤ 0.25", "d = 16", "d = 200"]) expect(svg).toContain(s);
    expect(svg).not.toContain("d = 40");
    expect(fig.caption).toContain("with the band 0.02–0.25 (grey) and d = 16, 200 (dotted).");
    expect(() => figureExponentVersusDimension(1 / 3, undefined, [0.1, 0.05])).toThrow(
      /`band\[1\]` must be in \(0\.1, 1\]/,
    );
    expect(() => figureExponentVersusDimension(1 / 3, undefined, [0, 0.05])).toThrow(/`band\[0\]` must be in/);
  });
  it("marks the dimensions asked for on the 4/d line, those above dMax left out", () => {
    const svg = serializeSvg(figureHalvingCostVersusDimension(120, [12, 200]).element);
    expect(svg).toMatch(/d = 12: 2<tspan[^>]*>3<\/tspan>/); // 2^(12/4), the power as a raised tspan
    expect(svg).not.toContain("d = 200");
    expect(svg).not.toContain("d = 40");
    expect(() => figureHalvingCostVersusDimension(120, [0.5])).toThrow(/`marked\[0\]` must be in \[1, ∞\)/);
  });
});
