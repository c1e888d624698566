/**
 * Shared by the bench/ modules: times building and rendering a group of figures (SVG, PNG, CSV) and
 * tables (CSV), and prints the median over `repeats` runs against a target.
 */
import type { Figure } from "../src/figures/figure";
import { renderFigure } from "../src/figures/render";
import { type NamedTable, tableToCsv } from "../src/tables";

/** Prints the median time to build and render `figures` and `tables`; returns it in seconds. */
export function timeArtifacts(
  label: string,
  figures: (() => Figure)[],
  tables: (() => NamedTable)[],
  { repeats = 5, targetSeconds = 1 } = {},
): number {
  if (figures.length > 0) renderFigure(figures[0]()); // warm-up: module initialisation and font loading
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (const make of figures) renderFigure(make());
    for (const make of tables) tableToCsv(make().table);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1] / 1000;
  console.log(
    `${label}: ${figures.length} figures (SVG + PNG + CSV) and ${tables.length} tables: ` +
      `median ${median.toFixed(3)} s over ${repeats} runs (target: under ${targetSeconds} s)`,
  );
  return median;
}
