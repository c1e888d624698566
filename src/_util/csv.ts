/**
 * CSV formatting shared by figures (their data files) and tables (`data/`).
 *
 * @module
 */

/**
 * Formats rows as RFC 4180 CSV with a header line. Numbers print in JavaScript's shortest
 * round-trip form; strings containing a comma, quote or newline are quoted.
 *
 * @throws {RangeError} if a value is missing or a number is not finite (no silent NaN in a file).
 */
export function rowsToCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown, column: string, line: number): string => {
    if (v === null || v === "") return "";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) {
        throw new RangeError(`row ${line}: \`${column}\` must be a finite number, got ${v}`);
      }
      return String(v);
    }
    if (v === undefined) throw new RangeError(`row ${line}: \`${column}\` is missing`);
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.join(",")];
  rows.forEach((row, i) => lines.push(columns.map((c) => cell(row[c], c, i + 1)).join(",")));
  return lines.join("\n") + "\n";
}

/**
 * Splits the text of a CSV file into its lines, for the parsers of input files: CRLF and LF line
 * endings are accepted, trailing blank lines (and a final newline) are dropped. Blank lines inside the
 * data are kept, so the parser can refuse them by line number.
 *
 * @throws {RangeError} for CR-only line endings (classic Mac OS), which would otherwise read as one
 *   long line: "the CSV has CR-only line endings …; convert them to LF".
 * @example csvLines("a,b\r\n1,2\r\n\n\n") // => ["a,b", "1,2"]
 */
export function csvLines(text: string): string[] {
  if (text.includes("\r") && !text.includes("\n")) {
    throw new RangeError(
      "the CSV has CR-only line endings (classic Mac OS); convert them to LF, e.g. with: tr '\\r' '\\n'",
    );
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const stray = lines.findIndex((l) => l.includes("\r"));
  if (stray >= 0) throw new RangeError(`line ${stray + 1}: a stray carriage return (mixed line endings)`);
  return lines;
}

/** A plain decimal number, optionally signed, with an optional exponent: "12", "-0.5", "6.02e+23". */
const DECIMAL = /^[+-]?(\d+\.\d+|\d+|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads one numeric CSV field strictly: only a plain decimal number with an optional exponent is
 * accepted, so `0x10` (which `Number` reads as 16), `0b1`, `1_000`, `Infinity`, `1e` or `3.`
 * (a number cut short) and surrounding spaces are refused instead of being read as something else.
 *
 * @returns the value, or NaN when the field is not a plain decimal number (the caller names the line
 *   and the column in its error).
 * @example
 * parseDecimal("6.02e+23") // => 6.02e23
 * parseDecimal("0x10") // => NaN
 * parseDecimal("3.") // => NaN
 */
export function parseDecimal(field: string): number {
  if (typeof field !== "string" || !DECIMAL.test(field)) return NaN;
  return Number(field);
}
