/**
 * Vitest's global set-up: one folder of shared analyses for the whole run (src/findings/_analysis_cache.ts).
 * The two workers and every notebook kernel the tests start inherit it through the environment, so each
 * notebook's analysis is computed once per engine in a run (Deno's, Node's for tslab) instead of once per
 * process; the folder is new for every run and removed at its end, so nothing carries over between runs.
 * A folder already named by the environment (a caller's own) is used as it is and left in place; the variable
 * set to the empty string turns the sharing off.
 *
 * It also starts compiling the library for tslab's kernels (scripts/tslab-library.cjs) in the background, so the
 * first tslab checks find it compiled or wait for that one compile instead of each doing its own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { CACHE_VARIABLE } from "../src/findings/_analysis_cache";

export default function setup(): () => void {
  let compile: ChildProcess | undefined;
  if (existsSync(".patched/node_modules/tslab/.smallness-patched")) {
    compile = spawn("node", ["scripts/tslab-library.cjs", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const removeFolder = sharedAnalyses();
  return () => {
    if (compile?.exitCode === null) compile.kill();
    removeFolder();
  };
}

/**
 * The shared analyses alone (the global set-up of `npm run test:fast`, vitest.fast.config.ts, which starts no
 * kernel and so needs no tslab library): a new folder for the run, or the caller's; returns its removal.
 */
export function sharedAnalyses(): () => void {
  if (process.env[CACHE_VARIABLE] !== undefined) return () => {}; // the caller's folder, or "" for none
  const dir = mkdtempSync(join(tmpdir(), "smallness-analyses-"));
  process.env[CACHE_VARIABLE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
