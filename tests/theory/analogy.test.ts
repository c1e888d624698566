import { describe, expect, it } from "vitest";
import { analogyRow, gridExponent, gridRows, methodRows } from "../../src/theory/analogy";
import { expectClose, expectRefusal } from "../helpers";
import * as an from "../../src/theory/analogy";

describe("analogy (paper §2, eqs. 2 and 10)", () => {
  it("gridExponent() is a/D (eq. 10)", () => {
    expect(gridExponent(2, 1)).toBe(2);
    expectClose(gridExponent(2, 3), 2 / 3);
    expect(gridExponent(4, 40)).toBe(0.1);
  });
  it("methodRows() reproduce the paper's numbers: sqrt(2) for a = 2, 4 for Monte Carlo, 1024 for 0.1", () => {
    const rows = methodRows();
    const find = (m: string, q: string) => rows.find((r) => r.method.startsWith(m) && r.quantity === q)!;
    expectClose(find("grid", "error").halve, Math.SQRT2);
    expectClose(find("Monte Carlo", "error").halve, 4);
    expectClose(find("LLM, upper", "loss").halve, 1024, { rel: 1e-13 });
    expectClose(find("LLM, lower", "loss").halve, 2 ** 20, { rel: 1e-13 });
    expectClose(find("Chinchilla", "loss").halve, 8, { rel: 1e-13 });
    expectClose(find("Chinchilla", "loss").tenfold, 1000, { rel: 1e-13 });
  });
  it("the squared error's exponent is twice the error's, so halving it costs the square root", () => {
    // by hand, order a = 2: the squared error falls as (N^(-2/D))^2 = N^(-4/D), i.e. 4, 2, 4/3, 1, 0.8, 2/3
    const rows = gridRows(2, [1, 2, 3, 4, 5, 6]);
    [4, 2, 4 / 3, 1, 0.8, 2 / 3].forEach((want, i) => expectClose(rows[i].squaredErrorExponent, want));
    // halving the squared error in D = 4 takes 2^(4/4) = 2 points per point, the error 2^(4/2) = 4
    expectClose(rows[3].halveSquaredError, 2, { rel: 1e-15 });
    for (const r of rows) expectClose(r.halveSquaredError ** 2, r.halveError, { rel: 1e-13 });
  });
  it("gridRows() halves the error with 2^(D/2) points for a 2nd-order method", () => {
    const rows = gridRows();
    expect(rows.map((r) => r.dimension)).toEqual([1, 2, 3, 4, 5, 6]);
    rows.forEach((r) => expectClose(r.halveError, 2 ** (r.dimension / 2), { rel: 1e-13 }));
    expectClose(rows[5].tenfoldError, 1000, { rel: 1e-13 }); // 10^(6/2)
  });
  it("rejects a non-positive exponent or order and a non-integer dimension", () => {
    expect(() => analogyRow("x", "error", 0, "")).toThrow("`exponent` must be in (0, ∞), got 0");
    expect(() => gridExponent(0, 2)).toThrow("`a` must be in (0, ∞), got 0");
    expect(() => gridExponent(2, 1.5)).toThrow("`dimension` must be an integer in [1, ∞), got 1.5");
    expect(() => gridRows(2, [0])).toThrow(RangeError);
  });
  it("rejects a quantity outside QUANTITIES and a method or source that is not a string", () => {
    // deliberately mistyped arguments, as a caller without the type checker could pass them
    const row = analogyRow as (m: unknown, q: unknown, e: number, s: unknown) => unknown;
    expect(() => row("x", "errors", 1, "")).toThrow("`quantity` must be one of error, squared error, loss, got errors");
    expect(() => row(1, "error", 1, "")).toThrow(/`method` must be a string/);
    expect(() => row("x", "error", 1, null)).toThrow(/`source` must be a string/);
  });
});

describe("analogy: each parameter refused by name, at its bounds (issue 18: mutants `npm run mutate` found alive)", () => {
  it("names the parameter and its range in every refusal", () => {
    expectRefusal(() => an.gridRows(2, 3 as never), TypeError, "`dims` must be an array of numbers, got number");
  });
  it("labels the methods' rows as the paper's sections do", () => {
    expect(an.methodRows().map((r) => [r.method, r.quantity, r.source])).toEqual([
      ["grid method, 2nd order (1-D)", "error", "paper §2, eq. 2 with a = 2"],
      ["grid method, 2nd order (1-D)", "squared error", "square of eq. 2 with a = 2"],
      ["Monte Carlo", "error", "paper §2, a ∼ 1/2"],
      ["Monte Carlo", "squared error", "variance of the mean ∼ 1/N"],
      ["Chinchilla-like (α_{C})", "loss", "paper §3, α_{C} ∼ 1/3"],
      ["LLM, upper end of A range", "loss", "paper §1, 0.05–0.10"],
      ["LLM, lower end of A range", "loss", "paper §1, 0.05–0.10"],
    ]);
  });
});
