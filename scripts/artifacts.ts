/**
 * Finds every figure and table the project generates: each topic module in `src/figures/` has as
 * its default export an array of functions returning a Figure, and each in `src/tables/` an array
 * of functions returning a NamedTable. Shared by scripts/reproduce.ts, scripts/bench.ts and the tests.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Figure } from "../src/figures/figure";
import type { NamedTable } from "../src/tables/table";

const root = fileURLToPath(new URL("..", import.meta.url));

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

/**
 * Modules of src/figures/ and src/tables/ that are machinery, not figures or tables (the figure type, the
 * renderer, the exporter, the table type and its column headers): everything else must have a default export.
 */
const MACHINERY = new Set(["mod.ts", "figure.ts", "render.ts", "export.ts", "table.ts", "column_headers.ts"]);

/** A builder of a topic module's default export: called without options, it gives the committed file. */
type Builder<T> = (options?: ArtifactOptions) => T;

async function collect<T>(dir: string): Promise<{ module: string; make: Builder<T> }[]> {
  const out: { module: string; make: Builder<T> }[] = [];
  const files = readdirSync(root + dir).filter((f) => f.endsWith(".ts") && !MACHINERY.has(f)).sort();
  for (const f of files) {
    const mod = await import(`${root}${dir}/${f}`);
    if (!Array.isArray(mod.default)) {
      throw new Error(`${dir}/${f} has no default export listing its builders (see CONTRIBUTING.md)`);
    }
    for (const make of mod.default as Builder<T>[]) out.push({ module: `${dir}/${f}`, make });
  }
  return out;
}

/** Every figure builder, in module order. */
export function figureBuilders(): Promise<{ module: string; make: Builder<Figure> }[]> {
  return collect<Figure>("src/figures");
}

/** Every table builder, in module order. */
export function tableBuilders(): Promise<{ module: string; make: Builder<NamedTable> }[]> {
  return collect<NamedTable>("src/tables");
}
