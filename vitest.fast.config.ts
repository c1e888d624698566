import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * `npm run test:fast`, the loop to run while changing the library: the files of `npm test` that start no
 * process of their own (no notebook kernel, browser, command-line run or other child process), so every unit,
 * property, findings, table and figure test, and none of the end-to-end checks. A file is left out by what it
 * uses, found here by reading it: a new test that starts a process is left out without being listed. `npm test`
 * runs every file, these included; CI runs `npm test`.
 */
const STARTS_A_PROCESS = /node:child_process|launchChromium|tslabChecks|Deno\.Command|playwright-core/;

/** The test files the fast path leaves out (paths from the repository's root). */
export const END_TO_END: string[] = (readdirSync("tests", { recursive: true }) as string[])
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => `tests/${f}`)
  .filter((f) => STARTS_A_PROCESS.test(readFileSync(f, "utf8")))
  .sort();

export default defineConfig({
  test: {
    ...base.test,
    exclude: ["**/node_modules/**", ...END_TO_END],
    globalSetup: ["tests/_global_setup_fast.ts"],
  },
});
