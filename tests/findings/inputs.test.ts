/**
 * Input integrity: the SHA-256 and row counts recorded in data/README.md and in `INPUTS` agree with
 * each other and with the committed files, and a changed file (a duplicated row, a truncated number,
 * a hexadecimal `0x10`) is refused by file name. Changed copies are made in memory or in a temporary
 * folder; data/ itself is never modified.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { INPUTS, readInput, verifyInput } from "../../src/findings/inputs";

const ROOT = new URL("../../", import.meta.url).pathname;
const readme = readFileSync(join(ROOT, "data/README.md"), "utf8");

/** The rows of the integrity table in data/README.md: file -> {rows, sha256}. */
function readmeRecords(): Record<string, { rows: number; sha256: string }> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const m of readme.matchAll(/^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|$/gm)) {
    out[m[1]] = { rows: Number(m[2]), sha256: m[3] };
  }
  return out;
}

describe("data/README.md and INPUTS", () => {
  it("record the same files, row counts and SHA-256", () => {
    const fromReadme = readmeRecords();
    const fromCode = Object.fromEntries(
      Object.entries(INPUTS).map(([f, r]) => [f, { rows: r.rows, sha256: r.sha256 }]),
    );
    expect(fromReadme).toEqual(fromCode);
    expect(Object.keys(fromCode)).toEqual(
      expect.arrayContaining(["chinchilla_fig4_points.csv", "gadre2024_openlm_runs.csv"]),
    );
  });

  it("match the committed files", () => {
    for (const [name, r] of Object.entries(INPUTS)) {
      const bytes = readFileSync(join(ROOT, "data", name));
      expect(createHash("sha256").update(bytes).digest("hex"), name).toBe(r.sha256);
      expect(readInput(name).trimEnd().split("\n").length - 1, name).toBe(r.rows);
    }
  });
});

describe("verifyInput refuses a changed file by name", () => {
  const name = "chinchilla_fig4_points.csv";
  const text = readFileSync(join(ROOT, "data", name), "utf8");
  const lines = text.trimEnd().split("\n");
  const enc = (s: string) => new TextEncoder().encode(s);
  const refuse = (changed: string) => () => verifyInput(name, enc(changed), INPUTS[name]);

  it("accepts the committed file", () => {
    expect(refuse(text)).not.toThrow();
  });
  it("a duplicated row (246 data rows)", () => {
    expect(refuse(text + lines[lines.length - 1] + "\n")).toThrow(
      `data/${name} has changed (246 data rows, expected 245)`,
    );
  });
  it("a truncated last number (same rows, other bytes)", () => {
    expect(refuse(text.trimEnd().slice(0, -3) + "\n")).toThrow(
      new RegExp(`^data/${name} has changed \\(its SHA-256 is`),
    );
  });
  it("a value rewritten as 0x10", () => {
    const last = lines[lines.length - 1].split(",");
    last[last.length - 1] = "0x10";
    expect(refuse([...lines.slice(0, -1), last.join(",")].join("\n") + "\n")).toThrow(`data/${name} has changed`);
  });
});

