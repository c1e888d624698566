/**
 * Source of the WebAssembly objective behind `src/fit/objective.ts` (Approach 3's Huber loss of the
 * log-sum-exp law and its gradient), written with the emitter of `scripts/wasm/emit.ts`;
 * `deno run -A scripts/build_wasm.ts` writes the binary into `src/fit/_huber_wasm.ts` (base64), and
 * `tests/fit/_huber_wasm.test.ts` checks that rebuilding gives the committed bytes.
 *
 * One function, `huber(n, data, io, withGradient)`: the runs are four arrays of n doubles at byte address
 * `data` (log N, log D, log L, weight, one after the other); `io` holds [a, b, e, α, β, δ] and receives
 * the objective at io + 48 and, if `withGradient` ≠ 0, its gradient at io + 56 … io + 88. Every operation
 * is the JavaScript reference's (`objectiveReference` of src/fit/objective.ts), in the same order, with
 * exp and log by fdlibm's algorithms as src/fit/_f64math.ts writes them (whose constants it reads): the
 * two give the same bits (tests/fit/_huber_wasm.test.ts). Scalar code, as fast as the JavaScript loop
 * over the engine's `Math.exp` and `Math.log` (which are fdlibm's too, in C++), 2.5 times the speed of the
 * reference: what it buys is the same bits in every engine.
 *
 * @module
 */
import { EXP, LOG } from "../../src/fit/_f64math";
import {
  add,
  and,
  bitsOf,
  type Code,
  eqz,
  F64,
  f64,
  f64load,
  f64store,
  fabs,
  fadd,
  fdiv,
  feq,
  fgt,
  fle,
  flt,
  fmax,
  fmul,
  fne,
  fneg,
  forLoop,
  fromBits,
  fromInt,
  fsub,
  Func,
  ge,
  get,
  gtS,
  I32,
  i32,
  i64,
  ifThen,
  isNaN,
  ladd,
  land,
  lextendS,
  lextendU,
  lor,
  lshl,
  lshrU,
  lt,
  module,
  mul,
  or,
  select,
  seq,
  set,
  shl,
  shrS,
  sub,
  trunc,
  wrap,
  xor,
} from "./emit";

/** `block … end` (no result): `br n` inside leaves it, n counting the enclosing `if`s first. */
const block = (body: Code): Code => seq(0x02, 0x40, body, 0x0b);
const br = (depth: number): Code => [0x0c, depth];
/** The high 32 bits of a double, as a signed i32. */
const highWord = (x: Code): Code => wrap(lshrU(bitsOf(x), i64(32n)));

interface Locals {
  hx0: number;
  hx: number;
  k: number;
  hi: number;
  lo: number;
  t: number;
  r: number;
  y: number;
  f: number;
  s: number;
  z: number;
  w: number;
  R: number;
  dk: number;
  hfsq: number;
  i: number;
}

function locals(fn: Func): Locals {
  return {
    hx0: fn.local(I32),
    hx: fn.local(I32),
    k: fn.local(I32),
    hi: fn.local(F64),
    lo: fn.local(F64),
    t: fn.local(F64),
    r: fn.local(F64),
    y: fn.local(F64),
    f: fn.local(F64),
    s: fn.local(F64),
    z: fn.local(F64),
    w: fn.local(F64),
    R: fn.local(F64),
    dk: fn.local(F64),
    hfsq: fn.local(F64),
    i: fn.local(I32),
  };
}

