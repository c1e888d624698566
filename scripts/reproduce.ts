/**
 * `npm run reproduce`: regenerates every figure (SVG, PNG, CSV in figures/), every table (CSV in
 * data/) and re-executes every notebook in place with its outputs. Deterministic: run twice, it
 * leaves `git status` clean.
 *
 * Usage: deno run -A scripts/reproduce.ts [--no-notebooks] [NOTEBOOK...]
 */
import { exportFigure, exportTable } from "../src/figures/export";
import { readFileSync, writeFileSync } from "node:fs";
import { figureBuilders, tableBuilders } from "./artifacts";
import { readmeWithFindings } from "./findings";

const args = Deno.args.filter((a) => !a.startsWith("--"));
const skipNotebooks = Deno.args.includes("--no-notebooks");
const t0 = performance.now();

const names = new Set<string>();
for (const { module, make } of await tableBuilders()) {
  const t = make();
  if (names.has(t.name)) throw new Error(`two tables are named ${t.name} (${module})`);
  names.add(t.name);
  console.log(`table   ${exportTable(t)}`);
}
for (const { module, make } of await figureBuilders()) {
  const f = make();
  if (names.has(f.name)) throw new Error(`two outputs are named ${f.name} (${module})`);
  names.add(f.name);
  const p = exportFigure(f);
  console.log(`figure  ${p.svg} ${p.png} ${p.csv}`);
}
console.log(`figures and tables: ${((performance.now() - t0) / 1000).toFixed(2)} s`);

// The README's "What we found" comes from the claim records (tests/findings/readme.test.ts checks it).
const readmeUrl = new URL("../README.md", import.meta.url);
const readme = readFileSync(readmeUrl, "utf8");
const regenerated = await readmeWithFindings(readme);
if (regenerated !== readme) {
  writeFileSync(readmeUrl, regenerated);
  console.log("readme  README.md (What we found)");
}

if (!skipNotebooks) {
  const t1 = performance.now();
  const { code } = await new Deno.Command("bash", {
    args: ["scripts/nb", "execute", ...args],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) Deno.exit(code);
  console.log(`notebooks: ${((performance.now() - t1) / 1000).toFixed(2)} s`);
}
console.log(`reproduce: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
