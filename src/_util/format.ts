/**
 * Formatting numbers for prose, tables and figure labels: Unicode superscript exponents, a real minus
 * sign (U+2212, as Plot's axes print it) and a fixed number of significant digits. Pure: used by the
 * findings, tables and figures alike. Files for machines (the CSVs of `data/` and `figures/`, JSON) keep
 * JavaScript's own number form; they never go through these functions.
 *
 * @module
 */
import { requireFinite, requireInRange, requireInteger, requireString } from "./validate";

/**
 * Writes an integer in Unicode superscript digits, with a superscript minus.
 * @throws {RangeError} if `n` is not a safe integer (|n| < 2^53).
 * @example superscript(-12) // => "⁻¹²"
 */
export function superscript(n: number): string {
  requireFinite("n", n);
  if (!Number.isSafeInteger(n)) {
    // above 2^53 String(n) is "1e+21", whose "e" and "+" have no superscript
    throw new RangeError(`\`n\` must be an integer in [-(2^53 - 1), 2^53 - 1], got ${n}`);
  }
  return String(n).split("").map((c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]).join("");
}

/** The minus sign of displayed numbers (U+2212), not the hyphen-minus of code. */
export const MINUS = "\u2212";

/**
 * Writes the hyphen-minus of a number as JavaScript prints it (`-0.5`, `-3`) as the minus sign U+2212.
 * @throws {TypeError} if `text` is not a string.
 * @example minusSign(String(-0.5)) // => "−0.5"
 */
export function minusSign(text: string): string {
  return requireString("text", text).replace(/^-/, MINUS);
}

/**
 * Formats a number for display with `digits` significant digits: plain for 1e-4 <= |v| < 1e6,
 * `a·10ᵇ` otherwise; integers print in full below 10^7; a negative number has a real minus sign (−).
 *
 * @throws {RangeError} if `v` is NaN or infinite (a table never prints "Infinity") or `digits` is not
 *   an integer in [1, 21].
 * @example
 * formatNumber(1024) // => "1024"
 * formatNumber(0.333333) // => "0.3333"
 * formatNumber(1e-12) // => "1·10⁻¹²"
 * formatNumber(-2.0894) // => "−2.089"
 */
export function formatNumber(v: number, digits = 4): string {
  requireFinite("v", v);
  requireInteger("digits", digits, 1, 21);
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return minusSign(String(v));
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return minusSign(String(Number(v.toPrecision(digits))));
  const [mant, exp] = v.toExponential(digits - 1).split("e");
  return `${minusSign(String(Number(mant)))}·10${superscript(Number(exp))}`;
}

/**
 * Writes `base` raised to `exponent` in the project's notation: integer exponents in superscript digits
 * (`9³`, `10⁻²`), others as `base^{…}` (which `md()` and the figures render as a superscript), the
 * exponent formatted by `formatNumber` to `digits` digits.
 * @throws {RangeError} if `exponent` is NaN or infinite, or `digits` is not an integer in [1, 21];
 *   {TypeError} if `base` is not a string.
 * @example formatPower("9", 3) // => "9³"
 * @example formatPower("9", 1 / 0.34) // => "9^{2.941}"
 */
export function formatPower(base: string, exponent: number, digits = 4): string {
  requireString("base", base);
  requireFinite("exponent", exponent);
  requireInteger("digits", digits, 1, 21);
  const e = Number(exponent.toPrecision(digits));
  return Number.isSafeInteger(e) ? `${base}${superscript(e)}` : `${base}^{${formatNumber(exponent, digits)}}`;
}

/**
 * Prints a Hölder exponent or similar ratio as a fraction when it is a simple one (1/3, 1/2, 2/3,
 * 1/4, 3/4, 1/9), otherwise in shortest form with at most three significant digits; one notation
 * for every label, caption and table.
 * @throws {RangeError} if `v` is NaN or infinite.
 * @example
 * formatFraction(0.5) // => "1/2"
 * formatFraction(1 / 3) // => "1/3"
 * formatFraction(0.8) // => "0.8"
 * formatFraction(-0.5) // => "−1/2"
 */
export function formatFraction(v: number): string {
  requireFinite("v", v);
  for (const [num, den] of [[1, 3], [1, 2], [2, 3], [1, 4], [3, 4], [1, 9]]) {
    if (Math.abs(v - num / den) < 1e-9) return `${num}/${den}`;
    if (Math.abs(v + num / den) < 1e-9) return `${MINUS}${num}/${den}`;
  }
  return minusSign(String(Number(v.toPrecision(3))));
}

/**
 * Prints a size as a power of ten when it is one (`10⁶`, and `1` for 10⁰), else as `formatNumber` does.
 * @throws {RangeError} if `n` is not a finite number > 0, or `digits` is not an integer in [1, 21].
 * @example formatSize(1e6) // => "10⁶"
 * @example formatSize(729) // => "729"
 */
export function formatSize(n: number, digits = 4): string {
  requireInRange("n", n, { min: 0, minOpen: true });
  requireInteger("digits", digits, 1, 21);
  const e = Math.round(Math.log10(n));
  return n === 10 ** e ? (e === 0 ? "1" : `10${superscript(e)}`) : formatNumber(n, digits);
}

/**
 * Prints an exponent as the paper writes α_C: `1/3` when it is exactly 1/3, else to `digits` digits.
 * @throws {RangeError} if `a` is NaN or infinite, or `digits` is not an integer in [1, 21].
 * @example formatAlpha(1 / 3) // => "1/3"
 * @example formatAlpha(0.34) // => "0.34"
 */
export function formatAlpha(a: number, digits = 4): string {
  requireFinite("a", a);
  requireInteger("digits", digits, 1, 21);
  return a === 1 / 3 ? "1/3" : formatNumber(a, digits);
}
