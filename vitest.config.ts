import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One folder of analyses shared by the workers and the kernels they start, new for every run.
    globalSetup: ["tests/_global_setup.ts"],
    // Generous: a notebook re-execution or an analysis takes a minute or two alone, several times that on a
    // loaded machine; a hang still ends the run well inside CI's 90 minutes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Vitest's default is one worker fewer than there are cores: one worker on a 2-core machine. Most of
    // the suite's time is spent waiting on notebook kernels and Chromium in child processes, so two
    // workers keep both cores busy.
    maxWorkers: 2,
    // Files of a worker share loaded modules, so each notebook's analysis (memoised per process by
    // src/findings) runs once per worker, not once per test file. No test relies on a fresh module state.
    isolate: false,
  },
});
