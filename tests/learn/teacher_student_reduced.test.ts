/**
 * The reduced sweep: reruns the first widths of three committed growth chains (`REDUCED`) and checks that
 * every row equals the committed one in `data/teacher_student_runs.csv` bit for bit (all columns but the
 * wall-clock `seconds` and `cpu_seconds`, the code version and the chain's input TwoNN, which the reduced rerun measures on
 * the same points and is compared separately). The arithmetic is deterministic on one machine: seeded
 * draws, fixed loop orders, no threads inside a chain. (Across machines `Math.exp`/`Math.tanh` and
 * `Math.cos` may differ in the last bit; then the losses would drift by ~1e-12 relative after training.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REDUCED, runChain, SWEEP } from "../../src/learn/teacher_student";
import { parseRuns } from "../../src/learn/teacher_student_csv";

const committed = parseRuns(readFileSync(new URL("../../data/teacher_student_runs.csv", import.meta.url), "utf8"));

describe("the committed teacher–student runs", () => {
  for (const job of REDUCED) {
    it(`${job.config} seed ${job.seed}: the first ${job.widths} widths reproduce bit for bit`, () => {
      const c = SWEEP.find((x) => x.id === job.config)!;
      const r = runChain(c, job.seed, { maxWidths: job.widths });
      expect(r.rows.length).toBe(job.widths);
      for (const row of r.rows) {
        const ref = committed.find((x) =>
          x.config === row.config && x.seed === row.seed && x.variant === "chain" && x.width === row.width
        );
        expect(ref, `committed row for width ${row.width}`).toBeDefined();
        const { seconds: _a, cpuSeconds: _u, twonnInputs, codeVersion: _c, ...want } = ref!;
        const { seconds: _b, cpuSeconds: _v, ...got } = row;
        expect(got).toEqual(want);
        expect(r.twonnInputs).toBe(twonnInputs);
      }
    }, 120_000);
  }
});
