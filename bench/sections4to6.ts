/** Times the figures and tables of sections 4–6 (target: under 1 s in all). */
import { timeArtifacts } from "../scripts/bench_artifacts";
import dimensionFigures from "../src/figures/intrinsic_dimension";
import turbulenceFigures from "../src/figures/turbulence";
import dimensionTables from "../src/tables/intrinsic_dimension";
import turbulenceTables from "../src/tables/turbulence";
import conclusionTables from "../src/tables/conclusion";

/** Builds and renders (SVG, PNG, CSV) every figure and table of sections 4–6, `repeats` times. */
export function bench(repeats = 5): Promise<void> {
  timeArtifacts(
    "sections 4–6",
    [...dimensionFigures, ...turbulenceFigures],
    [...dimensionTables, ...turbulenceTables, ...conclusionTables],
    { repeats },
  );
  return Promise.resolve();
}
