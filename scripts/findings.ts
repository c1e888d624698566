/**
 * Collects every notebook's findings: each findings module (listed in `src/findings/all.ts`) exports
 * `findings()`, which runs that notebook's analysis at its default settings and returns its claim records. Shared by
 * scripts/reproduce.ts (which regenerates the README's "What we found") and the tests.
 */
import type { Findings } from "../src/findings/claim";
import { NOTEBOOK_MODULES } from "../src/findings/all";
import {
  NOTEBOOK_TABLE_MARKERS,
  notebookTableMarkdown,
  replaceReadmeSection,
  whatWeFoundMarkdown,
} from "../src/findings/readme";
import { NOTEBOOKS } from "../src/notebooks";

/** Every notebook's findings at default settings, in notebook order. */
export function allFindings(): Findings[] {
  return NOTEBOOK_MODULES.map((m) => m.findings());
}

/** README.md with its generated sections regenerated: the table of notebooks (from the index) and "What we found". */
export function readmeWithFindings(readme: string): string {
  const withTable = replaceReadmeSection(readme, notebookTableMarkdown(NOTEBOOKS), NOTEBOOK_TABLE_MARKERS);
  return replaceReadmeSection(withTable, whatWeFoundMarkdown(allFindings()));
}
