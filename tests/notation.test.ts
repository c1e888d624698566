/**
 * One notation for math in what readers see (issue 19, item 6): the text outputs of every committed
 * notebook (students' and solutions'), and the README's generated sections, write math as the prose and
 * the figures do: a real minus sign (U+2212) before a negative number, superscripts and subscripts
 * (`2<sup>1/α</sup>`, `α<sub>C</sub>`, from the notation `2^{1/α}`, `α_{C}` of src/_util/notation.ts, or
 * Unicode: `2¹⁰`, `ζ₂`), `·10ⁿ` for powers of ten, symbols rather than their ASCII names (`α`, not `alpha`).
 * No ASCII stand-ins: `2^(1/α)`, `α_C`, `1.4e12`, `-2.089`, `alpha`.
 *
 * What is scanned: the text/markdown and stream outputs and the text/plain outputs of every notebook,
 * after taking out what is not prose: TeX math (`$…$`, rendered by Jupyter and GitHub), code (fenced
 * and in backticks: file names, column names, parameters), HTML tags (the notation's `<sub>`) and link
 * targets. Not scanned, by design (the allow-list):
 * - the text/plain of an image output: the figure's alt text, the caption in the notation's plain form
 *   (`notationToPlain`: `α_C`, `2^(d/4)`), which is what a screen reader or a text-only viewer gets in
 *   place of the `<sub>` the numbered caption beneath the figure shows;
 * - identifiers with underscores that are not math, which the rules do not match: a subscript is a
 *   single letter (Latin or Greek) before `_`, so data-set, run and validation-set names (`c4_original`,
 *   `open_lm_1b-1.0`, `paloma_dolma_100_programming_languages`) pass;
 * - `ALLOWED` below: exact substrings with the reason each is not math (none needed today).
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { NOTEBOOK_TABLE_MARKERS, README_MARKERS } from "../src/findings/readme";

/** An ASCII form of math and what to write instead. */
interface Rule {
  name: string;
  pattern: RegExp;
}

const RULES: Rule[] = [
  { name: "caret: write x^{k} (shown as <sup>) or superscript digits", pattern: /\^/g },
  {
    name: "ASCII subscript: write x_{i} (shown as <sub>) or subscript digits",
    pattern: /(?<![\p{L}\p{N}_\\])(?:\p{Script=Greek}|[A-Za-z]|alpha|beta|gamma|zeta)_(?=[\p{L}\p{N}({])/gu,
  },
  { name: "e-notation: write a·10ⁿ (formatNumber)", pattern: /(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+(?![\w.])/g },
  { name: "hyphen-minus before a number: write − (U+2212)", pattern: /(?<![\p{L}\p{N}.\-–)\]_])-(?=\.?\d)/gu },
  { name: "hyphen between numbers: a minus (−) or a range (–)", pattern: /(?<=\d) ?-(?=\d)/g },
  { name: "spaced hyphen as a minus: write −", pattern: /(?<=[\p{L}\p{N})]) - (?=[\p{L}\p{N}(])/gu },
  { name: "ASCII tilde: write ∼ or ≈", pattern: /~/g },
  { name: "Greek letter spelt out: write the symbol", pattern: /\b(?:alpha|gamma|zeta)\b|\bbeta\b(?![ -]model)/g },
];

/** Exact substrings that match a rule but are not math, each with why. */
const ALLOWED: { text: string; why: string }[] = [];

/** Takes out of Markdown what is not prose: TeX math, code, HTML tags, link targets and URLs. */
function proseOf(markdown: string): string {
  let s = markdown;
  for (const { text } of ALLOWED) s = s.replaceAll(text, " ");
  return s
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/\$\$[^$]*\$\$/g, " ")
    .replace(/\$[^$\n]*\$/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/<[^>\n]*>/g, "")
    .replace(/\]\([^)\s]*\)/g, "]")
    .replace(/https?:\/\/\S+/g, " ");
}

/** Every ASCII form of math in `text`, as `rule: …context…`. */
function asciiMath(text: string): string[] {
  const prose = proseOf(text);
  const hits: string[] = [];
  for (const { name, pattern } of RULES) {
    for (const m of prose.matchAll(pattern)) {
      const at = m.index ?? 0;
      hits.push(`${name}: …${prose.slice(Math.max(0, at - 30), at + 30).replace(/\n/g, "⏎")}…`);
    }
  }
  return hits;
}

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  outputs?: Output[];
}

