/**
 * The README's "What we found" section, generated from the notebooks' claim records through the
 * register of the paper's claims: one bullet per paper claim, with the notebooks that test it.
 * `npm run reproduce` writes it between the README's markers; a test checks the README against it, so
 * no number in the README can drift from the notebooks.
 *
 * Pure: strings in, strings out.
 *
 * @module
 */
import type { NotebookEntry } from "../notebooks";
import type { Findings } from "./claim";
import { register } from "./paper_claims";
import { markdownNotation } from "../_util/notation";

/** The markers that delimit a generated section of README.md. */
export interface ReadmeMarkers {
  start: string;
  end: string;
}

/** The markers that delimit the generated "What we found" section in README.md. */
export const README_MARKERS: ReadmeMarkers = {
  start: "<!-- what-we-found:start (generated from src/findings by npm run reproduce; do not edit) -->",
  end: "<!-- what-we-found:end -->",
} as const;

/** The markers that delimit the generated table of notebooks in README.md. */
export const NOTEBOOK_TABLE_MARKERS: ReadmeMarkers = {
  start: "<!-- notebooks:start (generated from src/notebooks.ts by npm run reproduce; do not edit) -->",
  end: "<!-- notebooks:end -->",
} as const;

/**
 * The README's table of notebooks, from the index (`src/notebooks.ts`): one row per notebook with its
 * link and title, the part of the paper it follows and what it shows (its notation as `<sub>`/`<sup>`).
 * @example notebookTableMarkdown([notebookEntry("03_pedestal")]).split("\n")[2] // => "| [03 · The pedestal effect](notebooks/03_pedestal.ipynb) | §3, eqs. 3–8, Figs. 1–2 | the running exponent, N<sub>crit</sub>(p), p<sub>crit</sub>(N); the caption and the claims that do not follow |"
 */
export function notebookTableMarkdown(notebooks: readonly NotebookEntry[]): string {
  return [
    "| notebook | paper | what it shows |",
    "| --- | --- | --- |",
    ...notebooks.map((n) =>
      `| [${n.id.slice(0, 2)} · ${n.title}](notebooks/${n.id}.ipynb) | ${n.section} | ${markdownNotation(n.summary)} |`
    ),
  ].join("\n");
}

const link = (notebook: string) => `[${notebook.slice(0, 2)}](notebooks/${notebook}.ipynb)`;

/**
 * The "What we found" list, one bullet per claim of the paper that some notebook checks, in the
 * paper's order (`register` of `src/findings/paper_claims.ts`): `- **§…** · *verdict*: the claim
 * ([NN](notebooks/NN_name.ipynb), …)`, with the verdict derived from all its evidence; beneath it
 * the evidence's headlines, and the register's reconciliation where notebooks disagree. Then the
 * headline claims of ours (forecasts, fits, checks the paper does not state) and of other sources,
 * marked as such. The records' notation (`N_{crit}`, `2^{1/α}`) is written as `<sub>`/`<sup>`, as the
 * notebooks show it (`markdownNotation`).
 * @throws {RangeError} if two findings name the same notebook or a record names an unknown paper claim.
 * @example whatWeFoundMarkdown([introduction.findings()]).startsWith("**The paper's claims**") // => true
 */
export function whatWeFoundMarkdown(all: readonly Findings[]): string {
  const seen = new Set<string>();
  for (const f of all) {
    if (seen.has(f.notebook)) throw new RangeError(`\`all\` names notebook ${f.notebook} twice`);
    seen.add(f.notebook);
  }
  const sorted = [...all].sort((a, b) => a.notebook.localeCompare(b.notebook));
  const { entries, ours, others } = register(sorted);
  const lines: string[] = [];
  if (entries.length) lines.push("**The paper's claims** (one verdict each, from every notebook that tests it)", "");
  for (const e of entries) {
    const notebooks = [...new Set(e.evidence.map((x) => x.notebook))];
    lines.push(`- **${e.section}** · *${e.verdict}*: ${e.claim.trim()} (${notebooks.map(link).join(", ")})`);
    for (const x of e.evidence.filter((y) => y.claim.headline)) {
      lines.push(`  - ${link(x.notebook)} *${x.claim.verdict}*: ${x.claim.headline!.trim()}`);
    }
    if (e.disagree && e.reconciled) lines.push(`  - *Why the notebooks differ*: ${e.reconciled.trim()}`);
  }
  const group = (title: string, xs: typeof ours) => {
    const h = xs.filter((x) => x.claim.headline);
    if (h.length === 0) return;
    if (lines.length) lines.push("");
    lines.push(title, "");
    for (const x of h) lines.push(`- ${link(x.notebook)} *${x.claim.verdict}*: ${x.claim.headline!.trim()}`);
  };
  group("**Claims of ours** (numbers and checks we add: fits, forecasts, consequences the paper does not state)", ours);
  group("**Claims of other sources, checked** (published fits and commentary on the paper)", others);
  return markdownNotation(lines.join("\n"));
}

/**
 * Replaces the text between a pair of README markers (default: "What we found"'s) with `section`
 * (markers kept, one blank line either side).
 * @throws {RangeError} if the README lacks either marker or has them in the wrong order.
 * @example replaceReadmeSection("a <!-- s --> old <!-- e --> b", "new", { start: "<!-- s -->", end: "<!-- e -->" }) // => "a <!-- s -->\n\nnew\n\n<!-- e --> b"
 */
export function replaceReadmeSection(readme: string, section: string, markers: ReadmeMarkers = README_MARKERS): string {
  const i = readme.indexOf(markers.start);
  const j = readme.indexOf(markers.end);
  if (i < 0 || j < 0 || j < i) {
    const what = markers.start.match(/^<!-- ([\w-]+):start/)?.[1] ?? "section";
    throw new RangeError(`\`readme\` must contain the ${what} start and end markers, in that order`);
  }
  return readme.slice(0, i + markers.start.length) + "\n\n" + section + "\n\n" + readme.slice(j);
}
