/**
 * Shared by the bench/ modules: timing helpers.
 */

/**
 * Median wall time in seconds of one run of `fn`, over `reps` rounds after a warm-up; each round
 * repeats `fn` until at least `minMs` have passed, so that short runs are timed accurately.
 */
export function medianSeconds(fn: () => unknown, reps = 3, minMs = 50): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    let runs = 0;
    const t0 = performance.now();
    do {
      fn();
      runs++;
    } while (performance.now() - t0 < minMs);
    t.push((performance.now() - t0) / 1000 / runs);
  }
  return t.sort((a, b) => a - b)[Math.floor(reps / 2)];
}

/** Wall time in seconds of a single run of `fn`, with its result. */
export function onceSeconds<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, (performance.now() - t0) / 1000];
}
