/**
 * The arrows of CONTRIBUTING.md, checked on every module's imports: numerics (with the role folders
 * src/fit, src/stats, src/_util) ← findings ← figures and tables ← notebooks, scripts and site. A module that imports against the arrows fails here, naming the
 * file and the import.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";

const imports = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);

const ts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`);

/** `file` imports none of the specifiers matched by `forbidden`. */
function expectNone(files: string[], forbidden: RegExp, why: string): void {
  for (const file of files) {
    const bad = imports(file).filter((s) => forbidden.test(s));
    expect(bad, `${file} imports ${bad.join(", ")}: ${why}`).toEqual([]);
  }
}

describe("import arrows", () => {
  // the entry points and the two modules that render tables and displays sit above the numerics; the
  // role folders src/fit (scaling-law fitting), src/stats (general statistics) and src/_util (private
  // utilities) are numerics too
  const numerics = [
    ...ts("src").filter((f) => !["src/mod.ts", "src/tables.ts", "src/display.ts"].includes(f)),
    ...ts("src/fit"),
    ...ts("src/stats"),
    ...ts("src/_util").filter((f) => f !== "src/_util/write_atomic.ts"),
  ];

  it("numeric modules import no arquero, file I/O, findings, tables, figures or display", () => {
    expectNone(numerics, /^(arquero|node:fs|\.\/(tables|figures|findings|display|live)(\/|$))/, "numerics are pure");
    const up = /^\.\.\/(tables|figures|findings|display|live|mod)(\/|$)/;
    expectNone([...ts("src/fit"), ...ts("src/stats"), ...ts("src/_util")], up, "numerics are pure");
  });
  it("general statistics (src/stats) import no paper or data-set module: only each other and the general helpers", () => {
    expectNone(ts("src/stats"), /^\.\.\/(?!(validate|random|bootstrap|optimize|student_t|_util\/[\w]+)$)/, "stats hold no paper content");
  });
  it("private utilities (src/_util) import nothing of ours but each other, and only the layers above import them", () => {
    expectNone(ts("src/_util"), /^\.\.\//, "utilities sit at the bottom");
    expectNone(["src/mod.ts", "src/figures/mod.ts"], /(^|\/)_util\//, "utilities are private: not on the public surface");
  });
  it("findings import no tables, figures, display or arquero", () => {
    expectNone(ts("src/findings"), /^(arquero|\.\.\/(tables|figures|display|live)(\/|$))/, "findings sit below tables and figures");
  });
  it("figures import no table module and read no file (but the exporter and the font check)", () => {
    expectNone(ts("src/figures").filter((f) => !f.endsWith("/export.ts")), /^\.\.\/tables(\/|$)/, "figures draw from findings");
    expectNone(ts("src/figures").filter((f) => !/\/(export|render)\.ts$/.test(f)), /^node:fs$/, "figures read no file");
  });
  it("tables import no figure and read no file", () => {
    expectNone(ts("src/tables"), /^(node:fs|\.\.\/(figures|display|live)(\/|$))/, "tables draw from findings");
  });
  it("src/ reads no environment variable (scripts/ does, and passes what it read as an argument)", () => {
    const all = [...ts("src"), ...ts("src/findings"), ...ts("src/figures"), ...ts("src/tables"), ...ts("src/live")];
    for (const file of all) {
      const reads = readFileSync(file, "utf8").match(/\b(Deno\.env|process\.env)\b/g) ?? [];
      expect(reads, `${file} reads the environment`).toEqual([]);
    }
  });
  it("nothing in src/ but src/live imports src/live", () => {
    expectNone([...ts("src"), ...ts("src/findings"), ...ts("src/figures"), ...ts("src/tables"), ...ts("src/fit"), ...ts("src/stats"), ...ts("src/_util")], /(^|\/)live(\/|$)/, "the live edition is a leaf");
  });
});
