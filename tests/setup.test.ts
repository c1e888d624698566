/**
 * scripts/setup.sh as a new user account meets it: with an empty HOME and no Jupyter or Deno
 * variables it succeeds (the project's kernelspecs live in .jupyter/), and a failing step ends with
 * one line saying what failed and what to run, never silently.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;

function setup(cwd: string, env: Record<string, string>) {
  const r = spawnSync("/bin/bash", [join(cwd, "scripts/setup.sh")], {
    cwd: tmpdir(),
    encoding: "utf8",
    env,
    timeout: 120_000,
  });
  return { status: r.status, lines: (r.stderr + r.stdout).split("\n").filter((l) => l.trim() !== "") };
}

describe("scripts/setup.sh for a new account", () => {
  it("succeeds with an empty HOME and no JUPYTER_*/DENO_DIR, with the project's kernelspecs in .jupyter/", () => {
    const home = mkdtempSync(join(tmpdir(), "smallness-home-"));
    try {
      const r = setup(ROOT, { HOME: home, PATH: process.env.PATH ?? "/usr/bin:/bin" });
      expect(r.status, r.lines.join("\n")).toBe(0);
      for (const line of r.lines) expect(line).toMatch(/^setup: /);
      expect(readFileSync(join(ROOT, ".jupyter/kernels/deno/kernel.json"), "utf8")).toContain(
        join(ROOT, "node_modules/.bin/deno"),
      );
      expect(readFileSync(join(ROOT, ".jupyter/kernels/tslab/kernel.json"), "utf8")).toContain("tslab-kernel.cjs");
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("without Node.js on PATH, says so in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "smallness-nonode-"));
    try {
      const bin = join(dir, "bin");
      mkdirSync(bin);
      for (const tool of ["bash", "sha256sum", "cut", "cat", "dirname", "id", "sed", "head", "grep", "mkdir"]) {
        const found = spawnSync("/bin/bash", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
        if (found) symlinkSync(found, join(bin, tool));
      }
      const r = setup(ROOT, { HOME: dir, PATH: bin });
      expect(r.status).toBe(1);
      expect(r.lines).toEqual([
        expect.stringMatching(/^setup: Node.js is not on PATH; install Node.js >= 20 .*run: npm run setup$/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a step that fails ends with one line naming the step and what to run", () => {
    // A copy of the scripts whose .jupyter is a file, so writing the project's kernelspec fails.
    const dir = mkdtempSync(join(tmpdir(), "smallness-setupfail-"));
    try {
      cpSync(join(ROOT, "scripts"), join(dir, "scripts"), { recursive: true });
      cpSync(join(ROOT, "package-lock.json"), join(dir, "package-lock.json"));
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
      writeFileSync(join(dir, ".jupyter"), "not a folder");
      const r = setup(dir, { HOME: dir, PATH: process.env.PATH ?? "/usr/bin:/bin" });
      expect(r.status).not.toBe(0);
      expect(r.lines.at(-1)).toMatch(
        /^setup: failed while writing the project's Deno kernelspec \(\.jupyter\/kernels\/deno\) \(`.*` exited with status \d+\); make the checkout writable, then run: npm run setup$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("scripts/setup.sh and apt's lock", () => {
  // A stand-in apt-get first on PATH: it answers as Debian's does while another process holds dpkg's
  // lock, `locked` times, then succeeds. The packages are forced (SMALLNESS_SETUP_FORCE_APT) so the apt
  // path runs although everything is installed; nothing is installed.
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  function fakeApt(locked: number) {
    const dir = mkdtempSync(join(tmpdir(), "smallness-apt-"));
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(
      join(bin, "apt-get"),
      `#!/bin/bash
n=$(cat ${dir}/calls 2>/dev/null || echo 0); echo $((n + 1)) > ${dir}/calls
if [ "$n" -lt ${locked} ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
  echo "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" >&2
  exit 100
fi
exit 0
`,
      { mode: 0o755 },
    );
    return { dir, bin, calls: () => Number(readFileSync(join(dir, "calls"), "utf8")) };
  }
  it.skipIf(!root)("waits for the lock with one message, then installs", () => {
    const apt = fakeApt(2);
    try {
      const r = setup(ROOT, {
        HOME: apt.dir,
        PATH: `${apt.bin}:${process.env.PATH}`,
        SMALLNESS_SETUP_FORCE_APT: "smallness-test-package",
        SMALLNESS_APT_WAIT: "30",
      });
      expect(r.status, r.lines.join("\n")).toBe(0);
      expect(r.lines).toContain("setup: waiting for apt's lock (held by process 4242 (apt-get)), up to 30 s");
      expect(r.lines.filter((l) => l.includes("waiting"))).toHaveLength(1);
      expect(apt.calls()).toBe(4); // update twice locked, then update and install
    } finally {
      rmSync(apt.dir, { recursive: true, force: true });
    }
  });
  it.skipIf(!root)("gives up after SMALLNESS_APT_WAIT seconds, saying who holds the lock", () => {
    const apt = fakeApt(1000);
    try {
      const r = setup(ROOT, {
        HOME: apt.dir,
        PATH: `${apt.bin}:${process.env.PATH}`,
        SMALLNESS_SETUP_FORCE_APT: "smallness-test-package",
        SMALLNESS_APT_WAIT: "2",
      });
      expect(r.status).not.toBe(0);
      expect(r.lines).toContain(
        "setup: apt's lock is still held after 2 s (held by process 4242 (apt-get)); wait for it to finish, then rerun",
      );
    } finally {
      rmSync(apt.dir, { recursive: true, force: true });
    }
  });
});

describe("a read-only checkout", () => {
  // A copy of the checkout set up once, then bind-mounted read-only onto itself (needs root): set-up
  // has nothing to write and succeeds, and a notebook executes to a file outside it.
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  it.skipIf(!root)("runs set-up and executes a notebook to --out elsewhere", () => {
    const dir = mkdtempSync(join(tmpdir(), "smallness-ro-"));
    const out = join(mkdtempSync(join(tmpdir(), "smallness-ro-out-")), "01.ipynb");
    let mounted = false;
    try {
      for (
        const f of ["scripts", "src", "data", "notebooks", "patches", "deno.json", "package.json", "package-lock.json"]
      ) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
      expect(setup(dir, { HOME: dir, PATH: process.env.PATH ?? "/usr/bin:/bin" }).status).toBe(0);
      const kernel = readFileSync(join(dir, ".jupyter/kernels/deno/kernel.json"), "utf8");
      execFileSync("mount", ["--bind", dir, dir]);
      mounted = true;
      execFileSync("mount", ["-o", "remount,bind,ro", dir]);
      expect(() => writeFileSync(join(dir, "probe"), "x")).toThrow(/EROFS|read-only/i);
      const r = setup(dir, { HOME: dir, PATH: process.env.PATH ?? "/usr/bin:/bin" });
      expect(r.status, r.lines.join("\n")).toBe(0);
      expect(readFileSync(join(dir, ".jupyter/kernels/deno/kernel.json"), "utf8")).toBe(kernel);
      const nb = spawnSync("bash", [join(dir, "scripts/nb"), "execute", "01_introduction", "--out", out], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(nb.status, nb.stderr + nb.stdout).toBe(0);
      // --out writes the whole execution, worked solutions included; the committed students' notebook is the
      // same cells without those tagged "solution" (scripts/notebooks.py student_edition)
      type Cell = { metadata?: { tags?: string[] } };
      const cells = (path: string) =>
        (JSON.parse(readFileSync(path, "utf8")) as { cells: Cell[] }).cells.filter((c) =>
          !(c.metadata?.tags ?? []).includes("solution")
        );
      expect(cells(out)).toEqual(cells(join(ROOT, "notebooks/01_introduction.ipynb")));
    } finally {
      if (mounted) execFileSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(out, ".."), { recursive: true, force: true });
    }
  });
});
