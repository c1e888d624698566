import { describe, expect, it } from "vitest";
import { csvLines, parseDecimal, rowsToCsv } from "../../src/_util/csv";

describe("csv", () => {
  it("rowsToCsv() writes a header, shortest round-trip numbers and quotes where needed", () => {
    const csv = rowsToCsv([{ a: 0.1, b: 'say "hi", twice', c: "" }, { a: 1e-12, b: "x", c: 3 }], ["a", "b", "c"]);
    expect(csv).toBe('a,b,c\n0.1,"say ""hi"", twice",\n1e-12,x,3\n');
  });
  it("rowsToCsv() refuses NaN and missing values, naming the row and the column", () => {
    expect(() => rowsToCsv([{ a: 1 }, { a: NaN }], ["a"])).toThrow("row 2: `a` must be a finite number, got NaN");
    expect(() => rowsToCsv([{ a: 1 }], ["a", "b"])).toThrow("row 1: `b` is missing");
  });
  it("csvLines() accepts LF and CRLF, drops trailing blank lines, refuses CR-only endings", () => {
    expect(csvLines("a,b\n1,2\n")).toEqual(["a,b", "1,2"]);
    expect(csvLines("a,b\r\n1,2\r\n\r\n\n")).toEqual(["a,b", "1,2"]);
    expect(csvLines("a\n\n1\n")).toEqual(["a", "", "1"]); // a blank line inside the data is the parser's to refuse
    expect(() => csvLines("a,b\r1,2\r")).toThrow(/CR-only line endings/);
  });
  it("parseDecimal() reads plain decimals only (no hex, binary, separators, Infinity or cut-short numbers)", () => {
    expect(parseDecimal("6.02e+23")).toBe(6.02e23);
    expect(parseDecimal("-0.5")).toBe(-0.5);
    expect(parseDecimal(".5")).toBe(0.5);
    for (const bad of ["0x10", "0b1", "1_000", "Infinity", "NaN", "1e", "3.", "", " 3", "1,5"]) {
      expect(parseDecimal(bad), bad).toBeNaN();
    }
  });
});
