/**
 * Writes figures and tables to disk: `figures/<name>.svg`, `.png` and `.csv` for a figure,
 * `data/<name>.csv` for a table. The only module of the library that writes files.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Figure } from "./figure";
import { renderFigure } from "./render";
import { type NamedTable, tableToCsv } from "../tables";

/** Paths written by `exportFigure`, relative to the directory it was given. */
export interface ExportedFigure {
  svg: string;
  png: string;
  csv: string;
}

/**
 * Writes `<dir>/<name>.svg`, `<dir>/<name>.png` and `<dir>/<name>.csv` for a figure.
 * @returns the three paths.
 */
export function exportFigure(figure: Figure, dir = "figures"): ExportedFigure {
  mkdirSync(dir, { recursive: true });
  const { svg, png, csv } = renderFigure(figure);
  const paths = {
    svg: join(dir, `${figure.name}.svg`),
    png: join(dir, `${figure.name}.png`),
    csv: join(dir, `${figure.name}.csv`),
  };
  writeFileSync(paths.svg, svg);
  writeFileSync(paths.png, png);
  writeFileSync(paths.csv, csv);
  return paths;
}

/** Writes `<dir>/<name>.csv` for a named table. @returns the path. */
export function exportTable(table: NamedTable, dir = "data"): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${table.name}.csv`);
  writeFileSync(path, tableToCsv(table.table));
  return path;
}
