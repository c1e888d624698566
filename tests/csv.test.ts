import { describe, expect, it } from "vitest";
import { rowsToCsv } from "../src/csv";

describe("csv", () => {
  it("rowsToCsv() writes a header, shortest round-trip numbers and quotes where needed", () => {
    const csv = rowsToCsv([{ a: 0.1, b: 'say "hi", twice', c: "" }, { a: 1e-12, b: "x", c: 3 }], ["a", "b", "c"]);
    expect(csv).toBe('a,b,c\n0.1,"say ""hi"", twice",\n1e-12,x,3\n');
  });
  it("rowsToCsv() refuses NaN and missing values, naming the row and the column", () => {
    expect(() => rowsToCsv([{ a: 1 }, { a: NaN }], ["a"])).toThrow("row 2: `a` must be a finite number, got NaN");
    expect(() => rowsToCsv([{ a: 1 }], ["a", "b"])).toThrow("row 1: `b` is missing");
  });
});
