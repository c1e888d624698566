import { describe, expect, it } from "vitest";
import {
  ci95,
  degreeOf,
  holderExponent,
  paperExponent,
  seedOf,
  SETTINGS_KEYS,
  summarise,
} from "../../src/measure/_experiments";
import { DEFAULT_SETTINGS } from "../../src/measure/measured_exponents";
import { expectClose } from "../helpers";

describe("the measured-exponent experiments' shared helpers", () => {
  it("name every field of ExperimentSettings", () => {
    expect([...SETTINGS_KEYS].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it("seed each curve deterministically, with a different stream per part", () => {
    expect(seedOf(2, 0, 1)).toBe(seedOf(2, 0, 1));
    expect(new Set([seedOf(2, 0, 0), seedOf(2, 0, 1), seedOf(0, 2, 0), seedOf(3, 0, 0)]).size).toBe(4);
    expect(Number.isInteger(seedOf(7)) && seedOf(7) >= 0 && seedOf(7) < 2 ** 32).toBe(true);
  });

  it("predict 2/d and 4/d when smooth, eq. 17's 4h/d (affine) and 2h/d (constant) when rough, and section 5's 2h/d", () => {
    expect([degreeOf("constant"), degreeOf("knn1"), degreeOf("linear"), degreeOf("local_linear")]).toEqual([
      0,
      0,
      1,
      1,
    ]);
    expect([paperExponent(0, 2, null), paperExponent(1, 2, null)]).toEqual([1, 2]);
    expectClose(paperExponent(1, 1, 0.5), 2);
    expectClose(paperExponent(0, 1, 0.5), 1);
    expectClose(holderExponent(1, 1, 0.5), 1);
    expect(holderExponent(1, 2, null)).toBe(2);
  });

  it("summarise an exact power law over seeds: its α and prefactor, no spread, no interval for one seed", () => {
    const sizes = [10, 100, 1000];
    const curve = (a: number) => sizes.map((n) => a * n ** -2);
    const m = summarise({
      experiment: "grid",
      target: "smooth",
      approximant: "linear",
      d: 1,
      h: null,
      sizes,
      alphaPaper: 4,
      alphaHolder: 4,
    }, [curve(3), curve(3)]);
    expectClose(m.alpha, 2, { rel: 1e-12 });
    expectClose(m.prefactor, 3, { rel: 1e-12 });
    expect(m.alphaStderr).toBe(0);
    expect(m.mse).toEqual(curve(3));
    expect(ci95(0.1, 1)).toBe(0);
    expect(ci95(0.1, 4)).toBeGreaterThan(0.3);
  });
});
