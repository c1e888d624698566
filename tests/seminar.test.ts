/**
 * SEMINAR.md is a seminar kit a teacher can run: the no-install path (the HTML edition and its student
 * edition) comes first, then learning goals, prerequisites (log–log slopes, Hölder exponents, K41, each
 * with a pointer), a plan of two 90-minute sessions and a one-session version with named cuts, the
 * questions and an answer key with an answer for every question; it links the paper, and every link to
 * a notebook resolves to a committed notebook.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as chinchilla from "../src/findings/08_chinchilla";
import { frontierExponent } from "../src/fit/chinchilla";
import { CHINCHILLA_POINT } from "../src/paper";
import { crossover, cutFrontierInN, pedestalRatio, runningExponentOfCut } from "../src/fit/chinchilla_pedestal";
import { sharmaKaplanExponent } from "../src/theory/intrinsic_dimension";

const text = readFileSync("SEMINAR.md", "utf8");

/** The body of the level-2 section whose heading starts with `title` (up to the next level-2 heading). */
function section(title: string): string {
  const parts = text.split(/^## /m);
  const hit = parts.find((p) => p.startsWith(title));
  if (hit === undefined) throw new Error(`SEMINAR.md has no section "## ${title}…"`);
  return hit;
}

/** Items of the top-level numbered list of a section: number to text (continuation lines included). */
function numbered(body: string): Map<number, string> {
  const items = new Map<number, string>();
  let current = 0;
  for (const line of body.split("\n")) {
    const m = /^(\d+)\. (.*)$/.exec(line);
    if (m) {
      current = Number(m[1]);
      items.set(current, m[2]);
    } else if (current && /^\s+\S/.test(line)) {
      items.set(current, items.get(current) + " " + line.trim());
    } else if (line.trim() === "") {
      continue;
    } else {
      current = 0;
    }
  }
  return items;
}

const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);

