/**
 * Memoisation for the live pages' recomputations (private to `src/live/`): a page keeps the data the build
 * carried in it as one object, and recomputes from it at the reader's settings.
 *
 * @module
 */

const ids = new WeakMap<object, number>();
let lastId = 0;
const cache = new Map<string, unknown>();

/**
 * `compute()` once per data object (by identity, so the data is never serialised) and `key` (compared as
 * JSON); later calls with the same object and an equal key return the first result.
 * @example
 * const data = { runs: [1, 2, 3] };
 * let calls = 0;
 * memoByData(data, ["sum", 1], () => ++calls);
 * memoByData(data, ["sum", 1], () => ++calls) // => 1
 */
export function memoByData<T>(data: object, key: unknown[], compute: () => T): T {
  if (!ids.has(data)) ids.set(data, ++lastId);
  const k = JSON.stringify([ids.get(data), ...key]);
  if (!cache.has(k)) cache.set(k, compute());
  return cache.get(k) as T;
}
