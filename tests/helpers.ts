/**
 * Shared test helpers. Every floating-point comparison in the suite goes through `expectClose`,
 * so the tolerance of each check is stated where it is used.
 */
import { expect } from "vitest";

/** Tolerances for `expectClose`: relative `rel` and absolute `abs`; the check passes if either holds. */
export interface Tolerance {
  rel?: number;
  abs?: number;
}

/**
 * Asserts |actual - expected| <= max(abs, rel * |expected|).
 * Default: rel = 1e-12 (a few ulps of accumulated rounding in closed forms), abs = 0.
 */
export function expectClose(actual: number, expected: number, tol: Tolerance = {}): void {
  const rel = tol.rel ?? 1e-12;
  const abs = tol.abs ?? 0;
  const bound = Math.max(abs, rel * Math.abs(expected));
  const err = Math.abs(actual - expected);
  if (!(err <= bound)) {
    expect.fail(`expected ${actual} to be within ${bound} of ${expected} (|diff| = ${err})`);
  }
}
