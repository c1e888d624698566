/**
 * No silent NaN in the public API: every function exported from src/mod.ts, found dynamically (a new
 * export is covered without touching this file), is called with arguments of which at least one is
 * invalid — NaN, ±Infinity, a value of the wrong type, a plausible object or array with one field
 * made invalid, an option object with a misspelt key — and must throw (a RangeError or TypeError).
 * A second property calls it with extreme but finite numbers: it must throw or return finite numbers
 * only. fast-check draws the other arguments from a pool of plausible values, so most calls have
 * every argument valid but the one made invalid.
 *
 * Parameters are read from the function's own source (names, defaults): a parameter named
 * `options`/`settings` or defaulting to an object literal or an UPPER_CASE constant is an option
 * object, and the keys the function reads from it are its known keys.
 *
 * EXEMPT lists the few exports that legitimately accept any value in some position, each with why;
 * extend it (with a reason) only for such a function. CLASS_METHODS drives class instances.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as api from "../src/mod";
import { KdTree } from "../src/measure/kdtree";
import { Random } from "../src/stats/random";

/**
 * Exports allowed to accept some "invalid" values, and why: `positions` that accept anything,
 * `allow` values that are valid by design, `ignoredFields` of a record argument the function never
 * reads (a bad value there changes nothing). Without `positions`, `allow` or `ignoredFields` the
 * export is not driven at all.
 */
const EXEMPT: Record<string, { positions?: number[]; allow?: unknown[]; ignoredFields?: string[]; why: string }> = {
  tableFromRows: {
    positions: [0],
    why: "rows are arbitrary records; values are checked when formatted (tableToCsv, tableToMarkdown)",
  },
  formatHolder: {
    allow: [null],
    why: "null is its documented value for a smooth target (no Hölder exponent), printed as an empty cell",
  },
  fitData: {
    ignoredFields: ["line", "C"],
    why: "packs N, D and the loss of each run; a run's line number and compute are not used",
  },
  fitLaw: {
    ignoredFields: ["line", "C"],
    why:
      "fits N, D and the loss of each run (through fitData) and keeps only those; a run's line number and compute are not used",
  },
  runsBeyondCrossover: { ignoredFields: ["line", "C", "loss"], why: "counts runs by N and D only" },
};

/** Classes: how to make a valid instance, and its methods to drive (with their arity). */
const CLASS_METHODS: Record<string, { make: () => object; methods: Record<string, number> }> = {
  KdTree: { make: () => new KdTree(new Float64Array([0, 0, 1, 0, 0, 1, 1, 1, 0.5, 0.5]), 2), methods: { query: 2 } },
  Random: { make: () => new Random(1), methods: { uniformIn: 2, int: 1, uniforms: 1, normals: 1 } },
  // the constructor only: a valid instance's resample() refits up to 100,000 resamples, too slow to drive here
  // (its options are checked in tests/fit/lm_fit.test.ts)
  ClusterBootstrap: { make: () => ({}), methods: {} },
};

// ---------------------------------------------------------------------------------------------
// Reading a function's parameters from its source.

interface Param {
  name: string;
  defaultText?: string;
  isOptions: boolean;
  keys: string[];
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = "", quote = "";
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== "");
}

/** `fn` is any function or class: only its source text is read. */
function paramsOf(fn: ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown)): Param[] {
  const src = String(fn);
  // a class's parameters are its constructor's (its source may hold comments with parentheses before it)
  const ctor = /^class\b/.test(src) ? src.indexOf("constructor(") : -1;
  if (/^class\b/.test(src) && ctor < 0) return [];
  const open = ctor >= 0 ? ctor + "constructor".length : src.indexOf("(");
  let depth = 0, close = open;
  for (let i = open; i < src.length; i++) {
    if (src[i] === "(") depth++;
    if (src[i] === ")" && --depth === 0) {
      close = i;
      break;
    }
  }
  const body = src.slice(close);
  return splitTopLevel(src.slice(open + 1, close)).map((p) => {
    const eq = p.indexOf("=");
    const name = (eq >= 0 ? p.slice(0, eq) : p).trim();
    const defaultText = eq >= 0 ? p.slice(eq + 1).trim() : undefined;
    const isOptions = /^(options|opts|settings|config)$/.test(name) || name.startsWith("{") ||
      (defaultText !== undefined && /^\{/.test(defaultText));
    const keys = name.startsWith("{")
      ? splitTopLevel(name.slice(1, -1)).map((k) => k.split(/[:=]/)[0].trim())
      : [...new Set([...body.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))].map((m) => m[1]))];
    return { name, defaultText, isOptions, keys };
  });
}

