import { describe, expect, it } from "vitest";
import { bootstrap, percentileInterval, quantile, resampleCounts, sampleStdDev } from "../../src/stats/bootstrap";
import { Random } from "../../src/stats/random";
import { expectClose } from "../helpers";

describe("resampleCounts", () => {
  it("draws n observations with replacement (counts sum to n) and repeats with the seed", () => {
    const a = resampleCounts(50, new Random(3));
    const b = resampleCounts(50, new Random(3));
    const c = resampleCounts(50, new Random(4));
    expect(a.reduce((s, v) => s + v, 0)).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe("bootstrap", () => {
  it("gives the standard error of a mean that theory predicts, sd/sqrt(n)", () => {
    // The bootstrap distribution of the mean of x has variance s^2/n with s^2 = sum (x - mean)^2 / n
    // (plug-in variance). With B = 4000 resamples the estimated SE has a relative sampling error
    // of about 1/sqrt(2B) = 1.1%; 5% is over four of those.
    const rng = new Random(11);
    const x = Array.from(rng.normals(40), (v) => 2 + 3 * v);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const s2 = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    const rows = bootstrap(x.length, 4000, 5, (w) => [w.reduce((s, c, i) => s + c * x[i], 0) / x.length]);
    expectClose(sampleStdDev(rows.map((r) => r[0])), Math.sqrt(s2 / x.length), { rel: 0.05 });
  });

  it("repeats exactly with the same seed and differs with another", () => {
    const est = (w: Float64Array) => [w[0], w[1] * 2];
    expect(bootstrap(10, 20, 1, est)).toEqual(bootstrap(10, 20, 1, est));
    expect(bootstrap(10, 20, 1, est)).not.toEqual(bootstrap(10, 20, 2, est));
  });

  it("refuses a non-finite estimate, naming the resample", () => {
    expect(() => bootstrap(5, 3, 1, (_, b) => [b === 2 ? NaN : 1])).toThrow(/resample 2: estimate 0/);
  });
});

describe("quantile, percentileInterval, sampleStdDev", () => {
  it("match NumPy's default (type 7) quantiles", () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.9]) = [1.75, 2.5, 3.7]
    expectClose(quantile([4, 1, 3, 2], 0.25), 1.75);
    expectClose(quantile([4, 1, 3, 2], 0.5), 2.5);
    expectClose(quantile([4, 1, 3, 2], 0.9), 3.7);
    expect(quantile([5], 0.3)).toBe(5);
  });

  it("puts the 95% percentile interval of 0..100 at [2.5, 97.5]", () => {
    const v = Array.from({ length: 101 }, (_, i) => i);
    const [lo, hi] = percentileInterval(v, 0.95);
    expectClose(lo, 2.5);
    expectClose(hi, 97.5);
  });

  it("computes the sample standard deviation with divisor m - 1", () => {
    expectClose(sampleStdDev([1, 2, 3]), 1);
    expectClose(sampleStdDev([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7));
  });

  it("reject empty samples, non-finite values and bad levels", () => {
    expect(() => quantile([], 0.5)).toThrow(/must not be empty/);
    expect(() => quantile([1, NaN], 0.5)).toThrow(/`values\[1\]` must be finite/);
    expect(() => percentileInterval([1, 2], 1)).toThrow(/`level` must be in \(0, 1\)/);
    expect(() => sampleStdDev([1])).toThrow(/at least 2/);
  });
});

describe("resampleCounts known answers (issue 18)", () => {
  it("seed 1, n = 5 and seed 2024, n = 10: the counts an independent implementation draws", () => {
    // Reference: the Python reimplementation of Random.int (xoshiro128**, rejection sampling) described
    // in tests/stats/random.test.ts; n draws of int(n), tallied.
    expect(Array.from(resampleCounts(5, new Random(1)))).toEqual([0, 3, 0, 1, 1]);
    expect(Array.from(resampleCounts(10, new Random(2024)))).toEqual([0, 1, 1, 2, 1, 0, 1, 1, 2, 1]);
  });
  it("a mean's bootstrap replicates are the weighted means of those counts, exactly", () => {
    const x = [3, 1, 4, 1, 5];
    const rows = bootstrap(5, 2, 1, (w) => [w.reduce((s, c, i) => s + c * x[i], 0) / 5]);
    // first resample: counts [0, 3, 0, 1, 1] (seed 1, as above) → (3·1 + 1·1 + 1·5)/5 = 9/5
    expect(rows[0][0]).toBe(9 / 5);
  });
});

describe("bootstrap's counts and messages (issue 18: mutants `npm run mutate` found alive)", () => {
  it("returns one row per resample, no more", () => {
    expect(bootstrap(4, 7, 1, () => [0])).toHaveLength(7);
  });
  it("names what it refuses", () => {
    expect(() => resampleCounts(0, new Random(1))).toThrow("`n` must be an integer in [1, 16777216], got 0");
    expect(() => resampleCounts(3, {} as never)).toThrow("`rng` must be a Random");
    expect(() => bootstrap(0, 5, 1, () => [0])).toThrow("`n` must be an integer in [1, 16777216], got 0");
    expect(() => bootstrap(3, 0, 1, () => [0])).toThrow("`resamples` must be an integer in [1, 1000000], got 0");
    expect(() => bootstrap(3, 5, 1, 3 as never)).toThrow("`estimate` must be a function, got number");
    expect(() => quantile([1, "2"] as never, 0.5)).toThrow("`values[1]` must be a number, got string");
    expect(() => quantile(3 as never, 0.5)).toThrow("`values` must be an array of numbers");
    expect(() => quantile([1, 2], 1.5)).toThrow("`q` must be in [0, 1], got 1.5");
    expect(() => sampleStdDev([1])).toThrow("`values` must hold at least 2 numbers, got 1");
    expect(() => sampleStdDev([1, NaN])).toThrow("`values[1]` must be finite, got NaN");
    expect(() => sampleStdDev([1, "2"] as never)).toThrow("`values[1]` must be finite, got 2");
    expect(() => sampleStdDev(null as never)).toThrow("`values` must be an array of numbers");
    expect(() => sampleStdDev([1, Infinity])).toThrow("`values[1]` must be finite, got Infinity");
    // finite values whose spread overflows: the deviations' squares are 10⁶¹⁶
    expect(() => sampleStdDev([1e308, -1e308])).toThrow(
      "`values` = (too large) is out of range: their standard deviation is Infinity",
    );
    expect(() => percentileInterval(3 as never)).toThrow("`values` must be an array of numbers");
    expect(() => percentileInterval([1, NaN])).toThrow(RangeError);
  });
  it("sampleStdDev of two values is |a − b|/√2", () => {
    expect(sampleStdDev([1, 2])).toBeCloseTo(Math.SQRT1_2, 15);
  });
});
