/**
 * The README's "What we found" is generated from the claim records: the committed README must equal
 * what the findings produce now (so a moved number or a flipped verdict fails here until
 * `npm run reproduce` rewrites it), and the generator's format is checked on a small example.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { claim, type Findings } from "../../src/findings/claim";
import { README_MARKERS, replaceReadmeSection, whatWeFoundMarkdown } from "../../src/findings/readme";
import { allFindings, readmeWithFindings } from "../../scripts/findings";
import { NOTEBOOK_MODULES } from "../../src/findings/all";

const example: Findings = {
  notebook: "03_pedestal",
  title: "The pedestal effect",
  claims: [
    claim({
      id: "03.a",
      ref: "§3",
      claim: "c",
      numbers: { x: 729 },
      verdict: "holds",
      reason: "r",
      headline: "N_crit = 729.",
    }),
    claim({ id: "03.b", ref: "§3", claim: "c", numbers: {}, verdict: "typo", reason: "r" }),
  ],
};

describe("whatWeFoundMarkdown", () => {
  it("lists paper claims with their derived verdict and the notebooks that test them, then claims of ours", () => {
    const f: Findings = {
      ...example,
      claims: [
        { ...example.claims[0], paper: "s3.eqs6-8" },
        claim({
          id: "03.c",
          ref: "§3",
          claim: "c",
          numbers: {},
          verdict: "holds",
          reason: "r",
          headline: "Ours: 42.",
          paper: "ours",
        }),
      ],
    };
    expect(whatWeFoundMarkdown([f])).toBe(
      "**The paper's claims** (one verdict each, from every notebook that tests it)\n\n" +
        "- **§3, eqs. 6–8** · *holds*: Eqs. 6–8 are consistent: N<sub>crit</sub>(p) = ((1 − p)/p)<sup>1/α<sub>C</sub></sup>, " +
        "and p<sub>crit</sub>(N) inverts it. " +
        "([03](notebooks/03_pedestal.ipynb))\n" +
        "  - [03](notebooks/03_pedestal.ipynb) *holds*: N_crit = 729.\n\n" +
        "**Claims of ours** (numbers and checks we add: fits, forecasts, consequences the paper does not state)\n\n" +
        "- [03](notebooks/03_pedestal.ipynb) *holds*: Ours: 42.",
    );
  });
  it("derives one verdict from two notebooks and says why they differ", () => {
    const a: Findings = {
      notebook: "03_pedestal",
      title: "t",
      claims: [
        claim({
          id: "03.a",
          ref: "§3",
          claim: "c",
          numbers: {},
          verdict: "not testable",
          reason: "r",
          paper: "s3.onset-below-llm",
        }),
      ],
    };
    const b: Findings = {
      notebook: "08_chinchilla",
      title: "t",
      claims: [
        claim({
          id: "08.a",
          ref: "§3",
          claim: "c",
          numbers: {},
          verdict: "holds",
          reason: "r",
          paper: "s3.onset-below-llm",
        }),
      ],
    };
    const md = whatWeFoundMarkdown([b, a]);
    expect(md).toContain(
      "· *holds*: The transition to the A range takes place at sizes well below the largest LLM applications. ([03](notebooks/03_pedestal.ipynb), [08](notebooks/08_chinchilla.ipynb))",
    );
    expect(md).toContain("  - *Why the notebooks differ*: On eq. 4 alone (03)");
  });
  it("refuses two findings of one notebook", () => {
    expect(() => whatWeFoundMarkdown([example, example])).toThrow(/twice/);
  });
});

describe("replaceReadmeSection", () => {
  it("replaces only the text between the markers", () => {
    const readme = `a\n${README_MARKERS.start}\nold\n${README_MARKERS.end}\nb\n`;
    expect(replaceReadmeSection(readme, "new")).toBe(`a\n${README_MARKERS.start}\n\nnew\n\n${README_MARKERS.end}\nb\n`);
  });
  it("refuses a README without markers", () => {
    expect(() => replaceReadmeSection("no markers", "x")).toThrow(RangeError);
  });
});

describe("README.md", () => {
  // The findings of every notebook, computed while the tests are collected (no per-test timeout).
  const all = allFindings();
  const readmeNow = readFileSync("README.md", "utf8");
  const generated = readmeWithFindings(readmeNow);
  it("has a findings module for every notebook", () => {
    const notebooks = readFileSync("README.md", "utf8").match(/notebooks\/(\d\d_[a-z_]+)\.ipynb/g) ?? [];
    const modules = new Set(NOTEBOOK_MODULES.map((m) => m.notebook.id.slice(0, 2)));
    for (const n of new Set(notebooks)) expect(modules.has(n.slice(10, 12)), n).toBe(true);
  });
  it("'What we found' is exactly what the claim records generate (run npm run reproduce to update)", () => {
    expect(readmeNow).toContain(README_MARKERS.start);
    expect(generated).toBe(readmeNow);
  });
  it("'What we found' lists the paper's claims, one bullet each, and marks the claims of ours", () => {
    const section = readmeNow.slice(readmeNow.indexOf(README_MARKERS.start), readmeNow.indexOf(README_MARKERS.end));
    const linked = new Set(all.flatMap((f) => f.claims.map((c) => c.paper)).filter((p) => p && /^s\d\./.test(p)));
    expect(
      section.split("\n").filter((l) =>
        l.startsWith("- **§") || l.startsWith("- **ref") || /^- \*\*[^*]+\*\* · \*/.test(l)
      ).length,
    ).toBe(linked.size);
    expect(section).toContain("**Claims of ours**");
  });
});
