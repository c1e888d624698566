import { defineConfig } from "vitest/config";

// The unit tests of the modules `npm run mutate` mutates (stryker.config.json): each mutant must be
// killed by its own module's fast tests, not only by the slow golden-file checks.
export default defineConfig({
  test: {
    include: [
      "tests/stats/random.test.ts",
      "tests/stats/bootstrap.test.ts",
      "tests/theory/*.test.ts",
      "tests/measure/twonn.test.ts",
    ],
    testTimeout: 60_000,
  },
});
