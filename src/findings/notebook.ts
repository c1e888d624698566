/**
 * One shape for every notebook's findings. A findings module describes its notebook once, with
 * `defineNotebook`: the parameters' defaults and valid ranges, the analysis and the claim records drawn
 * from it. From that one object come the check the kernel runs on the notebook's parameters, the
 * check the command line runs on `--params` (`scripts/params.ts`), the range each parameter's comment
 * in the notebook states (a test compares them), the memoised analysis and the findings.
 *
 * @module
 */
import { notebookEntry } from "../notebooks";
import { formatInterval, requireInRange, requireInteger, requireObject, requireSettings } from "../_util/validate";
import type { Claim, Findings } from "./claim";
import { memoise } from "../_util/memoise";
import { cached } from "./_analysis_cache";

/**
 * A number's valid range. A bound may be another parameter's name (a string), read from the settings
 * being checked, e.g. `{ min: 0.001, max: "alphaMax", maxOpen: true }`.
 */
export interface NumberRange {
  /** Lower bound (inclusive unless `minOpen`), or the name of the parameter that is. */
  min?: number | string;
  /** Upper bound (inclusive unless `maxOpen`), or the name of the parameter that is. */
  max?: number | string;
  minOpen?: boolean;
  maxOpen?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
}

/** What one parameter of a notebook may be. */
export type ParameterRange =
  | { kind: "boolean" }
  | { kind: "number"; range: NumberRange }
  | {
    /** A list of numbers, each in `each`. */
    kind: "list";
    each: NumberRange;
    /** The allowed number of values, [least, most] (default: at least one). */
    length?: [number, number];
    /** The values must differ from each other. */
    distinct?: boolean;
  }
  | {
    /** A pair [a, b] (or, with `list`, a list of them) with a < b, each in `each`. */
    kind: "pair";
    names: [string, string];
    each: NumberRange;
    list?: boolean;
  }
  | { kind: "record"; keys: Record<string, NumberRange> };

const KINDS: readonly string[] = ["boolean", "number", "list", "pair", "record"];

/** The valid ranges of a notebook's parameters, one per parameter. */
export type Ranges<S> = { readonly [K in keyof S]: ParameterRange };

/** What a findings module writes about its notebook. */
export interface NotebookSpec<S extends object, A> {
  /** The notebook's id in the index (`src/notebooks.ts`), e.g. `"03_pedestal"`. */
  id: string;
  /** The parameters' defaults: the values the notebook's first code cell assigns. */
  defaults: S;
  /** Each parameter's valid range. */
  ranges: Ranges<S>;
  /** The analysis at valid settings. */
  analyse: (settings: S) => A;
  /** The claim records, from the analysis. */
  claims: (analysis: A) => Claim[];
}

/** A notebook's findings, described once. */
export interface Notebook<S extends object, A> {
  /** The notebook's id, e.g. `"03_pedestal"`. */
  readonly id: string;
  /** Its title, from the index. */
  readonly title: string;
  /** The parameters' defaults. */
  readonly defaults: Readonly<S>;
  /** Each parameter's valid range. */
  readonly ranges: Ranges<S>;
  /** Merges `settings` over the defaults and checks every parameter. @throws {RangeError|TypeError} naming it. */
  settings(settings?: Partial<S>): S;
  /** The analysis at the given settings (defaults for what is left out), computed once per process. */
  analysis(settings?: Partial<S>): A;
  /** The claim records at the given settings, computed once per process. */
  findings(settings?: Partial<S>): Findings;
}

/**
 * Describes a notebook's findings once: returns its settings check, its memoised analysis and its
 * findings, all derived from `spec`.
 * @throws {RangeError} if the id is not in the index, or a default is outside its own range.
 * @example
 * const nb = defineNotebook({
 *   id: "01_introduction",
 *   defaults: { cut: 2 },
 *   ranges: { cut: { kind: "number", range: { min: 1 } } },
 *   analyse: (s) => ({ twice: 2 * s.cut }),
 *   claims: () => [],
 * });
 * nb.analysis({ cut: 4 }).twice // => 8
 */
