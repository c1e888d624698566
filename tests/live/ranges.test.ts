import { describe, expect, it } from "vitest";
import { intervalText, roundToStep, sliderExtent } from "../../src/live/ranges";
import * as smoothness from "../../src/findings/05_smoothness_and_turbulence";

describe("a notebook's range as a live figure's slider", () => {
  it("moves an excluded bound one step inside, and keeps an included one", () => {
    expect(sliderExtent({ min: 2, max: 3, minOpen: true }, 0.01)).toEqual([2.01, 3]);
    expect(sliderExtent({ min: 0, max: 1, minOpen: true, maxOpen: true }, 0.001)).toEqual([0.001, 0.999]);
    expect(sliderExtent({ min: 1, max: 6 }, 1)).toEqual([1, 6]);
  });

  it("gives notebook 05's d_F the range its findings module states, (2, 3]", () => {
    const r = smoothness.notebook.ranges.dF;
    if (r.kind !== "number") throw new Error("dF is a number");
    const range = r.range as { min: number; max: number; minOpen?: boolean };
    expect(intervalText(range)).toBe("(2, 3]");
    expect(sliderExtent(range, 0.01)).toEqual([2.01, 3]);
  });

  it("refuses a range of less than two steps, an unbounded range and a step that is not positive", () => {
    expect(() => sliderExtent({ min: 2, max: 2.01, minOpen: true }, 0.01)).toThrow(/more than one step/);
    expect(() => sliderExtent({ min: 0, max: Infinity }, 0.01)).toThrow(RangeError);
    expect(() => roundToStep(1, 0)).toThrow(/`step` must be positive/);
    expect(() => roundToStep(1, NaN)).toThrow(RangeError);
  });

  it("rounds a slider's value to its step's decimals", () => {
    expect(roundToStep(2.8000000000000003, 0.01)).toBe(2.8);
    expect(roundToStep(0.1 + 0.2, 0.001)).toBe(0.3);
    expect(roundToStep(2.37, 0.01)).toBe(2.37);
    expect(roundToStep(7.4, 1)).toBe(7);
  });

  it("writes the range as a parameter comment does", () => {
    expect(intervalText({ min: 0, max: 1, maxOpen: true })).toBe("[0, 1)");
  });
});
