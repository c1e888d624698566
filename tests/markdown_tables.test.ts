/**
 * Every Markdown table of every committed notebook (Markdown cells and `text/markdown` outputs) parses
 * as a GitHub-flavoured Markdown table (micromark with micromark-extension-gfm-table, the parser
 * family GitHub's own follows): each row has as many cells as the header, before the parser pads or
 * truncates rows, and no line that starts with `|` falls outside a table (a table that broke into a
 * paragraph). Math spans are left in the text, as GitHub reads them.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { parse, postprocess, preprocess } from "micromark";
import { gfmTable } from "micromark-extension-gfm-table";
import { tableFromRows, tableToMarkdown } from "../src/tables/table";
import { claim, claimsMarkdown } from "../src/findings/claim";
import { MAX_TABLE_COLUMNS } from "../src/display";

type Event = ["enter" | "exit", { type: string; start: { line: number }; end: { line: number } }, unknown];

/** Problems of the tables in one Markdown text: rows whose cell count differs from the header's, stray `|` lines. */
export function tableProblems(markdown: string): string[] {
  const events = postprocess(
    parse({ extensions: [gfmTable()] }).document().write(preprocess()(markdown, undefined, true)),
  ) as unknown as Event[];
  const problems: string[] = [];
  const tableLines = new Set<number>();
  const codeLines = new Set<number>();
  let header = 0, cells = 0, inRow = false, rowLine = 0;
  for (const [kind, token] of events) {
    if (token.type === "table" && kind === "enter") {
      for (let l = token.start.line; l <= token.end.line; l++) tableLines.add(l);
      header = 0;
    }
    if ((token.type === "codeFenced" || token.type === "codeIndented") && kind === "enter") {
      for (let l = token.start.line; l <= token.end.line; l++) codeLines.add(l);
    }
    if (token.type === "tableRow") {
      if (kind === "enter") {
        inRow = true, cells = 0, rowLine = token.start.line;
      } else {
        inRow = false;
        if (header === 0) header = cells;
        else if (cells !== header) problems.push(`line ${rowLine}: ${cells} cells, header has ${header}`);
      }
    }
    if (inRow && kind === "enter" && (token.type === "tableHeader" || token.type === "tableData")) cells++;
  }
  markdown.split("\n").forEach((line, i) => {
    if (/^\s*\|/.test(line) && !tableLines.has(i + 1) && !codeLines.has(i + 1)) {
      problems.push(`line ${i + 1} starts with | but is not part of a table: ${line.slice(0, 80)}`);
    }
  });
  return problems;
}

const text = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");
const notebooks = readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).sort();

describe("Markdown tables", () => {
  it("the checker finds a row that a bare pipe split, and a table that fell apart", () => {
    expect(tableProblems("| a | b |\n| --- | --- |\n| x | ⟨|∇f|²⟩ |\n")).toEqual(["line 3: 4 cells, header has 2"]);
    expect(tableProblems("| a | b |\n| --- |\n| x | y |\n").length).toBeGreaterThan(0);
    expect(tableProblems("| a | b |\n| --- | --- |\n| x | y |\n")).toEqual([]);
  });

  it("tableToMarkdown's tables keep their shape whatever the cells hold", () => {
    const t = tableFromRows([{ "L / (s²/12 ⟨|∇f|²⟩)": "a | b", m: "$|x|$\nnext" }], ["L / (s²/12 ⟨|∇f|²⟩)", "m"]);
    expect(tableProblems(tableToMarkdown(t))).toEqual([]);
  });

  it("claimsMarkdown's tables (each notebook's What we checked) keep their shape whatever the cells hold", () => {
    const c = claim({
      id: "00.pipes",
      ref: "‖x‖ | eq. 1",
      claim: "⟨|∇f|²⟩ < 1\nnext",
      numbers: {},
      verdict: "typo",
      reason: "$|x|$ | $$\\|f\\|$$",
    });
    expect(tableProblems(claimsMarkdown([c, c]))).toEqual([]);
  });

  for (
    const file of [
      ...notebooks,
      ...readdirSync("notebooks/solutions").filter((f) => f.endsWith(".ipynb")).map((f) => `solutions/${f}`),
    ]
  ) {
    it(`${file}: tables shown for readers: headers not in snake_case, at most ${MAX_TABLE_COLUMNS} columns, real minus signs`, () => {
      const nb = JSON.parse(readFileSync(`notebooks/${file}`, "utf8")) as {
        cells: { outputs?: { data?: Record<string, string | string[]> }[] }[];
      };
      const problems: string[] = [];
      for (const md of nb.cells.flatMap((c) => c.outputs ?? []).map((o) => text(o.data?.["text/markdown"]))) {
        const lines = md.split("\n");
        lines.forEach((line, i) => {
          if (!/^\| *---/.test(lines[i + 1] ?? "") || !line.startsWith("|")) return;
          const headers = line.slice(2, -2).split(" | ");
          if (headers.length > MAX_TABLE_COLUMNS) problems.push(`${headers.length} columns: ${line.slice(0, 80)}`);
          for (const h of headers) {
            if (/^[A-Za-z0-9.]+(_[A-Za-z0-9.]+)+$/.test(h) || /[A-Za-zα-ω]_[A-Za-z]/.test(h)) {
              problems.push(`header ${h}`);
            }
          }
          for (const row of lines.slice(i + 2).filter((l) => l.startsWith("|"))) {
            if (/\| -[0-9]/.test(row)) problems.push(`hyphen for minus: ${row.slice(0, 80)}`);
          }
        });
      }
      expect(problems).toEqual([]);
    });
  }

  for (const file of notebooks) {
    it(`${file}: every table in its Markdown cells and Markdown outputs parses with the header's column count`, () => {
      const nb = JSON.parse(readFileSync(`notebooks/${file}`, "utf8")) as {
        cells: {
          cell_type: string;
          source: string | string[];
          outputs?: { data?: Record<string, string | string[]> }[];
        }[];
      };
      const problems: string[] = [];
      nb.cells.forEach((c, i) => {
        const texts = c.cell_type === "markdown"
          ? [text(c.source)]
          : (c.outputs ?? []).map((o) => o.data?.["text/markdown"]).filter((m) => m !== undefined).map(text);
        for (const t of texts) for (const p of tableProblems(t)) problems.push(`cell ${i}: ${p}`);
      });
      expect(problems).toEqual([]);
    });
  }
});
