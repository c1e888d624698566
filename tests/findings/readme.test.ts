/**
 * The README's "What we found" is generated from the claim records: the committed README must equal
 * what the findings produce now (so a moved number or a flipped verdict fails here until
 * `npm run reproduce` rewrites it), and the generator's format is checked on a small example.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { claim, type Findings } from "../../src/findings/claim";
import { README_MARKERS, replaceReadmeSection, whatWeFoundMarkdown } from "../../src/findings/readme";
import { allFindings, findingsModules, readmeWithFindings } from "../../scripts/findings";

const example: Findings = {
  notebook: "03_pedestal",
  title: "The pedestal effect",
  claims: [
    claim({ id: "03.a", ref: "§3", claim: "c", numbers: { x: 729 }, verdict: "holds", reason: "r", headline: "N_crit = 729." }),
    claim({ id: "03.b", ref: "§3", claim: "c", numbers: {}, verdict: "typo", reason: "r" }),
  ],
};

describe("whatWeFoundMarkdown", () => {
  it("lists only headline claims, with the notebook link and the verdict", () => {
    expect(whatWeFoundMarkdown([{ ...example, claims: [{ ...example.claims[0], verdict: "does not hold" }] }])).toBe(
      "- **The pedestal effect** ([03](notebooks/03_pedestal.ipynb))\n  - *does not hold*: N_crit = 729.",
    );
    expect(whatWeFoundMarkdown([example])).toBe(
      "- **The pedestal effect** ([03](notebooks/03_pedestal.ipynb))\n  - *holds*: N_crit = 729.",
    );
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
  it("has a findings module for every notebook", () => {
    const notebooks = readFileSync("README.md", "utf8").match(/notebooks\/(\d\d_[a-z_]+)\.ipynb/g) ?? [];
    const modules = new Set(findingsModules().map((f) => f.slice(0, 2)));
    for (const n of new Set(notebooks)) expect(modules.has(n.slice(10, 12)), n).toBe(true);
  });
  it("'What we found' is exactly what the claim records generate (run npm run reproduce to update)", async () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(README_MARKERS.start);
    expect(await readmeWithFindings(readme)).toBe(readme);
  }, 300_000); // runs every notebook's analysis once (08's and 09's bootstraps, 11's 16 fits): minutes on a loaded machine
  it("the findings give the README headlines from exactly these notebooks (04's intrinsic dimension has none)", async () => {
    const all = await allFindings();
    expect(all.filter((f) => f.claims.some((c) => c.headline)).map((f) => f.notebook)).toEqual([
      "01_introduction",
      "02_analogy",
      "03_pedestal",
      "05_smoothness_and_turbulence",
      "06_conclusion",
      "07_measured_exponents",
      "08_chinchilla",
      "09_openlm",
      "11_language_model",
    ]);
    expect(all.filter((f) => !f.claims.some((c) => c.headline)).map((f) => f.notebook)).toEqual(["04_intrinsic_dimension"]);
  });
});
