/**
 * Every notebook executes top to bottom with no error, and re-execution reproduces the committed
 * notebook byte for byte (sources built from notebooks/src/*.md, outputs included). Every notebook
 * also executes under tslab (Node.js) with the committed outputs, but for the cells listed in
 * notebooks/kernel_differences.json. Also checks the
 * committed files for what a reader on GitHub needs: outputs present, one PNG per figure (no SVG), no
 * ANSI colour codes, no absolute paths, no timing metadata, under 2 MB.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";

const sources = readdirSync("notebooks/src").filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, "")).sort();

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  metadata: Record<string, unknown>;
  outputs?: Output[];
}

describe("notebooks", () => {
  it("there is one notebook per source, at least sections 1–3, and no notebook without a source", () => {
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const name of sources) expect(statSync(`notebooks/${name}.ipynb`).isFile()).toBe(true);
    const notebooks = readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
    expect(notebooks.sort()).toEqual(sources);
  });

  for (const name of sources) {
    describe(name, () => {
      const text = readFileSync(`notebooks/${name}.ipynb`, "utf8");
      const nb = JSON.parse(text) as { cells: Cell[]; metadata: Record<string, unknown> };

      it("is committed executed, with one image (a PNG) per figure and no error output", () => {
        const code = nb.cells.filter((c) => c.cell_type === "code");
        expect(code.length).toBeGreaterThan(0);
        expect(code.some((c) => (c.outputs ?? []).length > 0)).toBe(true);
        for (const c of code) {
          for (const o of c.outputs ?? []) {
            expect(o.output_type).not.toBe("error");
            const d = o.data ?? {};
            expect("image/svg+xml" in d, "an SVG output: the SVG belongs in figures/ (tests/nbconvert.test.ts)").toBe(
              false,
            );
          }
          expect(c.metadata.execution).toBeUndefined();
        }
      });

      it("is under 2 MB and holds no ANSI codes or absolute paths", () => {
        expect(text.length).toBeLessThan(2_000_000);
        expect(text).not.toMatch(/\\u001b\[/);
        expect(text).not.toMatch(/\/(work|root|home|tmp)\//);
      });

      it("re-executes to exactly the committed notebook", () => {
        let out = "";
        try {
          out = execFileSync("bash", ["scripts/nb", "check", name, "--jobs", "1"], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, NO_COLOR: "1" },
          });
        } catch (e) {
          const err = e as { stdout?: string; stderr?: string };
          expect.fail(`scripts/nb check ${name} failed:\n${err.stdout ?? ""}\n${(err.stderr ?? "").slice(-3000)}`);
        }
        expect(out).toContain(`ok   deno:${name}: matches the committed notebook`);
      });
    });
  }
});

const cellText = (c: { source: string | string[] }) => [c.source].flat().join("");

describe("readable notebooks (issue 11)", () => {
  for (const name of sources) {
    it(`${name}: one import cell, code lines of at most 100 characters, at most 40 lines of code besides the parameters, imports and solutions`, () => {
      const nb = JSON.parse(readFileSync(`notebooks/${name}.ipynb`, "utf8")) as {
        cells: (Cell & { source: string | string[] })[];
      };
      const code = nb.cells.filter((c) => c.cell_type === "code");
      const text = code.map(cellText);
      expect(text.filter((t) => /^\s*import\b/.test(t)).length, `${name}: import cells`).toBe(1);
      for (const t of text) {
        for (const line of t.split("\n")) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(100);
      }
      const body = code.slice(1).filter((c, i) =>
        !/^\s*import\b/.test(text[i + 1]) && !((c.metadata.tags as string[] | undefined) ?? []).includes("solution")
      );
      const lines = body.flatMap((c) => cellText(c).split("\n")).filter((l) => l.trim() && !l.trim().startsWith("//"));
      expect(lines.length, `${name}: code lines`).toBeLessThanOrEqual(40);
    });
  }
});

describe("teaching structure: exercises in the notebook, worked solutions in notebooks/solutions/", () => {
  it("has one worked-solutions notebook per notebook, and no other", () => {
    const solutions = readdirSync("notebooks/solutions").filter((f) => f.endsWith(".ipynb")).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
    expect(solutions.sort()).toEqual(sources);
  });
  for (const name of sources) {
    it(`${name}: parameters in the first code cell, 2–4 exercises at the end and no solution; its companion holds the same cells with an executed solution under each exercise`, () => {
      type NbCell = Cell & { source: string | string[]; id?: string };
      const nb = JSON.parse(readFileSync(`notebooks/${name}.ipynb`, "utf8")) as { cells: NbCell[] };
      const code = nb.cells.filter((c) => c.cell_type === "code");
      const params = cellText(code[0]);
      expect(params.split("\n")[0]).toBe("// Parameters");
      for (const line of params.split("\n").slice(1).filter((l) => l.trim() && !l.trim().startsWith("//"))) {
        expect(line, `${name}: parameter line`).toMatch(/^const \w+ = .+;( *\/\/.*)?$/);
      }
      expect(code[0].outputs ?? []).toEqual([]);
      const tags = (c: NbCell) => (c.metadata.tags as string[] | undefined) ?? [];

      // the students' notebook: no solution cell, no link to the solutions, and no solution's code
      expect(nb.cells.filter((c) => tags(c).includes("solution")), `${name}: solution cells`).toEqual([]);
      const whole = readFileSync(`notebooks/${name}.ipynb`, "utf8");
      expect(whole, `${name}: a link to the solutions`).not.toMatch(/solutions\//);
      const headings = nb.cells.flatMap((c, i) =>
        c.cell_type === "markdown" ? [...cellText(c).matchAll(/^## (.+)$/gm)].map((m) => ({ i, title: m[1] })) : []
      );
      expect(headings.at(-1)?.title, `${name}: last section`).toBe("Exercises");
      const exercises = nb.cells.slice(headings.at(-1)!.i).filter((c) => c.cell_type === "markdown")
        .flatMap((c) => [...cellText(c).matchAll(/^\*\*(\d+)\.\*\*/gm)].map((m) => Number(m[1])));
      expect(exercises.length, `${name}: exercises`).toBeGreaterThanOrEqual(2);
      expect(exercises.length).toBeLessThanOrEqual(4);
      expect(exercises).toEqual(exercises.map((_, k) => k + 1));

      // the companion: a note first, then the same cells with the solutions, executed in the same run
      const sol = JSON.parse(readFileSync(`notebooks/solutions/${name}.ipynb`, "utf8")) as { cells: NbCell[] };
      expect(tags(sol.cells[0])).toEqual(["edition-note"]);
      expect(cellText(sol.cells[0])).toContain(`(../${name}.ipynb)`);
      const rest = sol.cells.slice(1);
      expect(rest.filter((c) => !tags(c).includes("solution"))).toEqual(nb.cells);
      const solutions = rest.map((c, i) => ({ c, i })).filter(({ c }) => tags(c).includes("solution"));
      expect(solutions.length, `${name}: one solution per exercise`).toBe(exercises.length);
      const start = rest.findIndex((c) => c.cell_type === "markdown" && /^## Exercises$/m.test(cellText(c)));
      for (const { c, i } of solutions) {
        expect(i, `${name}: solution cells sit in the Exercises section`).toBeGreaterThan(start);
        expect(c.cell_type).toBe("code");
        expect((c.outputs ?? []).length, `${name}: solution cell ${i} was executed and shows its answer`)
          .toBeGreaterThan(0);
        expect(rest[i - 1].cell_type, `${name}: the exercise text precedes solution cell ${i}`).toBe("markdown");
      }
    });
  }
});

