import { describe, expect, it } from "vitest";
import {
  formatInterval,
  requireFinite,
  requireInRange,
  requireInteger,
  requirePositive,
} from "../src/validate";

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
    const { requireRows } = await import("../src/validate");
    expect(requireRows("points", new Float64Array(6), 3)).toBe(2);
    expect(() => requireRows("points", new Float64Array(7), 3)).toThrow(
      "`points` length must be a positive multiple of 3, got 7",
    );
    expect(() => requireRows("points", [], 2)).toThrow(RangeError);
  });
});
