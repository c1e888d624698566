/**
 * Markdown helpers shared by every module that writes GitHub-flavoured Markdown tables (the table
 * formatter of `src/tables.ts`, the claim tables of `src/findings/claim.ts`, `checks()` of
 * `src/display.ts`).
 *
 * @module
 */

/**
 * Makes text safe as one cell of a GitHub-flavoured Markdown table, so that no content can split or
 * end a row:
 * - outside math, every `|` becomes `\|` (an already escaped `\|` is kept as it is);
 * - inside math (`$…$` or `$$…$$`), `\|` becomes `\Vert ` and `|` becomes `\vert ` (TeX for the same
 *   symbols), because a table parser splits on a bare pipe even inside math and some renderers
 *   would hand an escaped one to TeX as `\|` (a double bar);
 * - line breaks become spaces (a row is one line).
 *
 * @example escapeTableCell("L / (s²/12 ⟨|∇f|²⟩)") // "L / (s²/12 ⟨\\|∇f\\|²⟩)"
 * @example escapeTableCell("$|x|$") // "$\\vert x\\vert $"
 */
export function escapeTableCell(text: string): string {
  const oneLine = text.replace(/\r?\n/g, " ");
  return oneLine.split(/(\$\$[^$]*\$\$|\$[^$]*\$)/).map((part, i) =>
    i % 2 === 1
      ? part.replaceAll("\\|", "\\Vert ").replaceAll("|", "\\vert ")
      : part.replace(/\\?\|/g, "\\|")
  ).join("");
}
