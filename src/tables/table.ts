/**
 * Tables: arquero tables built by the topic modules in `src/tables/`, formatted as CSV (written to
 * `data/`) and as Markdown (shown in notebooks).
 *
 * @module
 */
import * as aq from "arquero";
import { rowsToCsv } from "../_util/csv";
import { requireObject } from "../_util/validate";
import { type MarkdownOptions, rowsToMarkdown } from "../_util/markdown";
export type { MarkdownOptions } from "../_util/markdown";

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
 * Makes one of the tables `npm run reproduce` writes; called without options it gives the committed file
 * (`full`: notebook 07's experiments at their full sizes). Each topic module lists its builders as
 * `TABLES`, and `src/tables/all.ts` lists the topic modules.
 */
export type TableBuilder = (options?: { full?: boolean }) => NamedTable;

/**
 * Builds an arquero table from row objects, keeping the column order of `columns`.
 * @example tableFromRows([{ a: 1, b: 2 }], ["a", "b"]).numRows() // => 1
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

/**
 * Formats a table as a GitHub-flavoured Markdown table. Every cell (header names, formatted numbers,
 * strings and the output of custom formatters) goes through `escapeTableCell`, so that no content
 * (a `|` in `⟨|∇f|²⟩`, a line break) can split a row.
 * @example tableToMarkdown(tableFromRows([{ a: "x | y" }], ["a"])) // => "| a |\n| --- |\n| x \\| y |"
 */
export function tableToMarkdown(table: Table, options: MarkdownOptions = {}): string {
  requireTable(table); // rowsToMarkdown checks the options
  return rowsToMarkdown(table.objects() as Record<string, unknown>[], table.columnNames(), options);
}
