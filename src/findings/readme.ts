/**
 * The README's "What we found" section, generated from the notebooks' claim records: one bullet per
 * claim that carries a `headline`, grouped by notebook, each linking to the notebook that computes it.
 * `npm run reproduce` writes it between the README's markers; a test checks the README against it, so
 * no number in the README can drift from the notebooks.
 *
 * Pure: strings in, strings out.
 *
 * @module
 */
import type { Findings } from "./claim";

/** The markers that delimit the generated section in README.md. */
export const README_MARKERS = {
  start: "<!-- what-we-found:start (generated from src/findings by npm run reproduce; do not edit) -->",
  end: "<!-- what-we-found:end -->",
} as const;

/**
 * The "What we found" bullets: for each notebook with headline claims, in notebook order, a bullet
 * `- **Title** ([NN](notebooks/NN_name.ipynb))` and beneath it one bullet per headline claim,
 * `  - *verdict*: headline`.
 * @throws {RangeError} if two findings name the same notebook.
 * @example whatWeFoundMarkdown([findings01()]).startsWith("- **Introduction**") // => true
 */
export function whatWeFoundMarkdown(all: readonly Findings[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of [...all].sort((a, b) => a.notebook.localeCompare(b.notebook))) {
    if (seen.has(f.notebook)) throw new RangeError(`\`all\` names notebook ${f.notebook} twice`);
    seen.add(f.notebook);
    const headlines = f.claims.filter((c) => c.headline);
    if (headlines.length === 0) continue;
    lines.push(`- **${f.title}** ([${f.notebook.slice(0, 2)}](notebooks/${f.notebook}.ipynb))`);
    for (const c of headlines) lines.push(`  - *${c.verdict}*: ${c.headline!.trim()}`);
  }
  return lines.join("\n");
}

/**
 * Replaces the text between the README markers with `section` (markers kept, one blank line either side).
 * @throws {RangeError} if the README lacks either marker or has them in the wrong order.
 */
export function replaceReadmeSection(readme: string, section: string): string {
  const i = readme.indexOf(README_MARKERS.start);
  const j = readme.indexOf(README_MARKERS.end);
  if (i < 0 || j < 0 || j < i) {
    throw new RangeError("`readme` must contain the what-we-found start and end markers, in that order");
  }
  return readme.slice(0, i + README_MARKERS.start.length) + "\n\n" + section + "\n\n" + readme.slice(j);
}
