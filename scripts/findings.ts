/**
 * Collects every notebook's findings: each `src/findings/NN_topic.ts` exports `findingsNN()`, which runs
 * that notebook's analysis at its default settings and returns its claim records. Shared by
 * scripts/reproduce.ts (which regenerates the README's "What we found") and the tests.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Findings } from "../src/findings/claim";
import { replaceReadmeSection, whatWeFoundMarkdown } from "../src/findings/readme";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The findings modules, `src/findings/NN_*.ts`, in notebook order. */
export function findingsModules(): string[] {
  return readdirSync(`${root}src/findings`).filter((f) => /^\d\d_.*\.ts$/.test(f)).sort();
}

/** Every notebook's findings at default settings, in notebook order. */
export async function allFindings(): Promise<Findings[]> {
  const out: Findings[] = [];
  for (const f of findingsModules()) {
    const mod = await import(`${root}src/findings/${f}`);
    const name = `findings${f.slice(0, 2)}`;
    if (typeof mod[name] !== "function") throw new Error(`src/findings/${f} must export ${name}()`);
    out.push(await mod[name]());
  }
  return out;
}

/** README.md with its "What we found" section regenerated from the findings. */
export async function readmeWithFindings(readme: string): Promise<string> {
  return replaceReadmeSection(readme, whatWeFoundMarkdown(await allFindings()));
}
