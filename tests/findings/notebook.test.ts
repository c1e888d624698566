/**
 * One shape for every notebook (src/findings/notebook.ts, src/findings/all.ts, src/notebooks.ts): the
 * derived parameter check, the ranges in words, and the rules that make each range written once — every
 * findings module exports the same names, every notebook's parameter cell assigns exactly its module's
 * defaults with comments that state the module's ranges, every notebook is in the index under its title.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { defineNotebook, rangeText } from "../../src/findings/notebook";
import { NOTEBOOK_MODULES, notebookModule } from "../../src/findings/all";
import { notebookEntry, NOTEBOOKS } from "../../src/notebooks";
import { checkParams, parameterRanges } from "../../scripts/params";

const ROOT = new URL("../../", import.meta.url).pathname;

describe("rangeText says each kind of range in words", () => {
  it.each(
    [
      [{ kind: "boolean" }, "boolean"],
      [{ kind: "number", range: { min: 0.11, max: 1 } }, "in [0.11, 1]"],
      [{ kind: "number", range: { min: 0, max: 1, minOpen: true, maxOpen: true } }, "in (0, 1)"],
      [{ kind: "number", range: { min: 1 } }, "≥ 1"],
      [{ kind: "number", range: { min: 0, minOpen: true } }, "> 0"],
      [{ kind: "number", range: { min: 0, max: 2147483647, integer: true } }, "integer in [0, 2147483647]"],
      [{ kind: "number", range: { min: 0.001, max: "alphaMax", maxOpen: true } }, "in [0.001, alphaMax)"],
      [{ kind: "list", each: { min: 1, integer: true } }, "each integer ≥ 1"],
      [{ kind: "list", each: { min: 1, max: 1e10 }, length: [1, 6] }, "1 to 6 values, each in [1, 1e10]"],
      [{ kind: "list", each: { min: 1, max: 5, integer: true }, distinct: true }, "distinct, each integer in [1, 5]"],
      [
        { kind: "pair", names: ["low", "high"], each: { min: 0.005, max: 1 } },
        "[low, high] with 0.005 ≤ low < high ≤ 1",
      ],
      [
        { kind: "record", keys: { d: { min: 1, max: 5, integer: true }, seed: { min: 0, integer: true } } },
        "d integer in [1, 5], seed integer ≥ 0",
      ],
    ] as const,
  )("%j → %s", (range, text) => {
    expect(rangeText(range as never)).toBe(text);
  });
});

describe("defineNotebook derives the settings check from the ranges", () => {
  const nb = defineNotebook({
    id: "06_conclusion",
    defaults: { hi: 0.1, lo: 0.05, n: 3, xs: [1, 2], pair: [1, 2] as [number, number], on: false, rec: { d: 1 } },
    ranges: {
      hi: { kind: "number", range: { min: 0, max: 0.5, minOpen: true } },
      lo: { kind: "number", range: { min: 0.001, max: "hi", maxOpen: true } },
      n: { kind: "number", range: { min: 1, max: 6, integer: true } },
      xs: { kind: "list", each: { min: 0, minOpen: true }, length: [1, 3], distinct: true },
      pair: { kind: "pair", names: ["a", "b"], each: { min: 0 } },
      on: { kind: "boolean" },
      rec: { kind: "record", keys: { d: { min: 1, max: 5, integer: true } } },
    },
    analyse: (s) => ({ sum: s.hi + s.lo }),
    claims: () => [],
  });
  it.each([
    [{ hi: 0.6 }, "`hi` must be in (0, 0.5], got 0.6"],
    [{ lo: 0.2 }, "`lo` must be in [0.001, 0.1) (hi = 0.1), got 0.2"],
    [{ hi: 0.3, lo: 0.2 }, null],
    [{ n: 2.5 }, "`n` must be an integer in [1, 6], got 2.5"],
    [{ xs: [] }, "`xs` must hold 1 to 3 values, got 0"],
    [{ xs: [1, -1] }, "`xs[1]` must be in (0, ∞), got -1"],
    [{ xs: [1, 1] }, "`xs` must hold distinct values, got [1,1]"],
    [{ pair: [2, 1] }, "`pair` must have a < b, got [2,1]"],
    [{ on: 1 }, "`settings.on` must be a boolean, got number"],
    [{ rec: { d: 9 } }, "`rec.d` must be an integer in [1, 5], got 9"],
    [{ nope: 1 }, "`settings` has no option `nope`"],
  ])("settings(%j) → %s", (given, message) => {
    if (message === null) expect(nb.settings(given as never)).toMatchObject(given);
    else expect(() => nb.settings(given as never)).toThrow(message);
  });
  it("memoises the analysis by settings and takes the title from the index", () => {
    expect(nb.analysis({ hi: 0.2 })).toBe(nb.analysis({ hi: 0.2 }));
    expect(nb.analysis({ hi: 0.2 }).sum).toBeCloseTo(0.25, 15);
    expect(nb.title).toBe("Conclusion: the thresholds, and what they rest on");
    expect(nb.findings().notebook).toBe("06_conclusion");
  });
  it("refuses a description whose ranges do not name its parameters, or whose defaults break them", () => {
    const base = { id: "06_conclusion", analyse: () => 0, claims: () => [] };
    expect(() => defineNotebook({ ...base, defaults: { a: 1, b: 2 }, ranges: { a: { kind: "boolean" } } as never }))
      .toThrow("`ranges` of 06_conclusion must name exactly the parameters a, b");
    expect(() => defineNotebook({ ...base, defaults: { a: 2 }, ranges: { a: { kind: "number", range: { max: 1 } } } }))
      .toThrow("`a` must be in (-∞, 1], got 2");
    expect(() => defineNotebook({ ...base, id: "12_nothing", defaults: {}, ranges: {} })).toThrow(
      "`id` must be one of 01_introduction",
    );
  });
});

/**
 * The parameters of a notebook source's first code cell: `const name = value; // comment`, or the comment
 * on the line above when the line would be too long.
 */
