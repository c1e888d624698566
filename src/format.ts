/**
 * Formatting numbers for prose, tables and figure labels: Unicode superscript exponents and a fixed
 * number of significant digits. Pure: used by the findings, tables and figures alike.
 *
 * @module
 */
import { requireFinite, requireInteger } from "./validate";

/**
 * Writes an integer in Unicode superscript digits, with a superscript minus.
 * @example superscript(-12) // "⁻¹²"
 */
export function superscript(n: number): string {
  requireFinite("n", n);
  if (!Number.isInteger(n)) throw new RangeError(`\`n\` must be an integer, got ${n}`);
  return String(n).split("").map((c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]).join("");
}

/**
 * Formats a number for display with `digits` significant digits: plain for 1e-4 <= |v| < 1e6,
 * `a·10ᵇ` otherwise; integers print in full below 10^7.
 *
 * @throws {RangeError} if `v` is NaN or infinite (a table never prints "Infinity") or `digits` is not
 *   an integer in [1, 21].
 * @example formatNumber(1024) // "1024"; formatNumber(0.333333) // "0.3333"; formatNumber(1e-12) // "1·10⁻¹²"
 */
export function formatNumber(v: number, digits = 4): string {
  requireFinite("v", v);
  requireInteger("digits", digits, 1, 21);
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(digits)));
  const [mant, exp] = v.toExponential(digits - 1).split("e");
  return `${Number(mant)}·10${superscript(Number(exp))}`;
}