/** out = exp(x) (`exp` of src/fit/_f64math.ts); the local x is overwritten. */
function expCode(x: number, out: number, l: Locals): Code {
  const c = EXP, p = c.p;
  const neg = lt(get(l.hx0), i32(0));
  return block(seq(
    set(l.hx0, highWord(get(x))),
    set(l.hx, and(get(l.hx0), i32(0x7fffffff))),
    ifThen(
      ge(get(l.hx), i32(0x40862e42)),
      seq(
        ifThen(
          ge(get(l.hx), i32(0x7ff00000)),
          seq(
            set(out, select(fadd(get(x), get(x)), select(f64(0), get(x), neg), isNaN(get(x)))),
            br(2),
          ),
        ),
        ifThen(fgt(get(x), f64(c.overflow)), seq(set(out, f64(Infinity)), br(2))),
        ifThen(flt(get(x), f64(c.underflow)), seq(set(out, f64(0)), br(2))),
      ),
    ),
    set(l.k, i32(0)),
    set(l.hi, f64(0)),
    set(l.lo, f64(0)),
    ifThen(
      gtS(get(l.hx), i32(0x3fd62e42)),
      seq(
        ifThen(
          lt(get(l.hx), i32(0x3ff0a2b2)),
          seq(
            set(l.hi, select(fadd(get(x), f64(c.ln2Hi)), fsub(get(x), f64(c.ln2Hi)), neg)),
            set(l.lo, select(f64(-c.ln2Lo), f64(c.ln2Lo), neg)),
            set(l.k, select(i32(-1), i32(1), neg)),
          ),
          seq(
            set(l.k, trunc(fadd(fmul(f64(c.invLn2), get(x)), select(f64(-0.5), f64(0.5), neg)))),
            set(l.hi, fsub(get(x), fmul(fromInt(get(l.k)), f64(c.ln2Hi)))),
            set(l.lo, fmul(fromInt(get(l.k)), f64(c.ln2Lo))),
          ),
        ),
        set(x, fsub(get(l.hi), get(l.lo))),
      ),
      ifThen(lt(get(l.hx), i32(0x3e300000)), seq(set(out, fadd(f64(1), get(x))), br(2))),
    ),
    set(l.t, fmul(get(x), get(x))),
    set(
      l.r,
      fsub(
        get(x),
        fmul(
          get(l.t),
          fadd(
            f64(p[0]),
            fmul(
              get(l.t),
              fadd(
                f64(p[1]),
                fmul(get(l.t), fadd(f64(p[2]), fmul(get(l.t), fadd(f64(p[3]), fmul(get(l.t), f64(p[4])))))),
              ),
            ),
          ),
        ),
      ),
    ),
    ifThen(
      eqz(get(l.k)),
      seq(
        set(out, fsub(f64(1), fsub(fdiv(fmul(get(x), get(l.r)), fsub(get(l.r), f64(2))), get(x)))),
        br(1),
      ),
    ),
    set(
      l.y,
      fsub(f64(1), fsub(fsub(get(l.lo), fdiv(fmul(get(x), get(l.r)), fsub(f64(2), get(l.r)))), get(l.hi))),
    ),
    ifThen(
      ge(get(l.k), i32(-1021)),
      set(out, fromBits(ladd(bitsOf(get(l.y)), lshl(lextendS(get(l.k)), i64(52n))))),
      set(
        out,
        fmul(fromBits(ladd(bitsOf(get(l.y)), lshl(lextendS(add(get(l.k), i32(1000))), i64(52n)))), f64(c.twoM1000)),
      ),
    ),
  ));
}

