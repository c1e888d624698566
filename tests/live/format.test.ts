import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/_util/format";
import { snapThird } from "../../src/live/format";
import { readFileSync } from "node:fs";

describe("the live edition's number format", () => {
  it("is the notebooks' formatNumber: four significant digits, powers of ten for the huge and the tiny", () => {
    for (const f of ["pedestal", "intrinsic_dimension", "chinchilla"]) {
      expect(readFileSync(`src/live/${f}.ts`, "utf8"), f).toContain('import { formatNumber } from "../_util/format";');
    }
    expect(formatNumber(1024)).toBe("1024");
    expect(formatNumber(729.0000000001)).toBe("729");
    expect(formatNumber(0.17853)).toBe("0.1785");
    expect(formatNumber(6.3084e7)).toBe("6.308·10⁷");
    expect(formatNumber(1.0309e-6)).toBe("1.031·10⁻⁶");
    expect(formatNumber(0)).toBe("0");
    // a non-finite readout is refused (the live figure shows the message) instead of printing "Infinity"
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
  });

  it("gives back exactly 1/3 for a slider's rounding of it, and any other value unchanged", () => {
    expect(snapThird(0.33333333333333)).toBe(1 / 3);
    expect(snapThird(0.333)).toBe(0.333);
    expect(snapThird(0.5)).toBe(0.5);
  });
});
