import { describe, expect, it } from "vitest";
import { formatFraction, formatNumber, superscript } from "../../src/_util/format";

describe("format", () => {
  it("formatNumber() prints integers in full, others to 4 significant digits, tiny and huge with powers of ten", () => {
    expect(formatNumber(1024)).toBe("1024");
    expect(formatNumber(1 / 3)).toBe("0.3333");
    expect(formatNumber(1e-12)).toBe("1·10⁻¹²");
    expect(formatNumber(1.5e20)).toBe("1.5·10²⁰");
    expect(formatNumber(1048576)).toBe("1048576");
  });
  it("superscript() writes integers in superscript digits and refuses fractions", () => {
    expect(superscript(-12)).toBe("⁻¹²");
    expect(superscript(10)).toBe("¹⁰");
    expect(() => superscript(1.5)).toThrow(RangeError);
  });
  it("formatNumber() refuses what a table must never print", () => {
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
    expect(() => formatNumber(NaN)).toThrow(RangeError);
  });
  it("prints simple ratios as fractions, others in short form", () => {
    expect(formatFraction(1 / 3)).toBe("1/3");
    expect(formatFraction(0.5)).toBe("1/2");
    expect(formatFraction(0.8)).toBe("0.8");
    expect(formatFraction(0.123456)).toBe("0.123");
  });
});
