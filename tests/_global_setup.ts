/**
 * Vitest's global set-up: one folder of shared analyses for the whole run (src/findings/_analysis_cache.ts).
 * The two workers and every notebook kernel the tests start inherit it through the environment, so each
 * notebook's analysis is computed once per engine in a run (Deno's, Node's for tslab) instead of once per
 * process; the folder is new for every run and removed at its end, so nothing carries over between runs.
 * A folder already named by the environment (a caller's own) is used as it is and left in place; the variable
 * set to the empty string turns the sharing off.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { CACHE_VARIABLE } from "../src/findings/_analysis_cache";

export default function setup(): (() => void) | undefined {
  if (process.env[CACHE_VARIABLE] !== undefined) return undefined; // the caller's folder, or "" for none
  const dir = mkdtempSync(join(tmpdir(), "smallness-analyses-"));
  process.env[CACHE_VARIABLE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
