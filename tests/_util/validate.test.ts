import { describe, expect, it } from "vitest";
import {
  formatInterval,
  requireFields,
  requireFinite,
  requireFunction,
  requireInRange,
  requireInteger,
  requireList,
  requirePositive,
  requireRandom,
  requireRows,
} from "../../src/_util/validate";

describe("validate", () => {
  it("requireInRange() names the parameter, the interval and the value", () => {
    expect(() => requireInRange("p", 1.2, { min: 0, max: 1, maxOpen: true })).toThrow(
      new RangeError("`p` must be in [0, 1), got 1.2"),
    );
    expect(() => requireInRange("p", 1, { min: 0, max: 1, maxOpen: true })).toThrow(RangeError);
    expect(requireInRange("p", 0, { min: 0, max: 1, maxOpen: true })).toBe(0);
  });
  it("requireInRange() rejects NaN and infinities even with no bounds", () => {
    expect(() => requireInRange("x", NaN, {})).toThrow("`x` must be in (-∞, ∞), got NaN");
    expect(() => requireInRange("x", Infinity, { min: 0 })).toThrow(RangeError);
  });
  it("requireFinite() rejects non-numbers with a TypeError", () => {
    expect(() => requireFinite("a", "1" as unknown as number)).toThrow(TypeError);
    expect(() => requireFinite("a", NaN)).toThrow("`a` must be a finite number, got NaN");
  });
  it("requirePositive() excludes zero", () => {
    expect(() => requirePositive("alpha", 0)).toThrow("`alpha` must be in (0, ∞), got 0");
    expect(requirePositive("alpha", 1e-300)).toBe(1e-300);
  });
  it("requireInteger() checks integrality and bounds", () => {
    expect(() => requireInteger("d", 2.5, 1)).toThrow("`d` must be an integer in [1, ∞), got 2.5");
    expect(() => requireInteger("d", 7, 1, 6)).toThrow("`d` must be an integer in [1, 6], got 7");
    expect(requireInteger("d", 6, 1, 6)).toBe(6);
  });
  it("formatInterval() prints open and closed ends", () => {
    expect(formatInterval({ min: 0, max: 1, minOpen: true })).toBe("(0, 1]");
  });
});

describe("requireRows", () => {
  it("requireRows() counts rows of a flat array and rejects ragged or empty ones", async () => {
    const { requireRows } = await import("../../src/_util/validate");
    expect(requireRows("points", new Float64Array(6), 3)).toBe(2);
    expect(() => requireRows("points", new Float64Array(7), 3)).toThrow(
      "`points` length must be a positive multiple of 3, got 7",
    );
    expect(() => requireRows("points", [], 2)).toThrow(RangeError);
  });
});

describe("option and settings objects", () => {
  it("requireOptions() accepts undefined and known keys, and names an unknown key", async () => {
    const { requireOptions } = await import("../../src/_util/validate");
    expect(requireOptions("options", undefined, ["seed"])).toEqual({});
    expect(requireOptions("options", { seed: 1 }, ["seed", "resamples"])).toEqual({ seed: 1 });
    expect(() => requireOptions("options", { resamplez: 1 }, ["seed", "resamples"])).toThrow(
      new RangeError("`options` has no option `resamplez`; valid: seed, resamples"),
    );
    expect(() => requireOptions("options", [] as unknown as object, ["seed"])).toThrow(TypeError);
    expect(() => requireOptions("options", null as unknown as object, ["seed"])).toThrow("got null");
  });
  it("requireSettings() merges with the defaults and checks each value's kind against its default", async () => {
    const { requireSettings } = await import("../../src/_util/validate");
    const defaults = { alphaC: 1 / 3, full: false, ps: [0.1], inner: { d: 1 } };
    expect(requireSettings("settings", { alphaC: 0.5 }, defaults)).toEqual({ ...defaults, alphaC: 0.5 });
    expect(requireSettings("settings", undefined, defaults)).toEqual(defaults);
    // an undefined value keeps the default, as an absent key does
    expect(requireSettings("settings", { alphaC: undefined }, defaults)).toEqual(defaults);
    expect(() => requireSettings("settings", { full: "false" } as never, defaults)).toThrow(
      new TypeError("`settings.full` must be a boolean, got string"),
    );
    expect(() => requireSettings("settings", { alphaC: NaN }, defaults)).toThrow(
      new RangeError("`settings.alphaC` must be a finite number, got NaN"),
    );
    expect(() => requireSettings("settings", { ps: [0.1, Infinity] }, defaults)).toThrow("`settings.ps[1]`");
    expect(() => requireSettings("settings", { inner: { e: 1 } } as never, defaults)).toThrow(
      "`settings.inner` has no option `e`",
    );
    expect(() => requireSettings("settings", { alhpaC: 1 } as never, defaults)).toThrow(RangeError);
  });
});

