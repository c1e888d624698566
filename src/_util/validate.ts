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
 * @example requireFinite("alpha", 0.1) // => 0.1
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
 * @example requireInRange("p", 0.1, { min: 0, max: 1, maxOpen: true }) // => 0.1
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
 * @example requirePositive("alpha", 0.34) // => 0.34
 */
export function requirePositive(name: string, value: number): number {
  return requireInRange(name, value, { min: 0, minOpen: true });
}

/**
 * Checks that `value` is an integer no smaller than `min` (default 0) and, if given, no larger than `max`.
 *
 * @throws {RangeError} e.g. "`d` must be an integer in [1, ∞), got 2.5".
 * @example requireInteger("d", 3, 1) // => 3
 */
export function requireInteger(name: string, value: number, min = 0, max?: number): number {
  if (typeof value !== "number") {
    throw new TypeError(`\`${name}\` must be an integer in ${formatInterval({ min, max })}, got ${describe(value)}`);
  }
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
 * @example requireRows("points", new Float64Array(6), 3) // => 2
 */
export function requireRows(name: string, values: ArrayLike<number>, dim: number): number {
  requireArray(name, values);
  requireInteger("dim", dim, 1);
  const n = values.length / dim;
  if (values.length === 0 || !Number.isInteger(n)) {
    throw new RangeError(`\`${name}\` length must be a positive multiple of ${dim}, got ${values.length}`);
  }
  return n;
}

/**
 * Checks an option object: `undefined` (all defaults) or a plain object whose keys are all among
 * `allowed`, so a misspelt option (`resamplez`) is refused instead of silently ignored. Values are
 * checked by the caller.
 *
 * @returns the options, or `{}` when `value` is undefined.
 * @throws {TypeError} if `value` is not a plain object (null, a number, an array…).
 * @throws {RangeError} naming the unknown key and the valid ones, e.g.
 *   "`options` has no option `resamplez`; valid: resamples, seed, level".
 * @example requireOptions("options", { seed: 1 }, ["seed", "resamples"]) // => { seed: 1 }
 */
export function requireOptions<T extends object>(name: string, value: T | undefined, allowed: readonly string[]): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new TypeError(`\`${name}\` must be an object of options, got ${describe(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new RangeError(`\`${name}\` has no option \`${key}\`; valid: ${allowed.join(", ") || "(none)"}`);
    }
  }
  return value;
}

/**
 * Checks that `value` is a plain object (a record of named fields), for arguments such as a fitted law.
 * @throws {TypeError} if it is not, e.g. "`law` must be an object, got number".
 * @example requireObject("law", { E: 1 }) // => { E: 1 }
 */
export function requireObject<T>(name: string, value: T): T {
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new TypeError(`\`${name}\` must be an object, got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks that `value` is an array or typed array of at least `minLength` finite numbers.
 * @throws {TypeError} if it is not an array of numbers; {RangeError} if too short or an element is
 *   NaN or infinite, e.g. "`values[2]` must be a finite number, got NaN".
 * @example requireFiniteArray("values", [1, 2], 2) // => [1, 2]
 */
export function requireFiniteArray<T extends ArrayLike<number>>(name: string, value: T, minLength = 1): T {
  requireArray(name, value);
  if (value.length < minLength) {
    throw new RangeError(
      `\`${name}\` must hold at least ${minLength} number${minLength === 1 ? "" : "s"}, got ${value.length}`,
    );
  }
  for (let i = 0; i < value.length; i++) requireFinite(`${name}[${i}]`, value[i]);
  return value;
}

/**
 * Checks that `value` is a string.
 * @throws {TypeError} e.g. "`method` must be a string, got number".
 * @example requireString("method", "grid") // => "grid"
 */
export function requireString(name: string, value: string): string {
  if (typeof value !== "string") throw new TypeError(`\`${name}\` must be a string, got ${describe(value)}`);
  return value;
}

/**
 * Checks that a computed result is finite; an overflow or underflow to 0/0 is blamed on the named
 * argument instead of leaving the function as Infinity or NaN.
 * @throws {RangeError} e.g. "`alpha` = 1e-300 is out of range: 2^(1/alpha) overflows (Infinity)".
 * @example requireFiniteResult(1024, "alpha", 0.1, "2^(1/alpha)") // => 1024
 */
export function requireFiniteResult(value: number, blame: string, blameValue: unknown, what: string): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`\`${blame}\` = ${blameValue} is out of range: ${what} is ${value}`);
  }
  return value;
}

/**
 * Checks that `value` is a function (a target, an estimator, a callback).
 * @throws {TypeError} e.g. "`target` must be a function, got number".
 * @example requireFunction("estimate", (idx: Uint32Array) => idx.length) // the function
 */
