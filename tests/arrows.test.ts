/**
 * The layout's arrows (CONTRIBUTING.md, "Layout"), checked on every module's imports as rules about
 * folders: each folder of `src/` may import only the folders below it. A module that imports against the
 * arrows fails here, naming the file and the import. There is no exclusion list: a module that needs a
 * layer above its own folder is in the wrong folder.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/** Every `.ts` file under `dir`, recursively. */
function tree(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = `${dir}/${f}`;
    return statSync(p).isDirectory() ? tree(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The specifiers a file imports (static and dynamic). */
const specifiers = (file: string): string[] =>
  [
    ...readFileSync(file, "utf8").matchAll(
      /^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm,
    ),
  ]
    .map((m) => m[1] ?? m[2]);

/** The layer of a path under src/: its top folder, or the file's own name for a top-level module. */
function layer(path: string): string {
  const rel = relative("src", path);
  const parts = rel.split("/");
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, "");
}

/** The layer a relative specifier of `file` points into, or `"outside"` when it leaves src/. */
function target(file: string, spec: string): string {
  const p = normalize(join(dirname(file), spec));
  return p.startsWith("src/") || p === "src" ? layer(p.endsWith(".ts") ? p : `${p}.ts`) : "outside";
}

/**
 * What each layer may import of ours (besides itself). Bottom to top: private utilities, general
 * statistics, the data-set readers, the paper's numbers, its closed forms, scaling-law fitting, the
 * numerical measurements of §5, training; then findings, then tables and figures, then the public entry
 * points and the live edition.
 */
/** Everything below the findings layer: the numerics, the data-set readers and the notebook index. */
const BELOW_FINDINGS = ["_util", "paper", "notebooks", "stats", "theory", "fit", "measure", "learn", "datasets"];
const MAY_IMPORT: Record<string, string[]> = {
  _util: [],
  stats: ["_util"],
  datasets: ["_util"],
  paper: ["_util"],
  theory: ["_util", "paper", "stats"],
  fit: ["_util", "paper", "stats", "theory"],
  measure: ["_util", "paper", "stats", "theory", "fit"],
  learn: ["_util", "paper", "stats", "theory", "fit", "measure"],
  findings: BELOW_FINDINGS,
  notebooks: [],
  tables: [...BELOW_FINDINGS, "findings"],
  figures: [...BELOW_FINDINGS, "findings", "tables"],
  display: ["_util", "tables", "figures", "findings"],
  mod: [...BELOW_FINDINGS, "findings", "tables"],
  // live trains in the page with the project's own trainers (notebook 10's students, notebook 11's character
  // transformer), and draws with the figures, never the tables
  live: [...BELOW_FINDINGS, "findings", "figures"],
};

/** Packages a layer may import: the numerics only the validated math library, figures their renderers. */
const PACKAGES: Record<string, RegExp> = {
  _util: /^node:(fs|process)$/,
  stats: /^simple-statistics$/,
  fit: /^simple-statistics$/,
  findings: /^node:(fs|crypto|v8)$/,
  tables: /^arquero$/,
  figures: /^(@observablehq\/plot|@resvg\/resvg-js|linkedom|node:(fs|path|url))$/,
  display: /^$/,
  live: /^@observablehq\/inputs$/,
};

const files = tree("src");

describe("import arrows", () => {
  it("every module of src/ is in a layer the rules know", () => {
    const unknown = files.map(layer).filter((l) => !(l in MAY_IMPORT));
    expect([...new Set(unknown)]).toEqual([]);
  });
  for (const [from, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${from} imports only ${allowed.length ? allowed.join(", ") : "nothing of ours"} (and itself)`, () => {
      for (const file of files.filter((f) => layer(f) === from)) {
        const bad = specifiers(file).filter((s) => {
          if (!s.startsWith(".")) return !(PACKAGES[from]?.test(s) ?? false);
          const t = target(file, s);
          return t !== from && !allowed.includes(t);
        });
        expect(bad, `${file} imports ${bad.join(", ")} against the arrows`).toEqual([]);
      }
    });
  }
  it("src/ reads no environment variable (scripts/ does, and passes what it read as an argument)", () => {
    for (const file of files) {
      const reads = readFileSync(file, "utf8").match(/\b(Deno\.env|process\.env)\b/g) ?? [];
      expect(reads, `${file} reads the environment`).toEqual([]);
    }
  });

  it("no cycle of run-time imports among the modules of src/ (tslab's CommonJS loader cannot follow one)", () => {
    // value imports only: `import type …` and imports whose every name is `type X` are erased
    const edges = new Map<string, string[]>();
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const out: string[] = [];
      for (
        const m of text.matchAll(
          /^(import|export)(\s+type)?\s*(\{([^}]*)\}|\*\s+as\s+\w+|\w+)?[^;"]*?from\s+"(\.[^"]+)";/gm,
        )
      ) {
        if (m[2]) continue;
        const names = m[4]?.split(",").map((x) => x.trim()).filter(Boolean);
        if (names && names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
        const p = normalize(join(dirname(f), m[5]));
        out.push(p.endsWith(".ts") ? p : `${p}.ts`);
      }
      edges.set(f, out);
    }
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...path.slice(path.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      for (const g of edges.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, "done");
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
