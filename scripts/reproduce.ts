/**
 * `npm run reproduce`: regenerates every figure (SVG, PNG, CSV in figures/), every table (CSV in
 * data/) and re-executes every notebook in place with its outputs. Deterministic: run twice, it
 * leaves `git status` clean. Paths are the repository's, whatever the working directory.
 *
 * Before anything is written, every input from elsewhere (`INPUTS` of src/findings/inputs.ts) is
 * checked against its recorded SHA-256 and row count: a changed file is refused by name and no
 * output is rewritten. Then two processes run side by side (two cores): the notebook executor
 * (scripts/nb execute) and this script again with `--artifacts-only`, which writes the figures, the
 * tables and the README's "What we found". This process only waits, so Ctrl-C or SIGTERM reaches it at
 * once: it is passed on to both, the executor stops its kernels, and this script exits once they have.
 *
 * The analyses are shared between the two jobs, and kept for the next run, in `.cache/analyses/`
 * (src/findings/_analysis_cache.ts): each is stored under a hash of the code in `src/`, the inputs, the
 * lock file and the engine, so a run after a change recomputes exactly what the change can affect, and a
 * run with nothing changed rewrites every output from the stored analyses (byte for byte the same:
 * `tests/findings/analysis_cache.test.ts`). `--fresh` computes every analysis again (once, shared by
 * both jobs, in a temporary folder removed at the end).
 *
 * Usage: deno run -A scripts/reproduce.ts [--no-notebooks] [--fresh] [NOTEBOOK...]
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { rmSync } from "node:fs";
import { INPUTS, readInput } from "../src/findings/inputs";
import { CACHE_VARIABLE, pruneCache } from "../src/findings/_analysis_cache";
import { parseOptions } from "./cli";
import { removeTemporaries } from "./supervise";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
Deno.chdir(ROOT);

const { options, positional: args } = parseOptions("reproduce", Deno.args, {
  "--no-notebooks": "switch",
  "--artifacts-only": "switch",
  "--fresh": "switch",
}, "NOTEBOOK");
const skipNotebooks = options["--no-notebooks"] === true;
const t0 = performance.now();

// 1. The inputs, all of them, before any output is touched (readInput checks each as the findings do).
for (const name of Object.keys(INPUTS)) {
  try {
    readInput(name);
  } catch (e) {
    console.error(`reproduce: ${(e as Error).message}; nothing was written`);
    Deno.exit(1);
  }
}

if (options["--artifacts-only"] === true) {
  try {
    await writeArtifacts();
  } catch (e) {
    // a full disk or an unwritable folder: one line naming the file (writeAtomic's message), no stack
    console.error(`reproduce: ${(e as Error).message}`);
    Deno.exit(1);
  }
  Deno.exit(0);
}

// 2. The folder of analyses shared by the two jobs (inherited through the environment).
let freshFolder: string | null = null;
if (Deno.env.get(CACHE_VARIABLE) === undefined) { // set but empty: no sharing at all
  if (options["--fresh"] === true) {
    freshFolder = Deno.makeTempDirSync({ prefix: "smallness-analyses-" });
    Deno.env.set(CACHE_VARIABLE, freshFolder);
  } else {
    Deno.env.set(CACHE_VARIABLE, `${ROOT}.cache/analyses`);
    pruneCache(`${ROOT}.cache/analyses`);
  }
}
const removeFresh = () => {
  if (freshFolder !== null) rmSync(freshFolder, { recursive: true, force: true });
};

// 3. The two jobs, each in a process of its own; an interruption is passed on to both.
const children: Deno.ChildProcess[] = [];
const forward = (sig: Deno.Signal) => () => {
  for (const child of children) {
    try {
      child.kill(sig);
    } catch { /* already gone */ }
  }
};
Deno.addSignalListener("SIGINT", forward("SIGINT"));
Deno.addSignalListener("SIGTERM", forward("SIGTERM"));
const job = async (label: string, cmd: string, cmdArgs: string[]): Promise<void> => {
  const t1 = performance.now();
  const child = new Deno.Command(cmd, { args: cmdArgs, stdout: "inherit", stderr: "inherit" }).spawn();
  children.push(child);
  const { code, signal } = await child.status;
  if (signal || code !== 0) {
    forward("SIGTERM")(); // the other job stops too: nothing is left running
    await Promise.allSettled(children.map((c) => c.status));
    // A job ended by a signal between writing a file's temporary copy and renaming it leaves the copy
    // (`figures/x.svg.PID.tmp`): removed here, as the supervisor of `npm run` does for what runs below it.
    removeTemporaries(new Set(children.map((c) => c.pid)));
    removeFresh();
    Deno.exit(signal ? 130 : code);
  }
  console.log(`${label}: ${((performance.now() - t1) / 1000).toFixed(2)} s`);
};
await Promise.all([
  job("figures and tables", Deno.execPath(), ["run", "-A", "scripts/reproduce.ts", "--artifacts-only"]),
  skipNotebooks ? Promise.resolve() : job("notebooks", "bash", ["scripts/nb", "execute", ...args]),
]);
removeFresh();
console.log(`reproduce: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
Deno.exit(0);

/** Writes every figure and table, then the README's "What we found" (all in this process). */
async function writeArtifacts(): Promise<void> {
  // Figures and tables (loaded only now: the builders import the whole library).
  const { exportFigure, exportTable, writeAtomic } = await import("../src/figures/export");
  const { artifactOptionsFromEnvironment, figureBuilders, tableBuilders } = await import("./artifacts");
  const options = artifactOptionsFromEnvironment();
  // When the analyses are not stored yet, this job and the notebook executor's two kernels share them out:
  // the executor starts with its longest notebooks (07 and 09, computing their analyses), so this job first
  // computes notebook 11's and 10's, which the executor reaches later; each is computed once, and a process
  // that needs one being computed waits for it (src/findings/_analysis_cache.ts). Order only, no output.
  const { languageModel, trainedNetworks } = await import("../src/mod");
  for (const m of [languageModel, trainedNetworks]) m.analysis();
  const names = new Set<string>();
  for (const { module, make } of await tableBuilders()) {
    const t = make(options);
    if (names.has(t.name)) throw new Error(`two tables are named ${t.name} (${module})`);
    names.add(t.name);
    console.log(`table   ${relative(ROOT, exportTable(t))}`);
  }
  for (const { module, make } of await figureBuilders()) {
    const f = make(options);
    if (names.has(f.name)) throw new Error(`two outputs are named ${f.name} (${module})`);
    names.add(f.name);
    const p = exportFigure(f);
    console.log(`figure  ${[p.svg, p.png, p.csv].map((x) => relative(ROOT, x)).join(" ")}`);
  }
  // The README's "What we found" comes from the claim records (tests/findings/readme.test.ts checks it).
  const { readmeWithFindings } = await import("./findings");
  const readme = readFileSync("README.md", "utf8");
  const regenerated = readmeWithFindings(readme);
  if (regenerated !== readme) {
    writeAtomic("README.md", regenerated);
    console.log("readme  README.md (What we found)");
  }
}
