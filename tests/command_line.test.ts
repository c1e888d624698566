/**
 * The project's commands as a careless user meets them: an unknown option is refused in one line that
 * lists the valid ones (exit status 2) before anything runs; an output folder that holds committed files
 * is refused; a full disk is answered in one line naming the file, with every file as it was.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const DENO = join(ROOT, "node_modules/.bin/deno");

function run(script: string, args: string[], cwd = tmpdir()) {
  const r = spawnSync(DENO, ["run", "-A", join(ROOT, script), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const lines = (r.stderr + r.stdout).split("\n").filter((l) => l.trim() !== "");
  return { status: r.status, lines, text: lines.join("\n") };
}

describe("an unknown option or argument is refused in one line listing the valid ones", () => {
  const cases: [string, string, string[], string][] = [
    [
      "reproduce --x",
      "scripts/reproduce.ts",
      ["--x"],
      "reproduce: unknown option --x; valid options: --no-notebooks, --artifacts-only",
    ],
    [
      "reproduce --no-notebooks=1",
      "scripts/reproduce.ts",
      ["--no-notebooks=1"],
      "reproduce: --no-notebooks takes no value; valid options: --no-notebooks, --artifacts-only",
    ],
    [
      "site --nonsense",
      "scripts/site.ts",
      ["--nonsense"],
      "site: unknown option --nonsense; valid options: --student, --out VALUE",
    ],
    [
      "site --out (no value)",
      "scripts/site.ts",
      ["--out"],
      "site: --out needs a value; valid options: --student, --out VALUE",
    ],
    [
      "site with a stray argument",
      "scripts/site.ts",
      ["extra"],
      'site: unexpected argument "extra"; valid options: --student, --out VALUE',
    ],
    ["bench --x", "scripts/bench.ts", ["--x"], "bench: unknown option --x; valid options: --no-reproduce"],
    ["train --x", "scripts/train.ts", ["--x"], 'train: unknown experiment "--x"; valid: '],
    [
      "train lm --x",
      "scripts/train.ts",
      ["lm", "--x"],
      "train lm: unknown option --x; valid options: --reduced, --fresh, --workers VALUE",
    ],
    [
      "train teacher-student --workers without a value",
      "scripts/train.ts",
      ["teacher-student", "--workers"],
      "train teacher-student: --workers needs a value; valid options: --fresh, --reduced, --refit, --workers VALUE, --only VALUE",
    ],
    [
      "train teacher-student --workers=0",
      "scripts/train.ts",
      ["teacher-student", "--workers=0"],
      "train teacher-student: `--workers` must be an integer in [1, 16], got 0",
    ],
  ];
  for (const [what, script, args, message] of cases) {
    it(what, () => {
      const r = run(script, args);
      expect(r.status, r.text).toBe(2);
      expect(r.lines, r.text).toHaveLength(1);
      expect(r.lines[0].startsWith(message), r.text).toBe(true);
    });
  }
  it("bench with an unknown benchmark names the benchmarks", () => {
    const r = run("scripts/bench.ts", ["nope"]);
    expect(r.status).toBe(2);
    expect(r.lines).toEqual([
      expect.stringMatching(/^bench: no benchmark named "nope"; the benchmarks are: artifacts, chinchilla, /),
    ]);
  });
});

describe("site --out never empties a folder that holds committed files", () => {
  for (
    const [what, out, message] of [
      [
        "notebooks/",
        "notebooks",
        /^site: --out .*\/notebooks holds committed files \(notebooks\/01_introduction.ipynb\)/,
      ],
      ["the repository itself", ".", /^site: --out .* would empty the repository/],
      ["a folder above the repository", "..", /^site: --out .* would empty the repository/],
      ["src/figures", "src/figures", /^site: --out .*src\/figures holds committed files/],
    ] as [string, string, RegExp][]
  ) {
    it(what, () => {
      const before = readdirSync(join(ROOT, out === "." || out === ".." ? "." : out)).sort();
      const r = run("scripts/site.ts", ["--out", out], ROOT);
      expect(r.status, r.text).toBe(2);
      expect(r.lines).toEqual([expect.stringMatching(message)]);
      expect(readdirSync(join(ROOT, out === "." || out === ".." ? "." : out)).sort()).toEqual(before);
    });
  }
});

describe("a full disk during npm run reproduce", () => {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  it.skipIf(!root)("is answered in one line naming the file, and every file is as it was", () => {
    // A copy of the repository whose data/ is a small tmpfs holding the data files and a filler up to the
    // brim: the first table written fails (needs root to mount; skipped otherwise).
    const dir = mkdtempSync(join(tmpdir(), "smallness-full-"));
    let mounted = false;
    try {
      for (const f of ["src", "scripts", "figures", "deno.json", "package.json"]) {
        cpSync(join(ROOT, f), join(dir, f), { recursive: true });
      }
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
      mkdirSync(join(dir, "data"));
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", join(dir, "data")]);
      mounted = true;
      cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
      try {
        for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, "data", `filler${i}`), Buffer.alloc(65_536));
      } catch { /* full */ }
      try {
        for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, "data", `small${i}`), Buffer.alloc(512));
      } catch { /* full to the last block */ }
      const snapshot = () =>
        readdirSync(join(dir, "data")).filter((f) => f.endsWith(".csv")).sort().map((
          f,
        ) => [f, readFileSync(join(dir, "data", f), "utf8")]);
      const before = snapshot();
      const r = spawnSync(DENO, ["run", "-A", join(dir, "scripts/reproduce.ts"), "--no-notebooks"], {
        cwd: tmpdir(),
        encoding: "utf8",
        timeout: 120_000,
      });
      const lines = (r.stderr + r.stdout).split("\n").filter((l) =>
        l.trim() !== "" && !l.startsWith("table ") && !l.startsWith("figure ")
      );
      expect(r.status, lines.join("\n")).not.toBe(0);
      expect(lines, r.stderr).toEqual([
        expect.stringMatching(
          new RegExp(
            `^reproduce: cannot write ${dir}/data/\\w+\\.csv \\(ENOSPC: no space left on device\\); the file is as it was$`,
          ),
        ),
      ]);
      expect(snapshot()).toEqual(before);
      expect(readdirSync(join(dir, "data")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    } finally {
      if (mounted) execFileSync("umount", [join(dir, "data")]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