export function requireFunction<T>(name: string, value: T): T {
  if (typeof value !== "function") throw new TypeError(`\`${name}\` must be a function, got ${describe(value)}`);
  return value;
}

/**
 * Checks that `value` is a seeded generator (src/stats/random.ts `Random`, or anything with its `uniform`,
 * `normal` and `int` methods).
 * @throws {TypeError} e.g. "`rng` must be a Random (src/stats/random.ts), got an array".
 * @example requireRandom("rng", new Random(1)) // the generator
 */
export function requireRandom<T>(name: string, value: T): T {
  const r = value as { uniform?: unknown; normal?: unknown; int?: unknown } | null;
  if (
    r === null || typeof r !== "object" || typeof r.uniform !== "function" || typeof r.normal !== "function" ||
    typeof r.int !== "function"
  ) {
    throw new TypeError(`\`${name}\` must be a Random (src/stats/random.ts), got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks that `value` is a plain object carrying each of `fields` (not undefined): a record made by
 * another function of the library (an analysis, a fit), passed back in.
 * @throws {TypeError} e.g. "`a` must be the result of measured.analysis() (with fields full, smooth), got an object without `smooth`".
 * @example requireFields("fit", { law: {}, vector: [] }, ["law", "vector"], "a fit") // the record
 */
export function requireFields<T>(name: string, value: T, fields: readonly string[], what = "a record"): T {
  const want = `${what} (with fields ${fields.join(", ")})`;
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new TypeError(`\`${name}\` must be ${want}, got ${describe(value)}`);
  }
  const missing = fields.find((f) => (value as Record<string, unknown>)[f] === undefined);
  if (missing !== undefined) throw new TypeError(`\`${name}\` must be ${want}, got an object without \`${missing}\``);
  return value;
}

/**
 * Checks that `value` is a plain Array (not a typed array: a function that maps it to records would get
 * a typed array of NaN back from `Float64Array.prototype.map`). Elements are checked by the caller.
 * @throws {TypeError} e.g. "`dims` must be an array, got Float64Array".
 * @example requireList("dims", [4, 10]) // => [4, 10]
 */
export function requireList<T>(name: string, value: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) throw new TypeError(`\`${name}\` must be an array, got ${describe(value)}`);
  return value;
}

/** A short description of a value's type for error messages. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

/**
 * Checks that `value` is an array or a typed array (its elements are checked by the caller).
 * @throws {TypeError} e.g. "`values` must be an array of numbers, got number".
 * @example requireArray("values", [1, 2]) // => [1, 2]
 */
export function requireArray<T extends ArrayLike<unknown>>(name: string, value: T): T {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new TypeError(`\`${name}\` must be an array of numbers, got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks a settings object against its defaults and returns the merged settings: no unknown key (as
 * `requireOptions`), and each given value of the same kind as its default, recursively — a finite
 * number where the default is a number, a boolean where it is a boolean, an array of such where it
 * is an array, an object with known keys where it is an object. A key given as `undefined` keeps its
 * default. Ranges are checked by the caller.
 *
 * @throws {TypeError} e.g. "`settings.full` must be a boolean, got string"; {RangeError} for an
 *   unknown key or a non-finite number, e.g. "`settings.alphaC` must be a finite number, got NaN".
 * @example requireSettings("settings", { alphaC: 0.34 }, { alphaC: 1 / 3, cut: 2 }) // => { alphaC: 0.34, cut: 2 }
 */
export function requireSettings<T extends object>(name: string, value: Partial<T> | undefined, defaults: T): T {
  const given = requireOptions(name, value, Object.keys(defaults)) as Partial<T>;
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue; // an undefined value means the default, as when the key is absent
    requireLike(`${name}.${k}`, v, merged[k]);
    merged[k] = v;
  }
  return merged as T;
}

function requireLike(name: string, value: unknown, like: unknown): void {
  if (typeof like === "number") {
    if (typeof value !== "number") throw new TypeError(`\`${name}\` must be a number, got ${describe(value)}`);
    requireFinite(name, value);
  } else if (typeof like === "boolean" || typeof like === "string") {
    if (typeof value !== typeof like) {
      throw new TypeError(`\`${name}\` must be a ${typeof like}, got ${describe(value)}`);
    }
  } else if (Array.isArray(like)) {
    if (!Array.isArray(value)) throw new TypeError(`\`${name}\` must be an array, got ${describe(value)}`);
    if (like.length > 0) value.forEach((v, i) => requireLike(`${name}[${i}]`, v, like[0]));
  } else if (like !== null && typeof like === "object") {
    const obj = requireOptions(name, value as object, Object.keys(like));
    for (const [k, v] of Object.entries(obj)) requireLike(`${name}.${k}`, v, (like as Record<string, unknown>)[k]);
  }
}
