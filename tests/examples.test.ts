/**
 * Every doc-comment example that states its result runs here (simple-statistics' convention): in an
 * `@example`, a line `expression // => value` is evaluated and compared with `value`; other lines are
 * run as set-up statements (in order, so a later line can use an earlier `const`). The examples are
 * found by scanning `src/` (every `.ts` file but the browser entries of `src/live/` that touch the DOM),
 * so a module added later is covered without touching this file.
 *
 * What a value may be, and how it is compared (the tolerance is stated by how the value is written):
 * - a number (`729`, `-1`, `6.25e-6`, `1/3`, `NaN`, `Infinity`): equal to it up to floating-point rounding
 *   (relative 1e-12);
 * - `≈ 0.2667`: the result rounded to the digits written (|result − 0.2667| ≤ 0.00005); `≈ 0.577…`: the
 *   digits written are a truncation (within one unit of the last); `≈ 3 ± 0.1`: within the stated ±;
 * - a string (`"1/2"`), `true`, `false`, `null`, `undefined`: equal;
 * - an array `[1, 2]` (also matching a typed array) or an object `{ h: 0.3814, dim: 3 }` (the same keys):
 *   element by element, with `≈` applying to every number inside.
 * Text after the value is commentary (`// => 40 (a = 2, α = 0.1)`). An example line that ends in a
 * comment holding only a value but without the `=>` fails, so that a value cannot be written without
 * being checked.
 *
 * Examples run with every name exported by `src/mod.ts`, `src/figures/mod.ts` and `src/display.ts` in
 * scope, `readInput` (the checked input files), and every name exported by their own module (private
 * helpers included); anything else an example needs it defines itself.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { transform } from "esbuild";
import * as api from "../src/mod";
import * as figures from "../src/figures/mod";
import * as display from "../src/display";
import { readInput } from "../src/findings/inputs";

// ---------------------------------------------------------------------------------------------
// Finding the examples.

/** Modules not scanned: browser entries of the live edition (they need a DOM at load). */
const NOT_LOADABLE = /^src\/live\/(?!(_memo|chinchilla_runs|format|lm_genres|measured_runs|openlm_runs|ranges)\.ts$)/;

/**
 * Files whose examples are not yet in the `// =>` form: the guard against an unchecked value skips
 * them (their `// =>` lines still run). Each with why; remove an entry once its file is converted.
 */
const PENDING: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = `${dir}/${f}`;
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

interface Example {
  file: string;
  /** 1-based line of the `@example` tag. */
  line: number;
  /** The example's lines, without the comment's `*`. */
  lines: string[];
}

function examplesOf(file: string): Example[] {
  const out: Example[] = [];
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const first = text.slice(0, m.index).split("\n").length;
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("@example")) continue;
      const body = [lines[i].slice("@example".length).trim()];
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith("@")) body.push(lines[j++]);
      out.push({ file, line: first + i, lines: body.filter((l) => l.trim() !== "") });
      i = j - 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading an expected value.

/** An expected number: its value and how far the result may be from it. */
class Num {
  constructor(readonly value: number, readonly halfUnit: number, readonly truncated: boolean) {}
}
type Expected = Num | string | boolean | null | undefined | Expected[] | { [key: string]: Expected };

