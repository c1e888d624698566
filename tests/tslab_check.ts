/**
 * Shared by tests/notebooks_tslab*.test.ts: every notebook also executes under tslab (Node.js) with the
 * committed Deno outputs, but for the cells listed in notebooks/kernel_differences.json. The notebooks
 * are split over two files so that vitest's two workers can balance them against the rest of the suite.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

/** The notebooks, by the base names of their sources. */
export const NOTEBOOKS = readdirSync("notebooks/src").filter((f) => f.endsWith(".md")).map((f) =>
  f.replace(/\.md$/, "")
).sort();

/** Declares one tslab check per notebook of `names`. */
export function tslabChecks(names: string[]): void {
  describe("notebooks under tslab", () => {
    for (const name of names) {
      describe(name, () => {
        it("executes under tslab (Node.js) with the committed outputs, but for the listed differences", () => {
          let out = "";
          try {
            out = execFileSync("bash", ["scripts/nb", "check", name, "--kernel", "tslab", "--jobs", "1"], {
              encoding: "utf8",
              stdio: ["ignore", "pipe", "pipe"],
              env: { ...process.env, NO_COLOR: "1" },
            });
          } catch (e) {
            const err = e as { stdout?: string; stderr?: string };
            expect.fail(
              `scripts/nb check ${name} --kernel tslab failed:\n${err.stdout ?? ""}\n${
                (err.stderr ?? "").slice(-3000)
              }`,
            );
          }
          expect(out).toContain(`ok   tslab:${name}: matches the committed Deno notebook`);
        });
      });
    }
  });
}
