/**
 * Times the whole test suite, `npm test` without its set-up step (the vitest run under Deno), against
 * its target of 90 s on 2 cores.
 */
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Prints the wall time of one run of the test suite and how many tests passed. */
export async function bench(): Promise<void> {
  const t0 = performance.now();
  const { code, stdout } = await new Deno.Command("node_modules/.bin/deno", {
    args: ["run", "-A", "node_modules/vitest/vitest.mjs", "run"],
    cwd: root,
    env: { NO_COLOR: "1", FORCE_COLOR: "0" },
    stdout: "piped",
    stderr: "null",
  }).output();
  const s = (performance.now() - t0) / 1000;
  const summary = new TextDecoder().decode(stdout).split("\n").find((l) => /^\s+Tests\s/.test(l))?.trim() ?? "";
  console.log(
    `npm test (suite only): ${s.toFixed(1)} s (target: at most 90 s on 2 cores); ${summary}${
      code === 0 ? "" : " FAILED"
    }`,
  );
}