export function defineNotebook<S extends object, A>(spec: NotebookSpec<S, A>): Notebook<S, A> {
  const entry = notebookEntry(spec.id);
  const keys = Object.keys(spec.defaults);
  const ranged = Object.keys(spec.ranges);
  if (keys.length !== ranged.length || keys.some((k) => !ranged.includes(k))) {
    throw new RangeError(`\`ranges\` of ${spec.id} must name exactly the parameters ${keys.join(", ")}`);
  }
  const check = (s: S): S => {
    for (const k of keys) checkParameter(k, (s as Record<string, unknown>)[k], spec.ranges[k as keyof S], s);
    return s;
  };
  check(spec.defaults);
  const analysisMemo = memoise((s: S) => cached(spec.id, s, () => spec.analyse(s)));
  const findingsMemo = memoise((s: S): Findings => ({
    notebook: spec.id,
    title: entry.title,
    claims: spec.claims(analysisMemo(s)),
  }));
  const settings = (given: Partial<S> = {}) => check(requireSettings("settings", given, spec.defaults));
  return {
    id: spec.id,
    title: entry.title,
    defaults: spec.defaults,
    ranges: spec.ranges,
    settings,
    analysis: (given: Partial<S> = {}) => analysisMemo(settings(given)),
    findings: (given: Partial<S> = {}) => findingsMemo(settings(given)),
  };
}

function bound(b: number | string | undefined, s: object): number | undefined {
  return typeof b === "string" ? (s as Record<string, number>)[b] : b;
}

function checkNumber(name: string, v: number, r: NumberRange, s: object): void {
  const named = [r.min, r.max].filter((b): b is string => typeof b === "string");
  if (named.length === 0) return checkInterval(name, v, r, s);
  try {
    checkInterval(name, v, r, s);
  } catch (e) {
    // say where a bound named by another parameter comes from: "(alphaMax = 0.1)"
    const where = named.map((b) => `${b} = ${bound(b, s)}`).join(", ");
    if (e instanceof RangeError) throw new RangeError(e.message.replace(/, got /, ` (${where}), got `));
    throw e;
  }
}

function checkInterval(name: string, v: number, r: NumberRange, s: object): void {
  const interval = { min: bound(r.min, s), max: bound(r.max, s), minOpen: r.minOpen, maxOpen: r.maxOpen };
  if (r.integer && !r.minOpen && !r.maxOpen) {
    requireInteger(name, v, interval.min ?? -Infinity, interval.max);
  } else {
    requireInRange(name, v, interval);
    if (r.integer && !Number.isInteger(v)) {
      throw new RangeError(`\`${name}\` must be an integer ${numberText(r).replace(/^integer /, "")}, got ${v}`);
    }
  }
}

/** Checks one parameter against its range (`s`, the settings, gives bounds that name a parameter). */
function checkParameter(name: string, v: unknown, r: ParameterRange, s: object): void {
  switch (r.kind) {
    case "boolean":
      if (typeof v !== "boolean") throw new TypeError(`\`${name}\` must be a boolean, got ${typeof v}`);
      return;
    case "number":
      return checkNumber(name, v as number, r.range, s);
    case "list": {
      const xs = v as number[];
      const [least, most] = r.length ?? [1, Infinity];
      if (xs.length < least || xs.length > most) {
        throw new RangeError(`\`${name}\` must hold ${lengthText(least, most)}, got ${xs.length}`);
      }
      xs.forEach((x, i) => checkNumber(`${name}[${i}]`, x, r.each, s));
      if (r.distinct && new Set(xs).size !== xs.length) {
        throw new RangeError(`\`${name}\` must hold distinct values, got ${JSON.stringify(xs)}`);
      }
      return;
    }
    case "pair": {
      const pairs = r.list ? v as [number, number][] : [v as [number, number]];
      if (r.list && pairs.length === 0) {
        throw new RangeError(`\`${name}\` must hold at least one [${r.names.join(", ")}]`);
      }
      pairs.forEach((p, i) => {
        const at = r.list ? `${name}[${i}]` : name;
        if (!Array.isArray(p) || p.length !== 2) {
          throw new RangeError(`\`${at}\` must be a pair [${r.names.join(", ")}], got ${JSON.stringify(p)}`);
        }
        checkNumber(`${at}[0]`, p[0], r.each, s);
        checkNumber(`${at}[1]`, p[1], r.each, s);
        if (!(p[0] < p[1])) {
          throw new RangeError(`\`${at}\` must have ${r.names[0]} < ${r.names[1]}, got ${JSON.stringify(p)}`);
        }
      });
      return;
    }
    case "record":
      for (const [k, kr] of Object.entries(r.keys)) {
        checkNumber(`${name}.${k}`, (v as Record<string, number>)[k], kr, s);
      }
      return;
  }
}