describe("SEMINAR.md", () => {
  it("has the kit's sections, with the no-install path first", () => {
    for (
      const s of [
        "Read it without installing anything",
        "Learning goals",
        "Prerequisites",
        "Plan",
        "Questions",
        "Answer key",
      ]
    ) {
      expect(headings.some((h) => h.startsWith(s)), s).toBe(true);
    }
    expect(headings[0]).toMatch(/^Read it without installing/);
    const noInstall = section("Read it without installing anything");
    expect(noInstall).toContain("`npm run site`");
    expect(noInstall).toContain("`npm run site -- --student`");
  });

  it("links the paper", () => {
    expect(text).toContain("https://arxiv.org/abs/2606.24504");
  });

  it("states learning goals", () => {
    expect(numbered(section("Learning goals")).size).toBeGreaterThanOrEqual(3);
  });

  it("has a paragraph with a pointer for each prerequisite: log–log slopes, Hölder exponents, K41", () => {
    const body = section("Prerequisites");
    for (const topic of ["Log–log slopes", "Hölder exponents", "Kolmogorov 1941"]) {
      const para = body.split(/\n\s*\n/).find((p) => p.startsWith(`**${topic}`));
      expect(para, topic).toBeDefined();
      expect(para!, topic).toMatch(/Pointer:/);
      expect(para!.split(/\s+/).length, topic).toBeGreaterThan(40);
    }
  });

  it("plans two 90-minute sessions and a one-session version with named cuts, giving 07, 08 and 09 real time", () => {
    const plan = section("Plan");
    expect(plan).toMatch(/Session 1/);
    expect(plan).toMatch(/Session 2/);
    expect(plan).toMatch(/One session of 90 minutes, with named cuts/);
    for (const session of plan.split(/\*\*Session \d/).slice(1)) {
      const rows = [...session.matchAll(/^\| (\d+)–(\d+) \|/gm)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(rows[0][0]).toBe(0);
      expect(rows.at(-1)![1]).toBe(90);
      for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBe(rows[i - 1][1]); // contiguous
    }
    for (const nb of ["07_measured_exponents", "08_chinchilla", "09_openlm"]) {
      const row = plan.split("\n").find((l) => l.includes(`notebooks/${nb}.ipynb`) && /^\| \d+–\d+ \|/.test(l));
      expect(row, nb).toBeDefined();
      const [, a, b] = /^\| (\d+)–(\d+) \|/.exec(row!)!;
      expect(Number(b) - Number(a), nb).toBeGreaterThanOrEqual(15);
    }
  });

  it("answers every question, and asks every question the plan names", () => {
    const questions = numbered(section("Questions"));
    const answers = numbered(section("Answer key"));
    expect(questions.size).toBeGreaterThanOrEqual(8);
    expect([...answers.keys()]).toEqual([...questions.keys()]);
    for (const [n, a] of answers) expect(a.split(/\s+/).length, `answer ${n}`).toBeGreaterThan(30);
    for (const [, q] of section("Plan").matchAll(/Q(\d+)/g)) expect(questions.has(Number(q)), `Q${q}`).toBe(true);
  });

  it("links only notebooks that exist", () => {
    const links = [...text.matchAll(/\]\((notebooks\/[^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    for (const l of new Set(links)) expect(existsSync(l), l).toBe(true);
  });

  it("has prerequisites for the statistics and machine-learning side: cross-entropy, C = 6ND, the Huber loss, the bootstrap", () => {
    const body = section("Prerequisites");
    for (const topic of ["Cross-entropy loss", "Compute, $C \\approx 6ND$", "The Huber loss", "The bootstrap"]) {
      const para = body.split(/\n\s*\n/).find((p) => p.startsWith(`**${topic}`));
      expect(para, topic).toBeDefined();
      expect(para!, topic).toMatch(/Pointer:/);
      expect(para!.split(/\s+/).length, topic).toBeGreaterThan(40);
    }
  });

  it("assigns every exercise of every notebook once, before, during or after a session, saying which need a kernel", () => {
    const plan = section("Plan");
    const table = plan.slice(plan.indexOf("**Exercises to assign.**"), plan.indexOf("**One session"));
    expect(table).toMatch(/\*Pencil\*/);
    expect(table).toMatch(/\*kernel\*/);
    const assigned = [...table.matchAll(/\b(\d\d)\.(\d)\b/g)].map((m) => `${m[1]}.${m[2]}`);
    const exercises = readdirSync("notebooks/src").filter((f) => /^\d\d_.*\.md$/.test(f)).sort().flatMap((f) => {
      const src = readFileSync(`notebooks/src/${f}`, "utf8");
      const part = src.slice(src.indexOf("## Exercises"));
      return [...part.matchAll(/^\*\*(\d)\.\*\*/gm)].map((m) => `${f.slice(0, 2)}.${m[1]}`);
    });
    // the example in the prose ("03.2 is notebook 03's exercise 2") is not an assignment
    const rows = table.split("\n").filter((l) => /^\| \d \|/.test(l)).join("\n");
    const inRows = [...rows.matchAll(/\b(\d\d)\.(\d)\b/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(assigned.length).toBeGreaterThan(inRows.length - 1);
    expect([...inRows].sort()).toEqual([...exercises].sort());
    expect(new Set(inRows).size).toBe(inRows.length);
    for (const line of rows.split("\n")) expect(line, "each row names pencil or kernel").toMatch(/pencil|kernel/);
  });

  it("asks questions that do not state their own answers (Q2, Q3, Q7)", () => {
    const q = numbered(section("Questions"));
    expect(q.get(2)).not.toMatch(/exponent 4|squared error, so/);
    expect(q.get(3)).not.toMatch(/same number of\s+decades/);
    expect(q.get(7)).not.toMatch(/2h\/d|raises/);
    for (const [n, text] of q) expect(text.trim().endsWith("?") || /\)\s*$/.test(text), `Q${n} asks`).toBe(true);
  });

  it("quotes in its answers the numbers the notebooks compute", () => {
    const a = numbered(section("Answer key"));
    const law = chinchilla.analysis().fit.law;
    const frontier = frontierExponent(law);
    const cut = cutFrontierInN(law);
    const has = (n: number, s: string) => expect(a.get(n), `answer ${n}: ${s}`).toContain(s);
    has(1, `$2^{10} = 1024$`);
    has(2, `$2^{1/4} \\approx ${(2 ** 0.25).toFixed(2)}$`);
    has(3, `\\approx ${(Math.log10(81) * 3).toFixed(1)}$ decades`); // log10(81)/α_C at α_C = 1/3
    has(
      4,
      `$p \\approx ${pedestalRatio(cut, 1).toPrecision(1)}$ with $N$ in parameters and $${
        pedestalRatio(cut, 1e6).toFixed(2)
      }$ with $N$ in millions`,
    );
    has(4, `about $${(crossover(cut) / 1e7).toFixed(0)} \\cdot 10^7$`);
    // eq. 9 reads only model-size exponents (issue 16, 4k): Kaplan's α_N gives d ≈ 53; the data and compute
    // exponents give no d
    has(6, `$d = 4/0.076 \\approx ${Math.round(4 / 0.076)}$`);
    has(6, "give no $d$");
    has(6, `$\\alpha \\approx ${law.alpha.toFixed(2)}$`);
    has(6, `$d \\approx ${(4 / law.alpha).toFixed(1)}$`);
    has(11, `$d \\approx ${(4 / law.alpha).toFixed(1)}$`);
    expect(sharmaKaplanExponent(4 / law.alpha)).toBeCloseTo(law.alpha, 12);
    has(8, `\\approx ${frontier.toFixed(3)}$`);
    has(8, `\\approx ${(2 ** (1 / frontier)).toFixed(1)}$ times the compute`);
    has(11, `about ${runningExponentOfCut(cut, CHINCHILLA_POINT.N).toFixed(2)} in $N$`);
    has(11, `about ${law.alpha.toFixed(2)}`);
  }, 120_000);
});
