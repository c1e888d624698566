/**
 * fdlibm's exp and log as src/fit/_f64math.ts writes them: within 1 ulp of the engine's (fdlibm's bound;
 * Deno's own are closer to correctly rounded, Node's are fdlibm and agree bit for bit, which the tslab
 * notebooks check through the fits), exact where the answer is exact, and IEEE's special values.
 */
import { describe, expect, it } from "vitest";
import { exp, log } from "../../src/fit/_f64math";

const bits = new Float64Array(1), ints = new BigInt64Array(bits.buffer);
/** Distance in units in the last place between two finite doubles of one sign. */
function ulps(a: number, b: number): number {
  bits[0] = a;
  const x = ints[0];
  bits[0] = b;
  return Math.abs(Number(x - ints[0]));
}

/** A fixed sequence of uniforms in [0, 1) (Park–Miller): the same inputs in every run. */
function uniforms(n: number, seed = 12345): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((seed = (seed * 16807) % 2147483647) / 2147483647);
  return out;
}

describe("exp", () => {
  it("is within 1 ulp of Math.exp over [−745, 709], and exact at 0", () => {
    let worst = 0;
    for (const u of uniforms(200_000)) {
      const x = -745 + 1454 * u;
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    for (const u of uniforms(100_000, 99)) { // the objective's range: e^(x) with x ≤ 0 near 0
      const x = -40 * u;
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(1e-30)).toBe(1); // |x| < 2⁻²⁸: 1 + x
  });

  it("gives IEEE's special values: NaN, e^∞ = ∞, e^−∞ = 0, overflow to ∞, underflow to 0 through the subnormals", () => {
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-745)).toBe(Math.exp(-745)); // 5e-324, the smallest subnormal
    expect(exp(-720)).toBeGreaterThan(0);
    expect(ulps(exp(-720), Math.exp(-720))).toBeLessThanOrEqual(1); // the 2⁻¹⁰⁰⁰ path
    expect(exp(709.7)).toBeLessThan(Infinity);
  });
});

describe("log", () => {
  it("is within 1 ulp of Math.log over positive doubles, and exact at 1", () => {
    let worst = 0;
    for (const u of uniforms(200_000)) {
      const x = Math.exp(-740 + 1449 * u); // from subnormals to 10^307
      worst = Math.max(worst, ulps(log(x), Math.log(x)));
    }
    for (const u of uniforms(100_000, 7)) { // the objective's range: the log-sum-exp's sum in [1, 3]
      const x = 1 + 2 * u;
      worst = Math.max(worst, ulps(log(x), Math.log(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(log(1)).toBe(0);
    expect(log(1 + 2 ** -40)).toBe(Math.log1p(2 ** -40)); // |f| < 2⁻²⁰
    expect(log(2)).toBe(Math.LN2);
  });

  it("gives IEEE's special values: ln 0 = −∞, ln of a negative or NaN = NaN, ln ∞ = ∞, subnormals scaled", () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBe(Math.log(5e-324));
  });
});
