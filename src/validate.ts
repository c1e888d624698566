/**
 * Argument checks shared by every numeric module.
 *
 * Each check returns the value it was given, so it can be used inline, and throws a
 * `RangeError` (or a `TypeError` for a value that is not a number at all) whose message names
 * the parameter in backticks, states the valid range and echoes the bad value:
 *
 * ```ts
 * requireInRange("p", 1.2, { min: 0, max: 1, maxOpen: true });
 * // RangeError: `p` must be in [0, 1), got 1.2
 * ```
 *
 * @module
 */

/** Bounds of a real interval; a missing bound means unbounded on that side. */
export interface Interval {
  /** Lower bound (inclusive unless `minOpen`). */
  min?: number;
  /** Upper bound (inclusive unless `maxOpen`). */
  max?: number;
  /** Exclude `min` itself. */
  minOpen?: boolean;
  /** Exclude `max` itself. */
  maxOpen?: boolean;
}

/** Formats an interval the way the error messages print it, e.g. `[0, 1)` or `(0, ∞)`. */
export function formatInterval({ min, max, minOpen, maxOpen }: Interval): string {
  const lo = min === undefined ? "(-∞" : `${minOpen ? "(" : "["}${min}`;
  const hi = max === undefined ? "∞)" : `${max}${maxOpen ? ")" : "]"}`;
  return `${lo}, ${hi}`;
}

/**
 * Checks that `value` is a finite number.
 *
 * @throws {TypeError} if `value` is not of type number.
 * @throws {RangeError} if `value` is NaN or infinite.
 * @example requireFinite("alpha", 0.1) // 0.1
 */
export function requireFinite(name: string, value: number): number {
  if (typeof value !== "number") {
    throw new TypeError(`\`${name}\` must be a number, got ${typeof value}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`\`${name}\` must be a finite number, got ${value}`);
  }
  return value;
}

/**
 * Checks that `value` is a finite number inside `interval`.
 *
 * @throws {RangeError} naming the parameter and the interval, e.g. "`p` must be in [0, 1), got 1.2".
 * @example requireInRange("p", 0.1, { min: 0, max: 1, maxOpen: true }) // 0.1
 */
export function requireInRange(name: string, value: number, interval: Interval): number {
  const { min, max, minOpen, maxOpen } = interval;
  const ok = typeof value === "number" && Number.isFinite(value) &&
    (min === undefined || (minOpen ? value > min : value >= min)) &&
    (max === undefined || (maxOpen ? value < max : value <= max));
  if (!ok) {
    if (typeof value !== "number") requireFinite(name, value);
    throw new RangeError(`\`${name}\` must be in ${formatInterval(interval)}, got ${value}`);
  }
  return value;
}

/**
 * Checks that `value` is a finite number strictly greater than zero.
 *
 * @throws {RangeError} e.g. "`alpha` must be in (0, ∞), got 0".
 * @example requirePositive("alpha", 0.34) // 0.34
 */
export function requirePositive(name: string, value: number): number {
  return requireInRange(name, value, { min: 0, minOpen: true });
}

/**
 * Checks that `value` is an integer no smaller than `min` (default 0) and, if given, no larger than `max`.
 *
 * @throws {RangeError} e.g. "`d` must be an integer in [1, ∞), got 2.5".
 * @example requireInteger("d", 3, 1) // 3
 */
export function requireInteger(name: string, value: number, min = 0, max?: number): number {
  if (
    typeof value !== "number" || !Number.isInteger(value) || value < min ||
    (max !== undefined && value > max)
  ) {
    throw new RangeError(
      `\`${name}\` must be an integer in ${formatInterval({ min, max })}, got ${value}`,
    );
  }
  return value;
}

/**
 * Checks that a flat row-major array holds a positive whole number of rows of `dim` values.
 * @returns the number of rows.
 * @throws {RangeError} e.g. "`points` length must be a positive multiple of 3, got 7".
 * @example requireRows("points", new Float64Array(6), 3) // 2
 */
export function requireRows(name: string, values: ArrayLike<number>, dim: number): number {
  requireInteger("dim", dim, 1);
  const n = values.length / dim;
  if (values.length === 0 || !Number.isInteger(n)) {
    throw new RangeError(`\`${name}\` length must be a positive multiple of ${dim}, got ${values.length}`);
  }
  return n;
}