/** out = ln x (`log` of src/fit/_f64math.ts); the local x is overwritten. */
function logCode(x: number, out: number, l: Locals): Code {
  const c = LOG, g = c.lg;
  const kIsZero = eqz(get(l.k));
  return block(seq(
    set(l.hx, highWord(get(x))),
    set(l.k, i32(0)),
    ifThen(
      lt(get(l.hx), i32(0x00100000)),
      seq(
        ifThen(
          eqz(or(and(get(l.hx), i32(0x7fffffff)), wrap(bitsOf(get(x))))),
          seq(set(out, f64(-Infinity)), br(2)),
        ),
        ifThen(lt(get(l.hx), i32(0)), seq(set(out, f64(NaN)), br(2))),
        set(l.k, i32(-54)),
        set(x, fmul(get(x), f64(c.two54))),
        set(l.hx, highWord(get(x))),
      ),
    ),
    ifThen(ge(get(l.hx), i32(0x7ff00000)), seq(set(out, fadd(get(x), get(x))), br(1))),
    set(l.k, add(get(l.k), sub(shrS(get(l.hx), i32(20)), i32(1023)))),
    set(l.hx, and(get(l.hx), i32(0x000fffff))),
    set(l.i, and(add(get(l.hx), i32(0x95f64)), i32(0x100000))),
    set(
      x,
      fromBits(lor(
        lshl(lextendU(or(get(l.hx), xor(get(l.i), i32(0x3ff00000)))), i64(32n)),
        land(bitsOf(get(x)), i64(0xffffffffn)),
      )),
    ),
    set(l.k, add(get(l.k), shrS(get(l.i), i32(20)))),
    set(l.f, fsub(get(x), f64(1))),
    set(l.dk, fromInt(get(l.k))),
    ifThen(
      lt(and(i32(0x000fffff), add(i32(2), get(l.hx))), i32(3)),
      seq(
        ifThen(
          feq(get(l.f), f64(0)),
          seq(
            set(out, select(f64(0), fadd(fmul(get(l.dk), f64(c.ln2Hi)), fmul(get(l.dk), f64(c.ln2Lo))), kIsZero)),
            br(2),
          ),
        ),
        set(
          l.R,
          fmul(fmul(get(l.f), get(l.f)), fsub(f64(0.5), fmul(f64(0.33333333333333333), get(l.f)))),
        ),
        set(
          out,
          select(
            fsub(get(l.f), get(l.R)),
            fsub(fmul(get(l.dk), f64(c.ln2Hi)), fsub(fsub(get(l.R), fmul(get(l.dk), f64(c.ln2Lo))), get(l.f))),
            kIsZero,
          ),
        ),
        br(1),
      ),
    ),
    set(l.s, fdiv(get(l.f), fadd(f64(2), get(l.f)))),
    set(l.z, fmul(get(l.s), get(l.s))),
    set(l.w, fmul(get(l.z), get(l.z))),
    // t1 into hi, t2 into lo (free here)
    set(l.hi, fmul(get(l.w), fadd(f64(g[1]), fmul(get(l.w), fadd(f64(g[3]), fmul(get(l.w), f64(g[5]))))))),
    set(
      l.lo,
      fmul(
        get(l.z),
        fadd(f64(g[0]), fmul(get(l.w), fadd(f64(g[2]), fmul(get(l.w), fadd(f64(g[4]), fmul(get(l.w), f64(g[6]))))))),
      ),
    ),
    set(l.i, or(sub(get(l.hx), i32(0x6147a)), sub(i32(0x6b851), get(l.hx)))),
    set(l.R, fadd(get(l.lo), get(l.hi))),
    ifThen(
      gtS(get(l.i), i32(0)),
      seq(
        set(l.hfsq, fmul(fmul(f64(0.5), get(l.f)), get(l.f))),
        set(
          out,
          select(
            fsub(get(l.f), fsub(get(l.hfsq), fmul(get(l.s), fadd(get(l.hfsq), get(l.R))))),
            fsub(
              fmul(get(l.dk), f64(c.ln2Hi)),
              fsub(
                fsub(get(l.hfsq), fadd(fmul(get(l.s), fadd(get(l.hfsq), get(l.R))), fmul(get(l.dk), f64(c.ln2Lo)))),
                get(l.f),
              ),
            ),
            kIsZero,
          ),
        ),
      ),
      set(
        out,
        select(
          fsub(get(l.f), fmul(get(l.s), fsub(get(l.f), get(l.R)))),
          fsub(
            fmul(get(l.dk), f64(c.ln2Hi)),
            fsub(fsub(fmul(get(l.s), fsub(get(l.f), get(l.R))), fmul(get(l.dk), f64(c.ln2Lo))), get(l.f)),
          ),
          kIsZero,
        ),
      ),
    ),
  ));
}

