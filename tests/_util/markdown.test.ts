import { describe, expect, it } from "vitest";
import { micromark } from "micromark";
import { gfmTable, gfmTableHtml } from "micromark-extension-gfm-table";
import { escapeTableCell } from "../../src/_util/markdown";

/** Cells of the first body row of a one-row GFM table whose cells are `cells`, as micromark parses them. */
function parsedRow(cells: string[]): number {
  const md = `| ${cells.map(() => "h").join(" | ")} |\n| ${cells.map(() => "---").join(" | ")} |\n| ${
    cells.join(" | ")
  } |\n`;
  const html = micromark(md, { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
  const body = html.split("<tbody>")[1] ?? "";
  return (body.match(/<td/g) ?? []).length;
}

describe("escapeTableCell", () => {
  it("escapes pipes outside math, once", () => {
    expect(escapeTableCell("L / (s²/12 ⟨|∇f|²⟩)")).toBe("L / (s²/12 ⟨\\|∇f\\|²⟩)");
    expect(escapeTableCell("a \\| b")).toBe("a \\| b");
  });
  it("writes pipes inside math as \\vert and \\Vert", () => {
    expect(escapeTableCell("$|x|$ and $$\\|f\\|$$")).toBe("$\\vert x\\vert $ and $$\\Vert f\\Vert $$");
  });
  it("joins lines", () => {
    expect(escapeTableCell("a\nb\r\nc")).toBe("a b c");
  });
  it("keeps a row's cell count whatever the cell holds", () => {
    const nasty = ["a | b", "$|x|$", "`a|b`", "x\ny", "\\|", "|||", "$a|b$ | c", "⟨|∇f|²⟩"];
    expect(parsedRow(nasty.map(escapeTableCell))).toBe(nasty.length);
  });
});
