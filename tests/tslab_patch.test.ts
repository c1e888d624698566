/**
 * The tslab patch (patches/tslab+1.0.22.patch): it applies cleanly to the installed, pristine tslab;
 * scripts/setup.sh has applied it to the copy the kernel runs (.patched/) and left the shared
 * node_modules untouched; and each of its three fixes does what the patch says, checked on the copy's
 * converter in a Node.js child process (as the kernel runs it).
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(".");
const PATCH = "patches/tslab+1.0.22.patch";
const COPY = ".patched/node_modules/tslab";
const CONVERTER = "dist/converter.js";

/** Compiles `cells` one after another with the patched converter, in `cwd`; returns each cell's JS or errors. */
function compile(cells: string[], cwd: string, rootDir?: string): { output: string; errors: string[] }[] {
  const script = `
    const c = require(${
    JSON.stringify(join(ROOT, COPY, CONVERTER))
  }).createConverter({ isJS: false, isBrowser: false });
    let prev = "";
    const out = [];
    for (const src of JSON.parse(process.argv[1])) {
      const r = c.convert(prev, src);
      out.push({ output: r.output || "", errors: r.diagnostics.map((d) => d.messageText) });
      if (r.declOutput) prev = r.declOutput;
    }
    process.stdout.write(JSON.stringify(out));
    process.exit(0);`;
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.TSLAB_ROOT_DIR;
  if (rootDir) env.TSLAB_ROOT_DIR = rootDir;
  return JSON.parse(execFileSync("node", ["-e", script, JSON.stringify(cells)], { cwd, env, encoding: "utf8" }));
}

describe("the tslab patch", () => {
  it("applies cleanly to the installed tslab 1.0.22, giving the copy set-up made", () => {
    expect(JSON.parse(readFileSync("node_modules/tslab/package.json", "utf8")).version).toBe("1.0.22");
    const dir = mkdtempSync(join(tmpdir(), "smallness-tslab-"));
    try {
      cpSync("node_modules/tslab/dist", join(dir, "dist"), { recursive: true });
      execFileSync("patch", ["--quiet", "--forward", "-p1", "-d", dir, "-i", resolve(PATCH)]);
      expect(readFileSync(join(dir, CONVERTER), "utf8")).toBe(readFileSync(join(COPY, CONVERTER), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("leaves the installed (shared) tslab as published", () => {
    const installed = readFileSync(join("node_modules/tslab", CONVERTER), "utf8");
    expect(installed).not.toContain("TSLAB_ROOT_DIR");
    expect(installed).toContain("rootDir: cwd,");
  });
  it("fix 1: with TSLAB_ROOT_DIR a cell imports a module above the notebook's folder; without it, tslab's error", () => {
    const cell = 'import { formatFraction } from "../src/_util/format";\nconst half = formatFraction(0.5);';
    expect(compile([cell], join(ROOT, "notebooks"), ROOT)[0].errors).toEqual([]);
    expect(compile([cell], join(ROOT, "notebooks"))[0].errors.join()).toMatch(/is not under 'rootDir'/);
  });
  it("fix 2: a shorthand property naming an earlier cell's variable reads it from the cells' exports", () => {
    const [, second] = compile(
      ["const alphaC = 1 / 3;", "const settings = { alphaC };"],
      join(ROOT, "notebooks"),
      ROOT,
    );
    expect(second.errors).toEqual([]);
    expect(second.output).toMatch(/alphaC: exports\.alphaC/);
  });
  it("fix 3: import.meta in an imported module becomes its CommonJS equivalent", () => {
    const patched = readFileSync(join(COPY, CONVERTER), "utf8");
    // the rewrite, taken from the patched file and run on a module's text
    const body = /function importMetaToCommonJS\(js\) \{\n([\s\S]*?)\n\}/.exec(patched)![1];
    const rewrite = new Function("js", body) as (js: string) => string;
    expect(rewrite("const u = import.meta.url, d = import.meta.dirname, f = import.meta.filename;"))
      .toBe('const u = require("node:url").pathToFileURL(__filename).href, d = __dirname, f = __filename;');
  });
});
