/**
 * `npm run bench`: prints how long the project's pieces take. Each module in bench/ exports
 * `bench(): Promise<void>`, which prints its own figures; this script runs them in name order and
 * ends with two timed full `npm run reproduce` runs (figures, tables and every notebook): one computing every
 * analysis (`--fresh`), one reading the analyses the first stored.
 *
 * Runs from the repository root whatever the working directory.
 *
 * Usage: deno run -A scripts/bench.ts [--no-reproduce] [NAME...]   (NAME filters bench/NAME.ts)
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseOptions, refuse } from "./cli";
import { machineBusy, machineCpuText } from "../bench/_machine";

// bench/ modules and the reproduce run below use paths relative to the repository root.
Deno.chdir(fileURLToPath(new URL("..", import.meta.url)));

const { options, positional: only } = parseOptions("bench", Deno.args, { "--no-reproduce": "switch" }, "NAME");
// bench/_name.ts modules are helpers the benchmarks share, not benchmarks
const isBenchmark = (f: string) => f.endsWith(".ts") && !f.startsWith("_");
const known = readdirSync("bench").filter(isBenchmark).map((f) => f.replace(/\.ts$/, ""));
const unknown = only.find((n) => !known.includes(n));
if (unknown !== undefined) {
  refuse("bench", `no benchmark named ${JSON.stringify(unknown)}; the benchmarks are: ${known.join(", ")}`);
}
const files = readdirSync("bench").filter(isBenchmark).sort()
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, "")));
for (const f of files) {
  console.log(`\n## bench/${f}`);
  const mod = await import(`../bench/${f}`);
  await mod.bench();
}

if (options["--no-reproduce"] !== true && only.length === 0) {
  console.log("\n## npm run reproduce (figures, tables and notebooks)");
  // Twice: `--fresh` computes every analysis (once, shared by the two jobs), then a plain run, which reads the
  // analyses the first stored in .cache/analyses (nothing changed in between) and rewrites every output.
  const run = async (args: string[]): Promise<[number, string]> => {
    const t0 = performance.now(), busy0 = machineBusy();
    const { code } = await new Deno.Command("deno", {
      args: ["run", "-A", "scripts/reproduce.ts", ...args],
      stdout: "null",
      stderr: "inherit",
    }).output();
    if (code !== 0) Deno.exit(code);
    return [(performance.now() - t0) / 1000, machineCpuText(busy0, machineBusy())];
  };
  const [cold, coldCpu] = await run(["--fresh"]);
  const [warm, warmCpu] = await run([]);
  console.log(
    `full reproduce: ${cold.toFixed(2)} s${coldCpu} computing every analysis (--fresh), ${
      warm.toFixed(2)
    } s${warmCpu} with the stored analyses (target: at most 20 s on 2 cores)`,
  );
}
