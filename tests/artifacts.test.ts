/**
 * Every figure and table that `npm run reproduce` writes is committed up to date: regenerating it
 * in memory gives the committed bytes (SVG, PNG, CSV), and nothing else sits in figures/ or data/
 * (no orphan left behind by a renamed figure or table). And the registries `src/figures/all.ts` and
 * `src/tables/all.ts` list every topic module of their folder, each builder once.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { figureBuilders, tableBuilders } from "../scripts/artifacts";
import { renderFigure } from "../src/figures/render";
import { tableToCsv } from "../src/tables/table";
import { FIGURE_MODULES } from "../src/figures/all";
import { TABLE_MODULES } from "../src/tables/all";

const figures = await figureBuilders();
const tables = await tableBuilders();

const figureNames = new Set<string>();
const tableNames = new Set<string>();

describe("committed figures and tables are current", () => {
  it("finds the figures and tables of every topic module (at least Figures 1–2 and the four tables of §1–3)", () => {
    expect(new Set(figures.map((f) => f.module)).size).toBeGreaterThanOrEqual(5);
    expect(figures.length).toBeGreaterThanOrEqual(14);
    expect(tables.length).toBeGreaterThanOrEqual(16);
  });
  for (const { module, make } of figures) {
    it(`figure from ${module}`, () => {
      const fig = make();
      figureNames.add(fig.name);
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
      tableNames.add(t.name);
      const path = `data/${t.name}.csv`;
      expect(existsSync(path), `${path} is not committed (npm run reproduce)`).toBe(true);
      expect(readFileSync(path, "utf8"), `${path} is stale (npm run reproduce)`).toBe(tableToCsv(t.table));
    });
  }
  it("figures/ holds exactly the generated figures, data/ the generated tables plus inputs named in data/README.md", () => {
    const stems = new Set(readdirSync("figures").map((f) => f.replace(/\.(svg|png|csv)$/, "")));
    expect([...stems].sort()).toEqual([...figureNames].sort());
    const readme = readFileSync("data/README.md", "utf8");
    for (const f of readdirSync("data").filter((f) => f.endsWith(".csv"))) {
      const name = f.replace(/\.csv$/, "");
      if (!tableNames.has(name)) expect(readme, `data/${f} is neither generated nor documented`).toContain(f);
    }
  });
});

/** Each folder, the name its topic modules give their list of builders, and its registry. */
const REGISTRIES = [
  { dir: "src/figures", list: "FIGURES", registry: "src/figures/all.ts", modules: FIGURE_MODULES },
  { dir: "src/tables", list: "TABLES", registry: "src/tables/all.ts", modules: TABLE_MODULES },
];

describe("the registries list every topic module (so npm run reproduce misses none)", () => {
  for (const { dir, list, registry, modules } of REGISTRIES) {
    it(`${registry} lists, in file-name order, each module of ${dir} exporting ${list}, with that list`, async () => {
      const exporting: string[] = [];
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
        const mod = await import(`../${dir}/${f}`) as Record<string, unknown>;
        expect("default" in mod, `${dir}/${f} has a default export (its builders go in ${list})`).toBe(false);
        if (!(list in mod)) continue;
        exporting.push(`${dir}/${f}`);
        expect(Array.isArray(mod[list]), `${dir}/${f}: ${list} is an array`).toBe(true);
        expect(modules.find((m) => m.module === `${dir}/${f}`)?.builders, `${registry}: ${dir}/${f}`).toBe(mod[list]);
      }
      expect(modules.map((m) => m.module)).toEqual(exporting);
    });
    it(`${registry} holds every builder once, each a function`, () => {
      const builders: unknown[] = modules.flatMap((m): readonly unknown[] => m.builders);
      expect(builders.length).toBeGreaterThan(0);
      expect(new Set(builders).size).toBe(builders.length);
      for (const b of builders) expect(typeof b).toBe("function");
    });
  }
});