function lengthText(least: number, most: number): string {
  if (most === Infinity) return least === 1 ? "at least one value" : `at least ${least} values`;
  return least === most ? `${least} values` : `${least} to ${most} values`;
}

/** A bound as a comment writes it: a large round number in JavaScript's exponent form (`1e10`, `1.6e8`). */
function boundText(b: number | string): string {
  if (typeof b === "string" || !Number.isInteger(b) || Math.abs(b) < 1e6) return String(b);
  const m = /^(-?\d(?:\.\d{1,2})?)e\+(\d+)$/.exec(b.toExponential());
  return m ? `${m[1]}e${m[2]}` : String(b);
}

function numberText(r: NumberRange): string {
  const kind = r.integer ? "integer " : "";
  const lo = r.min === undefined ? undefined : boundText(r.min);
  const hi = r.max === undefined ? undefined : boundText(r.max);
  if (lo !== undefined && hi !== undefined) {
    return `${kind}in ${
      formatInterval({
        min: lo as unknown as number,
        max: hi as unknown as number,
        minOpen: r.minOpen,
        maxOpen: r.maxOpen,
      })
    }`;
  }
  if (lo !== undefined) return `${kind}${r.minOpen ? ">" : "≥"} ${lo}`;
  if (hi !== undefined) return `${kind}${r.maxOpen ? "<" : "≤"} ${hi}`;
  return r.integer ? "integer" : "any number";
}

/**
 * A parameter's range in words, as the notebook's parameter comment states it.
 * @throws {TypeError} if `r` is not an object; {RangeError} if its `kind` is not one of the kinds.
 * @example rangeText({ kind: "list", each: { min: 0, max: 0.5, minOpen: true } }) // => "each in (0, 0.5]"
 * @example rangeText({ kind: "pair", names: ["N1", "N2"], each: { min: 1 }, list: true }) // => "[N1, N2] with 1 ≤ N1 < N2"
 */
export function rangeText(r: ParameterRange): string {
  requireObject("r", r);
  if (!KINDS.includes(r.kind)) {
    throw new RangeError(`\`r.kind\` must be one of ${KINDS.join(", ")}, got ${JSON.stringify(r.kind)}`);
  }
  switch (r.kind) {
    case "boolean":
      return "boolean";
    case "number":
      return numberText(r.range);
    case "list": {
      const [least, most] = r.length ?? [1, Infinity];
      const count = r.length ? `${lengthText(least, most)}, ` : "";
      return `${count}${r.distinct ? "distinct, " : ""}each ${numberText(r.each)}`;
    }
    case "pair": {
      const { min, max, minOpen, maxOpen, integer } = r.each;
      const lo = min === undefined ? "" : `${boundText(min)} ${minOpen ? "<" : "≤"} `;
      const hi = max === undefined ? "" : ` ${maxOpen ? "<" : "≤"} ${boundText(max)}`;
      const kind = integer ? ", integers" : "";
      return `[${r.names.join(", ")}] with ${lo}${r.names[0]} < ${r.names[1]}${hi}${kind}`;
    }
    case "record":
      return Object.entries(r.keys).map(([k, kr]) => `${k} ${numberText(kr)}`).join(", ");
  }
}
