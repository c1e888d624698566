/**
 * Finds every figure and table the project generates, from the registries `src/figures/all.ts` and
 * `src/tables/all.ts` (each topic module lists its builders as `FIGURES` or `TABLES`). Shared by
 * scripts/reproduce.ts, scripts/bench.ts and the tests.
 */
import type { FigureBuilder } from "../src/figures/figure";
import type { TableBuilder } from "../src/tables/table";

/**
 * What `npm run reproduce` passes to every builder. `full`: notebook 07's experiments at their full
 * sizes (minutes; the committed files are the defaults). Builders that have no such choice ignore it.
 */
export interface ArtifactOptions {
  full: boolean;
}

/**
 * The options the environment selects: `full` when `SMALLNESS_FULL` is `1` or `true`. The only place
 * the project reads that variable (src/ reads no environment).
 */
export function artifactOptionsFromEnvironment(): ArtifactOptions {
  const flag = Deno.env.get("SMALLNESS_FULL");
  return { full: flag === "1" || flag === "true" };
}

/** The builders of a registry, one by one, each with the file of its topic module (for messages). */
function flatten<B>(modules: readonly { module: string; builders: readonly B[] }[]): { module: string; make: B }[] {
  return modules.flatMap(({ module, builders }) => builders.map((make) => ({ module, make })));
}

/**
 * Every figure builder, in module order. The registry is loaded only now: the builders import the
 * whole library.
 */
export async function figureBuilders(): Promise<{ module: string; make: FigureBuilder }[]> {
  const { FIGURE_MODULES } = await import("../src/figures/all");
  return flatten(FIGURE_MODULES);
}

/** Every table builder, in module order (the registry loaded only now, as for figures). */
export async function tableBuilders(): Promise<{ module: string; make: TableBuilder }[]> {
  const { TABLE_MODULES } = await import("../src/tables/all");
  return flatten(TABLE_MODULES);
}
