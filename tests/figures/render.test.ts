import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import {
  applyNotation,
  CURVE_COLOURS,
  formatPowerOfTen,
  notationToMarkdown,
  notationToPlain,
  notationToSvg,
  PALETTE,
  plotDefaults,
  powerOfTenAxis,
  serializeSvg,
  svgToPng,
  textColour,
} from "../../src/figures/render";
import { pngSize } from "./png";

describe("render", () => {
  it("formatPowerOfTen() writes superscript exponents and leaves other numbers alone", () => {
    expect(formatPowerOfTen(1e-6)).toBe("10⁻⁶");
    expect(formatPowerOfTen(1e12)).toBe("10¹²");
    expect(formatPowerOfTen(1)).toBe("1");
    expect(formatPowerOfTen(10)).toBe("10");
    expect(formatPowerOfTen(0.5)).toBe("0.5");
  });
  it("powerOfTenAxis() puts ticks at every step-th power of ten", () => {
    expect(powerOfTenAxis(-4, 0, 2).ticks).toEqual([1e-4, 1e-2, 1]);
  });
  it("serializeSvg() renumbers clip ids in document order and adds xmlns", () => {
    const el = Plot.plot({
      ...plotDefaults(),
      marks: [Plot.line([[0, 0], [1, 1]], { clip: true }), Plot.line([[0, 1], [1, 0]], { clip: true })],
    });
    const svg = serializeSvg(el as unknown as Element);
    expect(
      svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') || svg.includes('xmlns="http://www.w3.org/2000/svg"'),
    )
      .toBe(true);
    expect(svg).toContain('id="clip-1"');
    expect(svg).not.toMatch(/plot-clip-\d+/);
    // rendering the same plot twice gives the same string (Plot's global clip counter moved on)
    const again = serializeSvg(Plot.plot({
      ...plotDefaults(),
      marks: [Plot.line([[0, 0], [1, 1]], { clip: true }), Plot.line([[0, 1], [1, 0]], { clip: true })],
    }) as unknown as Element);
    expect(again).toBe(svg);
  });
  it("serializeSvg() rounds coordinates to two decimals but leaves label text alone", () => {
    const el = Plot.plot({
      ...plotDefaults(),
      marks: [Plot.text([{ x: 0.123456, y: 1 }], { x: "x", y: "y", text: () => "α = 0.3473" })],
    });
    const svg = serializeSvg(el as unknown as Element);
    expect(svg).toContain("α = 0.3473");
    expect(svg).not.toMatch(/="[^"]*\d\.\d{3,}[^"]*"/);
  });
  it("serializeSvg() refuses a <figure> (an HTML legend) with a clear error", () => {
    const el = Plot.plot({
      ...plotDefaults(),
      color: { legend: true, type: "ordinal" },
      marks: [Plot.dot(["a", "b"], { x: (_: string, i: number) => i, fill: (d: string) => d })],
    });
    expect(() => serializeSvg(el as unknown as Element)).toThrow("`element` must be an <svg>, got <figure>");
  });
  it("svgToPng() renders at the requested scale", () => {
    const png = svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">10⁻⁶</text></svg>',
      2,
    );
    expect(pngSize(png)).toEqual({ width: 200, height: 80 });
  });
  it("writes the labels' notation as shifted tspans in the SVG, <sub>/<sup> in Markdown, plain text otherwise", () => {
    expect(notationToSvg("α_{C} = 2^{d/4}")).toBe(
      'α<tspan baseline-shift="sub" font-size="75%">C</tspan> = 2<tspan baseline-shift="super" font-size="75%">d/4</tspan>',
    );
    expect(notationToMarkdown("N_{crit} and 2^{d/4}")).toBe("N<sub>crit</sub> and 2<sup>d/4</sup>");
    expect(notationToPlain("α_{C}, N_{crit}, 2^{d/4}")).toBe("α_C, N_crit, 2^(d/4)");
    // one level of nesting (Figure 3.2's caption)
    expect(notationToMarkdown("((1 − p)/p)^{1/α_{C}}")).toBe("((1 − p)/p)<sup>1/α<sub>C</sub></sup>");
    expect(notationToPlain("((1 − p)/p)^{1/α_{C}}")).toBe("((1 − p)/p)^(1/α_C)");
    const el = Plot.plot({
      ...plotDefaults(),
      marks: [Plot.text([{ x: 0, y: 0 }], { x: "x", y: "y", text: () => "d_{F} = 2.8" })],
    });
    const svg = serializeSvg(el as unknown as Element);
    expect(svg).toMatch(
      /d<tspan (baseline-shift="sub" font-size="75%"|font-size="75%" baseline-shift="sub")>F<\/tspan> = 2\.8/,
    );
    expect(svg).not.toContain("_{");
  });
  it("uses one colour-blind-safe palette (Okabe-Ito) with red and green never neighbours", () => {
    expect(CURVE_COLOURS.slice(0, 4)).toEqual([PALETTE.blue, PALETTE.orange, PALETTE.purple, PALETTE.green]);
    const i = CURVE_COLOURS.indexOf(PALETTE.vermillion), j = CURVE_COLOURS.indexOf(PALETTE.green);
    expect(Math.abs(i - j)).toBeGreaterThan(1);
  });
  it("darkens label colours to a contrast of at least 4.5:1 on white, keeping dark ones", () => {
    expect(textColour(PALETTE.blue)).toBe(PALETTE.blue); // contrast 5.1 already
    for (const c of CURVE_COLOURS) {
      const t = textColour(c);
      const lum = (hex: string) =>
        [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      expect(1.05 / (lum(t) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect(() => textColour("orange")).toThrow("`colour` must be #rrggbb, got orange");
  });
  it("serializeSvg() leaves its argument unchanged (no xmlns added, labels' notation not rewritten)", () => {
    const el = Plot.plot({
      ...plotDefaults(),
      marks: [
        Plot.text([{ x: 0, y: 0 }], { x: "x", y: "y", text: () => "α_{C}" }),
        Plot.line([[0, 0], [1, 1]], { clip: true }),
      ],
    }) as unknown as Element;
    const before = el.outerHTML;
    const svg = serializeSvg(el);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toContain("_{");
    expect(el.outerHTML).toBe(before);
    expect(el.outerHTML).toContain("α_{C}");
    expect(serializeSvg(el)).toBe(svg); // and serialising it again gives the same string
  });
  it("applyNotation() rewrites a live element's labels in place, as serializeSvg() does in the string", () => {
    const make = () =>
      Plot.plot({
        ...plotDefaults(),
        marks: [Plot.text([{ x: 0, y: 0 }], { x: "x", y: "y", text: () => "α_{C} = 2^{d/4}" })],
      });
    const live = applyNotation(make() as unknown as Element);
    expect(live.outerHTML).not.toContain("_{");
    expect(serializeSvg(live)).toBe(serializeSvg(make() as unknown as Element));
  });
});
