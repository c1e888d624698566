import { describe, expect, it } from "vitest";
import { figureSingularitySpectra, figureStructureExponents } from "../../src/figures/turbulence";
import { renderFigure } from "../../src/figures/render";
import { betaModelHurst, betaStructureExponent, sheLevequeStructureExponent } from "../../src/theory/turbulence";
import { expectClose } from "../helpers";
import { pngSize } from "./png";

describe("figures of section 5.1", () => {
  it("structure-exponent data: three models on 0 <= p <= 10, meeting at zeta_3 = 1", () => {
    const fig = figureStructureExponents();
    const at3 = fig.data.filter((r) => r.p === 3);
    expect(at3.length).toBe(3);
    for (const r of at3) expectClose(r.zeta as number, 1, { rel: 1e-15 });
    const sl10 = fig.data.find((r) => r.p === 10 && (r.model as string).startsWith("She"))!;
    expect(sl10.zeta).toBe(sheLevequeStructureExponent(10));
    // She & Leveque 1994: ζ₁₀ = 10/9 + 2(1 − (2/3)^(10/3)) = 2.5879
    expectClose(sl10.zeta as number, 10 / 9 + 2 * (1 - (2 / 3) ** (10 / 3)), { rel: 1e-14 });
    const beta6 = fig.data.find((r) => r.p === 6 && (r.model as string).startsWith("beta"))!;
    expect(beta6.zeta).toBe(betaStructureExponent(6, 2.8));
    // beta model (Frisch 1995, §8.5): ζ₆ = 6/3 + (3 − 2.8)(1 − 6/3) = 1.8
    expectClose(beta6.zeta as number, 1.8, { rel: 1e-14 });
  });
  it("the compensated panel's column is ζ_p − p/3, so that ζ_2 = 0.667, 0.733, 0.696 read as 0, 0.067, 0.029", () => {
    const fig = figureStructureExponents();
    for (const r of fig.data) {
      expectClose(r.zeta_minus_p3 as number, (r.zeta as number) - (r.p as number) / 3, { abs: 1e-15 });
    }
    const at2 = fig.data.filter((r) => r.p === 2).map((r) => Number((r.zeta as number).toFixed(3)));
    expect(at2).toEqual([0.667, 0.733, 0.696]);
  });
  it("spectrum data: the beta line is dF = 2 + 3h and She-Leveque ends near (1/9, 1)", () => {
    const fig = figureSingularitySpectra();
    // eq. 16 read forwards: h = 1/3 − (3 − dF)/3, so each (h, dF) of the line must give back its h
    // through betaModelHurst (the figure computes dF with the inverse, betaDimensionForHurst)
    const beta = fig.data.filter((x) => (x.model as string).startsWith("beta model"));
    for (const r of beta) expectClose(betaModelHurst(r.dim as number), r.h as number, { abs: 1e-14 });
    // hand values: K41's h = 1/3 lies on the space-filling set dF = 3, and h = 0 on dF = 2 (section 5.1)
    const at = (h: number) => beta.find((r) => Math.abs((r.h as number) - h) < 1e-12)!;
    expectClose(at(1 / 3).dim as number, 3, { abs: 1e-14 });
    expectClose(at(0).dim as number, 2, { abs: 1e-14 });
    // the She-Leveque filament point is (1/9, 1) (She & Leveque 1994)
    const fil = fig.data.find((x) => x.model === "SL filaments")!;
    expectClose(fil.h as number, 1 / 9, { rel: 1e-15 });
    expect(fil.dim).toBe(1);
    const sl = fig.data.filter((x) => x.model === "She-Leveque D(h)");
    const last = sl.at(-1)!;
    expectClose(last.h as number, 1 / 9, { abs: 1e-6 });
    expectClose(last.dim as number, 1, { abs: 1e-4 });
    // D(h) increases with h along the curve (p decreasing)
    for (let i = 1; i < sl.length; i++) expect(sl[i].h as number).toBeLessThan(sl[i - 1].h as number);
  });
  it("PNGs have the house size", () => {
    expect(pngSize(renderFigure(figureSingularitySpectra()).png)).toEqual({ width: 1080, height: 660 });
    // two panels: ζ_p (300 px) over ζ_p − p/3 (290 px)
    expect(pngSize(renderFigure(figureStructureExponents()).png)).toEqual({ width: 1080, height: 885 });
  });
});
