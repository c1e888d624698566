/**
 * Honest parameters (issue 11, item 4): each notebook is re-executed once with a parameter changed
 * (`scripts/nb execute NAME --params JSON --out <tmp>`), must complete without an error output, and
 * its dependent outputs must change: every `absent` pattern occurs in the committed notebook's text
 * (so the check means something) and no longer in the rerun's; every `present` pattern occurs in the
 * rerun's. "Text" is the Markdown cells plus the text/markdown, text/plain and stream outputs (never
 * image data, whose base64 could hold any digits).
 *
 * To cover another notebook, add one line to CASES.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One rerun: the notebook, the parameters to change, and what must vanish from or appear in its text. */
interface ParamCase {
  notebook: string;
  params: Record<string, unknown>;
  /** Text of the default notebook that depends on the parameter: must not appear after the change. */
  absent?: (string | RegExp)[];
  /** Text that the changed parameter must produce. */
  present?: (string | RegExp)[];
}

const CASES: ParamCase[] = [
  // 3^(1/0.1) = 3^10 = 59049
  {
    notebook: "01_introduction",
    params: { cut: 3 },
    absent: ["k = 2 needs **1024**"],
    present: ["k = 3 needs **59049**"],
  },
  // D = a/α = 2/0.05 = 40, 2a/α = 80
  {
    notebook: "02_analogy",
    params: { llmExponent: 0.05 },
    absent: ["D = a/α = **20**"],
    present: ["D = a/α = **40**", "D = 2a/α = **80**"],
  },
  // issue 11: with α_C = 0.34 no number of the default α_C = 1/3 may remain; N_crit(0.1) = 9^(1/0.34) = 640.6
  {
    notebook: "03_pedestal",
    params: { alphaC: 0.34 },
    absent: ["729", "5.73", "0.0099", "9³", "1/(1 + 100)", "3.3·10¹⁰", "0.00315", "0.3333"],
    present: ["9<sup>2.941</sup> = **640.6**"],
  },
  // band 0.02–0.2 under α = 4/d: d from 4/0.2 = 20 to 4/0.02 = 200
  {
    notebook: "04_intrinsic_dimension",
    params: { band: [0.02, 0.2], dPaper: 60 },
    // the exponent figure shades the parameter's band: its caption names 4/0.2 = 20 and 4/0.02 = 200
    present: ["So the band 0.02 ≤ α ≤ 0.2 is 20 ≤ d ≤ 200 under eq. 9.", "d = 20, 200"],
  },
  // d = 2: the slope of ln v against ln l is (d - 2)/3 ... with d_F = 2.5: (2.5 - 2)/3 = 0.1667
  { notebook: "05_smoothness_and_turbulence", params: { d: 2, dF: 2.5 }, present: ["= **0.1667**"] },
  // α < 0.2 needs d > 4/0.2 = 20
  {
    notebook: "06_conclusion",
    params: { alphaMax: 0.2, dPaper: 50 },
    present: ["Under eq. 9 any data set with d > 20 has α < 0.2."],
  },
  // a wider interior window for the manifold queries
  {
    notebook: "07_measured_exponents",
    params: { interiorMargin: 0.1 },
    absent: ["queries in [0.2, 0.8]<sup>d</sup>"],
    present: ["queries in [0.1, 0.9]<sup>d</sup>"],
  },
  // fewer resamples, another seed
  {
    notebook: "08_chinchilla",
    params: { resamples: 200, seed: 7 },
    absent: ["1000 resamples of the 240 headline runs (seed 2022)"],
    present: ["200 resamples of the 240 headline runs (seed 7)"],
  },
  // a forecast cut at 2·10⁹ parameters leaves only the three 6.9B runs to predict
  {
    notebook: "09_openlm",
    params: { forecastMaxParams: 2e9, resamples: 50 },
    present: ["predicts the other 3.", /\d of 3 measured losses lie inside the 95 % bootstrap intervals/],
  },
  // a looser tolerance is printed in the smooth-teacher reason
  {
    notebook: "10_trained_networks",
    params: { tolerance: 0.5 },
    absent: ['"≈" allows 15 %'],
    present: ['"≈" allows 50 %'],
  },
];

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  text?: string | string[];
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

const join_ = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join("") : v ?? "");

/** The readable text of a notebook file, and its error outputs. */
function notebookText(path: string): { text: string; errors: string[] } {
  const nb = JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] };
  const parts: string[] = [];
  const errors: string[] = [];
  for (const c of nb.cells) {
    if (c.cell_type === "markdown") parts.push(join_(c.source));
    for (const o of c.outputs ?? []) {
      if (o.output_type === "error") errors.push(o.evalue ?? "error");
      for (const mime of ["text/markdown", "text/plain"]) parts.push(join_(o.data?.[mime]));
      parts.push(join_(o.text));
    }
  }
  return { text: parts.join("\n"), errors };
}

const has = (text: string, p: string | RegExp) => (typeof p === "string" ? text.includes(p) : p.test(text));

describe("notebooks rerun with changed parameters", () => {
  for (const c of CASES) {
    it(`${c.notebook} with ${JSON.stringify(c.params)} completes and its dependent outputs change`, () => {
      const committed = notebookText(`notebooks/${c.notebook}.ipynb`).text;
      for (const p of c.absent ?? []) expect(has(committed, p), `default ${c.notebook} should contain ${p}`).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), "nb-params-"));
      const out = join(dir, `${c.notebook}.ipynb`);
      try {
        try {
          execFileSync("bash", [
            "scripts/nb",
            "execute",
            c.notebook,
            "--params",
            JSON.stringify(c.params),
            "--out",
            out,
          ], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, NO_COLOR: "1" },
          });
        } catch (e) {
          const err = e as { stdout?: string; stderr?: string };
          expect.fail(
            `scripts/nb execute ${c.notebook} failed:\n${err.stdout ?? ""}\n${(err.stderr ?? "").slice(-3000)}`,
          );
        }
        const rerun = notebookText(out);
        expect(rerun.errors).toEqual([]);
        for (const p of c.absent ?? []) expect(has(rerun.text, p), `rerun still contains ${p}`).toBe(false);
        for (const p of c.present ?? []) expect(has(rerun.text, p), `rerun lacks ${p}`).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
