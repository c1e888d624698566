/**
 * The public surface is listed by name: `src/mod.ts` and `src/figures/mod.ts` re-export each module's
 * names explicitly (no `export *` of a module), and this test keeps those lists complete. For every
 * module a barrel names, every value it exports (read from the loaded module) and every type it
 * declares or re-exports (read from its source) must be re-exported by the barrel, unless
 * `NOT_PUBLIC` lists it with a reason or it is a registry list (`REGISTRY_LISTS`); and the barrel
 * exports nothing its modules do not. So a name added to a module, or one renamed, fails here until
 * the list says what to do with it.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

/** Exports of a barrel's modules that the barrel deliberately leaves out, with why. */
const NOT_PUBLIC: Record<string, { names: string[]; why: string }> = {
  "src/findings/claim.ts": {
    names: ["claim", "claimsMarkdown", "memoise", "VERDICTS", "Claim", "Findings", "Verdict"],
    why: "claim records are built by the findings modules; notebooks look claims up with claimById only",
  },
  "src/findings/notebook.ts": {
    names: ["defineNotebook"],
    why: "findings modules describe their notebooks with it; notebooks reach them through the namespaces",
  },
  "src/datasets/lm_data.ts": {
    names: ["splitCsvLine", "parseRecords"],
    why: "the CSV reading under notebook 11's parsers, not API (src/_util/csv.ts is the project's CSV reader)",
  },
};

/**
 * The rule for registry lists: a topic module's `FIGURES` or `TABLES` lists its builders for its folder's
 * registry (`src/figures/all.ts`, `src/tables/all.ts`), which `npm run reproduce` reads; it is not API (the
 * barrel re-exports the figure and table functions themselves), so no barrel re-exports it.
 */
const REGISTRY_LISTS = new Set(["FIGURES", "TABLES"]);

interface Listed {
  values: string[];
  types: string[];
}

/** The barrel's `export { … } from` and `export type { … } from` lists, by module file. */
function listed(barrel: string): Map<string, Listed> {
  const text = readFileSync(barrel, "utf8");
  const dir = barrel.replace(/\/[^/]+$/, "");
  const out = new Map<string, Listed>();
  for (const m of text.matchAll(/^export (type )?\{([^}]*)\} from "([^"]+)";/gm)) {
    const file = `${dir}/${m[3].replace(/^\.\//, "")}.ts`.replace(/\/[^/]+\/\.\.\//g, "/");
    const entry = out.get(file) ?? { values: [], types: [] };
    const names = m[2].split(",").map((s) => s.trim()).filter(Boolean);
    (m[1] ? entry.types : entry.values).push(...names);
    out.set(file, entry);
  }
  return out;
}

/** Types a module declares (`export interface`, `export type X =`) or re-exports (`export type { … }`). */
function typesOf(file: string): string[] {
  const s = readFileSync(file, "utf8");
  const out = [...s.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  for (const m of s.matchAll(/^export type \{([^}]*)\}/gm)) {
    out.push(...m[1].split(",").map((x) => x.trim()).filter(Boolean));
  }
  return [...new Set(out)];
}

const sorted = (xs: string[]) => [...xs].sort();

for (const barrel of ["src/mod.ts", "src/figures/mod.ts"]) {
  describe(`${barrel} lists its exports by name`, () => {
    const text = readFileSync(barrel, "utf8");
    const lists = listed(barrel);
    // A namespace (`import * as learn from "./learn/mod"; export { learn };`) is one name: its module
    // is itself a list by name, and the barrel must export it.
    const namespaces = [...text.matchAll(/^import \* as (\w+) from "([^"]+)";$/gm)].map((m) => ({
      name: m[1],
      file: `${barrel.replace(/\/[^/]+$/, "")}/${m[2].replace(/^\.\//, "")}.ts`,
    }));
    const exportedNames = [...text.matchAll(/^export \{([^}]*)\};$/gm)].flatMap((m) =>
      m[1].split(",").map((x) => x.trim()).filter(Boolean)
    );
    it("has no `export *` (a namespace is imported as `import * as name` and exported by name)", () => {
      expect(text.match(/^export \*.*$/gm) ?? []).toEqual([]);
      expect(sorted(exportedNames)).toEqual(sorted(namespaces.map((ns) => ns.name)));
      expect(lists.size).toBeGreaterThan(5);
      for (const ns of namespaces) {
        expect(readFileSync(ns.file, "utf8").match(/^export \*.*$/gm) ?? [], ns.file).toEqual([]);
      }
    });
    for (const [file, names] of lists) {
      it(`re-exports every value and type of ${file} (but those NOT_PUBLIC lists, and registry lists)`, async () => {
        const mod = await import(`../${file}`) as Record<string, unknown>;
        const hidden = new Set(NOT_PUBLIC[file]?.names ?? []);
        const values = Object.keys(mod).filter((k) => !hidden.has(k) && !REGISTRY_LISTS.has(k));
        const types = typesOf(file).filter((k) => !hidden.has(k));
        expect(sorted(names.values), `${barrel}: the values of ${file}`).toEqual(sorted(values));
        expect(sorted(names.types), `${barrel}: the types of ${file}`).toEqual(sorted(types));
      });
    }
    it("exports, at run time, exactly the values it lists", async () => {
      const mod = await import(`../${barrel}`) as Record<string, unknown>;
      const all = [...[...lists.values()].flatMap((l) => l.values), ...namespaces.map((ns) => ns.name)];
      expect(new Set(all).size, "a name listed twice").toBe(all.length);
      expect(sorted(Object.keys(mod))).toEqual(sorted(all));
    });
  });
}
