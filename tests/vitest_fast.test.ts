/**
 * `npm run test:fast` (vitest.fast.config.ts) leaves out exactly the files that start processes: the
 * end-to-end checks are named here independently of the pattern that finds them, and the unit tests that must
 * stay in the loop are too.
 */
import { describe, expect, it } from "vitest";
import { END_TO_END } from "../vitest.fast.config";

describe("the fast path", () => {
  it("leaves out the notebook, browser, command-line and signal checks", () => {
    for (
      const f of [
        "tests/site.test.ts",
        "tests/notebooks.test.ts",
        "tests/notebooks_tslab.test.ts",
        "tests/notebooks_tslab_late.test.ts",
        "tests/notebook_params.test.ts",
        "tests/nbconvert.test.ts",
        "tests/signals.test.ts",
        "tests/command_line.test.ts",
        "tests/setup.test.ts",
      ]
    ) expect(END_TO_END, f).toContain(f);
  });
  it("keeps the unit, property and findings tests, this one included", () => {
    for (
      const f of [
        "tests/vitest_fast.test.ts",
        "tests/properties.test.ts",
        "tests/examples.test.ts",
        "tests/stats/random.test.ts",
        "tests/fit/chinchilla.test.ts",
        "tests/findings/09_openlm.test.ts",
        "tests/learn/lm/reproduce.test.ts",
      ]
    ) expect(END_TO_END, f).not.toContain(f);
    expect(END_TO_END.length).toBeLessThan(25); // most of the suite's 113 files stay in the loop
  });
});
