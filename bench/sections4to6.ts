/** Times the figures and tables of sections 4–6 (target: under 1 s in all). */
import { renderFigure } from "../src/figures/render";
import dimensionFigures from "../src/figures/intrinsic_dimension";
import turbulenceFigures from "../src/figures/turbulence";
import dimensionTables from "../src/tables/intrinsic_dimension";
import turbulenceTables from "../src/tables/turbulence";
import conclusionTables from "../src/tables/conclusion";
import { tableToCsv } from "../src/tables";

/** Builds and renders (SVG, PNG, CSV) every figure and table of sections 4–6, `repeats` times. */
export async function bench(repeats = 5): Promise<void> {
  const figures = [...dimensionFigures, ...turbulenceFigures];
  const tables = [...dimensionTables, ...turbulenceTables, ...conclusionTables];
  renderFigure(figures[0]()); // warm-up: module initialisation and font loading
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (const make of figures) renderFigure(make());
    for (const make of tables) tableToCsv(make().table);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `sections 4–6: ${figures.length} figures (SVG + PNG + CSV) and ${tables.length} tables: ` +
      `median ${(times[times.length >> 1] / 1000).toFixed(3)} s over ${repeats} runs (target: under 1 s)`,
  );
  await Promise.resolve();
}