// ---------------------------------------------------------------------------------------------
// Plausible values (the pool the other arguments come from) and invalid ones.

const law = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const runs = Array.from({ length: 12 }, (_, i) => {
  const N = 1e8 * 2 ** i, D = 2e9 * 1.5 ** i;
  return { line: i + 2, N, D, C: 6 * N * D, loss: 1.7 + 400 / N ** 0.34 + 400 / D ** 0.28 };
});
const summary = { parameter: "alpha", estimate: 0.34, stderr: 0.02, ci_low: 0.3, ci_high: 0.38 };

function plausible(): unknown[] {
  return [
    0.1,
    0.2,
    0.5,
    1,
    2,
    3,
    4,
    8,
    10,
    100,
    1e6,
    1 / 3,
    [1, 2, 3],
    [0.1, 0.2, 0.4, 0.8],
    [1, 10, 100, 1000],
    new Float64Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]),
    new Float64Array([1, 2, 3, 4]),
    { ...law },
    runs.map((r) => ({ ...r })),
    { ...summary },
    new Random(7),
    {},
  ];
}

/** A function: invalid wherever a number, array or record is expected. */
function A_FUNCTION(): number {
  return 1;
}

/** Invalid wherever a parameter expects a number, an array, an object or a string of digits. */
const SCALAR_BAD: unknown[] = [NaN, Infinity, -Infinity, null, true, Symbol("s"), A_FUNCTION];

/** An invalid value, and the field of a record that was made invalid (if any). */
interface Bad {
  value: unknown;
  field?: string;
}

/** Variants of a plausible value with one element or field made invalid. */
function corrupted(v: unknown): Bad[] {
  const bad = [NaN, Infinity, "2"];
  if (Array.isArray(v) && v.length && typeof v[0] === "number") return bad.map((b) => ({ value: [b, ...v.slice(1)] }));
  if (v instanceof Float64Array) {
    return [NaN, Infinity].map((b) => ({ value: Float64Array.from(v, (x, i) => (i === 1 ? b : x)) }));
  }
  if (Array.isArray(v) && v.length && typeof v[0] === "object") {
    return Object.keys(v[0] as object).flatMap((k) =>
      bad.map((b) => ({ value: v.map((r, i) => (i === 3 ? { ...r, [k]: b } : { ...r })), field: k }))
    );
  }
  if (v && typeof v === "object" && !(v instanceof Random) && Object.keys(v).length) {
    return Object.keys(v).flatMap((k) => bad.map((b) => ({ value: { ...(v as object), [k]: b }, field: k })));
  }
  return [];
}

const BAD_VALUES: Bad[] = [...SCALAR_BAD.map((value) => ({ value })), ...plausible().flatMap(corrupted)];

function optionBad(p: Param): Bad[] {
  const out: unknown[] = [NaN, "2", null, 3, [1], { resamplez: 1 }];
  for (const k of p.keys) out.push({ [k]: NaN }, { [k]: "2" }, { [k]: -Infinity });
  return out.map((value) => ({ value }));
}

function containsNonFinite(v: unknown, depth = 0): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (depth > 3 || v === null || typeof v !== "object") return false;
  if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array).some((x) => !Number.isFinite(x));
  if (Array.isArray(v)) return v.slice(0, 200).some((x) => containsNonFinite(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return false; // tables, class instances
  return Object.values(v).some((x) => containsNonFinite(x, depth + 1));
}

const show = (v: unknown): string => {
  if (typeof v === "number" || typeof v === "symbol" || typeof v === "function") return String(v);
  if (v instanceof Float64Array) {
    return `Float64Array(${v.length})[${Array.from(v.subarray(0, 8)).join(",")}${v.length > 8 ? ",…" : ""}]`;
  }
  if (v instanceof Random) return "Random";
  try {
    if (Array.isArray(v) && v.length > 8) return `[${v.slice(0, 8).map(show).join(",")},… (${v.length})]`;
    return JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x))?.slice(
      0,
      120,
    ) ?? String(v);
  } catch {
    return String(v);
  }
};

