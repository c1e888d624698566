/**
 * scripts/setup.sh as a new user account meets it: with an empty HOME and no Jupyter or Deno
 * variables it succeeds (the project's kernelspecs live in .jupyter/), and a failing step ends with
 * one line saying what failed and what to run, never silently.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;

function setup(cwd: string, env: Record<string, string>) {
  const r = spawnSync("/bin/bash", [join(cwd, "scripts/setup.sh")], { cwd: tmpdir(), encoding: "utf8", env, timeout: 120_000 });
  return { status: r.status, lines: (r.stderr + r.stdout).split("\n").filter((l) => l.trim() !== "") };
}

describe("scripts/setup.sh for a new account", () => {
  it("succeeds with an empty HOME and no JUPYTER_*/DENO_DIR, with the project's kernelspecs in .jupyter/", () => {
    const home = mkdtempSync(join(tmpdir(), "smallness-home-"));
    try {
      const r = setup(ROOT, { HOME: home, PATH: process.env.PATH ?? "/usr/bin:/bin" });
      expect(r.status, r.lines.join("\n")).toBe(0);
      for (const line of r.lines) expect(line).toMatch(/^setup: /);
      expect(readFileSync(join(ROOT, ".jupyter/kernels/deno/kernel.json"), "utf8")).toContain(join(ROOT, "node_modules/.bin/deno"));
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
      expect(r.lines).toEqual([expect.stringMatching(/^setup: Node.js is not on PATH; install Node.js >= 20 .*run: npm run setup$/)]);
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