/** Reads one literal at the start of `s`; returns it and the rest, or null if `s` starts with none. */
function readLiteral(s: string): { value: Expected; rest: string } | null {
  s = s.trimStart();
  const num = /^(-?)(Infinity|NaN|(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?)(…)?(?:\/(\d+)(?![\d.]))?/.exec(s);
  if (num && num[0] !== "-") {
    const [all, sign, body, , decimals, exponent, ellipsis, denominator] = num;
    if (body === "Infinity" || body === "NaN") {
      return { value: new Num(Number(sign + body), 0, false), rest: s.slice(all.length) };
    }
    const numerator = Number(sign + body);
    if (denominator !== undefined) {
      return { value: new Num(numerator / Number(denominator), 0, false), rest: s.slice(all.length) };
    }
    const unit = 10 ** (-(decimals?.length ?? 0) + Number(exponent ?? 0));
    return { value: new Num(numerator, unit / 2, ellipsis !== undefined), rest: s.slice(all.length) };
  }
  const str = /^"(?:[^"\\]|\\.)*"/.exec(s);
  if (str) return { value: JSON.parse(str[0]) as string, rest: s.slice(str[0].length) };
  const single = /^'((?:[^'\\]|\\.)*)'/.exec(s);
  if (single) {
    return { value: JSON.parse(`"${single[1].replace(/"/g, '\\"')}"`) as string, rest: s.slice(single[0].length) };
  }
  for (const [word, value] of [["true", true], ["false", false], ["null", null], ["undefined", undefined]] as const) {
    if (new RegExp(`^${word}(?![\\w$])`).test(s)) return { value, rest: s.slice(word.length) };
  }
  if (s.startsWith("[")) {
    const items: Expected[] = [];
    let rest = s.slice(1).trimStart();
    while (!rest.startsWith("]")) {
      const item = readLiteral(rest);
      if (!item) return null;
      items.push(item.value);
      rest = item.rest.trimStart();
      if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith("]")) return null;
    }
    return { value: items, rest: rest.slice(1) };
  }
  if (s.startsWith("{")) {
    const record: { [key: string]: Expected } = {};
    let rest = s.slice(1).trimStart();
    while (!rest.startsWith("}")) {
      const key = /^([A-Za-z_$][\w$]*|"[^"]*")\s*:/.exec(rest);
      if (!key) return null;
      const item = readLiteral(rest.slice(key[0].length));
      if (!item) return null;
      record[key[1].replace(/"/g, "")] = item.value;
      rest = item.rest.trimStart();
      if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith("}")) return null;
    }
    return { value: record, rest: rest.slice(1) };
  }
  return null;
}

interface Expectation {
  value: Expected;
  approximate: boolean;
  /** An explicit `± tol`, overriding the digits written. */
  plusMinus?: number;
}

/** Parses what follows `// =>`; throws when it is no value. */
function readExpectation(text: string): Expectation {
  let s = text.trim();
  const approximate = s.startsWith("≈");
  if (approximate) s = s.slice(1);
  const literal = readLiteral(s);
  if (!literal) throw new Error(`\`// => ${text.trim()}\` does not start with a value`);
  const pm = /^\s*±\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(literal.rest);
  if (pm && !approximate) throw new Error(`\`// => ${text.trim()}\`: a ± tolerance needs ≈`);
  const rest = pm ? literal.rest.slice(pm[0].length) : literal.rest;
  if (rest !== "" && !/^(\s|[;,:])/.test(rest) || /^\s*[-+*/^·×]/.test(rest)) {
    throw new Error(`\`// => ${text.trim()}\`: the value runs into \`${rest}\``);
  }
  return { value: literal.value, approximate, plusMinus: pm ? Number(pm[1]) : undefined };
}

