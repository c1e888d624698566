import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { formatPowerOfTen, plotDefaults, powerOfTenAxis, serializeSvg, svgToPng } from "../../src/figures/render";
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
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') || svg.includes('xmlns="http://www.w3.org/2000/svg"'))
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
    const el = Plot.plot({ ...plotDefaults(), color: { legend: true, type: "ordinal" }, marks: [Plot.dot(["a", "b"], { x: (_: string, i: number) => i, fill: (d: string) => d })] });
    expect(() => serializeSvg(el as unknown as Element)).toThrow("`element` must be an <svg>, got <figure>");
  });
  it("svgToPng() renders at the requested scale", () => {
    const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">10⁻⁶</text></svg>', 2);
    expect(pngSize(png)).toEqual({ width: 200, height: 80 });
  });
});