/** The objective and its gradient (see the module comment). */
function huber(): Func {
  const fn = new Func("huber", [I32, I32, I32, I32]);
  const [N, DATA, IO, GRAD] = [0, 1, 2, 3];
  const l = locals(fn);
  const [a, b, e, alpha, beta, delta] = [0, 1, 2, 3, 4, 5].map(() => fn.local(F64));
  const [f, ga, gb, ge_, gal, gbe] = [0, 1, 2, 3, 4, 5].map(() => fn.local(F64));
  const [w, u, t, m, pu, pt, pe, s, r, ar, h, x, lnS, lN, lD] = new Array(15).fill(0).map(() => fn.local(F64));
  const i = fn.local(I32), at = fn.local(I32);
  const io = (k: number) => f64load(get(IO), 8 * k);
  // at = data + 8 i: log N[i] at at, log D[i] at at + 8n, log L[i] at at + 16n, weight at at + 24n
  const field = (k: number) => f64load(add(get(at), mul(get(N), i32(8 * k))));
  const term = (v: number, into: number) =>
    ifThen(feq(get(v), get(m)), set(into, f64(1)), seq(set(x, fsub(get(v), get(m))), expCode(x, into, l)));
  fn.body = seq(
    set(a, io(0)),
    set(b, io(1)),
    set(e, io(2)),
    set(alpha, io(3)),
    set(beta, io(4)),
    set(delta, io(5)),
    forLoop(
      i,
      i32(0),
      lt(get(i), get(N)),
      set(i, add(get(i), i32(1))),
      seq(
        set(at, add(get(DATA), shl(get(i), i32(3)))),
        set(w, field(3)),
        ifThen(
          fne(get(w), f64(0)),
          seq(
            set(lN, field(0)),
            set(lD, field(1)),
            set(u, fsub(get(a), fmul(get(alpha), get(lN)))),
            set(t, fsub(get(b), fmul(get(beta), get(lD)))),
            set(m, fmax(fmax(get(u), get(t)), get(e))),
            term(u, pu),
            term(t, pt),
            term(e, pe),
            set(s, fadd(fadd(get(pu), get(pt)), get(pe))),
            set(x, get(s)),
            logCode(x, lnS, l),
            set(r, fsub(fadd(get(m), get(lnS)), field(2))),
            set(ar, fabs(get(r))),
            ifThen(
              fle(get(ar), get(delta)),
              set(f, fadd(get(f), fmul(fmul(fmul(get(w), f64(0.5)), get(r)), get(r)))),
              set(f, fadd(get(f), fmul(fmul(get(w), get(delta)), fsub(get(ar), fmul(f64(0.5), get(delta)))))),
            ),
            ifThen(
              get(GRAD),
              seq(
                set(
                  h,
                  fdiv(
                    fmul(
                      get(w),
                      select(
                        get(r),
                        select(get(delta), fneg(get(delta)), fgt(get(r), f64(0))),
                        fle(get(ar), get(delta)),
                      ),
                    ),
                    get(s),
                  ),
                ),
                set(ga, fadd(get(ga), fmul(get(h), get(pu)))),
                set(gb, fadd(get(gb), fmul(get(h), get(pt)))),
                set(ge_, fadd(get(ge_), fmul(get(h), get(pe)))),
                set(gal, fsub(get(gal), fmul(fmul(get(h), get(pu)), get(lN)))),
                set(gbe, fsub(get(gbe), fmul(fmul(get(h), get(pt)), get(lD)))),
              ),
            ),
          ),
        ),
      ),
    ),
    f64store(get(IO), get(f), 48),
    ifThen(
      get(GRAD),
      seq(
        f64store(get(IO), get(ga), 56),
        f64store(get(IO), get(gb), 64),
        f64store(get(IO), get(ge_), 72),
        f64store(get(IO), get(gal), 80),
        f64store(get(IO), get(gbe), 88),
      ),
    ),
  );
  return fn;
}

/** The module's binary: `huber` and one page of memory (grown by the caller for more runs). */
export function buildHuberWasm(): Uint8Array {
  return module([huber()], 1);
}

/** The text of `src/fit/_huber_wasm.ts`: the binary as base64, wrapped at 100 characters. */
export function huberWasmSource(): string {
  const bytes = buildHuberWasm();
  let bin = "";
  for (const byte of bytes) bin += String.fromCharCode(byte);
  const b64 = btoa(bin);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 100) lines.push(`  "${b64.slice(i, i + 100)}"`);
  return `/**
 * The WebAssembly objective of \`src/fit/objective.ts\`, built by \`deno run -A scripts/build_wasm.ts\` from
 * \`scripts/wasm/huber.ts\` (generated: do not edit; tests/fit/_huber_wasm.test.ts rebuilds it and compares).
 * ${bytes.length} bytes.
 *
 * @module
 */

/** The module's bytes, base64. */
export const HUBER_WASM_BASE64 =
${lines.join(" +\n")};
`;
}
