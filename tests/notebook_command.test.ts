/**
 * The notebook command (`npm run notebook --` = scripts/nb → scripts/notebooks.py) as a new user
 * meets it: every mistake is answered in one or two lines, with no Python traceback, and changes no
 * committed file; Ctrl-C during an execution leaves no kernel of ours running and no connection file.
 * The mistakes are refused before any kernel starts, so these tests are fast (one test runs a
 * notebook to see an out-of-range value refused, one is interrupted).
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;

/** SHA-256 of every committed notebook: nothing the command refuses may change them. */
function committed(): Record<string, string> {
  const dir = join(ROOT, "notebooks");
  return Object.fromEntries(
    readdirSync(dir).filter((f) => f.endsWith(".ipynb")).map((
      f,
    ) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]),
  );
}

function nb(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("bash", [join(ROOT, "scripts/nb"), ...args], {
    cwd: tmpdir(), // any working directory
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
  const lines = (r.stderr + r.stdout).split("\n").filter((l) =>
    l.trim() !== "" && !l.includes('"deno jupyter" is unstable')
  );
  return { status: r.status, lines, text: lines.join("\n") };
}

/** As `nb`, without blocking the test worker (so that cases can run concurrently). */
function nbAsync(args: string[], env: Record<string, string> = {}): Promise<ReturnType<typeof nb>> {
  return new Promise((resolve) => {
    const child = spawn("bash", [join(ROOT, "scripts/nb"), ...args], {
      cwd: tmpdir(),
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("close", (status) => {
      const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.includes('"deno jupyter" is unstable'));
      resolve({ status, lines, text: lines.join("\n") });
    });
  });
}

describe("the notebook command answers each mistake in one or two lines and changes nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "smallness-nbcmd-"));
  const out = join(dir, "out.ipynb");
  const notAFolder = join(dir, "file");
  writeFileSync(notAFolder, "x");
  const fifo = join(dir, "fifo");
  execFileSync("mkfifo", [fifo]);
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown notebook (the valid names are listed)",
      ["execute", "no_such_name"],
      /no notebook named 'no_such_name'; the notebooks are: 01_introduction, .*03_pedestal/,
    ],
    [
      "malformed JSON",
      ["execute", "03_pedestal", "--params", "{alphaC: 1}", "--out", out],
      /--params is not valid JSON .*double quotes/,
    ],
    [
      "JSON that is not an object",
      ["execute", "03_pedestal", "--params", "[1]", "--out", out],
      /--params must be a JSON object .*got list/,
    ],
    ["empty --params", ["execute", "03_pedestal", "--params", "", "--out", out], /--params is empty/],
    ["an empty object", ["execute", "03_pedestal", "--params", "{}", "--out", out], /--params is an empty object/],
    [
      "an unknown parameter",
      ["execute", "03_pedestal", "--params", '{"alpha": 0.5}', "--out", out],
      /has no parameter `alpha`; its parameters are: alphaC, /,
    ],
    [
      "a number given as a string",
      ["execute", "03_pedestal", "--params", '{"alphaC": "0.5"}', "--out", out],
      /--params: `alphaC` must be a number, got string/,
    ],
    [
      "a boolean given as a string",
      ["execute", "07_measured_exponents", "--params", '{"full": "false"}', "--out", out],
      /--params: `full` must be a boolean, got string/,
    ],
    ["NaN", ["execute", "03_pedestal", "--params", '{"alphaC": NaN}', "--out", out], /NaN is not a valid value/],
    [
      "--params that would overwrite the committed notebook",
      ["execute", "03_pedestal", "--params", '{"alphaC": 0.5}'],
      /would overwrite the committed notebooks\/03_pedestal.ipynb; add --out PATH \(or --in-place/,
    ],
    [
      "an unwritable --out",
      ["execute", "03_pedestal", "--out", join(notAFolder, "x.ipynb")],
      /--out .* cannot be written/,
    ],
    ["--out naming a folder", ["execute", "03_pedestal", "--out", dir], /is a directory/],
    [
      "build over committed outputs",
      ["build", "03_pedestal"],
      /build would discard the committed outputs of notebooks\/03_pedestal.ipynb; .*--force/,
    ],
    ["a missing option value", ["execute", "03_pedestal", "--params"], /expected one argument/],
    [
      "an unknown option (the valid ones are listed)",
      ["execute", "03_pedestal", "--x"],
      /unrecognized arguments: --x; valid options: --kernel VALUE, .*--out VALUE, --in-place, --force, --verbose/,
    ],
    ["--out naming a committed notebook", [
      "execute",
      "01_introduction",
      "--out",
      join(ROOT, "notebooks/02_analogy.ipynb"),
    ], /--out .*notebooks\/02_analogy.ipynb is a committed file of the repository/],
    ["a bound named by another parameter (alphaMax)", [
      "execute",
      "06_conclusion",
      "--params",
      '{"alphaLow": -5}',
      "--out",
      out,
    ], /--params: `alphaLow` must be in \[0.001, 0.1\) \(alphaMax = 0.1\), got -5/],
    ["a range with arithmetic, [0, 2^31 - 1]", [
      "execute",
      "08_chinchilla",
      "--params",
      '{"seed": 2147483648}',
      "--out",
      out,
    ], /`seed` must be an integer in \[0, 2147483647\], got 2147483648/],
    ["an array of pairs out of order", [
      "execute",
      "03_pedestal",
      "--params",
      '{"windows": [[1e9, 1e6]]}',
      "--out",
      out,
    ], /--params: `windows\[0\]` must have N1 < N2, got \[1000000000,1000000\]/],
    ["an array of pairs of the wrong shape", [
      "execute",
      "03_pedestal",
      "--params",
      '{"windows": [1, 2]}',
      "--out",
      out,
    ], /--params: `windows\[0\]` must be an array, got number/],
    [
      "a pair out of order",
      ["execute", "04_intrinsic_dimension", "--params", '{"band": [0.1, 0.05]}', "--out", out],
      /--params: `band` must have low < high, got \[0.1,0.05\]/,
    ],
    ["an object with a missing key", [
      "execute",
      "07_measured_exponents",
      "--params",
      '{"roughnessCheck": {"d": 2}}',
      "--out",
      out,
    ], /--params: `roughnessCheck.h` must be a number, got undefined/],
    ["an object's value out of its range", [
      "execute",
      "07_measured_exponents",
      "--params",
      '{"roughnessCheck": {"d": 7, "h": 0.5, "seed": 1}}',
      "--out",
      out,
    ], /`roughnessCheck.d` must be an integer in \[1, 5\], got 7/],
    ["repeated values where distinct ones are asked", [
      "execute",
      "07_measured_exponents",
      "--params",
      '{"interiorDims": [3, 3]}',
      "--out",
      out,
    ], /`interiorDims` must hold distinct values/],
    [
      "too many values",
      ["execute", "08_chinchilla", "--params", '{"units": [1, 2, 3, 4, 5, 6, 7]}', "--out", out],
      /`units` must hold 1 to 6 values, got 7/,
    ],
    ["--out naming a FIFO", ["execute", "03_pedestal", "--out", fifo], /--out .* is not a regular file/],
  ];
  // concurrently: each case is a Python start-up (about a second) and a refusal, nothing else
  for (const [what, args, message] of cases) {
    it.concurrent(what, async ({ expect }) => {
      const before = committed();
      const r = await nbAsync(args);
      expect(r.status, r.text).toBe(2);
      expect(r.text).toMatch(message);
      expect(r.lines.length, r.text).toBeLessThanOrEqual(2);
      expect(r.text).not.toMatch(/Traceback|File ".*", line/);
      expect(existsSync(out)).toBe(false);
      expect(committed()).toEqual(before);
    });
  }

  it("an out-of-range value is refused from the parameter's stated range before any kernel starts", () => {
    const before = committed();
    const r = nb(["execute", "03_pedestal", "--params", '{"alphaC": -1}', "--out", out]);
    expect(r.status, r.text).toBe(2);
    expect(r.text).toContain("`alphaC` must be in [0.11, 1], got -1");
    expect(r.lines.length, r.text).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(committed()).toEqual(before);
  });

  it("a value the comment cannot check is named as the notebook's parameter, in two lines, and nothing is written", () => {
    const before = committed();
    // exponents' comment says only "each > 0"; 2^(1/α) overflows for α = 1e-5: the notebook's own check answers
    const r = nb(["execute", "01_introduction", "--params", '{"exponents": [1e-5]}', "--out", out]);
    expect(r.status, r.text).toBe(1);
    expect(r.text).toMatch(/refused --params exponents = \[1e-05\]: RangeError: /);
    expect(r.lines.length, r.text).toBeLessThanOrEqual(2);
    expect(existsSync(out)).toBe(false);
    expect(committed()).toEqual(before);
  });

  // A full disk, simulated by a 64 kB tmpfs filled to the brim (mounting needs root; skipped otherwise).
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  it.skipIf(!root)("a full disk under --out is answered in one line naming the path, and nothing is left", () => {
    const full = join(dir, "full");
    execFileSync("mkdir", [full]);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", full]);
    try {
      writeFileSync(join(full, "filler"), Buffer.alloc(60_000));
      const target = join(full, "out.ipynb");
      const r = nb(["execute", "01_introduction", "--out", target]);
      expect(r.status, r.text).toBe(1);
      expect(r.lines, r.text).toEqual([
        `FAIL deno:01_introduction: cannot write ${target} (No space left on device); the file is as it was`,
      ]);
      expect(readdirSync(full)).toEqual(["filler"]);
    } finally {
      execFileSync("umount", [full]);
    }
  });

  it("cleans up", () => {
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("Ctrl-C during a notebook execution", () => {
  it("stops the executor and its kernel within 5 s and leaves no connection file", async () => {
    // TMPDIR points at a private folder: the executor keeps its kernels' connection files under it, so
    // every process of ours names that folder on its command line, and other users' kernels do not.
    const tmp = mkdtempSync(join(tmpdir(), "smallness-sigint-"));
    const ours = (): number[] =>
      readdirSync("/proc").filter((p) => /^\d+$/.test(p)).filter((p) => {
        try {
          const cmd = readFileSync(`/proc/${p}/cmdline`, "utf8");
          const state = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.[0];
          return cmd.includes(tmp) && state !== "Z";
        } catch {
          return false;
        }
      }).map(Number);
    const cmdline = (p: number): string => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {
        return ""; // gone meanwhile
      }
    };
    const kernels = () =>
      ours().filter((p) => /jupyter --kernel|tslab/.test(cmdline(p)) && !cmdline(p).includes("notebooks.py"));
    // Notebook 08 runs for several seconds (a bootstrap), so the interruption lands mid-execution: its
    // analysis is computed here, not read from the run's shared ones (an empty SMALLNESS_ANALYSIS_CACHE).
    const child = spawn(
      "bash",
      [join(ROOT, "scripts/nb"), "execute", "08_chinchilla", "--out", join(tmp, "out.ipynb")],
      {
        env: { ...process.env, TMPDIR: tmp, NO_COLOR: "1", SMALLNESS_ANALYSIS_CACHE: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(`${code ?? signal}`)));
    try {
      const t0 = Date.now();
      while (kernels().length === 0 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
      expect(kernels().length, "a kernel started").toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1000)); // let it execute cells
      child.kill("SIGINT");
      await new Promise((r) => setTimeout(r, 5000));
      expect(ours(), `processes left running 5 s after SIGINT:\n${stderr}`).toEqual([]);
      const leftovers = readdirSync(tmp, { recursive: true }).map(String).filter((f) =>
        f.endsWith(".json") || f.endsWith(".tmp")
      );
      expect(leftovers).toEqual([]);
      expect(existsSync(join(tmp, "out.ipynb")), "no notebook written").toBe(false);
      // 130 = 128 + SIGINT (Deno's child_process reports an exit status above 128 as the signal).
      expect(["130", "SIGINT"], stderr).toContain(await exited);
      expect(stderr).toMatch(/SIGINT: stopped 1 kernel/);
    } finally {
      for (const p of ours()) {
        try {
          process.kill(p, "SIGKILL");
        } catch { /* gone */ }
      }
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("Ctrl-C during npm run reproduce", () => {
  it("stops reproduce, its two jobs and every kernel within 5 s", async () => {
    // As a terminal does: SIGINT to the whole foreground process group. Reproduce writes the same bytes
    // it would anyway (each file atomically), so the repository is unchanged whenever it stops.
    const tmp = mkdtempSync(join(tmpdir(), "smallness-reproduce-sigint-"));
    const alive = (p: string): boolean => {
      try {
        return readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
      } catch {
        return false;
      }
    };
    const pids = () => readdirSync("/proc").filter((p) => /^\d+$/.test(p));
    const stat = (p: string) => {
      try {
        return readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      } catch {
        return [];
      }
    };
    const cmd = (p: string) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8");
      } catch {
        return "";
      }
    };
    const child = spawn(
      join(ROOT, "node_modules/.bin/deno"),
      ["run", "-A", "scripts/reproduce.ts", "01_introduction"],
      {
        cwd: ROOT,
        detached: true, // a process group of its own, led by reproduce
        env: { ...process.env, TMPDIR: tmp, NO_COLOR: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(`${code ?? signal}`)));
    // ours: the process group, and the kernels (their connection files are under TMPDIR)
    const ours = () => pids().filter((p) => alive(p) && (stat(p)[2] === String(child.pid) || cmd(p).includes(tmp)));
    try {
      const t0 = Date.now();
      const kernel = () => pids().some((p) => cmd(p).includes(tmp) && /jupyter\0--kernel/.test(cmd(p)));
      while (!kernel() && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
      expect(kernel(), "a kernel started").toBe(true);
      process.kill(-child.pid!, "SIGINT");
      await new Promise((r) => setTimeout(r, 5000));
      expect(ours(), `processes left running 5 s after SIGINT:\n${stderr}`).toEqual([]);
      expect(["130", "SIGINT"], stderr).toContain(await exited);
      // a job stopped between writing a file's temporary copy and renaming it leaves no copy behind
      const partial = ["", "figures", "data"].flatMap((d) =>
        readdirSync(join(ROOT, d)).filter((f) => /\.\d+\.tmp$/.test(f)).map((f) => join(d, f))
      );
      expect(partial, "temporary files left").toEqual([]);
    } finally {
      for (const p of ours()) {
        try {
          process.kill(Number(p), "SIGKILL");
        } catch { /* gone */ }
      }
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
