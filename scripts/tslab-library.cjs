/*
 * The library as tslab's kernels load it: compiled once, not once per kernel.
 *
 * Unpatched, a tslab kernel compiles every module a cell imports in the same TypeScript program as the
 * cell: a notebook's first `import … from "../src/mod"` type-checks and emits the whole library (about
 * 100 files, 10–14 CPU-seconds), in every kernel. Here the library is compiled once per version of its
 * sources, with tslab's own TypeScript and compiler options, into .patched/tslab-library/<stamp>/:
 *   - src/**.d.ts, the declarations the kernels' compiler reads in place of the sources (their types are
 *     the sources' own, emitted by the compiler that checked them);
 *   - src/**.js, CommonJS, as tslab would emit each imported module (ES module output converted by
 *     tslab's own esModuleToCommonJSModule), with `import.meta.url` the source file's own URL, so a module
 *     finds data beside it exactly as under Deno.
 * Nothing a kernel reported is lost: tslab shows no diagnostic of a file outside the notebook's folder
 * (dist/converter.js, convertDiagnostics), so the library's own type errors never reached a cell; the
 * project's type check is `deno check` (npm test). The stamp is a SHA-256 of the sources, the tslab and TypeScript versions, Node's major
 * version and the checkout's path: a changed source gives a new folder (older ones are removed).
 *
 * `install(root)` then makes the running process (a tslab kernel, see scripts/tslab-kernel.cjs) use it:
 * the compiler sees `<root>/src/X.d.ts` (served from the folder) and no `<root>/src/X.ts`, and Node's
 * `require` of a path under `<root>/src` loads the compiled `X.js`.
 *
 * Command line (scripts/setup.sh): `node scripts/tslab-library.cjs build` compiles if needed and prints
 * the folder. Private to the project's tslab kernel.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const Module = require("node:module");
const { pathToFileURL } = require("node:url");

/**
 * The modules the notebooks import (`from "../src/…"` in notebooks/src/*.md, and src/mod.ts): the library
 * compiled is what they reach. Read from the notebooks' sources, so a notebook importing another module is
 * compiled for without a list to keep up to date.
 */
function entries(root) {
  const found = new Set(["src/mod.ts"]);
  const dir = path.join(root, "notebooks", "src");
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".md")).sort() : []) {
    for (const m of fs.readFileSync(path.join(dir, f), "utf8").matchAll(/from "\.\.\/(src\/[\w/]+)"/g)) {
      found.add(`${m[1]}.ts`);
    }
  }
  return [...found].sort();
}

function sourceFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function requireFrom(root, id) {
  return Module.createRequire(path.join(root, "package.json"))(id);
}

/** The folder for the current sources (it may not exist yet). */
function folderFor(root) {
  const ts = requireFrom(root, "@tslab/typescript-for-tslab");
  const tslab = JSON.parse(fs.readFileSync(path.join(root, ".patched/node_modules/tslab/package.json"), "utf8"));
  const h = crypto.createHash("sha256");
  h.update(`${ts.version}\0${tslab.version}\0${process.versions.node.split(".")[0]}\0${root}\0`);
  h.update(`${entries(root).join("\0")}\0`);
  h.update(fs.readFileSync(__filename));
  for (const f of sourceFiles(path.join(root, "src"))) {
    h.update(path.relative(root, f));
    h.update("\0");
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return path.join(root, ".patched", "tslab-library", h.digest("hex").slice(0, 16));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/**
 * Compiles the library into its folder unless it is there; returns the folder. While another process
 * compiles the same folder (its pid in `<folder>.lock`), waits for it, up to five minutes; a lock whose
 * process has ended is taken over.
 */
function build(root) {
  const dest = folderFor(root);
  const done = path.join(dest, ".complete");
  const lock = `${dest}.lock`;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  for (const start = Date.now(); !fs.existsSync(done);) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(lock, "utf8"));
      if (holder > 0 && alive(holder) && Date.now() - start < 300_000) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      } else fs.rmSync(lock, { force: true });
      continue;
    }
    try {
      if (!fs.existsSync(done)) compile(root, dest);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }
  return dest;
}

