/**
 * The analyses shared between processes (src/findings/_analysis_cache.ts): computed once and read back
 * equal (typed arrays, −0, NaN and shared references kept); a second process waits for the first's value
 * instead of computing it; a dead process's lock is taken over; a damaged file is recomputed; an
 * unwritable folder only costs the sharing; values of other code versions are pruned; and every
 * notebook's analysis survives the round trip unchanged (what lets `npm run reproduce` and the notebook
 * kernels read one another's analyses: the committed notebooks are then checked against them).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { isDeepStrictEqual } from "node:util";
import { deserialize, serialize } from "node:v8";
import { CACHE_VARIABLE, cached, cacheFolder, pruneCache } from "../../src/findings/_analysis_cache";
import { NOTEBOOK_MODULES } from "../../src/findings/all";

let dir = "";
let saved: string | undefined;
const ownFolder = () => {
  beforeEach(() => {
    saved = process.env[CACHE_VARIABLE];
    dir = mkdtempSync(join(tmpdir(), "smallness-cache-test-"));
    process.env[CACHE_VARIABLE] = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[CACHE_VARIABLE];
    else process.env[CACHE_VARIABLE] = saved;
    rmSync(dir, { recursive: true, force: true });
  });
};

const stored = () => readdirSync(dir).filter((f) => f.endsWith(".v8"));

describe("cached", () => {
  ownFolder();
  it("computes once, stores one file, and reads back an equal value with −0, NaN, typed arrays and shared references", () => {
    let calls = 0;
    const shared = { x: 1 };
    const make = () => {
      calls++;
      return {
        z: -0,
        n: NaN,
        f: new Float64Array([-0, NaN, 1e-320, 0.1]),
        a: shared,
        b: shared,
        m: new Map([[1, "a"]]),
      };
    };
    const first = cached("99_test", { seed: 1 }, make);
    const second = cached("99_test", { seed: 1 }, make);
    expect(calls).toBe(1);
    expect(stored()).toHaveLength(1);
    expect(second).not.toBe(first); // read from the file
    expect(isDeepStrictEqual(second, first)).toBe(true);
    expect(Object.is(second.z, -0)).toBe(true);
    expect(second.f).toBeInstanceOf(Float64Array);
    expect(Object.is(second.f[0], -0)).toBe(true);
    expect(second.a).toBe(second.b);
  });

  it("keeps settings apart: other settings are another file and another computation", () => {
    let calls = 0;
    cached("99_test", { seed: 1 }, () => ++calls);
    expect(cached("99_test", { seed: 2 }, () => ++calls)).toBe(2);
    expect(cached("98_test", { seed: 1 }, () => ++calls)).toBe(3);
    expect(stored()).toHaveLength(3);
  });

  it("without the variable, computes every time and stores nothing", () => {
    delete process.env[CACHE_VARIABLE];
    expect(cacheFolder()).toBeNull();
    let calls = 0;
    cached("99_test", {}, () => ++calls);
    cached("99_test", {}, () => ++calls);
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an unwritable folder (a file in its place) only costs the sharing: the value is computed, not an error", () => {
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "x");
    process.env[CACHE_VARIABLE] = file;
    expect(cached("99_test", {}, () => 42)).toBe(42);
  });

  it("a damaged file is computed again and replaced", () => {
    cached("99_test", {}, () => 1);
    const [name] = stored();
    writeFileSync(join(dir, name), "damaged");
    let calls = 0;
    expect(cached("99_test", {}, () => (calls++, 7))).toBe(7);
    expect(calls).toBe(1);
    expect(cached("99_test", {}, () => 8)).toBe(7);
  });

  it("a lock left by a process that has died is taken over", () => {
    const dead = spawnSync("true").pid!; // a process that has exited
    cached("99_test", {}, () => 0); // learn the file name, then remove the value and fake the dead lock
    const [name] = stored();
    rmSync(join(dir, name));
    writeFileSync(join(dir, `${name}.lock`), String(dead));
    expect(cached("99_test", {}, () => 5)).toBe(5);
    expect(existsSync(join(dir, `${name}.lock`))).toBe(false);
  });

  it("waits for another process computing the same value and returns its value without computing", async () => {
    cached("99_test", { wait: true }, () => 0);
    const [name] = stored();
    rmSync(join(dir, name));
    const file = join(dir, name);
    // another process takes the lock, "computes" for 0.6 s, writes its value and releases the lock
    const script = `
      import fs from "node:fs"; import v8 from "node:v8";
      fs.writeFileSync(${JSON.stringify(file + ".lock")}, String(process.pid), { flag: "wx" });
      setTimeout(() => {
        fs.writeFileSync(${JSON.stringify(file + ".tmp")}, v8.serialize({ from: "other" }));
        fs.renameSync(${JSON.stringify(file + ".tmp")}, ${JSON.stringify(file)});
        fs.rmSync(${JSON.stringify(file + ".lock")});
      }, 600);`;
    const other = spawn(process.execPath, ["eval", script], { stdio: "ignore" });
    const started = await new Promise<boolean>((resolve) => {
      const t0 = Date.now();
      const poll = () =>
        existsSync(`${file}.lock`) ? resolve(true) : Date.now() - t0 > 20_000 ? resolve(false) : setTimeout(poll, 10);
      poll();
    });
    expect(started).toBe(true);
    let calls = 0;
    const value = cached("99_test", { wait: true }, () => (calls++, { from: "here" }));
    await new Promise((resolve) => other.on("exit", resolve));
    expect(value).toEqual({ from: "other" });
    expect(calls).toBe(0);
  }, 60_000);
});

describe("pruneCache", () => {
  ownFolder();
  it("removes values of other code versions and stale locks, keeps this version's values", () => {
    cached("99_test", {}, () => 1);
    const [current] = stored();
    writeFileSync(join(dir, "99_test-0000000000000000-0000000000000000.v8"), serialize(2));
    writeFileSync(join(dir, "x.v8.lock"), String(spawnSync("true").pid));
    expect(pruneCache(dir)).toBe(2);
    expect(readdirSync(dir)).toEqual([current]);
    expect(pruneCache(join(dir, "missing"))).toBe(0);
  });
});

describe("every notebook's analysis", () => {
  for (const m of NOTEBOOK_MODULES) {
    it(`${m.notebook.id}: survives V8's serialisation unchanged (what another process reads back)`, () => {
      const a = m.analysis();
      expect(isDeepStrictEqual(deserialize(serialize(a)), a)).toBe(true);
    });
  }
});
