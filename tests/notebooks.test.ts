/**
 * Every notebook executes top to bottom with no error, and re-execution reproduces the committed
 * notebook byte for byte (sources built from notebooks/src/*.md, outputs included). Also checks the
 * committed files for what a reader on GitHub needs: outputs present, figures as SVG + PNG twins, no
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
  it("there is one notebook per source, at least sections 1–3", () => {
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const name of sources) expect(statSync(`notebooks/${name}.ipynb`).isFile()).toBe(true);
  });

  for (const name of sources) {
    describe(name, () => {
      const text = readFileSync(`notebooks/${name}.ipynb`, "utf8");
      const nb = JSON.parse(text) as { cells: Cell[]; metadata: Record<string, unknown> };

      it("is committed executed, with figures as SVG + PNG twins and no error output", () => {
        const code = nb.cells.filter((c) => c.cell_type === "code");
        expect(code.length).toBeGreaterThan(0);
        expect(code.some((c) => (c.outputs ?? []).length > 0)).toBe(true);
        for (const c of code) {
          for (const o of c.outputs ?? []) {
            expect(o.output_type).not.toBe("error");
            const d = o.data ?? {};
            expect("image/svg+xml" in d).toBe("image/png" in d);
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
