import { describe, expect, it } from "vitest";
import { figure1RunningExponent, figure2CriticalSize } from "../../src/figures/pedestal";
import { renderFigure, serializeSvg } from "../../src/figures/render";
import { criticalSize, runningExponent } from "../../src/theory/pedestal";
import { expectClose } from "../helpers";
import { pngSize } from "./png";

describe("figures of section 3", () => {
  it("figure 1 data are eq. 5 (not normalised) on 1e-12 <= x <= 1 for the paper's four pedestals", () => {
    const fig = figure1RunningExponent();
    expect(fig.columns).toEqual(["x", "p", "alpha_p"]);
    expect([...new Set(fig.data.map((r) => r.p))]).toEqual([0.01, 0.05, 0.1, 0.2]);
    expect(fig.data.length).toBe(4 * 241); // 12 decades x 20 points + 1
    const xs = fig.data.map((r) => r.x as number);
    expectClose(Math.min(...xs), 1e-12, { rel: 1e-12 });
    expect(Math.max(...xs)).toBe(1);
    for (const r of fig.data) {
      expect(r.alpha_p).toBe(runningExponent(r.x as number, r.p as number, 1 / 3));
      // eq. 5 written out here: (1 − p) α x^α / (p + (1 − p) x^α) with α = 1/3
      const [x, p] = [r.x as number, r.p as number];
      const u = (1 - p) * Math.cbrt(x);
      expectClose(r.alpha_p as number, u / (p + u) / 3, { rel: 1e-12 });
    }
    // at x = 1 the unnormalised curve starts at (1 - p)/3, below the alpha_C line
    const atOne = fig.data.filter((r) => r.x === 1);
    atOne.forEach((r) => expectClose(r.alpha_p as number, (1 - (r.p as number)) / 3, { rel: 1e-15 }));
  });
  it("figure 1 renders for pedestals whose curves start below the default label heights, and for many curves", () => {
    // curves that start low (p = 0.1 starts at (1 - 0.1)/3 = 0.3, p = 0.7 at 0.1) and eight rows of the key
    for (const pedestals of [[0.1, 0.2, 0.3], [0.5, 0.7], [0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5]]) {
      const fig = figure1RunningExponent({ pedestals });
      const svg = serializeSvg(fig.element);
      for (const p of pedestals) expect(svg).toContain(`p = ${p}`);
      expect(svg).not.toContain("NaN");
    }
  });
  it("figure 2 data are eq. 7 and pass through N_crit(0.1) = 729", () => {
    const fig = figure2CriticalSize();
    expect(fig.columns).toEqual(["p", "N_crit"]);
    for (const r of fig.data) expect(r.N_crit).toBe(criticalSize(r.p as number, 1 / 3));
    // eq. 7 written out here: ((1 − p)/p)^3
    for (const r of fig.data) {
      expectClose(r.N_crit as number, ((1 - (r.p as number)) / (r.p as number)) ** 3, { rel: 1e-12 });
    }
    expect(serializeSvg(fig.element)).toMatch(/p = 0\.1: N<tspan[^>]*>crit<\/tspan> = 729</); // the marked p = 0.1: 9^3
    const ps = fig.data.map((r) => r.p as number);
    expect(ps.at(-1)).toBe(0.5);
    expect(fig.data.at(-1)!.N_crit).toBeCloseTo(1, 12);
  });
  it("the figures' SVG has labelled axes, powers of ten and the fixed class name", () => {
    const svg = serializeSvg(figure1RunningExponent().element);
    expect(svg).toContain('class="smallness-plot"');
    expect(svg).toContain("10⁻¹²");
    expect(svg).toContain("x = 1/N");
    expect(svg).toContain("p = 0.05");
    expect(svg).not.toMatch(/plot-[0-9a-f]{6}/); // no random class names
  });
  it("the PNGs are 1.5x the SVG size and between 20 kB and 400 kB", () => {
    for (const fig of [figure1RunningExponent(), figure2CriticalSize()]) {
      const { png } = renderFigure(fig);
      expect(pngSize(png)).toEqual({ width: 1080, height: 660 });
      expect(png.length).toBeGreaterThan(20_000);
      expect(png.length).toBeLessThan(400_000);
    }
  });
});
