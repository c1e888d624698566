/**
 * What the benchmarks share (private: scripts/bench.ts runs every bench/NAME.ts but the `_` ones): the
 * machine's busy CPU time, which counts every process a command starts, Chromium's and the notebook kernels'
 * included (bash's `time` counts only the processes it reaps), and on a shared machine the other jobs too.
 */
import { existsSync, readFileSync } from "node:fs";

/** Busy CPU-seconds of the whole machine so far (user, nice, system, irq, softirq, steal of /proc/stat), or null. */
export function machineBusy(): number | null {
  if (!existsSync("/proc/stat")) return null;
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / 100; // USER_HZ = 100 on Linux
}

/** `, N CPU-seconds on the machine` for the busy time between two readings, or "" when either is missing. */
export function machineCpuText(before: number | null, after: number | null): string {
  return before === null || after === null ? "" : `, ${(after - before).toFixed(0)} CPU-seconds on the machine`;
}
