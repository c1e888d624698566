import { describe, expect, it } from "vitest";
import { formatValue, snapThird } from "../../src/live/format";

describe("the live edition's number format", () => {
  it("prints four significant digits, in powers of ten from 10⁵ up and below 10⁻³", () => {
    expect(formatValue(1024)).toBe("1024");
    expect(formatValue(729.0000000001)).toBe("729");
    expect(formatValue(0.17853)).toBe("0.1785");
    expect(formatValue(6.3084e7)).toBe("6.308·10⁷");
    expect(formatValue(1.0309e-6)).toBe("1.031·10⁻⁶");
    expect(formatValue(0)).toBe("0");
    expect(formatValue(Infinity)).toBe("Infinity");
  });

  it("gives back exactly 1/3 for a slider's rounding of it, and any other value unchanged", () => {
    expect(snapThird(0.33333333333333)).toBe(1 / 3);
    expect(snapThird(0.333)).toBe(0.333);
    expect(snapThird(0.5)).toBe(0.5);
  });
});
