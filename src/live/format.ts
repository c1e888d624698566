/**
 * How the live edition prints the numbers beside its figures (presentation only: no equation here).
 * @module
 */

/** A number to `digits` significant digits (default 4), in scientific notation (`1.23·10⁹`) from 10⁵ up or below 10⁻³. */
export function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
    const [m, e] = v.toExponential(digits - 1).split("e");
    const sup = String(Number(e)).replace(/[-0-9]/g, (c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]);
    return `${m}·10${sup}`;
  }
  return String(Number(v.toPrecision(digits)));
}

/**
 * A slider returns 1/3 rounded to the digits the browser keeps; the figure builders print exactly
 * 1/3 (the paper's α_C and K41's h) as "1/3", so that value is given back exactly.
 */
export const snapThird = (v: number): number => (Math.abs(v - 1 / 3) < 1e-9 ? 1 / 3 : v);
