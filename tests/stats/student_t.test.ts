import { describe, expect, it } from "vitest";
import { studentTQuantile, studentTTwoSided, tIntervalHalfWidth } from "../../src/stats/student_t";
import { expectClose } from "../helpers";

describe("studentTQuantile", () => {
  it("matches the printed t table (two-sided 95 %) for small degrees of freedom", () => {
    // t_0.975(ν) as printed in NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 ("Critical
    // values of the Student's t distribution", column 0.975), to 3 decimals: so within half a unit
    // of the last decimal, 5e-4. The closed forms for ν = 1 (tan(0.475π) = 12.7062…) and ν = 2
    // (0.95·√2/√(1 − 0.95²) = 4.30265…) agree to 1e-12.
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [5, 2.571],
      [7, 2.365],
      [8, 2.306],
      [10, 2.228],
      [30, 2.042],
      [100, 1.984],
    ];
    for (const [df, t] of table) expectClose(studentTQuantile(0.975, df), t, { abs: 5e-4 });
    expectClose(studentTQuantile(0.975, 1), Math.tan(0.475 * Math.PI), { rel: 1e-12 });
    // ν = 2: F(t) = 1/2 + t / (2√(2 + t²)), so t_p = (2p − 1)√2 / √(1 − (2p − 1)²)
    expectClose(studentTQuantile(0.975, 2), 0.95 * Math.SQRT2 / Math.sqrt(1 - 0.95 ** 2), { rel: 1e-12 });
  });

  it("tends to the normal quantile 1.959964 as ν grows, and is odd about p = 1/2", () => {
    expectClose(studentTQuantile(0.975, 1e6), 1.959964, { abs: 1e-5 }); // z_0.975 = 1.9599640
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expectClose(studentTQuantile(0.025, 3), -studentTQuantile(0.975, 3), { rel: 1e-15 });
  });

  it("inverts the two-sided probability", () => {
    for (const df of [1, 2, 3, 6, 9]) {
      for (const p of [0.6, 0.9, 0.975, 0.995]) {
        expectClose(studentTTwoSided(studentTQuantile(p, df), df), 2 * p - 1, { abs: 1e-12 });
      }
    }
  });

  it("rejects probabilities outside (0, 1) and non-integer degrees of freedom, naming them", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/`p` must be in \(0, 1\)/);
    expect(() => studentTQuantile(0.9, 2.5)).toThrow(/`df`/);
    expect(() => studentTTwoSided(-1, 3)).toThrow(/`t`/);
  });
});

describe("tIntervalHalfWidth", () => {
  it("uses t with n − 1 degrees of freedom: 3.18 s.e. for 4 seeds, not 2", () => {
    expectClose(tIntervalHalfWidth(0.01, 4), 0.03182446, { rel: 1e-6 }); // t_0.975(3) = 3.182446
    expect(() => tIntervalHalfWidth(0.01, 1)).toThrow(/`n`/);
    expect(() => tIntervalHalfWidth(-0.01, 4)).toThrow(/`stderr`/);
  });
});
