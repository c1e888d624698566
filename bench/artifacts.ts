/**
 * Times building and rendering every figure (SVG, PNG, CSV) and table (CSV) that `npm run reproduce`
 * writes, grouped by topic module, cold (the first build in this process, as reproduce does it: the
 * experiments of notebooks 07 and 08 are memoised after their first run). Target for sections 1–3
 * (pedestal, scaling_law, analogy): under 1 s in all.
 */
import { figureBuilders, tableBuilders } from "../scripts/artifacts";
import { onceSeconds } from "../scripts/bench_artifacts";
import { renderFigure } from "../src/figures/render";
import { tableToCsv } from "../src/tables/table";
import { figure2CriticalSize } from "../src/figures/pedestal";

const SECTIONS_1_TO_3 = new Set(["pedestal", "scaling_law", "analogy"]);

/** Prints the cold time of each topic module's figures and tables, and the total for sections 1–3. */
export function bench(): Promise<void> {
  return (async () => {
    renderFigure(figure2CriticalSize()); // warm-up: module initialisation and font loading
    const groups = new Map<string, (() => unknown)[]>();
    const topic = (module: string) => module.replace(/^.*\//, "").replace(/\.ts$/, "");
    for (const { module, make } of await figureBuilders()) {
      groups.set(topic(module), [...(groups.get(topic(module)) ?? []), () => renderFigure(make())]);
    }
    for (const { module, make } of await tableBuilders()) {
      groups.set(topic(module), [...(groups.get(topic(module)) ?? []), () => tableToCsv(make().table)]);
    }
    let early = 0;
    for (const [name, jobs] of [...groups].sort()) {
      const [, s] = onceSeconds(() => jobs.forEach((job) => job()));
      if (SECTIONS_1_TO_3.has(name)) early += s;
      console.log(`${name.padEnd(20)} ${jobs.length} outputs: ${s.toFixed(3)} s`);
    }
    console.log(`sections 1–3 (pedestal, scaling_law, analogy): ${early.toFixed(3)} s (target: under 1 s)`);
  })();
}