const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join("") : v ?? "");

/** The displayed text outputs of a notebook: `[where, text]`, alt text of images left out. */
function displayedTexts(path: string): [string, string][] {
  const nb = JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] };
  const texts: [string, string][] = [];
  nb.cells.forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      if (o.output_type === "stream") texts.push([`cell ${i} stream`, joined(o.text)]);
      const d = o.data ?? {};
      if (d["text/markdown"] !== undefined) texts.push([`cell ${i} text/markdown`, joined(d["text/markdown"])]);
      const plain = joined(d["text/plain"]);
      if (plain !== "" && d["image/png"] === undefined && plain !== joined(d["text/markdown"])) {
        texts.push([`cell ${i} text/plain`, plain]);
      }
    }
  });
  return texts;
}

const NOTEBOOKS = [
  ...readdirSync("notebooks").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) => `notebooks/${f}`),
  ...readdirSync("notebooks/solutions").filter((f) => /^\d\d_.*\.ipynb$/.test(f)).map((f) =>
    `notebooks/solutions/${f}`
  ),
].sort();

describe("the notation check", () => {
  it("flags the ASCII forms the notebooks used to print", () => {
    for (
      const bad of [
        "k^(1/α) = 2^10",
        "α_C^min = 0.05",
        "N_crit(0.1) = 729",
        "L = A/N^α",
        "| N at D = 1.4e12 |",
        "test loss 7.60e-2",
        "log₁₀ from -2.089 to -1.612",
        "E -4.82, A -0.59",
        "w64l2 -5.7%",
        "| Chinchilla-like (alpha_C) |",
        "| alpha | 0.3473 |",
        "[-0.31, 0.41]",
        "(1 - p)",
        "p_crit ~ 10⁻²",
        "1.5e-3",
      ]
    ) {
      expect(asciiMath(bad), bad).not.toEqual([]);
    }
  });

  it("passes the notation, code, math and names that are not math", () => {
    for (
      const good of [
        "k<sup>1/α</sup> = 2¹⁰",
        "α<sub>C</sub><sup>min</sup> = 0.05",
        "N at D = 1.4·10¹²",
        "log₁₀ from −2.089 to −1.612",
        "w64l2 −5.7%",
        "$\\alpha_C \\sim 10^{-2}$",
        "`data/sk_exponents.csv`, `alpha_eq17_h_1_3`",
        "| c4_original | c4_val | c4_original-open_lm_1b-1.0 | 1.44·10⁹ |",
        "paloma_dolma_100_programming_languages",
        "in 3-D and 6-D, 1-NN, GPT-2 XL, 0.05–0.10, ζ₂ = 0.733, the beta model, beta-model d",
        "[the paper](https://arxiv.org/abs/2606.24504v1)",
      ]
    ) {
      expect(asciiMath(good), good).toEqual([]);
    }
  });
});

describe("displayed text outputs", () => {
  it("cover every committed notebook, students' and solutions'", () => {
    expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(22);
    for (const nb of NOTEBOOKS) expect(displayedTexts(nb).length, nb).toBeGreaterThan(0);
  });

  for (const nb of NOTEBOOKS) {
    it(`${nb} writes math in the project's notation`, () => {
      const hits = displayedTexts(nb).flatMap(([where, text]) => asciiMath(text).map((h) => `${where}: ${h}`));
      expect(hits).toEqual([]);
    });
  }

  it('so do the README\'s generated sections (the table of notebooks and "What we found")', () => {
    const readme = readFileSync("README.md", "utf8");
    const sections = [NOTEBOOK_TABLE_MARKERS, README_MARKERS].map((m) => {
      const i = readme.indexOf(m.start), j = readme.indexOf(m.end);
      expect(i >= 0 && j > i, m.start).toBe(true);
      return readme.slice(i + m.start.length, j);
    });
    expect(sections.join("").length).toBeGreaterThan(1000);
    expect(sections.flatMap(asciiMath)).toEqual([]);
  });
});
