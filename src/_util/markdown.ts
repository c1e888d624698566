/**
 * Markdown helpers shared by every module that writes GitHub-flavoured Markdown tables (the table
 * formatter of `src/tables/table.ts` and the claim tables of `src/findings/claim.ts`, which `whatWeChecked` of
 * `src/display.ts` shows).
 *
 * @module
 */
import { formatNumber } from "./format";
import { requireInteger, requireOptions } from "./validate";

/**
 * Makes text safe as one cell of a GitHub-flavoured Markdown table, so that no content can split or
 * end a row:
 * - outside math, every `|` becomes `\|` (an already escaped `\|` is kept as it is);
 * - inside math (`$…$` or `$$…$$`), `\|` becomes `\Vert ` and `|` becomes `\vert ` (TeX for the same
 *   symbols), because a table parser splits on a bare pipe even inside math and some renderers
 *   would hand an escaped one to TeX as `\|` (a double bar);
 * - line breaks become spaces (a row is one line).
 *
 * @example escapeTableCell("L / (s²/12 ⟨|∇f|²⟩)") // => "L / (s²/12 ⟨\\|∇f\\|²⟩)"
 * @example escapeTableCell("$|x|$") // => "$\\vert x\\vert $"
 */
export function escapeTableCell(text: string): string {
  const oneLine = text.replace(/\r?\n/g, " ");
  return oneLine.split(/(\$\$[^$]*\$\$|\$[^$]*\$)/).map((part, i) =>
    i % 2 === 1 ? part.replaceAll("\\|", "\\Vert ").replaceAll("|", "\\vert ") : part.replace(/\\?\|/g, "\\|")
  ).join("");
}

/** How a Markdown table prints numbers: significant digits, or a custom formatter per column. */
export interface MarkdownOptions {
  /** Significant digits for numbers (default 4). */
  digits?: number;
  /**
   * Per-column formatters; they take precedence over `digits`. A formatter of one type of value
   * (`formatSize`, of numbers) is given as it is: it is called with the column's values.
   */
  format?: Record<string, (v: never) => string>;
}

/**
 * Formats rows as a GitHub-flavoured Markdown table with the given columns, in order. Numbers print
 * with `formatNumber` (`digits` significant digits), `null`/`undefined` as empty cells, and every cell
 * (header names included) goes through `escapeTableCell`.
 * @throws {TypeError} if `rows` or `columns` is not an array; {RangeError} for an unknown option, a
 *   non-finite number or `digits` outside [1, 21].
 * @example rowsToMarkdown([{ d: 3, alpha: 4 / 3 }], ["d", "alpha"]) // => "| d | alpha |\n| --- | --- |\n| 3 | 1.333 |"
 */
export function rowsToMarkdown(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: MarkdownOptions = {},
): string {
  if (!Array.isArray(rows)) throw new TypeError(`\`rows\` must be an array of objects, got ${typeof rows}`);
  if (!Array.isArray(columns)) throw new TypeError(`\`columns\` must be an array of names, got ${typeof columns}`);
  requireOptions("options", options, ["digits", "format"]);
  const digits = requireInteger("digits", options.digits ?? 4, 1, 21);
  const fmt = (c: string, v: unknown): string => {
    const f = options.format?.[c] as ((v: unknown) => string) | undefined;
    if (f) return escapeTableCell(f(v));
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return formatNumber(v, digits);
    return escapeTableCell(String(v));
  };
  return [
    `| ${columns.map((c) => escapeTableCell(String(c))).join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${columns.map((c) => fmt(c, r[c])).join(" | ")} |`),
  ].join("\n");
}
