/**
 * Tables: arquero tables built by the topic modules in `src/tables/`, formatted as CSV (written to
 * `data/`) and as Markdown (shown in notebooks).
 *
 * @module
 */
import * as aq from "arquero";
import { rowsToCsv } from "./csv";
import { requireFinite, requireInteger, requireObject, requireOptions } from "./validate";
import { escapeTableCell } from "./markdown";

/** An arquero table. */
export type Table = aq.ColumnTable;

/** Checks that `table` is an arquero table. @throws {TypeError} otherwise. */
function requireTable(table: Table): Table {
  if (!(table instanceof aq.ColumnTable)) throw new TypeError("`table` must be an arquero table");
  return table;
}

/** A table with the base name of the CSV it is written to (`data/<name>.csv`) and a caption. */
export interface NamedTable {
  name: string;
  caption: string;
  table: Table;
}

/**
 * Builds an arquero table from row objects, keeping the column order of `columns`.
 * @example tableFromRows([{ a: 1, b: 2 }], ["a", "b"]).numRows() // 1
 */
export function tableFromRows(rows: Record<string, unknown>[], columns: string[]): Table {
  if (!Array.isArray(rows)) throw new TypeError(`\`rows\` must be an array of records, got ${typeof rows}`);
  rows.forEach((r, i) => requireObject(`rows[${i}]`, r));
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== "string")) {
    throw new TypeError("`columns` must be an array of column names (strings)");
  }
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rows.map((r) => r[c]);
  return aq.table(data);
}

/** Formats a table as CSV (header plus one line per row; numbers in shortest round-trip form). */
export function tableToCsv(table: Table): string {
  requireTable(table);
  return rowsToCsv(table.objects() as Record<string, unknown>[], table.columnNames());
}

/** How `tableToMarkdown` prints numbers: significant digits, or a custom formatter per column. */
export interface MarkdownOptions {
  /** Significant digits for numbers (default 4). */
  digits?: number;
  /** Per-column formatters; they take precedence over `digits`. */
  format?: Record<string, (v: unknown) => string>;
}

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

/**
 * Formats a table as a GitHub-flavoured Markdown table. Every cell (header names, formatted numbers,
 * strings and the output of custom formatters) goes through `escapeTableCell`, so that no content
 * (a `|` in `⟨|∇f|²⟩`, a line break) can split a row.
 * @example tableToMarkdown(tableFromRows([{ a: "x | y" }], ["a"])) // "| a |\n| --- |\n| x \\| y |"
 */
export function tableToMarkdown(table: Table, options: MarkdownOptions = {}): string {
  requireTable(table);
  requireOptions("options", options, ["digits", "format"]);
  const digits = requireInteger("digits", options.digits ?? 4, 1, 21);
  const cols = table.columnNames();
  const fmt = (c: string, v: unknown): string => {
    const f = options.format?.[c];
    if (f) return escapeTableCell(f(v));
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return formatNumber(v, digits);
    return escapeTableCell(String(v));
  };
  const lines = [
    `| ${cols.map(escapeTableCell).join(" | ")} |`,
    `| ${cols.map(() => "---").join(" | ")} |`,
    ...(table.objects() as Record<string, unknown>[]).map((r) =>
      `| ${cols.map((c) => fmt(c, r[c])).join(" | ")} |`
    ),
  ];
  return lines.join("\n");
}