function parameterCell(id: string): { name: string; value: string; comment: string }[] {
  const md = readFileSync(`${ROOT}notebooks/src/${id}.md`, "utf8");
  const cell = md.match(/```ts\n([\s\S]*?)```/)![1];
  return [...cell.matchAll(/^(?:\/\/ (.*)\n)?const (\w+) = (.*?);(?: \/\/ (.*))?$/gm)].map((m) => ({
    name: m[2],
    value: m[3],
    comment: m[4] ?? m[1] ?? "",
  }));
}

describe("every notebook is described once", () => {
  it("the findings modules are the index's notebooks, in its order", () => {
    expect(NOTEBOOK_MODULES.map((m) => m.notebook.id)).toEqual(NOTEBOOKS.map((n) => n.id));
    const sources = readdirSync(`${ROOT}notebooks/src`).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3))
      .sort();
    expect(sources).toEqual(NOTEBOOKS.map((n) => n.id));
    expect(NOTEBOOKS.map((n) => n.number)).toEqual(NOTEBOOKS.map((_, i) => i + 1));
    expect(NOTEBOOKS.every((n) => n.id.startsWith(String(n.number).padStart(2, "0") + "_"))).toBe(true);
  });

  for (const entry of NOTEBOOKS) {
    describe(entry.id, () => {
      it("its first heading is `N · title` from the index", () => {
        const first = readFileSync(`${ROOT}notebooks/src/${entry.id}.md`, "utf8").split("\n")[0];
        expect(first).toBe(`# ${entry.number} · ${entry.title}`);
        expect(notebookEntry(entry.id)).toBe(entry);
      });
      it("its findings module exports exactly notebook, defaults, analysis and findings", async () => {
        const mod = await import(`../../src/findings/${entry.id}.ts`);
        expect(Object.keys(mod).sort()).toEqual(["analysis", "defaults", "findings", "notebook"]);
        expect(mod.notebook.id).toBe(entry.id);
        expect(mod.defaults).toBe(mod.notebook.defaults);
      });
      it("its parameter cell assigns the module's defaults, each with a comment stating the module's range", () => {
        const { notebook } = notebookModule(entry.id);
        const cell = parameterCell(entry.id);
        expect(cell.map((p) => p.name)).toEqual(Object.keys(notebook.defaults));
        for (const p of cell) {
          expect(new Function(`return (${p.value});`)(), p.name).toEqual(
            (notebook.defaults as Record<string, unknown>)[p.name],
          );
          expect(p.comment, `${entry.id}: the comment of ${p.name}`).toContain(parameterRanges(entry.id)[p.name]);
        }
      });
      it("the command line's check is the kernel's: the defaults pass, a wrong name is refused with the names", () => {
        const { notebook } = notebookModule(entry.id);
        expect(checkParams(entry.id, { ...notebook.defaults })).toBeNull();
        expect(checkParams(entry.id, { noSuchParameter: 1 })).toBe(
          `--params: ${entry.id} has no parameter \`noSuchParameter\`; its parameters are: ${
            Object.keys(notebook.defaults).join(", ")
          }`,
        );
      });
    });
  }
});
