#!/usr/bin/env node
/*
 * Starts tslab's Jupyter kernel (Node.js TypeScript) so that notebooks in notebooks/ can import the
 * library as `../src/mod`, exactly as under Deno. The tslab kernelspec that scripts/setup.sh installs
 * runs this file: `node scripts/tslab-kernel.cjs kernel --config-path {connection_file}`.
 *
 * It runs a patched copy of tslab 1.0.22, not the installed package: scripts/setup.sh copies
 * node_modules/tslab to .patched/node_modules/tslab (git-ignored) and applies
 * patches/tslab+1.0.22.patch to it, which describes each fix (cells importing modules above the
 * notebook's folder, shorthand properties naming an earlier cell's variable, `import.meta` in
 * imported modules). The first fix takes its root from TSLAB_ROOT_DIR, set here to the project root
 * (the folder above this script) unless already set; outside the project, rootDir stays the
 * notebook's folder, as in unpatched tslab. The copy's own dependencies resolve through the project's
 * node_modules; requests for the installed tslab's files are redirected to the copy (below).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const projectRoot = path.resolve(__dirname, "..");
const patched = path.join(projectRoot, ".patched", "node_modules", "tslab");
if (!fs.existsSync(path.join(patched, ".smallness-patched"))) {
  console.error(
    `scripts/tslab-kernel.cjs: the patched tslab is missing (${patched}); run: npm run setup`,
  );
  process.exit(1);
}
if (!process.env.TSLAB_ROOT_DIR) process.env.TSLAB_ROOT_DIR = projectRoot;

// One tslab in the process: a file of the installed package, required from anywhere (src/display.ts
// reaches tslab's display hook through the cell's `require("tslab/dist/jupyter")`), is loaded from the
// patched copy instead, so there is a single instance of each tslab module.
const installed = fs.realpathSync(path.dirname(require.resolve("tslab/package.json", { paths: [projectRoot] })));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  return file.startsWith(installed + path.sep) ? path.join(patched, path.relative(installed, file)) : file;
};
// tslab's own `main()` would hand over to the tslab installed in node_modules (its findLocalStartKernel
// looks for one above the notebook's folder), which is not patched: start the copy's kernel directly.
// `startKernel` is the entry tslab keeps stable for that hand-over. Arguments as in the kernelspec:
// `kernel --config-path FILE` (and `--js` for tslab's JavaScript kernel).
const args = process.argv.slice(2);
const at = args.indexOf("--config-path");
if (args[0] !== "kernel" || at < 0 || !args[at + 1]) {
  console.error("usage: node scripts/tslab-kernel.cjs kernel --config-path CONNECTION_FILE [--js]");
  process.exit(2);
}
// The library compiled once for every kernel (scripts/tslab-library.cjs), not by each kernel's first cell.
// If that cannot be done (a read-only checkout whose sources changed), cells compile it as unpatched tslab does.
try {
  require("./tslab-library.cjs").install(projectRoot);
} catch (e) {
  console.error(`scripts/tslab-kernel.cjs: compiling the library from its sources in this kernel (${e.message})`);
}
require(path.join(patched, "dist", "main.js")).startKernel({
  configPath: args[at + 1],
  enableFindLocal: false,
  jsKernel: args.includes("--js"),
  globalVersion: require(path.join(patched, "package.json")).version,
});
