/** Times the figures and tables of sections 1–3 (target: under 1 s in all). */
import { timeArtifacts } from "../scripts/bench_artifacts";
import figures from "../src/figures/pedestal";
import scalingTables from "../src/tables/scaling_law";
import analogyTables from "../src/tables/analogy";
import pedestalTables from "../src/tables/pedestal";

/** Builds and renders (SVG, PNG, CSV) every figure and table of sections 1–3, `repeats` times. */
export function bench(repeats = 5): Promise<void> {
  timeArtifacts("sections 1–3", figures, [...scalingTables, ...analogyTables, ...pedestalTables], { repeats });
  return Promise.resolve();
}