/**
 * Whether an error is one of the library's refusals rather than the engine's own: those name the
 * parameter (or the field) in backticks, as src/_util/validate.ts words them. "Cannot read properties of
 * null", "x is not iterable", "Cannot convert a Symbol value to a number" are the engine tripping over
 * an unchecked argument, not a refusal.
 */
function ours(e: unknown): boolean {
  return e instanceof Error && /`[^`]+`/.test(e.message);
}

// ---------------------------------------------------------------------------------------------

interface Target {
  name: string;
  call: (args: unknown[]) => unknown;
  params: Param[];
}

function targets(): Target[] {
  const out: Target[] = [];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== "function") continue;
    if (CLASS_METHODS[name]) {
      const { make, methods } = CLASS_METHODS[name];
      out.push({
        name: `new ${name}`,
        call: (a) => new (value as new (...x: unknown[]) => unknown)(...a),
        params: paramsOf(value).slice(0, Math.max(value.length, 1)),
      });
      for (const [m, arity] of Object.entries(methods)) {
        const inst = make() as Record<string, (...x: unknown[]) => unknown>;
        const ps = paramsOf(inst[m]);
        out.push({
          name: `${name}.${m}`,
          call: (a) => make() && inst[m](...a),
          params: ps.length
            ? ps
            : Array.from({ length: arity }, (_, i) => ({ name: `a${i}`, isOptions: false, keys: [] })),
        });
      }
      continue;
    }
    out.push({ name, call: (a) => (value as (...x: unknown[]) => unknown)(...a), params: paramsOf(value) });
  }
  return out;
}

const all = targets();

describe("every export of src/mod.ts refuses invalid arguments (fast-check)", () => {
  it("finds the exported functions", () => {
    expect(all.length).toBeGreaterThan(100);
  });
  it("lists in EXEMPT and CLASS_METHODS only exports of src/mod.ts (no stale exemption)", () => {
    const exported = new Set(Object.keys(api).filter((k) => typeof (api as Record<string, unknown>)[k] === "function"));
    expect([...Object.keys(EXEMPT), ...Object.keys(CLASS_METHODS)].filter((k) => !exported.has(k))).toEqual([]);
  });

  const driven = all.filter((t) => t.params.length > 0);
  for (const t of driven) {
    it(`${t.name}(${t.params.map((p) => p.name).join(", ")}) throws on an invalid argument`, () => {
      const exempt = EXEMPT[t.name.replace(/^new /, "")];
      const positions = t.params.map((_, i) => i).filter((i) => !exempt?.positions?.includes(i));
      if (exempt && !exempt.positions && !exempt.allow && !exempt.ignoredFields) return;
      const pool = plausible();
      const arb = fc.record({
        at: fc.constantFrom(...positions),
        others: fc.array(fc.constantFrom(...pool.map((_, i) => i), -1), {
          minLength: t.params.length,
          maxLength: t.params.length,
        }),
        pick: fc.nat(),
      });
      const failures: string[] = [];
      fc.assert(
        fc.property(arb, ({ at, others, pick }) => {
          const p = t.params[at];
          const bads = p.isOptions ? optionBad(p) : BAD_VALUES;
          const { value: bad, field } = bads[pick % bads.length];
          if (exempt?.allow?.some((a) => Object.is(a, bad))) return true;
          if (field && exempt?.ignoredFields?.includes(field)) return true;
          const fresh = plausible();
          const args = others.map((
            k,
            i,
          ) => (i === at ? bad : k < 0 ? (t.params[i].defaultText !== undefined ? undefined : fresh[0]) : fresh[k]));
          // Leave out trailing undefined so defaults apply.
          while (args.length && args[args.length - 1] === undefined && args.length - 1 !== at) args.pop();
          let returned: unknown;
          try {
            returned = t.call(args);
          } catch (e) {
            if (!(e instanceof RangeError || e instanceof TypeError)) {
              failures.push(
                `threw ${(e as Error)?.constructor?.name} (not RangeError/TypeError) for \`${p.name}\` = ${
                  show(bad)
                } in (${args.map(show).join(", ")}): ${(e as Error)?.message?.slice(0, 100)}`,
              );
            } else if (!ours(e)) {
              failures.push(
                `threw a JavaScript-internal ${
                  (e as Error).constructor.name
                } (not a named refusal) for \`${p.name}\` = ${show(bad)} in (${args.map(show).join(", ")}): ${
                  (e as Error).message.slice(0, 100)
                }`,
              );
            }
            return true;
          }
          failures.push(
            `returned ${show(returned)} for \`${p.name}\` = ${show(bad)} in (${args.map(show).join(", ")})`,
          );
          return true;
        }),
        { seed: 20260601, numRuns: 300 },
      );
      expect([...new Set(failures)].slice(0, 5), `${t.name}: silent return or wrong error type`).toEqual([]);
    });
  }
});