describe("npm run reproduce with a duplicated data row", () => {
  // A temporary copy of the repository (node_modules linked) with one Chinchilla row duplicated:
  // reproduce must refuse it by name, exit non-zero and rewrite nothing.
  it("refuses the file by name and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "smallness-inputs-"));
    try {
      for (const f of ["src", "scripts", "data", "figures", "deno.json", "package.json"]) {
        cpSync(join(ROOT, f), join(dir, f), { recursive: true });
      }
      symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
      // a git checkout of its own, so that readInput can name the first differing line from HEAD
      const git = (...a: string[]) =>
        execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...a], { cwd: dir });
      git("init", "-q");
      git("add", "data");
      git("commit", "-qm", "inputs");
      const file = join(dir, "data/chinchilla_fig4_points.csv");
      const original = readFileSync(file, "utf8");
      writeFileSync(file, original + original.trimEnd().split("\n").at(-1) + "\n");
      const snapshot = () =>
        ["data", "figures"].flatMap((d) =>
          readdirSync(join(dir, d)).sort().map((f) => [f, readFileSync(join(dir, d, f)).toString("base64")])
        );
      const before = snapshot();
      let failed: { status?: number; stderr?: string } | null = null;
      try {
        execFileSync(join(ROOT, "node_modules/.bin/deno"), [
          "run",
          "-A",
          join(dir, "scripts/reproduce.ts"),
          "--no-notebooks",
        ], {
          cwd: tmpdir(), // any working directory: paths are the repository's
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch (e) {
        failed = e as { status?: number; stderr?: string };
      }
      expect(failed, "reproduce must fail").not.toBeNull();
      expect(failed!.status).toBe(1);
      expect(failed!.stderr).toContain(
        "data/chinchilla_fig4_points.csv has changed (246 data rows, expected 245); line 247 is new: ",
      );
      expect(failed!.stderr).toContain("nothing was written");
      expect(snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a changed input names its first differing line", () => {
  const name = "chinchilla_fig4_points.csv";
  const text = readFileSync(join(ROOT, "data", name), "utf8");
  const lines = text.trimEnd().split("\n");
  const enc = (s: string) => new TextEncoder().encode(s);
  it("a duplicated last row: line 247 is new", () => {
    expect(() => verifyInput(name, enc(text + lines.at(-1) + "\n"), INPUTS[name], text)).toThrow(
      `data/${name} has changed (246 data rows, expected 245); line 247 is new: ${
        JSON.stringify(lines.at(-1)!.slice(0, 80) + "…")
      }`,
    );
  });
  it("a changed value: the line, the column and both versions around it", () => {
    // line 11 is the 10th data row; its first field's first digit changed from 2 to 7
    expect(lines[10][0]).toBe("2");
    const changed = [...lines.slice(0, 10), "7" + lines[10].slice(1), ...lines.slice(11)].join("\n") + "\n";
    expect(() => verifyInput(name, enc(changed), INPUTS[name], text)).toThrow(
      `; line 11, column 1: ${JSON.stringify("7" + lines[10].slice(1, 40) + "…")} where the published file has ${
        JSON.stringify(lines[10].slice(0, 40) + "…")
      }`,
    );
  });
  it("a removed row: the line that is missing", () => {
    expect(() => verifyInput(name, enc([lines[0], ...lines.slice(2)].join("\n") + "\n"), INPUTS[name], text)).toThrow(
      /244 data rows, expected 245\); line 2, column \d+: /,
    );
  });
  it("a reference that is not the published file is not used", () => {
    expect(() => verifyInput(name, enc(text + "x\n"), INPUTS[name], "other\n")).toThrow(
      /has changed \(246 data rows, expected 245\); it must be/,
    );
  });
});

describe("readInput refuses what is not a regular, reasonably sized, readable file, naming it", () => {
  const name = "chinchilla_fig4_points.csv";
  const url = (d: string) => new URL(`file://${d}/`);
  it("a FIFO (reading it would hang)", () => {
    const d = mkdtempSync(join(tmpdir(), "smallness-fifo-"));
    try {
      execFileSync("mkfifo", [join(d, name)]);
      expect(() => readInput(name, url(d))).toThrow(`${d}/${name} is a FIFO, not a regular file`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it("a folder", () => {
    const d = mkdtempSync(join(tmpdir(), "smallness-dir-"));
    try {
      execFileSync("mkdir", [join(d, name)]);
      expect(() => readInput(name, url(d))).toThrow(`${d}/${name} is a folder, not a regular file`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it("an oversized file (a sparse 3 GB file, refused by its size before reading)", () => {
    const d = mkdtempSync(join(tmpdir(), "smallness-big-"));
    try {
      execFileSync("truncate", ["-s", "3G", join(d, name)]);
      expect(() => readInput(name, url(d))).toThrow(
        new RegExp(`^${d}/${name} is 3221225472 bytes, over the 67108864 an input may have`),
      );
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it("an unreadable file (when not root) or a missing one", () => {
    const d = mkdtempSync(join(tmpdir(), "smallness-missing-"));
    try {
      expect(() => readInput(name, url(d))).toThrow(`${d}/${name} is missing`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
