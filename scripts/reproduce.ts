/**
 * `npm run reproduce`: regenerates every figure (SVG, PNG, CSV in figures/), every table (CSV in
 * data/) and re-executes every notebook in place with its outputs. Deterministic: run twice, it
 * leaves `git status` clean. Paths are the repository's, whatever the working directory.
 *
 * Before anything is written, every input from elsewhere (`INPUTS` of src/findings/inputs.ts) is
 * checked against its recorded SHA-256 and row count: a changed file is refused by name and no
 * output is rewritten. Ctrl-C or SIGTERM is passed on to the notebook executor, which stops its
 * kernels, and this script exits once it has.
 *
 * Usage: deno run -A scripts/reproduce.ts [--no-notebooks] [NOTEBOOK...]
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { INPUTS, verifyInput } from "../src/findings/inputs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
Deno.chdir(ROOT);

const args = Deno.args.filter((a) => !a.startsWith("--"));
const skipNotebooks = Deno.args.includes("--no-notebooks");
const t0 = performance.now();

// 1. The inputs, all of them, before any output is touched.
for (const [name, record] of Object.entries(INPUTS)) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(`data/${name}`);
  } catch {
    console.error(`reproduce: data/${name} is missing; restore it with: git checkout -- data/${name}`);
    Deno.exit(1);
  }
  try {
    verifyInput(name, bytes, record);
  } catch (e) {
    console.error(`reproduce: ${(e as Error).message}; nothing was written`);
    Deno.exit(1);
  }
}

// 2. The notebooks, through scripts/nb, in a process of their own that runs while this one writes the
// figures and tables (two cores: about half the time); an interruption is forwarded to it.
let notebooks: Promise<void> = Promise.resolve();
if (!skipNotebooks) {
  const t1 = performance.now();
  const child = new Deno.Command("bash", {
    args: ["scripts/nb", "execute", ...args],
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const forward = (sig: Deno.Signal) => () => {
    try {
      child.kill(sig);
    } catch { /* already gone */ }
  };
  const onInt = forward("SIGINT");
  const onTerm = forward("SIGTERM");
  Deno.addSignalListener("SIGINT", onInt);
  Deno.addSignalListener("SIGTERM", onTerm);
  notebooks = child.status.then(({ code, signal }) => {
    Deno.removeSignalListener("SIGINT", onInt);
    Deno.removeSignalListener("SIGTERM", onTerm);
    if (signal) Deno.exit(130);
    if (code !== 0) Deno.exit(code);
    console.log(`notebooks: ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  });
}

// 3. Figures and tables (loaded only now: the builders import the whole library).
const { exportFigure, exportTable } = await import("../src/figures/export");
const { figureBuilders, tableBuilders } = await import("./artifacts");
const names = new Set<string>();
for (const { module, make } of await tableBuilders()) {
  const t = make();
  if (names.has(t.name)) throw new Error(`two tables are named ${t.name} (${module})`);
  names.add(t.name);
  console.log(`table   ${relative(ROOT, exportTable(t))}`);
}
for (const { module, make } of await figureBuilders()) {
  const f = make();
  if (names.has(f.name)) throw new Error(`two outputs are named ${f.name} (${module})`);
  names.add(f.name);
  const p = exportFigure(f);
  console.log(`figure  ${[p.svg, p.png, p.csv].map((x) => relative(ROOT, x)).join(" ")}`);
}
console.log(`figures and tables: ${((performance.now() - t0) / 1000).toFixed(2)} s`);

// The README's "What we found" comes from the claim records (tests/findings/readme.test.ts checks it).
const { readmeWithFindings } = await import("./findings");
const readme = readFileSync("README.md", "utf8");
const regenerated = await readmeWithFindings(readme);
if (regenerated !== readme) {
  writeFileSync("README.md.tmp", regenerated);
  renameSync("README.md.tmp", "README.md");
  console.log("readme  README.md (What we found)");
}

await notebooks;
console.log(`reproduce: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
