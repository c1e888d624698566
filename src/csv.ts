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
