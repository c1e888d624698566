/**
 * Worker thread of `scripts/train/teacher_student.ts`: receives `{ config, seed }`, runs that growth
 * chain, posts `{ type: "row", row }` after each trained width and `{ type: "done", result }` at the end
 * (or `{ type: "error", message }`).
 */
import { runChain, type TeacherStudentConfig } from "../../src/learn/teacher_student";

self.onmessage = (e: MessageEvent<{ config: TeacherStudentConfig; seed: number }>) => {
  try {
    const result = runChain(e.data.config, e.data.seed, { onRow: (row) => self.postMessage({ type: "row", row }) });
    self.postMessage({ type: "done", result });
  } catch (err) {
    self.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