function compile(root, dest) {
  const ts = requireFrom(root, "@tslab/typescript-for-tslab");
  const { esModuleToCommonJSModule } = require(path.join(root, ".patched/node_modules/tslab/dist/converter.js"));
  // tslab's options (dist/converter.js, createConverter) for Node.js ≥ 18: ES2022, Node10 resolution.
  const target = ts.ScriptTarget.ES2022;
  const options = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target,
    lib: ["lib.es2022.d.ts"],
    declaration: true,
    newLine: ts.NewLineKind.LineFeed,
    noImplicitUseStrict: true,
    ignoreDeprecations: "5.0",
    experimentalDecorators: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    rootDir: root,
    outDir: dest,
    typeRoots: [path.join(root, "node_modules", "@types")],
  };
  const program = ts.createProgram(
    entries(root).map((e) => path.join(root, e)).filter((f) => fs.existsSync(f)),
    options,
  );
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const srcDir = path.join(root, "src") + path.sep;
  const written = [];
  program.emit(undefined, (fileName, data) => {
    const rel = path.relative(dest, fileName);
    if (rel.startsWith("..")) throw new Error(`unexpected emit path: ${fileName}`);
    let text = data;
    if (fileName.endsWith(".js")) {
      const source = path.join(root, rel.replace(/\.js$/, ".ts"));
      const url = JSON.stringify(pathToFileURL(source).href);
      text = esModuleToCommonJSModule(data, target)
        .replace(/\bimport\.meta\.url\b/g, url)
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(source))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(source)));
    } else if (!fileName.endsWith(".d.ts")) return;
    const out = path.join(tmp, rel);
    if (!out.startsWith(path.join(tmp, "src") + path.sep) || !path.join(root, rel).startsWith(srcDir)) return;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    written.push(rel);
  });
  // The project's package.json says "type": "module"; these files are CommonJS.
  fs.writeFileSync(path.join(tmp, "package.json"), '{ "type": "commonjs" }\n');
  fs.writeFileSync(path.join(tmp, ".complete"), `${written.length} files\n`);
  fs.rmSync(dest, { recursive: true, force: true }); // a folder left without .complete by an interrupted run
  fs.renameSync(tmp, dest);
  // Older versions are removed, but for the two newest: a kernel started before the sources changed
  // may still read its own.
  const parent = path.dirname(dest);
  const others = fs.readdirSync(parent).map((name) => path.join(parent, name))
    .filter((p) => p !== dest && !p.endsWith(".lock"))
    .map((p) => ({ p, t: fs.statSync(p).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { p } of others.slice(2)) fs.rmSync(p, { recursive: true, force: true });
}

/** Makes this process's TypeScript (tslab's) and `require` use the compiled library of `root`. */
function install(root) {
  const dest = build(root);
  const ts = requireFrom(root, "@tslab/typescript-for-tslab");
  const src = path.join(root, "src");
  const under = (p) => p.startsWith(src + path.sep);
  const mapped = (p) => path.join(dest, path.relative(root, p));
  const sys = ts.sys;
  const { fileExists, readFile, getModifiedTime } = sys;
  sys.fileExists = (p) => {
    const n = path.resolve(p);
    if (!under(n)) return fileExists.call(sys, p);
    return n.endsWith(".d.ts") && fs.existsSync(mapped(n));
  };
  sys.readFile = (p, encoding) => {
    const n = path.resolve(p);
    if (!under(n)) return readFile.call(sys, p, encoding);
    return n.endsWith(".d.ts") ? readFile.call(sys, mapped(n), encoding) : undefined;
  };
  if (getModifiedTime) {
    sys.getModifiedTime = (p) => {
      const n = path.resolve(p);
      return under(n) ? getModifiedTime.call(sys, mapped(n)) : getModifiedTime.call(sys, p);
    };
  }
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (typeof request === "string" && (request.startsWith(".") || path.isAbsolute(request))) {
      const base = parent && parent.filename ? path.dirname(parent.filename) : process.cwd();
      const target = path.resolve(base, request);
      if (under(target) || target === src) {
        const js = mapped(target.replace(/\.(ts|js)$/, "")) + ".js";
        if (fs.existsSync(js)) return js;
        const index = path.join(mapped(target), "index.js");
        if (fs.existsSync(index)) return index;
      }
    }
    return resolveFilename.call(this, request, parent, ...rest);
  };
  return dest;
}

module.exports = { build, install, folderFor };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  if (process.argv[2] !== "build") {
    console.error("usage: node scripts/tslab-library.cjs build");
    process.exit(2);
  }
  try {
    console.log(path.relative(root, build(root)));
  } catch (e) {
    console.error(`scripts/tslab-library.cjs: ${e.message}`);
    process.exit(1);
  }
}
