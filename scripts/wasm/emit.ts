/**
 * A small emitter of WebAssembly binaries (the MVP format plus the fixed-width SIMD opcodes), enough to
 * write the dense kernels of `scripts/wasm/kernels.ts` as expression trees in TypeScript. Each helper
 * returns the bytes of one instruction sequence (`Code`); a function is its parameters, its locals and
 * its body; a module is its functions and one exported memory. Deterministic: the same calls give the
 * same bytes (no timestamps, no names but the exports').
 *
 * Reference: WebAssembly Core Specification 2.0, §5 (binary format), and the SIMD proposal's opcode
 * table (prefix 0xFD).
 *
 * @module
 */

/** Bytes of an instruction sequence. */
export type Code = number[];

/** Value types (binary codes). */
export const I32 = 0x7f, F64 = 0x7c, F32 = 0x7d, V128 = 0x7b;

/** Unsigned LEB128 of a non-negative integer. */
export function uleb(n: number): Code {
  const out: Code = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): Code {
  const out: Code = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Concatenates instruction sequences. */
export function seq(...parts: (Code | number)[]): Code {
  const out: Code = [];
  for (const p of parts) {
    if (typeof p === "number") out.push(p);
    else for (const b of p) out.push(b);
  }
  return out;
}

const simd = (op: number, ...rest: Code) => seq(0xfd, uleb(op), rest);
const memarg = (align: number, offset: number) => seq(uleb(align), uleb(offset));

// locals and constants
/** `local.get`. */
export const get = (l: number): Code => [0x20, ...uleb(l)];
/** `local.set` of the value `e`. */
export const set = (l: number, e: Code): Code => seq(e, 0x21, uleb(l));
/** `i32.const`. */
export const i32 = (n: number): Code => [0x41, ...sleb(n)];
/** `f64.const`. */
export const f64 = (x: number): Code => {
  const b = new Uint8Array(new Float64Array([x]).buffer);
  return [0x44, ...b];
};

// i32 arithmetic and comparisons
const bin = (op: number) => (a: Code, b: Code): Code => seq(a, b, op);
/** `i32.add`. */
export const add = bin(0x6a);
/** `i32.sub`. */
export const sub = bin(0x6b);
/** `i32.mul`. */
export const mul = bin(0x6c);
/** `i32.and`. */
export const and = bin(0x71);
/** `i32.lt_s`. */
export const lt = bin(0x48);
/** `i32.le_s`. */
export const le = bin(0x4c);
/** `i32.ge_s`. */
export const ge = bin(0x4e);
/** `i32.eqz`. */
export const eqz = (a: Code): Code => seq(a, 0x45);

// f64 scalars
/** `f64.load` at byte address `addr` + `offset`. */
export const f64load = (addr: Code, offset = 0): Code => seq(addr, 0x2b, memarg(3, offset));
/** `f64.store` of `v` at `addr` + `offset`. */
export const f64store = (addr: Code, v: Code, offset = 0): Code => seq(addr, v, 0x39, memarg(3, offset));
/** `i32.load` at `addr` + `offset`. */
export const i32load = (addr: Code, offset = 0): Code => seq(addr, 0x28, memarg(2, offset));
/** `i32.store` of `v` at `addr` + `offset`. */
export const i32store = (addr: Code, v: Code, offset = 0): Code => seq(addr, v, 0x36, memarg(2, offset));
/** `i32.shl`. */
export const shl = bin(0x74);
/** `i32.or`. */
export const or = bin(0x72);
/** `f64.ne`. */
export const fne = bin(0x62);
/** `f64.add`. */
export const fadd = bin(0xa0);
/** `f64.sub`. */
export const fsub = bin(0xa1);
/** `f64.div`. */
export const fdiv = bin(0xa3);
/** `f64.gt`. */
export const fgt = bin(0x64);
/** `f64.mul`. */
export const fmul = bin(0xa2);
/** `f64.lt`. */
export const flt = bin(0x63);
/** `f64.eq`. */
export const feq = bin(0x61);
/** `select`: `a` if `cond` ≠ 0, else `b`. */
export const select = (a: Code, b: Code, cond: Code): Code => seq(a, b, cond, 0x1b);

// SIMD (f64x2)
/** `v128.load` at `addr` + `offset` (16 bytes, alignment 8). */
export const vload = (addr: Code, offset = 0): Code => seq(addr, simd(0x00, ...memarg(3, offset)));
/** `v128.load64_splat`: one double loaded into both lanes. */
export const vsplat = (addr: Code, offset = 0): Code => seq(addr, simd(0x0a, ...memarg(3, offset)));
/** `v128.store`. */
export const vstore = (addr: Code, v: Code, offset = 0): Code => seq(addr, v, simd(0x0b, ...memarg(3, offset)));
/** `f64x2.splat` of an f64 value. */
export const vsplatOf = (a: Code): Code => seq(a, simd(0x14));
/** `v128.const` 0 (both lanes +0). */
export const vzero = (): Code => simd(0x0c, ...new Array(16).fill(0));
/** `f64x2.add`. */
export const vadd = (a: Code, b: Code): Code => seq(a, b, simd(0xf0));
/** `f64x2.sub`. */
export const vsub = (a: Code, b: Code): Code => seq(a, b, simd(0xf1));
/** `f64x2.mul`. */
export const vmul = (a: Code, b: Code): Code => seq(a, b, simd(0xf2));
/** `f64x2.pmax(a, b)`: b if a < b, else a, lane by lane (so pmax(+0, z) is `z > 0 ? z : 0`). */
export const vpmax = (a: Code, b: Code): Code => seq(a, b, simd(0xf7));
/** `f64x2.lt`: all-ones lanes where a < b. */
export const vlt = (a: Code, b: Code): Code => seq(a, b, simd(0x49));
/** `i8x16.shuffle` of a and b (lane indices 0–15 from a, 16–31 from b). */
export const vshuffle = (a: Code, b: Code, lanes: number[]): Code => seq(a, b, simd(0x0d, ...lanes));
/** The low doubles of a and b: [a₀, b₀]. */
export const vlow = (a: Code, b: Code): Code =>
  vshuffle(a, b, [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
/** The high doubles of a and b: [a₁, b₁]. */
export const vhigh = (a: Code, b: Code): Code =>
  vshuffle(a, b, [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]);
/** `v128.and`. */
export const vand = (a: Code, b: Code): Code => seq(a, b, simd(0x4e));

// f32 scalars and f32x4 (the language model's single-precision kernels: every operation rounds to
// float32, to nearest, ties to even, as JavaScript's `Math.fround` of the same operation in double
// precision does for + and ×)
/** `f32.load` at `addr` + `offset`. */
export const s32load = (addr: Code, offset = 0): Code => seq(addr, 0x2a, memarg(2, offset));
/** `f32.store` of the f32 value `v` at `addr` + `offset`. */
export const s32store = (addr: Code, v: Code, offset = 0): Code => seq(addr, v, 0x38, memarg(2, offset));
/** `f32.add`. */
export const sadd = bin(0x92);
/** `f32.mul`. */
export const smul = bin(0x94);
/** `f32.sub`. */
export const ssub = bin(0x93);
/** `f32.div`. */
export const sdiv = bin(0x95);
/** `f32.gt`. */
export const sgt = bin(0x5e);
/** `f32.const` 0. */
export const s32zero = (): Code => [0x43, 0, 0, 0, 0];
/** `f64.promote_f32`. */
export const promote = (a: Code): Code => seq(a, 0xbb);
/** `v128.load32_splat`: one float loaded into the four lanes. */
export const v4splat = (addr: Code, offset = 0): Code => seq(addr, simd(0x09, ...memarg(2, offset)));
/** `f32x4.splat` of an f32 value. */
export const v4splatOf = (a: Code): Code => seq(a, simd(0x13));
/** `f32x4.add`. */
export const v4add = (a: Code, b: Code): Code => seq(a, b, simd(0xe4));
/** `f32x4.mul`. */
export const v4mul = (a: Code, b: Code): Code => seq(a, b, simd(0xe6));
/** `v128.load64_zero` then `f64x2.promote_low_f32x4`: two floats at `addr` + `offset` as two doubles. */
export const vload32x2 = (addr: Code, offset = 0): Code => seq(addr, simd(0x5d, ...memarg(2, offset)), simd(0x5f));

/** `f32x4.sub`. */
export const v4sub = (a: Code, b: Code): Code => seq(a, b, simd(0xe5));
/** `f32x4.div`. */
export const v4div = (a: Code, b: Code): Code => seq(a, b, simd(0xe7));
/** `f32x4.min` (NaN if either is; −0 below +0). */
export const v4min = (a: Code, b: Code): Code => seq(a, b, simd(0xe8));
/** `f32x4.max` (NaN if either is; +0 above −0). */
export const v4max = (a: Code, b: Code): Code => seq(a, b, simd(0xe9));
/** `f32x4.floor`. */
export const v4floor = (a: Code): Code => seq(a, simd(0x68));
/** `i32x4.trunc_sat_f32x4_s`. */
export const v4trunc = (a: Code): Code => seq(a, simd(0xf8));
/** `i32x4.add`. */
export const vi4add = (a: Code, b: Code): Code => seq(a, b, simd(0xae));
/** `i32x4.shl` by the i32 `by`. */
export const vi4shl = (a: Code, by: Code): Code => seq(a, by, simd(0xab));
/** `i32x4.splat` of an i32 value. */
export const vi4splatOf = (a: Code): Code => seq(a, simd(0x11));
/** `f32.const` x (x rounded to float). */
export const s32 = (x: number): Code => {
  const b = new Uint8Array(new Float32Array([x]).buffer);
  return [0x43, ...b];
};
/** The four lanes all the float x. */
export const v4const = (x: number): Code => v4splatOf(s32(x));

// control
/** `if cond then … [else …] end` (no result). */
export function ifThen(cond: Code, then: Code, otherwise?: Code): Code {
  return otherwise === undefined
    ? seq(cond, 0x04, 0x40, then, 0x0b)
    : seq(cond, 0x04, 0x40, then, 0x05, otherwise, 0x0b);
}

/**
 * `for (i = start; cond(i); i = next) body` as block/loop: `cond` is evaluated before each pass; the
 * body must not branch out of the loop.
 */
export function forLoop(i: number, start: Code, cond: Code, step: Code, body: Code): Code {
  return seq(set(i, start), 0x02, 0x40, 0x03, 0x40, eqz(cond), 0x0d, 1, body, step, 0x0c, 0, 0x0b, 0x0b);
}

/** A function: its parameter types, its locals' types and its body (no results). */
export class Func {
  readonly locals: number[] = [];
  body: Code = [];
  constructor(readonly name: string, readonly params: number[]) {}
  /** A new local of type `t`; returns its index. */
  local(t: number): number {
    this.locals.push(t);
    return this.params.length + this.locals.length - 1;
  }
}

const vec = (items: Code[]): Code => seq(uleb(items.length), ...items);
const section = (id: number, body: Code): Code => seq(id, uleb(body.length), body);
const name = (s: string): Code => seq(uleb(s.length), [...s].map((c) => c.charCodeAt(0)));

/** A function the module imports (`module`.`name`, of f64 parameters and one f64 result, e.g. `Math.exp`). */
export interface Import {
  module: string;
  name: string;
  params: number;
}

/** `call` of function `index` (the imports come first in the index space) on the values `args`. */
export const call = (index: number, ...args: Code[]): Code => seq(...args, 0x10, uleb(index));

/**
 * The binary of a module defining one memory (`initialPages` × 64 KiB, exported as `memory`) and
 * `funcs`, importing `imports` (function indices 0 … imports.length − 1; `funcs` follow them).
 */
export function module(funcs: Func[], initialPages: number, imports: Import[] = []): Uint8Array {
  const types = [
    ...imports.map((m) => seq(0x60, vec(new Array(m.params).fill([F64])), vec([[F64]]))),
    ...funcs.map((f) => seq(0x60, vec(f.params.map((t) => [t])), vec([]))),
  ];
  const bodies = funcs.map((f) => {
    const groups: Code[] = [];
    for (const t of f.locals) groups.push(seq(uleb(1), t));
    const b = seq(vec(groups), f.body, 0x0b);
    return seq(uleb(b.length), b);
  });
  const k = imports.length;
  const exports = [
    ...funcs.map((f, i) => seq(name(f.name), 0x00, uleb(k + i))),
    seq(name("memory"), 0x02, uleb(0)),
  ];
  return Uint8Array.from(seq(
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(1, vec(types)),
    ...(k > 0 ? [section(2, vec(imports.map((m, i) => seq(name(m.module), name(m.name), 0x00, uleb(i)))))] : []),
    section(3, vec(funcs.map((_, i) => uleb(k + i)))),
    section(5, vec([seq(0x00, uleb(initialPages))])),
    section(7, vec(exports)),
    section(10, vec(bodies)),
  ));
}

// 64-bit integers and the conversions the double-precision exp and log of scripts/wasm/huber.ts use
/** Value type i64. */
export const I64 = 0x7e;
/** `i64.const` of a 64-bit integer. */
export function i64(n: bigint): Code {
  const out: Code = [0x42];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
/** `i64.add`. */
export const ladd = bin(0x7c);
/** `i64.and`. */
export const land = bin(0x83);
/** `i64.or`. */
export const lor = bin(0x84);
/** `i64.shl`. */
export const lshl = bin(0x86);
/** `i64.shr_u`. */
export const lshrU = bin(0x88);
/** `i64.extend_i32_s` of an i32. */
export const lextendS = (a: Code): Code => seq(a, 0xac);
/** `i64.extend_i32_u` of an i32. */
export const lextendU = (a: Code): Code => seq(a, 0xad);
/** `i32.wrap_i64`: the low 32 bits. */
export const wrap = (a: Code): Code => seq(a, 0xa7);
/** `i64.reinterpret_f64`: a double's bits. */
export const bitsOf = (a: Code): Code => seq(a, 0xbd);
/** `f64.reinterpret_i64`: the double of 64 bits. */
export const fromBits = (a: Code): Code => seq(a, 0xbf);
/** `i32.xor`. */
export const xor = bin(0x73);
/** `i32.shr_s`. */
export const shrS = bin(0x75);
/** `i32.gt_s`. */
export const gtS = bin(0x4a);
/** `i32.eq`. */
export const eq = bin(0x46);
/** `f64.abs`. */
export const fabs = (a: Code): Code => seq(a, 0x99);
/** `f64.max` (for numbers, what `Math.max` gives, −0 below +0). */
export const fmax = bin(0xa5);
/** `f64.le`. */
export const fle = bin(0x65);
/** `f64.ne` of a value with itself: 1 for NaN. */
export const isNaN = (a: Code): Code => seq(a, a, 0x62);
/** `f64.convert_i32_s`. */
export const fromInt = (a: Code): Code => seq(a, 0xb7);
/** `i32.trunc_f64_s` (traps outside the i32 range: the caller keeps the value inside). */
export const trunc = (a: Code): Code => seq(a, 0xaa);
/** `f64.neg` (the sign flipped, as JavaScript's unary minus). */
export const fneg = (a: Code): Code => seq(a, 0x9a);
