/**
 * Every figure and table that `npm run reproduce` writes is committed up to date: regenerating it
 * in memory gives the committed bytes (SVG, PNG, CSV).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { figureBuilders, tableBuilders } from "../scripts/artifacts";
import { renderFigure } from "../src/figures/render";
import { tableToCsv } from "../src/tables";

const figures = await figureBuilders();
const tables = await tableBuilders();

describe("committed figures and tables are current", () => {
  it("finds the figures and tables of sections 1–3", () => {
    expect(figures.length).toBeGreaterThanOrEqual(2);
    expect(tables.length).toBeGreaterThanOrEqual(4);
  });
  for (const { module, make } of figures) {
    it(`figure from ${module}`, () => {
      const fig = make();
      const { svg, png, csv } = renderFigure(fig);
      for (const [ext, body] of [["svg", svg], ["csv", csv]] as const) {
        const path = `figures/${fig.name}.${ext}`;
        expect(existsSync(path), `${path} is not committed (npm run reproduce)`).toBe(true);
        expect(readFileSync(path, "utf8"), `${path} is stale (npm run reproduce)`).toBe(body);
      }
      const pngPath = `figures/${fig.name}.png`;
      expect(Buffer.compare(readFileSync(pngPath), Buffer.from(png)), `${pngPath} is stale`).toBe(0);
    });
  }
  for (const { module, make } of tables) {
    it(`table from ${module}`, () => {
      const t = make();
      const path = `data/${t.name}.csv`;
      expect(existsSync(path), `${path} is not committed (npm run reproduce)`).toBe(true);
      expect(readFileSync(path, "utf8"), `${path} is stale (npm run reproduce)`).toBe(tableToCsv(t.table));
    });
  }
});
