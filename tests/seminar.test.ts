/**
 * SEMINAR.md is a seminar kit a teacher can run: the no-install path (the HTML edition and its student
 * edition) comes first, then learning goals, prerequisites (log–log slopes, Hölder exponents, K41, each
 * with a pointer), a plan of two 90-minute sessions and a one-session version with named cuts, the
 * questions and an answer key with an answer for every question; it links the paper, and every link to
 * a notebook resolves to a committed notebook.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";

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
    for (const s of ["Read it without installing anything", "Learning goals", "Prerequisites", "Plan", "Questions", "Answer key"]) {
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
});
