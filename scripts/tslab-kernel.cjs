#!/usr/bin/env node
/*
 * Starts tslab's Jupyter kernel (Node.js TypeScript) so that notebooks in notebooks/ can import the
 * library as `../src/mod`, exactly as under Deno. The tslab kernelspec that scripts/setup.sh installs
 * runs this file: `node scripts/tslab-kernel.cjs kernel --config-path {connection_file}`.
 *
 * Why it is needed: tslab 1.0.22 compiles each cell as `<cwd>/__tslab__.ts` with TypeScript's
 * `rootDir` set to the kernel's working directory, which Jupyter sets to the notebook's folder. A cell
 * that imports `../src/mod` then fails with "File '…/src/mod.ts' is not under 'rootDir'". This
 * launcher widens `rootDir` to the project root (the folder above this script) when the kernel runs
 * inside the project, and maps the compiled files back to their real paths. It also fixes a tslab
 * bug: a shorthand property (`f({ alphaC })`) naming a variable of an earlier cell was left
 * unrewritten and threw a ReferenceError; and it rewrites `import.meta.url` (and `.dirname`,
 * `.filename`) in library modules, which tslab compiles to CommonJS. All are small patches to tslab's `dist/converter.js`,
 * applied as Node loads it. Each must apply exactly once, else the launcher stops with an error
 * naming the tslab version it expects (pinned in package.json). Outside the project, rootDir stays
 * the working directory.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const EXPECTED_TSLAB = "1.0.22";
const projectRoot = path.resolve(__dirname, "..");
const requireHere = Module.createRequire(path.join(projectRoot, "package.json"));
const converterPath = requireHere.resolve("tslab/dist/converter.js");
const tslabVersion = requireHere("tslab/package.json").version;

const PATCHES = [
  [
    "const cwd = ts.sys.getCurrentDirectory();",
    "const cwd = ts.sys.getCurrentDirectory();\n" +
      "    const __rootDir = __smallnessRootDir(cwd);\n" +
      "    const __cwdRel = path_1.default.relative(__rootDir, cwd);",
  ],
  [
    'const dstFilename = (0, tspath_1.normalizeJoin)(outDir, "__tslab__.js");',
    'const dstFilename = (0, tspath_1.normalizeJoin)(outDir, __cwdRel, "__tslab__.js");',
  ],
  [
    'const dstDeclFilename = (0, tspath_1.normalizeJoin)(outDir, "__tslab__.d.ts");',
    'const dstDeclFilename = (0, tspath_1.normalizeJoin)(outDir, __cwdRel, "__tslab__.d.ts");',
  ],
  ["rootDir: cwd,", "rootDir: __rootDir,"],
  ["path: (0, tspath_1.normalizeJoin)(cwd, rel),", "path: (0, tspath_1.normalizeJoin)(__rootDir, rel),"],
  // Shorthand properties: `f({ alphaC })` where `alphaC` was declared in an earlier cell compiles to
  // `f({ alphaC })` instead of `f({ alphaC: exports.alphaC })`, a ReferenceError at run time.
  [
    "function wrapPrevIdentifier(node) {\n            var _a, _b;\n",
    "function wrapPrevIdentifier(node) {\n            var _a, _b;\n" +
      "            if (ts.isShorthandPropertyAssignment(node) && !node.objectAssignmentInitializer) {\n" +
      "                const value = checker.getShorthandAssignmentValueSymbol(node);\n" +
      "                if (((value && value.declarations) || []).some((d) => d.getSourceFile() === declsFile)) {\n" +
      "                    return ts.factory.createPropertyAssignment(node.name.text, ts.factory.createPropertyAccessExpression(ts.factory.createIdentifier(\"exports\"), node.name.text));\n" +
      "                }\n" +
      "                return node;\n" +
      "            }\n",
  ],
  // `import.meta` in a library module: tslab compiles modules to CommonJS, where `import.meta` is a
  // syntax error (Node then retries the file as an ES module and fails on `exports`). Rewrite the
  // three forms Node knows to their CommonJS equivalents.
  [
    "data: esModuleToCommonJSModule(data, transpileTarget),",
    "data: __smallnessImportMeta(esModuleToCommonJSModule(data, transpileTarget)),",
  ],
];

/** `import.meta.url`, `.dirname` and `.filename` in CommonJS terms. */
function importMetaToCommonJs(code) {
  return code
    .replace(/\bimport\.meta\.url\b/g, 'require("node:url").pathToFileURL(__filename).href')
    .replace(/\bimport\.meta\.dirname\b/g, "__dirname")
    .replace(/\bimport\.meta\.filename\b/g, "__filename");
}

/** The rootDir to compile with: the project root when `cwd` lies inside it, else `cwd`. */
function rootDirFor(cwd) {
  const rel = path.relative(projectRoot, cwd);
  return rel.startsWith("..") || path.isAbsolute(rel) ? cwd : projectRoot.split(path.sep).join("/");
}

function patchConverter(source) {
  let out = source;
  for (const [from, to] of PATCHES) {
    const count = out.split(from).length - 1;
    if (count !== 1) {
      throw new Error(
        `scripts/tslab-kernel.cjs: cannot patch tslab ${tslabVersion} (expected ${EXPECTED_TSLAB}): ` +
          `${JSON.stringify(from)} occurs ${count} times in ${converterPath}`,
      );
    }
    out = out.replace(from, () => to);
  }
  return out;
}

globalThis.__smallnessRootDir = rootDirFor;
globalThis.__smallnessImportMeta = importMetaToCommonJs;
const loadJs = Module._extensions[".js"];
Module._extensions[".js"] = function (module, filename) {
  if (filename === converterPath) {
    module._compile(patchConverter(fs.readFileSync(filename, "utf8")), filename);
    return;
  }
  return loadJs(module, filename);
};

requireHere("tslab/dist/main.js").main();
