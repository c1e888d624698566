import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than there are cores: one worker on a 2-core machine. Most of
    // the suite's time is spent waiting on notebook kernels and Chromium in child processes, so two
    // workers keep both cores busy.
    maxWorkers: 2,
    // Files of a worker share loaded modules, so each notebook's analysis (memoised per process by
    // src/findings) runs once per worker, not once per test file. No test relies on a fresh module state.
    isolate: false,
  },
});
