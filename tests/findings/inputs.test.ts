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
    const fromCode = Object.fromEntries(Object.entries(INPUTS).map(([f, r]) => [f, { rows: r.rows, sha256: r.sha256 }]));
    expect(fromReadme).toEqual(fromCode);
    expect(Object.keys(fromCode)).toEqual(expect.arrayContaining(["chinchilla_fig4_points.csv", "gadre2024_openlm_runs.csv"]));
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
    expect(refuse(text + lines[lines.length - 1] + "\n")).toThrow(`data/${name} has changed (246 data rows, expected 245)`);
  });
  it("a truncated last number (same rows, other bytes)", () => {
    expect(refuse(text.trimEnd().slice(0, -3) + "\n")).toThrow(new RegExp(`^data/${name} has changed \\(its SHA-256 is`));
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
        execFileSync(join(ROOT, "node_modules/.bin/deno"), ["run", "-A", join(dir, "scripts/reproduce.ts"), "--no-notebooks"], {
          cwd: tmpdir(), // any working directory: paths are the repository's
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch (e) {
        failed = e as { status?: number; stderr?: string };
      }
      expect(failed, "reproduce must fail").not.toBeNull();
      expect(failed!.status).toBe(1);
      expect(failed!.stderr).toContain("data/chinchilla_fig4_points.csv has changed (246 data rows, expected 245)");
      expect(failed!.stderr).toContain("nothing was written");
      expect(snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
