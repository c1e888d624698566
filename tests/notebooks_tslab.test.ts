/**
 * Every notebook also executes under tslab (Node.js) with the committed Deno outputs, but for the cells
 * listed in notebooks/kernel_differences.json. A file of its own so that vitest runs it beside
 * tests/notebooks.test.ts (the Deno re-execution), one kernel per core.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const sources = readdirSync("notebooks/src").filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, "")).sort();

describe("notebooks under tslab", () => {
  for (const name of sources) {
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
          expect.fail(`scripts/nb check ${name} --kernel tslab failed:\n${err.stdout ?? ""}\n${(err.stderr ?? "").slice(-3000)}`);
        }
        expect(out).toContain(`ok   tslab:${name}: matches the committed Deno notebook`);
      });
    });
  }
});