describe("every export of src/mod.ts returns finite numbers or throws, for extreme finite numbers", () => {
  // Huge positive values are left out: every float above 2^53 is an integer, and a size or dimension
  // of 1e300 is a loop bound, not a numerical hazard. Tiny values are where overflow shows (2^(1/α)).
  const EXTREME = [-1e300, 1e-300, 5e-324, 0, -0.5, 0.5, 1e-15, 7.5];
  const numeric = all.filter((t) => t.params.length > 0 && !t.params.some((p) => p.isOptions));
  for (const t of numeric) {
    it(`${t.name}: no NaN or Infinity in a return`, () => {
      const failures: string[] = [];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...EXTREME), { minLength: t.params.length, maxLength: t.params.length }),
          (args) => {
            let r: unknown;
            try {
              r = t.call(args);
            } catch {
              return true;
            }
            if (containsNonFinite(r)) failures.push(`(${args.join(", ")}) returned ${show(r)}`);
            return true;
          },
        ),
        { seed: 20260601, numRuns: 60 },
      );
      expect(failures.slice(0, 5)).toEqual([]);
    });
  }
});

describe("the silent returns found by the adversarial pass of issue 10 now throw", () => {
  it("chinchillaLoss with alpha = NaN", () => {
    expect(() => api.chinchillaLoss({ ...law, alpha: NaN }, 7e10, 1.4e12)).toThrow(RangeError);
  });
  it('cascadeZeta2(0.2, "2") (was 4.07)', () => {
    expect(() => api.cascadeZeta2(0.2, "2" as unknown as number)).toThrow(TypeError);
  });
  it("KdTree.query with a NaN query (was neighbour 0 at distance 0)", () => {
    const tree = new KdTree(new Float64Array([0, 0, 1, 1, 2, 2]), 2);
    expect(() => tree.query(new Float64Array([NaN, 0]), 1)).toThrow("`queries[0]` must be a finite number, got NaN");
  });
  it("fitChinchilla with fewer runs than six (was five parameters fitted to one run)", () => {
    expect(() => api.fitChinchilla(api.fitData(runs.slice(0, 1)))).toThrow("`data` must hold at least 6 runs");
  });
  it("a misspelt option is refused, naming it", () => {
    const data = api.fitData(runs);
    const fit = { law, vector: api.lawToVector(law) } as unknown as Parameters<typeof api.bootstrapChinchilla>[1];
    expect(() => api.bootstrapChinchilla(data, fit, { resamplez: 10 } as never)).toThrow(
      "`options` has no option `resamplez`",
    );
  });
  it("tables refuse to print Infinity", () => {
    expect(() => api.formatNumber(Infinity)).toThrow(RangeError);
    expect(() => api.tableToMarkdown(api.tableFromRows([{ x: 1e308 * 10 }], ["x"]))).toThrow(RangeError);
    expect(() => api.resourceFactor(2, 1e-4)).toThrow("`alpha` = 0.0001 is out of range");
  });
  it("cutLoss, zScore, huberObjective and vectorToLaw refuse NaN", () => {
    expect(() => api.cutLoss({ L0: 1, K: NaN, gamma: 0.3 }, 10)).toThrow(RangeError);
    expect(() => api.zScore({ parameter: "alpha", estimate: NaN, stderr: 0.01, ci_low: 0.3, ci_high: 0.4 }, law))
      .toThrow(RangeError);
    expect(() => api.huberObjective([NaN, 1, 1, 0.3, 0.3], api.fitData(runs))).toThrow(RangeError);
    expect(() => api.vectorToLaw([1, 2, NaN, 0.3, 0.3])).toThrow(RangeError);
  });
});

