/**
 * Shared test helpers. Every floating-point comparison in the suite goes through `expectClose`,
 * so the tolerance of each check is stated where it is used.
 */
import { expect, it } from "vitest";
import { claimById, type Findings, type Verdict } from "../src/findings/claim";

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

/**
 * Asserts that `f` throws an error of class `type` whose message is exactly `message` (a refusal names its
 * parameter and its range: a mutated name or bound changes the message).
 */
export function expectRefusal(f: () => unknown, type: ErrorConstructor, message: string): void {
  let thrown: unknown = undefined;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected a ${type.name}: ${message}`).toBeInstanceOf(type);
  expect((thrown as Error).message).toBe(message);
}

/**
 * Declares the verdict tests of a notebook's findings: the notebook's name, exactly the expected claim
 * ids (in the notebook's order when `ordered`), and one test per claim comparing its verdict with the
 * literal expectation.
 */
export function itHasVerdicts(
  f: Findings,
  notebook: string,
  expected: Record<string, Verdict>,
  { ordered = false }: { ordered?: boolean } = {},
): void {
  it(`has exactly the expected claims${ordered ? ", in the notebook's order" : ""}`, () => {
    expect(f.notebook).toBe(notebook);
    const ids = f.claims.map((c) => c.id);
    if (ordered) expect(ids).toEqual(Object.keys(expected));
    else expect([...ids].sort()).toEqual(Object.keys(expected).sort());
  });
  for (const [id, verdict] of Object.entries(expected)) {
    it(`${id}: ${verdict}`, () => expect(claimById(f, id).verdict).toBe(verdict));
  }
}