describe("notebooks/kernel_differences.json (cells allowed to differ under tslab)", () => {
  const file = JSON.parse(readFileSync("notebooks/kernel_differences.json", "utf8")) as {
    notebooks: Record<string, { cell: string; mime: string | string[]; mask: string; why: string }[]>;
  };

  it("names only existing notebooks and cells, each with a MIME type, a mask and a reason", () => {
    for (const [name, entries] of Object.entries(file.notebooks)) {
      expect(sources).toContain(name);
      // the worked solutions are a second edition of the same execution: an entry may name one of their cells
      const nb = JSON.parse(readFileSync(`notebooks/solutions/${name}.ipynb`, "utf8")) as {
        cells: { cell_type: string; source: string | string[] }[];
      };
      const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => [c.source].flat().join(""));
      for (const e of entries) {
        expect(code.filter((src) => src.includes(e.cell)), `cell ${JSON.stringify(e.cell)} in ${name}`).toHaveLength(1);
        for (const mime of [e.mime].flat()) {
          expect(mime).toMatch(/^(text\/(plain|markdown|html)|image\/(svg\+xml|png)|stream)$/);
        }
        expect(e.mask.length).toBeGreaterThan(0);
        expect(e.why.length).toBeGreaterThan(20);
      }
    }
  });
});

describe("the kernel comparison (scripts/notebooks.py compare_kernels)", () => {
  // Synthetic notebooks: a Deno execute_result and a tslab display_data with the same bundle agree;
  // a changed payload is reported unless listed; a listed entry that matches nothing is reported.
  const script = `
import json, sys
sys.path.insert(0, "scripts")
import nbformat
from notebooks import compare_kernels
def nb(kind, md):
    n = nbformat.v4.new_notebook()
    c = nbformat.v4.new_code_cell("md(x)")
    data = {"text/markdown": md, "text/plain": md}
    c.outputs = [nbformat.v4.new_output(kind, data=data, **({"execution_count": 1} if kind == "execute_result" else {}))]
    n.cells = [nbformat.v4.new_markdown_cell("# t"), c]
    return n
deno = nb("execute_result", "x = 0.0001")
same = nb("display_data", "x = 0.0001")
other = nb("display_data", "x = 0.00009999999999999999")
allow = [{"cell": "md(x)", "mime": ["text/markdown", "text/plain"], "mask": r"(?<=x = )[0-9.]+", "why": "w"}]
narrow = [dict(e, mask=r"0\.0001$") for e in allow]
print(json.dumps({
  "same": compare_kernels("t", same, deno, []),
  "differs": compare_kernels("t", other, deno, []),
  "allowed": compare_kernels("t", other, deno, allow),
  "outside": compare_kernels("t", other, deno, narrow),
  "stale": compare_kernels("t", same, deno, allow),
  "kinds": compare_kernels("t", nb("display_data", "x"), nb("execute_result", "x"), []),
}))
`;
  const python = execFileSync("bash", ["scripts/python.sh"], { encoding: "utf8" }).trim();
  const r = JSON.parse(execFileSync(python, ["-c", script], { encoding: "utf8" })) as Record<string, string[]>;

  it("treats Deno's execute_result and tslab's display_data with equal bundles as the same", () => {
    expect(r.same).toEqual([]);
    expect(r.kinds).toEqual([]);
  });
  it("reports a differing payload, with both versions", () => {
    expect(r.differs).toHaveLength(2); // text/markdown and text/plain
    expect(r.differs[0]).toContain("0.00009999999999999999");
  });
  it("accepts a listed difference inside its mask, and only there", () => {
    expect(r.allowed).toEqual([]);
    expect(r.outside).toHaveLength(2);
    expect(r.outside[0]).toContain("outside the mask");
  });
  it("reports a listed entry that matches no difference", () => {
    expect(r.stale).toHaveLength(1);
    expect(r.stale[0]).toContain("matches no difference");
  });
});
