/**
 * scripts/tslab-library.cjs: the library compiled once for tslab's kernels. Checked on a small project of its
 * own (four source files and a notebook source importing two of them, in a temporary folder that borrows node_modules and the patched tslab): the compile
 * writes declarations and CommonJS for each source, a kernel's compiler then reads the declarations (a type
 * error in a cell is still reported), `require` loads the compiled module with `import.meta.url` naming its
 * source, and a changed source is compiled into a new folder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(".");
const LIBRARY = join(ROOT, "scripts", "tslab-library.cjs");
let root = "";

/** Runs `script` in a Node.js child with `lib` the tslab-library module, in `cwd`; returns its stdout. */
function node(script: string, cwd = root): string {
  return execFileSync("node", ["-e", `const lib = require(${JSON.stringify(LIBRARY)});\n${script}`], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TSLAB_ROOT_DIR: root },
  });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "smallness-tslab-library-"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, ".patched", "node_modules"), { recursive: true });
  symlinkSync(join(ROOT, ".patched", "node_modules", "tslab"), join(root, ".patched", "node_modules", "tslab"));
  mkdirSync(join(root, "src", "figures"), { recursive: true });
  mkdirSync(join(root, "notebooks", "src"), { recursive: true });
  // what the notebooks import decides what is compiled: src/mod.ts, and these two
  writeFileSync(
    join(root, "notebooks", "src", "01_x.md"),
    '```ts\nimport { shown } from "../src/display";\nimport { double } from "../src/figures/mod";\n```\n',
  );
  writeFileSync(
    join(root, "src", "mod.ts"),
    'export { twice } from "./_twice";\n/** Where this module is. */\nexport const here: string = import.meta.url;\n',
  );
  writeFileSync(
    join(root, "src", "_twice.ts"),
    "/** 2x. */\nexport function twice(x: number): number {\n  return 2 * x;\n}\n",
  );
  writeFileSync(join(root, "src", "display.ts"), "export const shown = true;\n");
  writeFileSync(join(root, "src", "figures", "mod.ts"), 'export { twice as double } from "../_twice";\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the library compiled for tslab's kernels", () => {
  it("writes declarations and CommonJS for every source the entry points reach, in a folder named by its stamp", () => {
    const folder = node("process.stdout.write(lib.build(process.cwd()));").trim();
    expect(folder.startsWith(join(root, ".patched", "tslab-library") + "/")).toBe(true);
    for (const f of ["mod", "_twice", "display", "figures/mod"]) {
      expect(existsSync(join(folder, "src", `${f}.d.ts`)), f).toBe(true);
      expect(existsSync(join(folder, "src", `${f}.js`)), f).toBe(true);
    }
    expect(readFileSync(join(folder, "src", "_twice.d.ts"), "utf8")).toContain("twice(x: number): number");
    expect(readFileSync(join(folder, "src", "mod.js"), "utf8")).toContain(
      JSON.stringify(pathToFileURL(join(root, "src", "mod.ts")).href),
    );
  });

  it("gives a kernel the declarations for type checks and the compiled modules for require", () => {
    const out = JSON.parse(node(
      `lib.install(${JSON.stringify(root)});
      const c = require(${JSON.stringify(join(ROOT, ".patched/node_modules/tslab/dist/converter.js"))})
        .createConverter({ isJS: false, isBrowser: false });
      const ok = c.convert("", 'import { twice } from "../src/mod";\\nconst y: number = twice(2);');
      const bad = c.convert("", 'import { twice } from "../src/mod";\\nconst z: string = twice(2);');
      const m = require("../src/mod");
      process.stdout.write(JSON.stringify({
        ok: ok.diagnostics.map((d) => d.messageText), bad: bad.diagnostics.map((d) => d.messageText),
        side: (ok.sideOutputs || []).length, value: m.twice(21), here: m.here,
        file: require.resolve("../src/mod"),
      }));
      process.exit(0);`,
      join(root, "notebooks"),
    ));
    expect(out.ok).toEqual([]);
    expect(out.bad.join()).toMatch(/Type 'number' is not assignable to type 'string'/);
    expect(out.side).toBe(0); // the library is not compiled again in the kernel
    expect(out.value).toBe(42);
    expect(out.here).toBe(pathToFileURL(join(root, "src", "mod.ts")).href);
    expect(out.file.startsWith(join(root, ".patched", "tslab-library"))).toBe(true);
  });

  it("compiles a changed source into a new folder and keeps the previous one for kernels already running", () => {
    const before = node("process.stdout.write(lib.build(process.cwd()));").trim();
    writeFileSync(join(root, "src", "display.ts"), "export const shown = false;\n");
    const after = node("process.stdout.write(lib.build(process.cwd()));").trim();
    expect(after).not.toBe(before);
    expect(readFileSync(join(after, "src", "display.js"), "utf8")).toContain("false");
    expect(existsSync(before)).toBe(true);
  });
});
