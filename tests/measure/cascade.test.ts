import { describe, expect, it } from "vitest";
import { betaCascade, cascadeActiveHolder, cascadeZeta2 } from "../../src/measure/cascade";
import { expectClose } from "../helpers";

const at = (f: (x: Float64Array, o: number) => number, x: number) => f(new Float64Array([x]), 0);

describe("betaCascade", () => {
  it("without intermittency (C = 0) is the wavelet series Σ 2^(−j/3) sin(2π 2^j x), exact at dyadic points", () => {
    const { f, beta, active } = betaCascade({ levels: 12, codimension: 0, seed: 1 });
    expect(beta).toBe(1);
    expect(Array.from(active)).toEqual(Array.from({ length: 12 }, (_, j) => 2 ** j));
    // x = 1/4: only level 0 contributes sin(π/2) = 1; x = 1/8: sin(π/4) + 2^(−1/3) sin(π/2)
    expectClose(at(f, 0.25), 1, { abs: 1e-15 });
    expectClose(at(f, 0.125), Math.SQRT1_2 + 2 ** (-1 / 3), { abs: 1e-15 });
    expect(at(f, 0)).toBe(0);
  });

  it("kills eddies with probability 1 − β and never dies out", () => {
    const c = betaCascade({ levels: 16, codimension: 0.5, seed: 3 });
    expectClose(c.beta, Math.SQRT1_2, { rel: 1e-15 }); // 2^(−1/2)
    for (let j = 1; j < 16; j++) {
      expect(c.active[j]).toBeGreaterThanOrEqual(1);
      expect(c.active[j]).toBeLessThanOrEqual(2 * c.active[j - 1]);
    }
    // the active set thins out: far fewer than 2^15 eddies at the finest level
    expect(c.active[15]).toBeLessThan(2 ** 15 / 8);
  });

  it("is reproducible for a seed", () => {
    const a = betaCascade({ levels: 10, codimension: 0.2, seed: 5 }).f;
    const b = betaCascade({ levels: 10, codimension: 0.2, seed: 5 }).f;
    expect(at(a, 0.3712)).toBe(at(b, 0.3712));
  });

  it("rejects levels outside [1, 24], C outside [0, 1) and h0 outside (0, 1)", () => {
    expect(() => betaCascade({ levels: 0, codimension: 0.2, seed: 1 })).toThrow(/`levels`/);
    expect(() => betaCascade({ levels: 25, codimension: 0.2, seed: 1 })).toThrow(/`levels`/);
    expect(() => betaCascade({ levels: 8, codimension: 1, seed: 1 })).toThrow(
      /`codimension` must be in \[0, 1\), got 1/,
    );
    expect(() => betaCascade({ levels: 8, codimension: 0.2, seed: 1, h0: 0 })).toThrow(/`h0`/);
  });
});

describe("cascade exponents", () => {
  it("ζ₂ = 2/3 + C/3 and the active-set h = 1/3 − C/3 (eq. 16 with D = 1)", () => {
    expectClose(cascadeZeta2(0), 2 / 3);
    expectClose(cascadeZeta2(0.2), 2 / 3 + 0.2 / 3);
    expectClose(cascadeActiveHolder(0.2), 1 / 3 - 0.2 / 3);
    expect(() => cascadeZeta2(-0.1)).toThrow(RangeError);
  });
});
