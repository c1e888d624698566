/**
 * Writes figures and tables to disk: `figures/<name>.svg`, `.png` and `.csv` for a figure,
 * `data/<name>.csv` for a table, by default in the repository's own `figures/` and `data/`
 * (whatever the working directory). The only module of the library that writes files; each file
 * is written to a temporary name beside it and renamed, so it is always either the old or the new one.
 *
 * @module
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figure } from "./figure";
import { renderFigure } from "./render";
import { type NamedTable, tableToCsv } from "../tables/table";
import { writeAtomic } from "../_util/write_atomic";

// The atomic file writer is a private utility; re-exported here for scripts/reproduce.ts.
export { writeAtomic };

/** Paths written by `exportFigure`, relative to the directory it was given. */
export interface ExportedFigure {
  svg: string;
  png: string;
  csv: string;
}

/** A folder of the repository (`figures`, `data`), resolved from this module's location. */
function repoDir(name: string): string {
  return fileURLToPath(new URL(`../../${name}`, import.meta.url));
}

/**
 * Writes `<dir>/<name>.svg`, `<dir>/<name>.png` and `<dir>/<name>.csv` for a figure.
 * @param dir output folder (default: the repository's `figures/`).
 * @returns the three paths.
 * @example exportFigure(figure, "/tmp/figs").svg // the path /tmp/figs/<name>.svg
 */
export function exportFigure(figure: Figure, dir: string = repoDir("figures")): ExportedFigure {
  mkdirSync(dir, { recursive: true });
  const { svg, png, csv } = renderFigure(figure);
  const paths = {
    svg: join(dir, `${figure.name}.svg`),
    png: join(dir, `${figure.name}.png`),
    csv: join(dir, `${figure.name}.csv`),
  };
  writeAtomic(paths.svg, svg);
  writeAtomic(paths.png, png);
  writeAtomic(paths.csv, csv);
  return paths;
}

/**
 * Writes `<dir>/<name>.csv` for a named table.
 * @param dir output folder (default: the repository's `data/`).
 * @returns the path.
 */
export function exportTable(table: NamedTable, dir: string = repoDir("data")): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${table.name}.csv`);
  writeAtomic(path, tableToCsv(table.table));
  return path;
}
