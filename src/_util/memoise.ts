/**
 * Memoisation by settings (a private utility: imported by the findings layer, not part of the
 * public surface).
 *
 * @module
 */

/**
 * Memoises an analysis by its settings within one process: the first call with given settings runs
 * `compute`, later calls with equal settings (compared as JSON) return the same object.
 * @example
 * const run = memoise((s: { seed: number }) => ({ twice: 2 * s.seed }));
 * run({ seed: 1 }) === run({ seed: 1 }) // => true
 */
export function memoise<S, R>(compute: (settings: S) => R): (settings: S) => R {
  if (typeof compute !== "function") throw new TypeError(`\`compute\` must be a function, got ${typeof compute}`);
  const cache = new Map<string, R>();
  return (settings: S): R => {
    const key = JSON.stringify(settings);
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(settings);
      cache.set(key, value);
    }
    return value as R;
  };
}