/** Where `actual` differs from `expected`, or null when it matches. */
function mismatch(actual: unknown, expected: Expected, e: Expectation, path = "result"): string | null {
  if (expected instanceof Num) {
    if (typeof actual !== "number") return `${path} is ${typeof actual}, expected a number`;
    if (Number.isNaN(expected.value) || !Number.isFinite(expected.value)) {
      return Object.is(actual, expected.value) ? null : `${path} is ${actual}, expected ${expected.value}`;
    }
    const tol = !e.approximate
      ? 1e-12 * Math.max(1, Math.abs(expected.value))
      : e.plusMinus ?? (expected.truncated ? 2 * expected.halfUnit : expected.halfUnit) * (1 + 1e-9);
    const ok = expected.truncated && e.approximate && e.plusMinus === undefined
      ? Math.abs(actual - expected.value) <= tol && Math.sign(actual - expected.value) !== -Math.sign(expected.value)
      : Math.abs(actual - expected.value) <= tol;
    return ok
      ? null
      : `${path} is ${actual}, expected ${e.approximate ? "≈ " : ""}${expected.value} (tolerance ${tol})`;
  }
  if (Array.isArray(expected)) {
    const isList = Array.isArray(actual) || ArrayBuffer.isView(actual);
    if (!isList) return `${path} is not an array`;
    const list = Array.from(actual as ArrayLike<unknown>);
    if (list.length !== expected.length) return `${path} has length ${list.length}, expected ${expected.length}`;
    for (let i = 0; i < list.length; i++) {
      const m = mismatch(list[i], expected[i], e, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return `${path} is not an object`;
    const keys = Object.keys(actual as object).sort(), want = Object.keys(expected).sort();
    if (keys.join() !== want.join()) return `${path} has keys ${keys.join(", ")}, expected ${want.join(", ")}`;
    for (const k of want) {
      const m = mismatch((actual as Record<string, unknown>)[k], expected[k], e, `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
}

// ---------------------------------------------------------------------------------------------
// Running an example.

const ARROW = /\/\/\s*=>(.*)$/;

/** A trailing `// comment` that holds only a value (for the guard against unchecked values). */
function uncheckedValue(line: string): boolean {
  const m = /^(.*\S)\s*\/\/\s*(?!=>)(.+)$/.exec(line);
  if (!m || /^\s*\/\//.test(line) || m[1].trim().startsWith("*")) return false;
  try {
    readExpectation(m[2]);
    return true;
  } catch {
    return false;
  }
}

const shared: Record<string, unknown> = { ...api, ...figures, ...display, readInput };

/** Open brackets in `code` (outside strings and comments), roughly. */
function bracketDepth(code: string): number {
  const bare = code.replace(/\/\/.*$/gm, "").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "");
  return (bare.match(/[([{]/g) ?? []).length - (bare.match(/[)\]}]/g) ?? []).length;
}

/** Runs one example; returns what went wrong (empty when every stated value matches). */
async function runExample(ex: Example, own: Record<string, unknown>): Promise<string[]> {
  const scope: Record<string, unknown> = { ...shared, ...own };
  const expectations: Expectation[] = [];
  const where = `${ex.file}:${ex.line}`;
  const stated = ex.lines.filter((l) => ARROW.test(l)).map((l) => l.trim());
  try {
    // A checked expression may start on earlier lines: those left with brackets open.
    const out: string[] = [];
    let open: string[] = [];
    for (const line of ex.lines) {
      const m = ARROW.exec(line);
      if (!m) {
        open.push(line);
        if (bracketDepth(open.join("\n")) === 0) (out.push(...open), open = []);
        continue;
      }
      expectations.push(readExpectation(m[1]));
      const expr = [...open, line.slice(0, m.index)].join("\n").trim().replace(/;$/, "");
      out.push(`__check(${expectations.length - 1}, (${expr}));`);
      open = [];
    }
    const code = [...out, ...open].join("\n");
    const js = (await transform(code, { loader: "ts", format: "esm" })).code;
    const used = [...new Set(js.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) =>
      n in scope && n !== "__check" && n !== "default"
    );
    const results: unknown[] = [];
    const run = new Function(
      "__scope",
      "__check",
      `return (async () => {\nconst { ${used.join(", ")} } = __scope;\n${js}\n})();`,
    );
    await run(scope, (i: number, value: unknown) => (results[i] = value));
    return expectations.flatMap((e, i) => {
      const m = mismatch(results[i], e.value, e);
      return m ? [`${where}: ${stated[i]}: ${m}`] : [];
    });
  } catch (error) {
    return [`${where}: ${ex.lines.join(" ⏎ ")}: threw ${String(error).split("\n")[0]}`];
  }
}

// ---------------------------------------------------------------------------------------------

const files = sources("src").filter((f) => !NOT_LOADABLE.test(f));
const examples = files.flatMap(examplesOf);

describe("doc-comment examples", () => {
  it("finds the examples (a scan that finds none would check nothing)", () => {
    expect(examples.length).toBeGreaterThan(200);
    expect(examples.filter((ex) => ex.lines.some((l) => ARROW.test(l))).length).toBeGreaterThan(150);
  });

  it("writes every value in an example as `// => value`, so that it is checked", () => {
    const unchecked = examples.filter((ex) => !(ex.file in PENDING))
      .flatMap((ex) => ex.lines.filter(uncheckedValue).map((l) => `${ex.file}:${ex.line}: ${l.trim()}`));
    expect(unchecked, "write `// => value` (see tests/examples.test.ts)").toEqual([]);
  });

  for (const file of files) {
    const own = examples.filter((ex) => ex.file === file && ex.lines.some((l) => ARROW.test(l)));
    if (own.length === 0) continue;
    it(`${file}: ${own.length} example${own.length > 1 ? "s" : ""} give the values they state`, async () => {
      const mod = await import(`../${file}`) as Record<string, unknown>;
      const failures: string[] = [];
      for (const ex of own) failures.push(...await runExample(ex, mod));
      expect(failures).toEqual([]);
    }, 600_000); // a table's example runs its notebook's whole analysis (minutes on a loaded machine)
  }
});

describe("the example checker itself", () => {
  const check = (actual: unknown, text: string) => mismatch(actual, readExpectation(text).value, readExpectation(text));
  it("compares exact numbers up to rounding and approximate ones to the digits written", () => {
    expect(check(0.1 + 0.2, "0.3")).toBeNull();
    expect(check(0.301, "0.3")).not.toBeNull();
    expect(check(4 / 15, "≈ 0.2667")).toBeNull();
    expect(check(0.26676, "≈ 0.2667")).not.toBeNull();
    expect(check(3.2217e10, "≈ 3.22e10 parameters")).toBeNull();
    expect(check(3.4e10, "≈ 3.22e10")).not.toBeNull();
    expect(check(1 / Math.sqrt(3), "≈ 0.577…")).toBeNull();
    expect(check(0.5779, "≈ 0.577…")).toBeNull();
    expect(check(0.5769, "≈ 0.577…")).not.toBeNull();
    expect(check(2.95, "≈ 3 ± 0.1")).toBeNull();
    expect(check(2.85, "≈ 3 ± 0.1")).not.toBeNull();
    expect(check(1 / 729, "1/729 (eq. 7)")).toBeNull();
    expect(check(Number.NaN, "NaN")).toBeNull();
  });
  it("compares strings, arrays, typed arrays and records", () => {
    expect(check("1/2", '"1/2"')).toBeNull();
    expect(check("1/2", '"1/3"')).not.toBeNull();
    expect(check(new Int32Array([1]), "[1]")).toBeNull();
    expect(check([1, 2], "[1, 2, 3]")).not.toBeNull();
    expect(check({ h: 0.38142, dim: 3 }, "≈ { h: 0.3814, dim: 3 }")).toBeNull();
    expect(check({ h: 0.38142 }, "≈ { h: 0.3814, dim: 3 }")).not.toBeNull();
    expect(check(true, "true; more")).toBeNull();
  });
  it("refuses what is not a value, and spots a value written without =>", () => {
    expect(() => readExpectation("chinchillaLoss(law, 7e10, 1e11)")).toThrow(/does not start with a value/);
    expect(() => readExpectation("1e6x")).toThrow(/runs into/);
    expect(uncheckedValue("f(1) // 2")).toBe(true);
    expect(uncheckedValue("f(1) // => 2")).toBe(false);
    expect(uncheckedValue("show(f()) // in a notebook")).toBe(false);
  });
});