describe("issue 18: the silent failures an adversarial pass found now throw, or give the right value", () => {
  it("misspelt option keys are refused, naming the key (weierstrassTarget, betaCascade, randomEmbedding)", () => {
    expect(() => api.weierstrassTarget({ d: 1, h: 1 / 3, seed: 1, maxWavenumber: 100, lamda: 3 } as never)).toThrow(
      "`options` has no option `lamda`",
    );
    expect(() => api.betaCascade({ levels: 4, codimension: 0.2, seed: 1, h_0: 0.3 } as never)).toThrow(
      "`options` has no option `h_0`",
    );
    expect(() => api.randomEmbedding({ d: 2, D: 4, seed: 1, amplitud: 0.1 } as never)).toThrow(
      "`options` has no option `amplitud`",
    );
  });
  it("minimizeLbfgs refuses an objective that writes no gradient (it used to report convergence at x0)", () => {
    expect(() => api.minimizeLbfgs(((x: Float64Array) => (x[0] - 1) ** 2) as never, [0])).toThrow(
      "`fg` must write the gradient into its second argument (g[0] was not set at `x0`)",
    );
  });
  it("twoNN refuses a lattice: a grid, equally spaced points on a line, a regular polygon (was NaN, ∞, 4.9e14)", () => {
    const grid = new Float64Array(2 * 400);
    for (let i = 0; i < 400; i++) [grid[2 * i], grid[2 * i + 1]] = [i % 20, Math.floor(i / 20)];
    const line = Float64Array.from({ length: 100 }, (_, i) => i / 99);
    const circle = new Float64Array(2 * 360);
    for (let i = 0; i < 360; i++) {
      [circle[2 * i], circle[2 * i + 1]] = [Math.cos((2 * Math.PI * i) / 360), Math.sin((2 * Math.PI * i) / 360)];
    }
    for (const [pts, dim] of [[grid, 2], [line, 1], [circle, 2]] as const) {
      expect(() => api.twoNN(pts, dim)).toThrow("`points` are on a lattice: TwoNN's ratio distribution is degenerate");
    }
    // a jittered grid is a sample again: an estimate near 2
    const rng = new Random(3);
    const jittered = grid.map((v) => v + 0.3 * (rng.uniform() - 0.5));
    expect(api.twoNN(jittered, 2).estimate).toBeGreaterThan(1.5);
  });
  it("fitChinchilla refuses runs that cannot identify the law (six copies of one run)", () => {
    const copies = api.fitData(Array.from({ length: 6 }, () => ({ ...runs[4] })));
    expect(() => api.fitChinchilla(copies)).toThrow(
      "`data` cannot identify the law: its runs have 1 distinct N (at least 3 are needed to fit E, A and alpha)",
    );
  });
  it("exponentFromDoublingChange keeps tiny changes: -log1p(-c)/ln 2 (was -0 at 1e-17)", () => {
    // alpha = -log2(1 - c) ≈ c/ln 2 for small c, to relative O(c)
    expect(api.exponentFromDoublingChange(1e-17)).toBeCloseTo(1e-17 / Math.LN2, 30);
    expect(api.exponentFromDoublingChange(1e-17) / (1e-17 / Math.LN2)).toBeCloseTo(1, 14);
    expect(api.exponentFromDoublingChange(api.lossChangePerDoubling(1e-9)) / 1e-9).toBeCloseTo(1, 12);
  });
  it("superscript refuses integers above 2^53 (1e21 printed ¹²¹)", () => {
    expect(() => api.superscript(1e21)).toThrow("`n` must be an integer in [-(2^53 - 1), 2^53 - 1], got 1e+21");
    expect(api.superscript(2 ** 53 - 1)).toBe("⁹⁰⁰⁷¹⁹⁹²⁵⁴⁷⁴⁰⁹⁹¹");
  });
  it("typed arrays are accepted correctly (spearman, gridRows) or refused (tables)", () => {
    const x = [1, 5, 2, 8, 3], y = [2, 9, 1, 7, 4];
    expect(api.spearman(Float64Array.from(x) as never, Float64Array.from(y) as never)).toBe(api.spearman(x, y));
    expect(api.gridRows(2, Float64Array.from([1, 2, 3]) as never)).toEqual(api.gridRows(2, [1, 2, 3]));
    expect(() => api.halvingCostTable(Float64Array.from([4, 10]) as never)).toThrow(
      "`dims` must be an array, got Float64Array",
    );
  });
  it("sizes and counts have upper bounds, refused at once instead of exhausting memory or time", () => {
    expect(() => new Random(1).uniforms(2 ** 31)).toThrow("`n` must be an integer in [0, 67108864], got 2147483648");
    expect(() => new Random(1).normals(2 ** 31)).toThrow(RangeError);
    expect(() => api.bootstrap(10, 2 ** 31, 1, () => [0])).toThrow(
      "`resamples` must be an integer in [1, 1000000], got 2147483648",
    );
    expect(() => api.resampleCounts(2 ** 31, new Random(1))).toThrow("`n` must be an integer in [1, 16777216]");
    const data = api.fitData(runs);
    const fit = { law, vector: api.lawToVector(law) } as unknown as Parameters<typeof api.bootstrapChinchilla>[1];
    expect(() => api.bootstrapChinchilla(data, fit, { resamples: 2 ** 31 })).toThrow(
      "`resamples` must be an integer in [2, 100000]",
    );
  });
  it("studentTQuantile keeps ~1e-14 relative accuracy far in the tail (was 0.64 % off)", () => {
    // references: scipy.stats.t.ppf (SciPy 1.10, Debian), printed with repr
    const cases: [number, number, number][] = [
      [1 - 1e-15, 1, 318564507734592.2],
      [1 - 1e-15, 3, 103338.62302175304],
      [1 - 1e-15, 10, 81.04738019131752],
      [1 - 1e-15, 100, 9.404751254567982],
      [1 - 1e-15, 1000, 8.07038581590151],
      [1 - 1e-12, 10, 40.532186343811446],
      [1 - 1e-9, 3, 1033.1096842432753],
      [1 - 1e-6, 1, 318309.88617359026],
      [0.975, 3, 3.1824463052837078], // unchanged outside the far tail
    ];
    for (const [p, df, ref] of cases) {
      expect(Math.abs(api.studentTQuantile(p, df) / ref - 1), `p = ${p}, ν = ${df}`).toBeLessThan(5e-14);
    }
  });
  it("domain checks: cascadeZeta2 with h0 = -5, vectorToLaw with alpha = -1, eq9Scope of an unknown resource", () => {
    expect(() => api.cascadeZeta2(0.2, -5)).toThrow("`h0` must be in (0, 1), got -5");
    expect(() => api.vectorToLaw([1, 1, 0, -1, 0.3])).toThrow("`v[3]` must be in (0, ∞), got -1");
    expect(() => api.eq9Scope("nonsense")).toThrow(
      '`resource` must start with "parameters", "data" or "compute", got "nonsense"',
    );
  });
  it("a record made elsewhere, passed back broken, is refused by name (was: Cannot read properties of null)", () => {
    expect(() => api.claimById(null as never, "x")).toThrow(
      "`findings` must be a notebook's findings (with fields notebook, claims), got null",
    );
    expect(() => api.openlmComparisonTable({ chinchilla: {}, c4Fits: { rpj: {} }, settings: {} } as never)).toThrow(
      "`a.c4Fits` must be the C4-validation fits by training set (with fields c4_original, rpj, rw_original), got an object without `c4_original`",
    );
    expect(() => api.sampleManifold(null as never, () => 0, 10, new Random(1))).toThrow(
      "`embedding` must be an Embedding",
    );
    expect(() => api.uniformPoints([1, 2] as never, 3, 2)).toThrow(
      "`rng` must be a Random (src/stats/random.ts), got an array",
    );
  });
  it("the property test above counts only named refusals: an engine TypeError is not one", () => {
    expect(ours(new TypeError("Cannot read properties of null (reading 'length')"))).toBe(false);
    expect(ours(new TypeError("Cannot convert a Symbol value to a string"))).toBe(false);
    expect(ours(new RangeError("`p` must be in [0, 1), got 1.2"))).toBe(true);
  });
});