describe("arrays, objects, strings and results", () => {
  it("requireFiniteArray() takes arrays and typed arrays of finite numbers of a least length", async () => {
    const { requireFiniteArray } = await import("../../src/_util/validate");
    expect(requireFiniteArray("values", [1, 2], 2)).toEqual([1, 2]);
    expect(requireFiniteArray("values", new Float64Array(1))).toHaveLength(1);
    expect(() => requireFiniteArray("values", 3 as unknown as number[])).toThrow(
      new TypeError("`values` must be an array of numbers, got number"),
    );
    expect(() => requireFiniteArray("values", [1], 2)).toThrow("`values` must hold at least 2 numbers, got 1");
    expect(() => requireFiniteArray("values", [1, 2, NaN])).toThrow("`values[2]` must be a finite number, got NaN");
  });
  it("requireObject(), requireString(), requireArray() and requireFiniteResult() name what is wrong", async () => {
    const { requireArray, requireFiniteResult, requireObject, requireString } = await import(
      "../../src/_util/validate"
    );
    expect(requireObject("law", { E: 1 })).toEqual({ E: 1 });
    expect(() => requireObject("law", 1)).toThrow(new TypeError("`law` must be an object, got number"));
    expect(() => requireObject("law", [1])).toThrow("got an array");
    expect(requireString("method", "grid")).toBe("grid");
    expect(() => requireString("method", 1 as unknown as string)).toThrow(
      new TypeError("`method` must be a string, got number"),
    );
    expect(requireArray("values", ["a"])).toEqual(["a"]);
    expect(() => requireArray("values", new DataView(new ArrayBuffer(1)) as never)).toThrow(TypeError);
    expect(requireFiniteResult(1024, "alpha", 0.1, "2^(1/alpha)")).toBe(1024);
    expect(() => requireFiniteResult(Infinity, "alpha", 1e-300, "2^(1/alpha)")).toThrow(
      new RangeError("`alpha` = 1e-300 is out of range: 2^(1/alpha) is Infinity"),
    );
  });
});

describe("the checks added for issue 18", () => {
  it("requireInteger names a Symbol instead of failing to print it", () => {
    expect(() => requireInteger("n", Symbol("s") as never, 1)).toThrow("`n` must be an integer in [1, ∞), got symbol");
  });
  it("requireRows refuses null as the array, by name", () => {
    expect(() => requireRows("points", null as never, 2)).toThrow("`points` must be an array of numbers, got null");
  });
  it("requireFunction, requireRandom, requireFields and requireList", () => {
    expect(requireFunction("f", Math.sin)).toBe(Math.sin);
    expect(() => requireFunction("f", 3 as never)).toThrow("`f` must be a function, got number");
    const rng = { uniform: () => 0.5, normal: () => 0, int: () => 0 };
    expect(requireRandom("rng", rng)).toBe(rng);
    expect(() => requireRandom("rng", [1] as never)).toThrow(
      "`rng` must be a Random (src/stats/random.ts), got an array",
    );
    expect(requireFields("fit", { law: 1, vector: 2 }, ["law", "vector"], "a fit")).toEqual({ law: 1, vector: 2 });
    expect(() => requireFields("fit", { law: 1 }, ["law", "vector"], "a fit")).toThrow(
      "`fit` must be a fit (with fields law, vector), got an object without `vector`",
    );
    expect(() => requireFields("fit", null, ["law"], "a fit")).toThrow(
      "`fit` must be a fit (with fields law), got null",
    );
    expect(requireList("dims", [1, 2])).toEqual([1, 2]);
    expect(() => requireList("dims", new Float64Array(2) as never)).toThrow(
      "`dims` must be an array, got Float64Array",
    );
  });
});
