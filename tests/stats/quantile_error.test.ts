import { describe, expect, it } from "vitest";
import { quantileMonteCarloError, wilsonUpper } from "../../src/stats/quantile_error";

describe("wilsonUpper", () => {
  it("matches Wilson's interval computed by hand and known values", () => {
    // k = 0: (z²/2n + z·z/2n)/(1 + z²/n) = (z²/n)/(1 + z²/n)
    const z2 = 1.96 ** 2;
    expect(wilsonUpper(0, 200)).toBeCloseTo(z2 / 200 / (1 + z2 / 200), 15);
    // k = n gives 1; a half share is symmetric about 1/2 with its lower bound
    expect(wilsonUpper(10, 10)).toBeCloseTo(1, 15);
    // Newcombe 1998, Table I, case 81/263 (p = 0.3080): Wilson interval 0.2553–0.3662
    expect(wilsonUpper(81, 263)).toBeCloseTo(0.3662, 4);
    // Newcombe 1998, case 15/148: 0.0624–0.1605
    expect(wilsonUpper(15, 148)).toBeCloseTo(0.1605, 4);
  });
  it("falls with more draws at a fixed share and refuses bad counts", () => {
    expect(wilsonUpper(0, 50)).toBeGreaterThan(0.025); // 50 resamples cannot show a share below 2.5 %
    expect(wilsonUpper(0, 200)).toBeLessThan(0.025); // 200 with none can
    expect(wilsonUpper(5, 200)).toBeLessThan(wilsonUpper(5, 100));
    expect(() => wilsonUpper(3, 2)).toThrow(/`k`/);
    expect(() => wilsonUpper(0, 0)).toThrow(/`n`/);
    expect(() => wilsonUpper(1.5, 10)).toThrow(/`k`/);
  });
  it("quantileMonteCarloError is half the spread of the order statistics about B q", () => {
    expect(quantileMonteCarloError([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(3);
  });
});
