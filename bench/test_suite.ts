/**
 * Times the whole test suite, `npm test` without its set-up step (the vitest run under Deno), against
 * its target of 90 s on 2 cores.
 */
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Prints the wall time of one run of the test suite, the CPU time of every process it started (user + system,
 * from bash's `time`: the suite, its workers, notebook kernels and Chromium, once reaped), and how many tests
 * passed. On 2 cores the wall time cannot fall below half the CPU time.
 */
export async function bench(): Promise<void> {
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Deno.Command("bash", {
    args: [
      "-c",
      'TIMEFORMAT="cpu %U %S"; time node_modules/.bin/deno run -A node_modules/vitest/vitest.mjs run 2>/dev/null',
      "suite",
    ],
    cwd: root,
    env: { NO_COLOR: "1", FORCE_COLOR: "0" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const s = (performance.now() - t0) / 1000;
  const summary = new TextDecoder().decode(stdout).split("\n").find((l) => /^\s+Tests\s/.test(l))?.trim() ?? "";
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(new TextDecoder().decode(stderr));
  const cpuText = cpu ? `, ${(Number(cpu[1]) + Number(cpu[2])).toFixed(0)} CPU-seconds` : "";
  console.log(
    `npm test (suite only): ${s.toFixed(1)} s${cpuText} (target: at most 90 s on 2 cores); ${summary}${
      code === 0 ? "" : " FAILED"
    }`,
  );
}
