/**
 * Times the test suite, `npm test` without its set-up step (the vitest run under Deno), against its target
 * of 90 s on 2 cores; and before it the fast path, `npm run test:fast` without its set-up (the files that
 * start no process of their own, vitest.fast.config.ts).
 */
import { fileURLToPath } from "node:url";
import { machineBusy, machineCpuText } from "./_machine";

const root = fileURLToPath(new URL("..", import.meta.url));

/** One timed vitest run: wall seconds, the machine's busy CPU-seconds over it, the summary line, the exit code. */
async function run(args: string[]): Promise<{ s: number; cpu: string; summary: string; code: number }> {
  const busy0 = machineBusy(), t0 = performance.now();
  const { code, stdout } = await new Deno.Command("node_modules/.bin/deno", {
    args: ["run", "-A", "node_modules/vitest/vitest.mjs", "run", ...args],
    cwd: root,
    env: { NO_COLOR: "1", FORCE_COLOR: "0" },
    stdout: "piped",
    stderr: "null",
  }).output();
  const s = (performance.now() - t0) / 1000, busy1 = machineBusy();
  const summary = new TextDecoder().decode(stdout).split("\n").find((l) => /^\s+Tests\s/.test(l))?.trim() ?? "";
  return { s, cpu: machineCpuText(busy0, busy1), summary, code };
}

/**
 * Prints the wall time of the fast path and of the whole suite, the CPU-seconds the machine spent over each
 * (every process, Chromium's included: bash's `time` misses the processes it does not reap; on a shared
 * machine this counts the other jobs too), and how many tests passed. On 2 cores the wall time cannot fall
 * below half the CPU time.
 */
export async function bench(): Promise<void> {
  const report = (what: string, r: Awaited<ReturnType<typeof run>>, target = "") =>
    console.log(
      `${what} (suite only): ${r.s.toFixed(1)} s${r.cpu}${target}; ${r.summary}${r.code === 0 ? "" : " FAILED"}`,
    );
  report("npm run test:fast", await run(["--config", "vitest.fast.config.ts"]));
  report("npm test", await run([]), " (target: at most 90 s on 2 cores)");
}
