import { describe, expect, it } from "vitest";
import { EXPF, expf, tanhf } from "../../../src/learn/lm/_f32math";

const f = Math.fround;
/** n floats evenly spaced over [a, b]. */
const grid = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => f(a + ((b - a) * i) / (n - 1)));

describe("expf and tanhf (float32 arithmetic)", () => {
  it("expf is within 1.5·10⁻⁷ relative of the double-precision exp over its whole range (2·10⁵ points)", () => {
    // one float32 ulp is 2⁻²³ ≈ 1.19·10⁻⁷ relative at most; Cephes' expf is about one ulp
    let worst = 0;
    for (const x of grid(EXPF.min, EXPF.max, 200_001)) worst = Math.max(worst, Math.abs(expf(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThan(1.5e-7);
    expect(worst).toBeGreaterThan(0); // not the engine's exp in disguise
  });

  it("expf rounds correctly for most arguments and gives known values exactly", () => {
    let exact = 0;
    const xs = grid(-20, 20, 10_001);
    for (const x of xs) if (expf(x) === f(Math.exp(x))) exact++;
    expect(exact / xs.length).toBeGreaterThan(0.85); // measured 0.90
    expect(expf(0)).toBe(1);
    expect(expf(-0)).toBe(1);
    expect(expf(1)).toBe(f(Math.E));
    expect(expf(f(Math.LN2))).toBe(2);
  });

  it("expf clamps outside [min, max]: no overflow to ∞, no zero below; NaN stays NaN", () => {
    expect(expf(1000)).toBe(expf(88));
    expect(expf(88)).toBeCloseTo(1.6516e38, -34);
    expect(Number.isFinite(expf(Infinity))).toBe(true);
    expect(expf(-1000)).toBe(expf(EXPF.min));
    expect(expf(-Infinity)).toBeGreaterThan(0);
    expect(expf(-Infinity)).toBeLessThan(1.18e-38); // about FLT_MIN = 1.1755·10⁻³⁸
    expect(expf(NaN)).toBeNaN();
  });

  it("tanhf is within 2·10⁻⁷ of tanh, odd up to rounding, and saturates at ±1", () => {
    let worst = 0;
    for (const x of grid(-12, 12, 100_001)) worst = Math.max(worst, Math.abs(tanhf(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(2e-7);
    expect(tanhf(0)).toBe(0);
    expect(tanhf(30)).toBe(1);
    expect(tanhf(-30)).toBe(-1);
    expect(tanhf(1e6)).toBe(1);
    for (const x of [0.1, 0.5, 1, 3]) expect(Math.abs(tanhf(x) + tanhf(-x))).toBeLessThan(2.5e-7);
  });

  it("every constant is a float32 value (what the WebAssembly kernels' f32.const carries)", () => {
    for (const c of [EXPF.log2e, EXPF.c1, EXPF.c2, EXPF.min, EXPF.max, ...EXPF.p]) expect(f(c)).toBe(c);
    // Cephes' split of ln 2: C₁ has 9 significant bits, C₁ + C₂ is ln 2 to float32's precision and beyond
    expect(EXPF.c1 * 512).toBe(355);
    expect(Math.abs(EXPF.c1 + EXPF.c2 - Math.LN2)).toBeLessThan(1e-11);
  });
});
