/**
 * Worker thread of `scripts/train/teacher_student.ts`: receives `{ config, seed }`, runs that growth
 * chain, posts `{ type: "row", row }` after each trained width and `{ type: "done", result, cpuSeconds }`
 * at the end (or `{ type: "error", message }`). CPU times are this thread's own (Linux
 * `/proc/thread-self/schedstat`; NaN where it cannot be read), so another worker's or program's load on
 * the same cores does not inflate them as it does the wall-clock `seconds`.
 */
import { runChain, type TeacherStudentConfig } from "../../src/learn/teacher_student";

/** CPU time of this thread in ms (NaN if the kernel does not report it). */
function threadCpuMs(): number {
  try {
    return Number(Deno.readTextFileSync("/proc/thread-self/schedstat").split(" ")[0]) / 1e6;
  } catch {
    return NaN;
  }
}

self.onmessage = (e: MessageEvent<{ config: TeacherStudentConfig; seed: number }>) => {
  try {
    const t0 = threadCpuMs();
    const result = runChain(e.data.config, e.data.seed, {
      cpuNow: threadCpuMs,
      onRow: (row) => self.postMessage({ type: "row", row }),
    });
    self.postMessage({ type: "done", result, cpuSeconds: (threadCpuMs() - t0) / 1000 });
  } catch (err) {
    self.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
