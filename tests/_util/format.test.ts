import { describe, expect, it } from "vitest";
import { formatFraction, formatNumber, formatPower, formatSize, minusSign, superscript } from "../../src/_util/format";

describe("format", () => {
  it("formatNumber() prints integers in full, others to 4 significant digits, tiny and huge with powers of ten", () => {
    expect(formatNumber(1024)).toBe("1024");
    expect(formatNumber(1 / 3)).toBe("0.3333");
    expect(formatNumber(1e-12)).toBe("1·10⁻¹²");
    expect(formatNumber(1.5e20)).toBe("1.5·10²⁰");
    expect(formatNumber(1048576)).toBe("1048576");
  });
  it("formatNumber() writes a negative number with the minus sign U+2212, never the hyphen-minus", () => {
    expect(formatNumber(-2.0894)).toBe("\u22122.089");
    expect(formatNumber(-3)).toBe("\u22123");
    expect(formatNumber(-1.5e-7)).toBe("\u22121.5·10⁻⁷");
    expect(formatNumber(-0)).toBe("0");
    for (const v of [-1e-12, -0.5, -7, -123456.7, -1e20]) expect(formatNumber(v)).not.toContain("-");
    expect(formatFraction(-1 / 3)).toBe("\u22121/3");
    expect(formatFraction(-0.8)).toBe("\u22120.8");
    expect(minusSign("-0.5")).toBe("\u22120.5");
    expect(minusSign("0.5")).toBe("0.5");
  });
  it("formatPower() writes integer exponents in superscript digits, others in the notation", () => {
    expect(formatPower("9", 3)).toBe("9³");
    expect(formatPower("2", 10)).toBe("2¹⁰");
    expect(formatPower("N", -4.0000001, 3)).toBe("N⁻⁴"); // an exponent that rounds to an integer
    expect(formatPower("9", 1 / 0.34)).toBe("9^{2.941}");
    expect(formatPower("N", -0.5)).toBe("N^{\u22120.5}");
    expect(() => formatPower("2", NaN)).toThrow(RangeError);
  });
  it("formatSize() writes 1 and the powers of ten one way down a column (a unit of N), anything else as formatNumber", () => {
    // formatNumber alone gives "1000000" for 10⁶ and "1·10⁹" for 10⁹: two notations in one column
    expect([1, 1e6, 1e9, 1e12].map((u) => formatSize(u))).toEqual(["1", "10⁶", "10⁹", "10¹²"]);
    expect(formatSize(10)).toBe("10¹");
    expect(formatSize(5e5)).toBe("500000");
    expect(formatSize(2e9)).toBe("2·10⁹");
    expect(formatSize(1e6 + 1)).toBe("1000001");
    expect(formatSize(0.001)).toBe("10⁻³");
    // a size is positive: what formatUnit wrote as a number is refused by name
    expect(() => formatSize(-1e6)).toThrow("`n` must be in (0, ∞), got -1000000");
    expect(() => formatSize(NaN)).toThrow(/`n`/);
    expect(() => formatSize(0)).toThrow(/`n`/);
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
