/**
 * Times a tslab kernel's first cell importing the library (`import … from "../src/mod"`), compiled by tslab's
 * converter as a kernel compiles it: with the library compiled once for every kernel (scripts/tslab-library.cjs)
 * and, for comparison, from its sources (unpatched tslab's way), each in a fresh Node.js process.
 */
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const SCRIPT = `
const path = require("path");
const root = process.argv[1], useLibrary = process.argv[2] === "library";
process.chdir(path.join(root, "notebooks"));
process.env.TSLAB_ROOT_DIR = root;
if (useLibrary) require(path.join(root, "scripts/tslab-library.cjs")).install(root);
const c = require(path.join(root, ".patched/node_modules/tslab/dist/converter.js")).createConverter();
const t0 = performance.now(), cpu0 = process.cpuUsage();
const out = c.convert("", 'import { superscript } from "../src/mod";\\nconst s = superscript(3);\\n');
const cpu = process.cpuUsage(cpu0);
if (out.diagnostics.length > 0) throw new Error(out.diagnostics[0].messageText);
console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1e6 }));
c.close();`;

async function firstImport(mode: "library" | "sources"): Promise<{ ms: number; cpu: number }> {
  const { code, stdout, stderr } = await new Deno.Command("node", { args: ["-e", SCRIPT, root, mode] }).output();
  if (code !== 0) throw new Error(`tslab first import (${mode}): ${new TextDecoder().decode(stderr).slice(-400)}`);
  return JSON.parse(new TextDecoder().decode(stdout).trim().split("\n").pop()!);
}

/** Prints the first import cell's compile time and CPU seconds, with the compiled library and from the sources. */
export async function bench(): Promise<void> {
  await firstImport("library"); // compiles the library if the sources changed: not part of the timing
  const lib = await firstImport("library"), src = await firstImport("sources");
  console.log(
    `tslab first cell importing ../src/mod: ${(lib.ms / 1000).toFixed(2)} s (${lib.cpu.toFixed(2)} CPU-s) with ` +
      `the library compiled once, ${(src.ms / 1000).toFixed(2)} s (${src.cpu.toFixed(2)} CPU-s) from its sources`,
  );
}
