/**
 * Source of the WebAssembly SIMD kernels behind `src/learn/kernels.ts` and `src/learn/lm/matmul.ts`,
 * written with the emitter of `scripts/wasm/emit.ts`; `deno run -A scripts/build_wasm.ts` writes the
 * binary into `src/learn/_kernels_wasm.ts` (base64), and `tests/learn/_kernels_wasm.test.ts` checks that
 * rebuilding gives the committed bytes.
 *
 * The main kernels, on float64 operands in the module's memory (byte addresses and byte strides as
 * arguments), both vectorised across independent output elements (two adjacent columns per f64x2
 * lane pair), so that every output element sees exactly the floating-point operations of the
 * JavaScript loops they replace, in the same order (no FMA, no reassociation):
 *
 * - `gemm`: out[i, q] = (Σ_p A[i, p] · B[p, q], p = 0 … K−1, from +0) + bias[q], with A addressed by
 *   a row and a column stride and B packed in column panels (the panel of columns q … q+w−1, w = 4, 2
 *   or 1 as the blocks below, at q·K, row-major K×w: the inner loop reads it sequentially); rows from `biasFrom` on start
 *   their sums at the bias instead and add nothing at the end (the LM's edge rows do that). Blocked
 *   4 rows × 4 columns, then 4 × 2 and 4 × 1, then single rows; with `causal` ≠ 0 only the tiles
 *   with columns q < i + 4 (the lower triangle the attention reads, and some outputs above it).
 * - `axpy2` / `axpy4`: out[i, q] += Σ over blocks of 2 (or 4) consecutive j of
 *   ((c_j B[j, q] + c_{j+1} B[j+1, q]) + …), c_j = G[i, j] by strides, then single j's; `axpy2` skips a
 *   block (or single) whose coefficients are all zero, as the MLP's backward loops do.
 *
 * The language model's float32 kernels (`gemm32`, `softmax32`, `softmaxGrad32`, `gelu32`) follow, at the
 * end of the file.
 *
 * @module
 */
import { EXPF, GELUF } from "../../src/learn/lm/_f32math";
import {
  add,
  and,
  call,
  type Code,
  eqz,
  F32,
  F64,
  f64,
  f64load,
  f64store,
  fadd,
  fdiv,
  feq,
  fgt,
  flt,
  fmul,
  fne,
  forLoop,
  fsub,
  Func,
  get,
  I32,
  i32,
  i32load,
  i32store,
  ifThen,
  type Import,
  le,
  lt,
  module,
  mul,
  or,
  promote,
  s32,
  s32load,
  s32store,
  s32zero,
  sadd,
  sdiv,
  select,
  seq,
  set,
  sgt,
  shl,
  smul,
  ssub,
  sub,
  V128,
  v4add,
  v4const,
  v4div,
  v4floor,
  v4max,
  v4min,
  v4mul,
  v4splat,
  v4splatOf,
  v4sub,
  v4trunc,
  vadd,
  vand,
  vhigh,
  vi4add,
  vi4shl,
  vi4splatOf,
  vload,
  vload32x2,
  vlow,
  vlt,
  vmul,
  vpmax,
  vsplat,
  vsplatOf,
  vstore,
  vsub,
  vzero,
} from "./emit";

const inc = (l: number, by: Code): Code => set(l, add(get(l), by));
const sub0 = (x: Code): Code => sub(i32(0), x);

/** The blocked product kernel (see the module comment). */
function gemm(): Func {
  const f = new Func("gemm", new Array(11).fill(I32));
  const [out, a, aRow, aCol, b, n, K, M, bias, biasFrom, causal] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const i = f.local(I32), q = f.local(I32), p = f.local(I32), pb = f.local(I32), bf = f.local(I32);
  const lim = f.local(I32);
  const pa = [f.local(I32), f.local(I32), f.local(I32), f.local(I32)];
  const s = f.local(V128), sf = f.local(F64);
  const bv = [f.local(V128), f.local(V128)];
  const acc = [0, 1, 2, 3].map(() => [f.local(V128), f.local(V128)]);
  const accf = [0, 1, 2, 3].map(() => f.local(F64));

  /** R rows × V vectors (V = 0: one scalar column) at rows i…, columns q…. */
  function tile(R: number, V: number): Code {
    const width = V === 0 ? 1 : 2 * V;
    const biasAt = (v: number) => add(get(bias), mul(add(get(q), i32(2 * v)), i32(8)));
    const init: Code[] = [];
    for (let r = 0; r < R; r++) {
      if (V === 0) init.push(set(accf[r], select(f64load(biasAt(0)), f64(0), get(bf))));
      for (let v = 0; v < V; v++) init.push(set(acc[r][v], select(vload(biasAt(v)), vzero(), get(bf))));
    }
    const ptrs: Code[] = [set(pa[0], add(get(a), mul(get(i), get(aRow))))];
    for (let r = 1; r < R; r++) ptrs.push(set(pa[r], add(get(pa[r - 1]), get(aRow))));
    ptrs.push(set(pb, add(get(b), mul(mul(get(q), get(K)), i32(8)))));
    const inner: Code[] = [];
    if (V === 0) {
      inner.push(set(sf, f64load(get(pb))));
      for (let r = 0; r < R; r++) inner.push(set(accf[r], fadd(get(accf[r]), fmul(f64load(get(pa[r])), get(sf)))));
    } else {
      for (let v = 0; v < V; v++) inner.push(set(bv[v], vload(get(pb), 16 * v)));
      for (let r = 0; r < R; r++) {
        inner.push(set(s, vsplat(get(pa[r]))));
        for (let v = 0; v < V; v++) inner.push(set(acc[r][v], vadd(get(acc[r][v]), vmul(get(s), get(bv[v])))));
      }
    }
    for (let r = 0; r < R; r++) inner.push(inc(pa[r], get(aCol)));
    inner.push(inc(pb, i32(8 * width)));
    const store: Code[] = [];
    for (let r = 0; r < R; r++) {
      const at = add(get(out), mul(add(mul(add(get(i), i32(r)), get(M)), get(q)), i32(8)));
      if (V === 0) {
        store.push(f64store(at, select(get(accf[r]), fadd(get(accf[r]), f64load(biasAt(0))), get(bf))));
      }
      for (let v = 0; v < V; v++) {
        const sum = select(get(acc[r][v]), vadd(get(acc[r][v]), vload(biasAt(v))), get(bf));
        store.push(vstore(at, sum, 16 * v));
      }
    }
    return seq(
      ...init,
      ...ptrs,
      forLoop(p, i32(0), lt(get(p), get(K)), inc(p, i32(1)), seq(...inner)),
      ...store,
      inc(q, i32(width)),
    );
  }
  // the columns computed: all M, or with `causal` those q < i + R (a causal product's lower triangle,
  // by whole tiles: the outputs above the diagonal are left as they were or computed, not to be read)
  const columns = (R: number) =>
    seq(
      set(bf, le(get(biasFrom), get(i))),
      set(lim, select(select(add(get(i), i32(R)), get(M), lt(add(get(i), i32(R)), get(M))), get(M), get(causal))),
      forLoop(q, i32(0), le(add(get(q), i32(4)), get(lim)), [], tile(R, 2)),
      ifThen(le(add(get(q), i32(2)), get(lim)), tile(R, 1)),
      ifThen(lt(get(q), get(lim)), tile(R, 0)),
    );
  f.body = seq(
    forLoop(i, i32(0), le(add(get(i), i32(4)), get(n)), inc(i, i32(4)), columns(4)),
    forLoop(i, get(i), lt(get(i), get(n)), inc(i, i32(1)), columns(1)),
  );
  return f;
}

/**
 * The block-sum kernel: out (N×M) += blocks of `block` coefficients of G (N×J, row-major) times rows
 * of B (J×M, packed in column panels of width 8, then 2, then 1, the panel of columns q… at q·J,
 * row-major J×width); skipping all-zero blocks and singles (`skip`). Panels outermost, so that one panel stays in L1 while every row of G passes.
 */
function axpy(name: string, block: 2 | 4, skip: boolean): Func {
  const f = new Func(name, new Array(6).fill(I32));
  const [out, g, b, N, J, M] = [0, 1, 2, 3, 4, 5];
  const i = f.local(I32), q = f.local(I32), j = f.local(I32), pg = f.local(I32), pb = f.local(I32);
  const at = f.local(I32);
  const c = [0, 1, 2, 3].map(() => f.local(F64)), cs = [0, 1, 2, 3].map(() => f.local(V128));
  const acc = [0, 1, 2, 3].map(() => f.local(V128)), accf = f.local(F64);

  /** V vectors (V = 0: one scalar column) of the panel at columns q…, every row i. */
  function panel(V: number): Code {
    const width = V === 0 ? 1 : 2 * V;
    const init: Code[] = [
      set(at, add(get(out), mul(add(mul(get(i), get(M)), get(q)), i32(8)))),
      set(pg, add(get(g), mul(mul(get(i), get(J)), i32(8)))),
      set(pb, add(get(b), mul(mul(get(q), get(J)), i32(8)))),
    ];
    if (V === 0) init.push(set(accf, f64load(get(at))));
    for (let v = 0; v < V; v++) init.push(set(acc[v], vload(get(at), 16 * v)));
    const loads: Code[] = [];
    for (let t = 0; t < block; t++) {
      loads.push(set(c[t], f64load(get(pg), 8 * t)));
      if (V > 0) loads.push(set(cs[t], vsplatOf(get(c[t]))));
    }
    const update: Code[] = [];
    if (V === 0) {
      let sum = fmul(get(c[0]), f64load(get(pb)));
      for (let t = 1; t < block; t++) sum = fadd(sum, fmul(get(c[t]), f64load(get(pb), 8 * t)));
      update.push(set(accf, fadd(get(accf), sum)));
    }
    for (let v = 0; v < V; v++) {
      let sum = vmul(get(cs[0]), vload(get(pb), 16 * v));
      for (let t = 1; t < block; t++) sum = vadd(sum, vmul(get(cs[t]), vload(get(pb), 8 * width * t + 16 * v)));
      update.push(set(acc[v], vadd(get(acc[v]), sum)));
    }
    let allZero = feq(get(c[0]), f64(0));
    for (let t = 1; t < block; t++) allZero = and(allZero, feq(get(c[t]), f64(0)));
    const blocked = forLoop(
      j,
      i32(0),
      le(add(get(j), i32(block)), get(J)),
      seq(inc(j, i32(block)), inc(pg, i32(8 * block)), inc(pb, i32(8 * width * block))),
      seq(...loads, skip ? ifThen(eqz(allZero), seq(...update)) : seq(...update)),
    );
    const one: Code[] = [];
    if (V === 0) one.push(set(accf, fadd(get(accf), fmul(get(c[0]), f64load(get(pb))))));
    else one.push(set(cs[0], vsplatOf(get(c[0]))));
    for (let v = 0; v < V; v++) {
      one.push(set(acc[v], vadd(get(acc[v]), vmul(get(cs[0]), vload(get(pb), 16 * v)))));
    }
    const singles = forLoop(
      j,
      get(j),
      lt(get(j), get(J)),
      seq(inc(j, i32(1)), inc(pg, i32(8)), inc(pb, i32(8 * width))),
      seq(set(c[0], f64load(get(pg))), skip ? ifThen(eqz(feq(get(c[0]), f64(0))), seq(...one)) : seq(...one)),
    );
    const store: Code[] = [];
    if (V === 0) store.push(f64store(get(at), get(accf)));
    for (let v = 0; v < V; v++) store.push(vstore(get(at), get(acc[v]), 16 * v));
    return seq(
      forLoop(i, i32(0), lt(get(i), get(N)), inc(i, i32(1)), seq(...init, blocked, singles, ...store)),
      inc(q, i32(width)),
    );
  }
  f.body = seq(
    forLoop(q, i32(0), le(add(get(q), i32(8)), get(M)), [], panel(4)),
    forLoop(q, get(q), le(add(get(q), i32(2)), get(M)), [], panel(1)),
    ifThen(lt(get(q), get(M)), panel(0)),
  );
  return f;
}

/**
 * The block sums of `axpy` without the zero test, for blocks of 4 (`axpy4`): the same sums in the same order, two rows of G a pass, so that every
 * vector of B loaded serves both (the kernels' memory accesses are bounds-checked where the engine has
 * no trap handler, Deno for one: fewer loads per product is what makes them faster). Per row and
 * vector: the block's sum s = ((c₀b₀ + c₁b₁) + c₂b₂) + c₃b₃ from its first product, then acc ← acc + s.
 */
function blockSums4(name: string): Func {
  const f = new Func(name, new Array(6).fill(I32));
  const [out, g, b, N, J, M] = [0, 1, 2, 3, 4, 5];
  const i = f.local(I32), q = f.local(I32), j = f.local(I32), pb = f.local(I32);
  const pg = [f.local(I32), f.local(I32)], at = [f.local(I32), f.local(I32)];
  const acc = [0, 1].map(() => [0, 1, 2, 3].map(() => f.local(V128)));
  const sum = [0, 1].map(() => [0, 1, 2, 3].map(() => f.local(V128)));
  const bv = [0, 1, 2, 3].map(() => f.local(V128)), cs = f.local(V128);
  const accf = [f.local(F64), f.local(F64)], sumf = [f.local(F64), f.local(F64)], bf = f.local(F64);

  /** R rows (1 or 2) from row i, V vectors (V = 0: one scalar column) of the panel at columns q…. */
  function tile(R: number, V: number): Code {
    const width = V === 0 ? 1 : 2 * V;
    const init: Code[] = [set(pb, add(get(b), mul(mul(get(q), get(J)), i32(8))))];
    for (let r = 0; r < R; r++) {
      init.push(
        set(at[r], add(get(out), mul(add(mul(add(get(i), i32(r)), get(M)), get(q)), i32(8)))),
        set(pg[r], add(get(g), mul(mul(add(get(i), i32(r)), get(J)), i32(8)))),
      );
      if (V === 0) init.push(set(accf[r], f64load(get(at[r]))));
      for (let v = 0; v < V; v++) init.push(set(acc[r][v], vload(get(at[r]), 16 * v)));
    }
    const block: Code[] = [];
    for (let t = 0; t < 4; t++) {
      if (V === 0) block.push(set(bf, f64load(get(pb), 8 * t)));
      for (let v = 0; v < V; v++) block.push(set(bv[v], vload(get(pb), 8 * width * t + 16 * v)));
      for (let r = 0; r < R; r++) {
        if (V === 0) {
          const p = fmul(f64load(get(pg[r]), 8 * t), get(bf));
          block.push(set(sumf[r], t === 0 ? p : fadd(get(sumf[r]), p)));
          continue;
        }
        block.push(set(cs, vsplat(get(pg[r]), 8 * t)));
        for (let v = 0; v < V; v++) {
          const p = vmul(get(cs), get(bv[v]));
          block.push(set(sum[r][v], t === 0 ? p : vadd(get(sum[r][v]), p)));
        }
      }
    }
    for (let r = 0; r < R; r++) {
      if (V === 0) block.push(set(accf[r], fadd(get(accf[r]), get(sumf[r]))));
      for (let v = 0; v < V; v++) block.push(set(acc[r][v], vadd(get(acc[r][v]), get(sum[r][v]))));
    }
    const step = (n: number) => {
      const st: Code[] = [inc(j, i32(n)), inc(pb, i32(8 * width * n))];
      for (let r = 0; r < R; r++) st.push(inc(pg[r], i32(8 * n)));
      return seq(...st);
    };
    const one: Code[] = [];
    if (V === 0) one.push(set(bf, f64load(get(pb))));
    for (let v = 0; v < V; v++) one.push(set(bv[v], vload(get(pb), 16 * v)));
    for (let r = 0; r < R; r++) {
      if (V === 0) {
        one.push(set(accf[r], fadd(get(accf[r]), fmul(f64load(get(pg[r])), get(bf)))));
        continue;
      }
      one.push(set(cs, vsplat(get(pg[r]))));
      for (let v = 0; v < V; v++) one.push(set(acc[r][v], vadd(get(acc[r][v]), vmul(get(cs), get(bv[v])))));
    }
    const store: Code[] = [];
    for (let r = 0; r < R; r++) {
      if (V === 0) store.push(f64store(get(at[r]), get(accf[r])));
      for (let v = 0; v < V; v++) store.push(vstore(get(at[r]), get(acc[r][v]), 16 * v));
    }
    return seq(
      ...init,
      forLoop(j, i32(0), le(add(get(j), i32(4)), get(J)), step(4), seq(...block)),
      forLoop(j, get(j), lt(get(j), get(J)), step(1), seq(...one)),
      ...store,
    );
  }
  /** Every row of G, two at a time, against the panel of `width` columns at q. */
  const rows = (V: number) =>
    seq(
      forLoop(i, i32(0), le(add(get(i), i32(2)), get(N)), inc(i, i32(2)), tile(2, V)),
      ifThen(lt(get(i), get(N)), tile(1, V)),
      inc(q, i32(V === 0 ? 1 : 2 * V)),
    );
  f.body = seq(
    set(q, i32(0)),
    forLoop(q, get(q), le(add(get(q), i32(8)), get(M)), [], rows(4)),
    forLoop(q, get(q), le(add(get(q), i32(2)), get(M)), [], rows(1)),
    ifThen(lt(get(q), get(M)), rows(0)),
  );
  return f;
}

/**
 * The ReLU and its backward over n doubles: `relu`: dst = src > 0 ? src : +0 (f64x2.pmax(+0, src): NaN
 * and −0 give +0, as the JavaScript does); `reluBack`: g = z > 0 ? g : +0 (a mask from f64x2.lt).
 */
function relu(backward: boolean): Func {
  const f = new Func(backward ? "reluBack" : "relu", [I32, I32, I32]);
  const [dst, src, n] = [0, 1, 2];
  const i = f.local(I32), pd = f.local(I32), ps = f.local(I32);
  const vec = backward ? vand(vload(get(pd)), vlt(vzero(), vload(get(ps)))) : vpmax(vzero(), vload(get(ps)));
  const one = backward
    ? select(f64load(get(pd)), f64(0), flt(f64(0), f64load(get(ps))))
    : select(f64load(get(ps)), f64(0), flt(f64(0), f64load(get(ps))));
  f.body = seq(
    set(pd, get(dst)),
    set(ps, get(src)),
    forLoop(
      i,
      i32(0),
      le(add(get(i), i32(2)), get(n)),
      seq(inc(i, i32(2)), inc(pd, i32(16)), inc(ps, i32(16))),
      vstore(get(pd), vec),
    ),
    ifThen(lt(get(i), get(n)), f64store(get(pd), one)),
  );
  return f;
}

/**
 * A strided gather into column panels: dst[…] = src[p·ps + q·qs] (strides in doubles) for the K×M
 * matrix, in panels of width `wide` (then 2, then 1), the panel of columns q… at q·K, each row-major
 * K×width (the layout `gemm` and the block sums read; `wide` = M gives a plain row-major copy).
 */
function gather(): Func {
  const f = new Func("gather", new Array(7).fill(I32));
  const [dst, src, K, M, ps, qs, wide] = [0, 1, 2, 3, 4, 5, 6];
  const q = f.local(I32), p = f.local(I32), t = f.local(I32), w = f.local(I32), o = f.local(I32);
  const row = f.local(I32), s = f.local(I32), psb = f.local(I32), qsb = f.local(I32);
  f.body = seq(
    set(psb, mul(get(ps), i32(8))),
    set(qsb, mul(get(qs), i32(8))),
    set(o, get(dst)),
    forLoop(
      q,
      i32(0),
      lt(get(q), get(M)),
      inc(q, get(w)),
      seq(
        set(
          w,
          select(
            get(wide),
            select(i32(2), i32(1), le(add(get(q), i32(2)), get(M))),
            le(add(get(q), get(wide)), get(M)),
          ),
        ),
        set(row, add(get(src), mul(mul(get(q), get(qs)), i32(8)))),
        forLoop(
          p,
          i32(0),
          lt(get(p), get(K)),
          seq(inc(p, i32(1)), inc(row, get(psb))),
          seq(
            set(s, get(row)),
            forLoop(
              t,
              i32(0),
              lt(get(t), get(w)),
              seq(inc(t, i32(1)), inc(s, get(qsb)), inc(o, i32(8))),
              f64store(get(o), f64load(get(s))),
            ),
          ),
        ),
      ),
    ),
  );
  return f;
}

/**
 * dst (c×r) = the transpose of src (r×c, row-major), in blocks of 8 columns and 2×2 SIMD tiles
 * (rows read a cache line at a time, written two doubles at a time), the odd row and column by scalars.
 */
function transpose(): Func {
  const f = new Func("transpose", [I32, I32, I32, I32]);
  const [dst, src, r, c] = [0, 1, 2, 3];
  const jb = f.local(I32), je = f.local(I32), i = f.local(I32), j = f.local(I32), x = f.local(V128);
  const y = f.local(V128), ps = f.local(I32), pd = f.local(I32);
  const srcAt = (row: Code, col: Code) => add(get(src), mul(add(mul(row, get(c)), col), i32(8)));
  const dstAt = (row: Code, col: Code) => add(get(dst), mul(add(mul(row, get(r)), col), i32(8)));
  const pairRows = forLoop(
    i,
    i32(0),
    le(add(get(i), i32(2)), get(r)),
    inc(i, i32(2)),
    seq(
      forLoop(
        j,
        get(jb),
        le(add(get(j), i32(2)), get(je)),
        inc(j, i32(2)),
        seq(
          set(ps, srcAt(get(i), get(j))),
          set(x, vload(get(ps))),
          set(y, vload(add(get(ps), mul(get(c), i32(8))))),
          set(pd, dstAt(get(j), get(i))),
          vstore(get(pd), vlow(get(x), get(y))),
          vstore(add(get(pd), mul(get(r), i32(8))), vhigh(get(x), get(y))),
        ),
      ),
      ifThen(
        lt(get(j), get(je)),
        seq(
          f64store(dstAt(get(j), get(i)), f64load(srcAt(get(i), get(j)))),
          f64store(dstAt(get(j), add(get(i), i32(1))), f64load(srcAt(add(get(i), i32(1)), get(j)))),
        ),
      ),
    ),
  );
  const lastRow = ifThen(
    lt(get(i), get(r)),
    forLoop(
      j,
      get(jb),
      lt(get(j), get(je)),
      inc(j, i32(1)),
      f64store(dstAt(get(j), get(i)), f64load(srcAt(get(i), get(j)))),
    ),
  );
  f.body = forLoop(
    jb,
    i32(0),
    lt(get(jb), get(c)),
    inc(jb, i32(8)),
    seq(set(je, select(add(get(jb), i32(8)), get(c), le(add(get(jb), i32(8)), get(c)))), pairRows, lastRow),
  );
  return f;
}

/**
 * Column panels of a row-major matrix (src[p·ps + q], K×M): widths `wide` (16, 8 or 4), then 2, then 1,
 * the panel of columns q… at q·K, each row-major K×width; copied two doubles at a time.
 */
function panels(): Func {
  const f = new Func("panels", [I32, I32, I32, I32, I32, I32]);
  const [dst, src, K, M, ps, wide] = [0, 1, 2, 3, 4, 5];
  const q = f.local(I32), p = f.local(I32), o = f.local(I32), row = f.local(I32), psb = f.local(I32);
  function panel(width: number): Code {
    const copy: Code[] = [];
    if (width === 1) copy.push(f64store(get(o), f64load(get(row))));
    for (let v = 0; v < width / 2; v++) copy.push(vstore(get(o), vload(get(row), 16 * v), 16 * v));
    return seq(
      set(row, add(get(src), mul(get(q), i32(8)))),
      forLoop(
        p,
        i32(0),
        lt(get(p), get(K)),
        seq(inc(p, i32(1)), inc(row, get(psb)), inc(o, i32(8 * width))),
        seq(...copy),
      ),
      inc(q, i32(width)),
    );
  }
  f.body = seq(
    set(psb, mul(get(ps), i32(8))),
    set(o, get(dst)),
    set(q, i32(0)),
    ifThen(eqz(sub(get(wide), i32(16))), forLoop(q, i32(0), le(add(get(q), i32(16)), get(M)), [], panel(16))),
    ifThen(eqz(sub(get(wide), i32(8))), forLoop(q, i32(0), le(add(get(q), i32(8)), get(M)), [], panel(8))),
    ifThen(eqz(sub(get(wide), i32(4))), forLoop(q, i32(0), le(add(get(q), i32(4)), get(M)), [], panel(4))),
    forLoop(q, get(q), le(add(get(q), i32(2)), get(M)), [], panel(2)),
    ifThen(lt(get(q), get(M)), panel(1)),
  );
  return f;
}

/** Column sums: dst[j] = Σ_i src[i·m + j] (n×m row-major), from +0 in the order i = 0 … n−1. */
function colsum(): Func {
  const f = new Func("colsum", [I32, I32, I32, I32]);
  const [dst, src, n, m] = [0, 1, 2, 3];
  const j = f.local(I32), i = f.local(I32), p = f.local(I32), mb = f.local(I32), sf = f.local(F64);
  const acc = [0, 1, 2, 3].map(() => f.local(V128));
  function columns(V: number): Code {
    const width = V === 0 ? 1 : 2 * V;
    const init: Code[] = [set(p, add(get(src), mul(get(j), i32(8))))];
    const step: Code[] = [];
    const store: Code[] = [];
    if (V === 0) {
      init.push(set(sf, f64(0)));
      step.push(set(sf, fadd(get(sf), f64load(get(p)))));
      store.push(f64store(add(get(dst), mul(get(j), i32(8))), get(sf)));
    }
    for (let v = 0; v < V; v++) {
      init.push(set(acc[v], vzero()));
      step.push(set(acc[v], vadd(get(acc[v]), vload(get(p), 16 * v))));
      store.push(vstore(add(get(dst), mul(get(j), i32(8))), get(acc[v]), 16 * v));
    }
    return seq(
      ...init,
      forLoop(i, i32(0), lt(get(i), get(n)), seq(inc(i, i32(1)), inc(p, get(mb))), seq(...step)),
      ...store,
      inc(j, i32(width)),
    );
  }
  f.body = seq(
    set(mb, mul(get(m), i32(8))),
    forLoop(j, i32(0), le(add(get(j), i32(8)), get(m)), [], columns(4)),
    forLoop(j, get(j), le(add(get(j), i32(2)), get(m)), [], columns(1)),
    ifThen(lt(get(j), get(m)), columns(0)),
  );
  return f;
}

/**
 * Column sums in the order of the language model's bias gradient: dst[j] = Σ over blocks of four rows
 * of (((src[i, j] + src[i+1, j]) + src[i+2, j]) + src[i+3, j]), from +0, then the last rows one at a
 * time (n×m row-major), in double precision; eight columns a pass, then two, then one. `colsum4` reads
 * doubles, `colsum4s` (`float32`) floats, each widened exactly.
 */
function colsum4(name: string, float32: boolean): Func {
  const f = new Func(name, [I32, I32, I32, I32]);
  const es = float32 ? 4 : 8; // bytes per source element
  const [dst, src, n, m] = [0, 1, 2, 3];
  const j = f.local(I32), i = f.local(I32), p = f.local(I32), mb = f.local(I32);
  const acc = [0, 1, 2, 3].map(() => f.local(V128)), accf = f.local(F64);
  /** V vectors (V = 0: one scalar column) from column j. */
  function columns(V: number): Code {
    const row = (k: number) => add(get(p), mul(get(mb), i32(k)));
    const parts: Code[] = [], singles: Code[] = [], init: Code[] = [], store: Code[] = [];
    const to = add(get(dst), mul(get(j), i32(8)));
    if (V === 0) {
      const ld = (k: number) => (float32 ? promote(s32load(row(k))) : f64load(row(k)));
      init.push(set(accf, f64(0)));
      parts.push(set(accf, fadd(get(accf), fadd(fadd(fadd(ld(0), ld(1)), ld(2)), ld(3)))));
      singles.push(set(accf, fadd(get(accf), ld(0))));
      store.push(f64store(to, get(accf)));
    }
    for (let v = 0; v < V; v++) {
      const ld = (k: number) => (float32 ? vload32x2(row(k), 8 * v) : vload(row(k), 16 * v));
      init.push(set(acc[v], vzero()));
      parts.push(set(acc[v], vadd(get(acc[v]), vadd(vadd(vadd(ld(0), ld(1)), ld(2)), ld(3)))));
      singles.push(set(acc[v], vadd(get(acc[v]), ld(0))));
      store.push(vstore(to, get(acc[v]), 16 * v));
    }
    return seq(
      set(p, add(get(src), mul(get(j), i32(es)))),
      ...init,
      forLoop(
        i,
        i32(0),
        le(add(get(i), i32(4)), get(n)),
        seq(inc(i, i32(4)), inc(p, mul(get(mb), i32(4)))),
        seq(...parts),
      ),
      forLoop(i, get(i), lt(get(i), get(n)), seq(inc(i, i32(1)), inc(p, get(mb))), seq(...singles)),
      ...store,
      inc(j, i32(V === 0 ? 1 : 2 * V)),
    );
  }
  f.body = seq(
    set(mb, mul(get(m), i32(es))),
    set(j, i32(0)),
    forLoop(j, get(j), le(add(get(j), i32(8)), get(m)), [], columns(4)),
    forLoop(j, get(j), le(add(get(j), i32(2)), get(m)), [], columns(1)),
    ifThen(lt(get(j), get(m)), columns(0)),
  );
  return f;
}

/**
 * The product of `gemm` for a sparse A (a ReLU layer's activations or gradients, about half zeros), one
 * row at a time: the row's nonzero entries (value and index p, in increasing p) are listed first, then
 * every output of the row sums only their products, in increasing p, from +0, and adds the bias at
 * the end. A zero entry's product with a finite B value is ±0, and adding ±0 to a running sum that
 * started at +0 leaves it unchanged (such a sum is never −0), so the result is the dense sum's bit for
 * bit; with `dense` ≠ 0 (some B value not finite, where 0·∞ would give NaN) every entry is listed.
 * B is packed in panels of width 16, then 2, then 1 (eight accumulators per pass). All rows are listed
 * first, then each panel meets every row while it stays in L1. `list` is scratch for 12·n·K + 4·(n + 1)
 * bytes.
 */
function gemmSparse(): Func {
  const f = new Func("gemmSparse", new Array(10).fill(I32));
  const [out, a, aRow, aCol, b, n, K, M, bias, list] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const dense = f.local(I32);
  const i = f.local(I32), q = f.local(I32), p = f.local(I32), pa = f.local(I32), cnt = f.local(I32);
  const c = f.local(I32), end = f.local(I32), panel = f.local(I32), pb = f.local(I32);
  const x = f.local(F64), s = f.local(V128), sf = f.local(F64), s2 = f.local(V128), pb2 = f.local(I32);
  const acc = [0, 1, 2, 3, 4, 5, 6, 7].map(() => f.local(V128));
  const idx = f.local(I32), starts = f.local(I32); // the index list after the values, the row starts after it
  const shifts: Record<number, number> = { 16: 7, 2: 4, 1: 3 };
  /** V vectors (V = 0: one scalar column) of the panel at columns q…, every row i. */
  function panelOf(V: number): Code {
    const width = V === 0 ? 1 : 2 * V;
    const biasAt = (v: number) => add(get(bias), mul(add(get(q), i32(2 * v)), i32(8)));
    const at = add(get(out), mul(add(mul(get(i), get(M)), get(q)), i32(8)));
    const init: Code[] = [
      set(c, i32load(add(get(starts), mul(get(i), i32(4))))),
      set(end, i32load(add(get(starts), mul(get(i), i32(4))), 4)),
    ];
    const entry = (e: Code) => add(get(list), mul(e, i32(8)));
    const step: Code[] = [
      set(pb, add(get(panel), shl(i32load(add(get(idx), mul(get(c), i32(4)))), i32(shifts[width])))),
    ];
    const store: Code[] = [];
    if (V === 0) {
      init.push(set(sf, f64(0)));
      step.push(set(sf, fadd(get(sf), fmul(f64load(entry(get(c))), f64load(get(pb))))));
      store.push(f64store(at, fadd(get(sf), f64load(biasAt(0)))));
    } else {
      step.push(set(s, vsplat(entry(get(c)))));
    }
    for (let v = 0; v < V; v++) {
      init.push(set(acc[v], vzero()));
      step.push(set(acc[v], vadd(get(acc[v]), vmul(get(s), vload(get(pb), 16 * v)))));
      store.push(vstore(at, vadd(get(acc[v]), vload(biasAt(v))), 16 * v));
    }
    // two entries a pass (each sum still adds its products one after the other, in order)
    const pair = V === 0 ? step.concat([inc(c, i32(1))], step) : (() => {
      const out2: Code[] = [...step.slice(0, 2)];
      out2.push(set(pb2, add(get(panel), shl(i32load(add(get(idx), mul(get(c), i32(4))), 4), i32(shifts[width])))));
      out2.push(set(s2, vsplat(entry(get(c)), 8)));
      for (let v = 0; v < V; v++) {
        out2.push(
          set(
            acc[v],
            vadd(vadd(get(acc[v]), vmul(get(s), vload(get(pb), 16 * v))), vmul(get(s2), vload(get(pb2), 16 * v))),
          ),
        );
      }
      out2.push(inc(c, i32(1)));
      return out2;
    })();
    const rows = forLoop(
      i,
      i32(0),
      lt(get(i), get(n)),
      inc(i, i32(1)),
      seq(
        ...init,
        forLoop(c, get(c), lt(add(get(c), i32(1)), get(end)), inc(c, i32(1)), seq(...pair)),
        forLoop(c, get(c), lt(get(c), get(end)), inc(c, i32(1)), seq(...step)),
        ...store,
      ),
    );
    return seq(set(panel, add(get(b), mul(mul(get(q), get(K)), i32(8)))), rows, inc(q, i32(width)));
  }
  f.body = seq(
    // `K` < 0 asks for the dense listing (every entry kept): K = −K then
    set(dense, lt(get(K), i32(0))),
    ifThen(get(dense), set(K, sub0(get(K)))),
    set(idx, add(get(list), mul(mul(get(n), get(K)), i32(8)))),
    set(starts, add(get(idx), mul(mul(get(n), get(K)), i32(4)))),
    // first every row's nonzero entries, listed one after the other
    set(cnt, i32(0)),
    forLoop(
      i,
      i32(0),
      lt(get(i), get(n)),
      inc(i, i32(1)),
      seq(
        i32store(add(get(starts), mul(get(i), i32(4))), get(cnt)),
        set(pa, add(get(a), mul(get(i), get(aRow)))),
        forLoop(
          p,
          i32(0),
          lt(get(p), get(K)),
          seq(inc(p, i32(1)), inc(pa, get(aCol))),
          seq(
            set(x, f64load(get(pa))),
            // written always, kept (the count advanced) only when nonzero: no branch to mispredict
            f64store(add(get(list), mul(get(cnt), i32(8))), get(x)),
            i32store(add(get(idx), mul(get(cnt), i32(4))), get(p)),
            inc(cnt, or(fne(get(x), f64(0)), get(dense))),
          ),
        ),
      ),
    ),
    i32store(add(get(starts), mul(get(n), i32(4))), get(cnt)),
    // then panel by panel (each stays in L1), every row
    forLoop(q, i32(0), le(add(get(q), i32(16)), get(M)), [], panelOf(8)),
    forLoop(q, get(q), le(add(get(q), i32(2)), get(M)), [], panelOf(1)),
    ifThen(lt(get(q), get(M)), panelOf(0)),
  );
  return f;
}

/**
 * Whether every one of n doubles is finite: dst (one double) = Σ x·0, which is ±0 if so and NaN if not.
 */
function finite(): Func {
  const f = new Func("finite", [I32, I32, I32]);
  const [dst, src, n] = [0, 1, 2];
  const i = f.local(I32), ps = f.local(I32), acc = f.local(V128);
  f.body = seq(
    set(acc, vzero()),
    set(ps, get(src)),
    forLoop(
      i,
      i32(0),
      le(add(get(i), i32(2)), get(n)),
      seq(inc(i, i32(2)), inc(ps, i32(16))),
      set(acc, vadd(get(acc), vmul(vload(get(ps)), vzero()))),
    ),
    vstore(get(dst), get(acc)),
    ifThen(lt(get(i), get(n)), f64store(get(dst), fadd(f64load(get(dst)), fmul(f64load(get(ps)), f64(0))))),
    f64store(get(dst), fadd(f64load(get(dst)), f64load(get(dst), 8))),
  );
  return f;
}

/**
 * The attention's weighted sums, one coefficient at a time: out[i, q] += c_{ij} B[j, q] for j over a
 * range that depends on the row (`mode` 0: j < J; 1, causal: j ≤ i; 2, anti-causal: j ≥ i), j
 * increasing.
 * c_{ij} is at G + i·gRow + j·gCol (byte strides: G or its transpose); B is packed as for the block
 * sums (panels of width 8, then 2, then 1); out's rows are `outRow` bytes apart.
 *
 * Two rows a pass: each row's sum is a chain of dependent additions, so two chains
 * side by side keep the adders busy; over the j both rows take, one loop serves both, each row's own
 * j before and after it by themselves, so that every row still adds in increasing j.
 */
function weighted(name: string): Func {
  const f = new Func(name, new Array(10).fill(I32));
  const [out, outRow, g, gRow, gCol, b, N, J, M, mode] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const i = f.local(I32), q = f.local(I32), j = f.local(I32), end = f.local(I32), pb = f.local(I32);
  const lo = [f.local(I32), f.local(I32)], hi = [f.local(I32), f.local(I32)];
  const pg = [f.local(I32), f.local(I32)], at = [f.local(I32), f.local(I32)];
  const from = f.local(I32), to = f.local(I32), cs = f.local(V128);
  const bv = [0, 1, 2, 3].map(() => f.local(V128));
  const acc = [0, 1].map(() => [0, 1, 2, 3].map(() => f.local(V128))), accf = [f.local(F64), f.local(F64)];
  const bf = f.local(F64);
  const min = (x: Code, y: Code) => select(x, y, lt(x, y));
  const max = (x: Code, y: Code) => select(y, x, lt(x, y));

  /** The rows `rs` (of the pair at i) over j ∈ [start, stop), V vectors of the panel at q. */
  function range(rs: number[], V: number, start: Code, stop: Code): Code {
    const width = V === 0 ? 1 : 2 * V;
    const init: Code[] = [
      set(end, stop),
      set(pb, add(get(b), mul(add(mul(get(q), get(J)), mul(get(j), i32(width))), i32(8)))),
    ];
    for (const r of rs) {
      init.push(set(pg[r], add(add(get(g), mul(add(get(i), i32(r)), get(gRow))), mul(get(j), get(gCol)))));
    }
    const step: Code[] = [];
    if (V === 0) step.push(set(bf, f64load(get(pb))));
    for (let v = 0; v < V; v++) step.push(set(bv[v], vload(get(pb), 16 * v)));
    for (const r of rs) {
      if (V === 0) {
        step.push(set(accf[r], fadd(get(accf[r]), fmul(f64load(get(pg[r])), get(bf)))));
        continue;
      }
      step.push(set(cs, vsplat(get(pg[r]))));
      for (let v = 0; v < V; v++) step.push(set(acc[r][v], vadd(get(acc[r][v]), vmul(get(cs), get(bv[v])))));
    }
    const next: Code[] = [inc(j, i32(1)), inc(pb, i32(8 * width))];
    for (const r of rs) next.push(inc(pg[r], get(gCol)));
    return seq(set(j, start), ...init, forLoop(j, get(j), lt(get(j), get(end)), seq(...next), seq(...step)));
  }
  /** Rows i … i + R − 1 (R = 1 or 2) against the panel of V vectors at q. */
  function rowsAt(R: number, V: number): Code {
    const rs = R === 2 ? [0, 1] : [0];
    const code: Code[] = [];
    for (const r of rs) {
      const ir = add(get(i), i32(r));
      code.push(
        set(lo[r], select(ir, i32(0), eqz(sub(get(mode), i32(2))))),
        set(hi[r], select(min(add(ir, i32(1)), get(J)), get(J), eqz(sub(get(mode), i32(1))))),
        set(at[r], add(add(get(out), mul(ir, get(outRow))), mul(get(q), i32(8)))),
      );
      if (V === 0) code.push(set(accf[r], f64load(get(at[r]))));
      for (let v = 0; v < V; v++) code.push(set(acc[r][v], vload(get(at[r]), 16 * v)));
    }
    if (R === 1) code.push(range([0], V, get(lo[0]), get(hi[0])));
    else {
      // the j both rows take: [from, to); each row's own before and after it
      code.push(set(from, max(get(lo[0]), get(lo[1]))), set(to, max(min(get(hi[0]), get(hi[1])), get(from))));
      for (const r of rs) code.push(range([r], V, get(lo[r]), min(get(from), get(hi[r]))));
      code.push(range([0, 1], V, get(from), get(to)));
      for (const r of rs) code.push(range([r], V, max(get(to), get(lo[r])), get(hi[r])));
    }
    for (const r of rs) {
      if (V === 0) code.push(f64store(get(at[r]), get(accf[r])));
      for (let v = 0; v < V; v++) code.push(vstore(get(at[r]), get(acc[r][v]), 16 * v));
    }
    return seq(...code);
  }
  const panel = (V: number) =>
    seq(
      forLoop(i, i32(0), le(add(get(i), i32(2)), get(N)), inc(i, i32(2)), rowsAt(2, V)),
      ifThen(lt(get(i), get(N)), rowsAt(1, V)),
      inc(q, i32(V === 0 ? 1 : 2 * V)),
    );
  f.body = seq(
    set(q, i32(0)),
    forLoop(q, get(q), le(add(get(q), i32(8)), get(M)), [], panel(4)),
    forLoop(q, get(q), le(add(get(q), i32(2)), get(M)), [], panel(1)),
    ifThen(lt(get(q), get(M)), panel(0)),
  );
  return f;
}

/** The module's imports: `Math.exp` (function 0), the engine's own, as the JavaScript layers call it. */
export const KERNEL_IMPORTS: Import[] = [{ module: "m", name: "exp", params: 1 }];
const exp = (x: Code): Code => call(0, x);

/**
 * The attention's causal softmax, per row t of a head's T×T scores S (row-major doubles) into G:
 * G[t, u] = S[t, u]·scale for u ≤ t and their maximum m, then e = exp(G[t, u] − m) (the imported
 * `Math.exp`), G[t, u] = e, the sum of the e from +0 (u increasing), then G[t, u] = G[t, u]·(1/sum), and
 * G[t, u] = +0 for u > t (the double-precision attention; the float32 one is `softmax32`).
 */
function softmaxRows(name: string): Func {
  const f = new Func(name, [I32, I32, I32, F64]);
  const [G, S, T, scale] = [0, 1, 2, 3];
  const t = f.local(I32), u = f.local(I32), row = f.local(I32);
  const d = f.local(F64), m = f.local(F64), e = f.local(F64), sum = f.local(F64), inv = f.local(F64);
  const at = (base: number) => add(get(base), mul(add(get(row), get(u)), i32(8)));
  const upTo = (body: Code) => forLoop(u, i32(0), le(get(u), get(t)), inc(u, i32(1)), body);
  f.body = forLoop(
    t,
    i32(0),
    lt(get(t), get(T)),
    inc(t, i32(1)),
    seq(
      set(row, mul(get(t), get(T))),
      set(m, f64(-Infinity)),
      upTo(seq(
        set(d, fmul(f64load(at(S)), get(scale))),
        f64store(at(G), get(d)),
        set(m, select(get(d), get(m), fgt(get(d), get(m)))),
      )),
      set(sum, f64(0)),
      upTo(seq(
        set(e, exp(fsub(f64load(at(G)), get(m)))),
        f64store(at(G), get(e)),
        set(sum, fadd(get(sum), get(e))),
      )),
      set(inv, fdiv(f64(1), get(sum))),
      upTo(f64store(at(G), fmul(f64load(at(G)), get(inv)))),
      forLoop(u, get(u), lt(get(u), get(T)), inc(u, i32(1)), f64store(at(G), f64(0))),
    ),
  );
  return f;
}

/**
 * The softmax's backward in the attention, per row t of a head's T×T weights A and their gradients
 * dA (row-major, T×T doubles): dot = Σ_{t2 ≤ t} A[t, t2]·dA[t, t2] (from +0, t2 increasing), then
 * P[t, t2] = (A[t, t2]·(d − dot))·scale for t2 ≤ t (two a pass), with d = dA[t, t2]; P above the
 * diagonal is left as it was.
 */
function softmaxGrad(name: string): Func {
  const f = new Func(name, [I32, I32, I32, I32, F64]);
  const [P, A, dA, T, scale] = [0, 1, 2, 3, 4];
  const t = f.local(I32), u = f.local(I32), row = f.local(I32), dot = f.local(F64);
  const dv = f.local(V128), sv = f.local(V128);
  const at = (base: number) => add(get(base), mul(add(get(row), get(u)), i32(8)));
  const one = f64store(at(P), fmul(fmul(f64load(at(A)), fsub(f64load(at(dA)), get(dot))), get(scale)));
  const pair = vstore(at(P), vmul(vmul(vload(at(A)), vsub(vload(at(dA)), get(dv))), get(sv)));
  f.body = seq(
    set(sv, vsplatOf(get(scale))),
    forLoop(
      t,
      i32(0),
      lt(get(t), get(T)),
      inc(t, i32(1)),
      seq(
        set(row, mul(get(t), get(T))),
        set(dot, f64(0)),
        forLoop(
          u,
          i32(0),
          le(get(u), get(t)),
          inc(u, i32(1)),
          set(dot, fadd(get(dot), fmul(f64load(at(A)), f64load(at(dA))))),
        ),
        set(dv, vsplatOf(get(dot))),
        forLoop(u, i32(0), le(add(get(u), i32(1)), get(t)), inc(u, i32(2)), pair),
        ifThen(le(get(u), get(t)), one),
      ),
    ),
  );
  return f;
}

// ---------------------------------------------------------------------------------------------------
// The language model's single-precision kernels: operands float32 in the module's memory, every
// multiplication and addition an f32 operation (f32x4 lanes across adjacent output columns, no FMA, no
// reassociation), so that each output element sees exactly the operations of the `Math.fround` loops
// of `src/learn/lm/matmul.ts`, in the same order.

/**
 * `gemm32`: out[i, q] = fl(fl(Σ_p fl(A[i, p] · B[p, q]), p = 0 … K−1, from +0) + bias[q]), every sum
 * rounded to float32 as it goes, out and A by row byte strides (their rows contiguous floats), B
 * packed in column panels of width 8, then 4, then 1 (`gather32`); with `accumulate` ≠ 0 every sum starts at out[i, q]
 * instead (the backward's out += A·B) and adds nothing at the end. Blocked `R` rows × 8 columns
 * (f32x4 accumulators), then R × 4, R × 1, then single rows; the sum over p unrolled by four (the
 * loads' offsets constants).
 */
function gemm32(): Func {
  const R = 4, unroll = 4;
  const f = new Func("gemm32", new Array(10).fill(I32));
  const [out, outRow, a, aRow, b, n, K, M, bias, accumulate] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const i = f.local(I32), q = f.local(I32), p = f.local(I32), pb = f.local(I32);
  const pa = Array.from({ length: R }, () => f.local(I32));
  const s = f.local(V128), sf = f.local(F32);
  const bv = [f.local(V128), f.local(V128)];
  const acc = Array.from({ length: R }, () => [f.local(V128), f.local(V128)]);
  const accf = Array.from({ length: R }, () => f.local(F32));

  /** Rr rows × V vectors of four (V = 0: one scalar column) at rows i…, columns q…. */
  function tile(Rr: number, V: number): Code {
    const width = V === 0 ? 1 : 4 * V;
    const biasAt = (v: number) => add(get(bias), mul(add(get(q), i32(4 * v)), i32(4)));
    const outAt = (r: number) => add(add(get(out), mul(add(get(i), i32(r)), get(outRow))), mul(get(q), i32(4)));
    const init: Code[] = [];
    for (let r = 0; r < Rr; r++) {
      if (V === 0) {
        init.push(set(accf[r], select(s32load(outAt(r)), s32zero(), get(accumulate))));
      }
      for (let v = 0; v < V; v++) {
        init.push(
          set(acc[r][v], select(vload(outAt(r), 16 * v), vzero(), get(accumulate))),
        );
      }
    }
    const ptrs: Code[] = [set(pa[0], add(get(a), mul(get(i), get(aRow))))];
    for (let r = 1; r < Rr; r++) ptrs.push(set(pa[r], add(get(pa[r - 1]), get(aRow))));
    ptrs.push(set(pb, add(get(b), mul(mul(get(q), get(K)), i32(4)))));
    /** The products of `u` consecutive p (offsets constant). */
    const body = (u: number): Code => {
      const inner: Code[] = [];
      for (let t = 0; t < u; t++) {
        if (V === 0) {
          inner.push(set(sf, s32load(get(pb), 4 * t)));
          for (let r = 0; r < Rr; r++) {
            inner.push(set(accf[r], sadd(get(accf[r]), smul(s32load(get(pa[r]), 4 * t), get(sf)))));
          }
          continue;
        }
        for (let v = 0; v < V; v++) inner.push(set(bv[v], vload(get(pb), 4 * width * t + 16 * v)));
        for (let r = 0; r < Rr; r++) {
          inner.push(set(s, v4splat(get(pa[r]), 4 * t)));
          for (let v = 0; v < V; v++) inner.push(set(acc[r][v], v4add(get(acc[r][v]), v4mul(get(s), get(bv[v])))));
        }
      }
      return seq(...inner);
    };
    const step = (u: number): Code => {
      const st: Code[] = [inc(p, i32(u)), inc(pb, i32(4 * width * u))];
      for (let r = 0; r < Rr; r++) st.push(inc(pa[r], i32(4 * u)));
      return seq(...st);
    };
    const store: Code[] = [];
    const plain = eqz(get(accumulate));
    for (let r = 0; r < Rr; r++) {
      if (V === 0) store.push(s32store(outAt(r), select(sadd(get(accf[r]), s32load(biasAt(0))), get(accf[r]), plain)));
      for (let v = 0; v < V; v++) {
        store.push(vstore(outAt(r), select(v4add(get(acc[r][v]), vload(biasAt(v))), get(acc[r][v]), plain), 16 * v));
      }
    }
    return seq(
      ...init,
      ...ptrs,
      forLoop(p, i32(0), le(add(get(p), i32(unroll)), get(K)), step(unroll), body(unroll)),
      forLoop(p, get(p), lt(get(p), get(K)), step(1), body(1)),
      ...store,
      inc(q, i32(width)),
    );
  }
  const columns = (Rr: number) =>
    seq(
      forLoop(q, i32(0), le(add(get(q), i32(8)), get(M)), [], tile(Rr, 2)),
      ifThen(le(add(get(q), i32(4)), get(M)), tile(Rr, 1)),
      forLoop(q, get(q), lt(get(q), get(M)), [], tile(Rr, 0)),
    );
  f.body = seq(
    forLoop(i, i32(0), le(add(get(i), i32(R)), get(n)), inc(i, i32(R)), columns(R)),
    forLoop(i, get(i), lt(get(i), get(n)), inc(i, i32(1)), columns(1)),
  );
  return f;
}

/**
 * `gather32`: floats dst[…] = src[p·ps + q·qs] (strides in floats) for the K×M matrix, in column panels
 * of width `wide` (8 for the kernels above; M for a plain row-major copy or a transpose), then 4, then
 * 1, the panel of columns q… at q·K, each row-major K×width. Rows of a panel are copied four floats at
 * a time where qs = 1.
 */
function gather32(): Func {
  const f = new Func("gather32", new Array(7).fill(I32));
  const [dst, src, K, M, ps, qs, wide] = [0, 1, 2, 3, 4, 5, 6];
  const q = f.local(I32), p = f.local(I32), t = f.local(I32), w = f.local(I32), o = f.local(I32);
  const row = f.local(I32), s = f.local(I32), psb = f.local(I32), qsb = f.local(I32);
  const copyRow = ifThen(
    eqz(sub(get(qs), i32(1))),
    seq(
      forLoop(
        t,
        i32(0),
        le(add(get(t), i32(4)), get(w)),
        seq(inc(t, i32(4)), inc(s, i32(16)), inc(o, i32(16))),
        vstore(get(o), vload(get(s))),
      ),
      forLoop(
        t,
        get(t),
        lt(get(t), get(w)),
        seq(inc(t, i32(1)), inc(s, i32(4)), inc(o, i32(4))),
        s32store(get(o), s32load(get(s))),
      ),
    ),
    forLoop(
      t,
      i32(0),
      lt(get(t), get(w)),
      seq(inc(t, i32(1)), inc(s, get(qsb)), inc(o, i32(4))),
      s32store(get(o), s32load(get(s))),
    ),
  );
  f.body = seq(
    set(psb, mul(get(ps), i32(4))),
    set(qsb, mul(get(qs), i32(4))),
    set(o, get(dst)),
    forLoop(
      q,
      i32(0),
      lt(get(q), get(M)),
      inc(q, get(w)),
      seq(
        set(
          w,
          select(
            get(wide),
            select(i32(4), i32(1), le(add(get(q), i32(4)), get(M))),
            le(add(get(q), get(wide)), get(M)),
          ),
        ),
        set(row, add(get(src), mul(mul(get(q), get(qs)), i32(4)))),
        forLoop(p, i32(0), lt(get(p), get(K)), seq(inc(p, i32(1)), inc(row, get(psb))), seq(set(s, get(row)), copyRow)),
      ),
    ),
  );
  return f;
}

/** The kernels' module, in the order `src/learn/_wasm.ts` expects its exports. */
export function buildKernelsWasm(): Uint8Array {
  const funcs = [
    gemm(),
    axpy("axpy2", 2, true),
    blockSums4("axpy4"),
    relu(false),
    relu(true),
    gather(),
    transpose(),
    panels(),
    colsum(),
    gemmSparse(),
    finite(),
    weighted("weighted"),
    softmaxRows("softmaxRows"),
    softmaxGrad("softmaxGrad"),
    colsum4("colsum4", false),
    gemm32(),
    gather32(),
    colsum4("colsum4s", true),
    gelu32(false),
    gelu32(true),
    softmax32(),
    softmaxGrad32(),
  ];
  return module(funcs, 1, KERNEL_IMPORTS);
}

/** The text of `src/learn/_kernels_wasm.ts`: the module's bytes in base64, lines of 100 characters. */
export function kernelsWasmSource(): string {
  const bytes = buildKernelsWasm();
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  const b64 = btoa(bin);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 100) lines.push(`  "${b64.slice(i, i + 100)}",`);
  return [
    "/**",
    " * GENERATED by `deno run -A scripts/build_wasm.ts` from `scripts/wasm/kernels.ts`: do not edit.",
    ` * The WebAssembly SIMD kernels of \`src/learn/_wasm.ts\` (${bytes.length} bytes), base64.`,
    " * @module",
    " */",
    "",
    "/**",
    " * The module's binary in base64 (decoded and instantiated by `src/learn/_wasm.ts`).",
    ' * @example KERNELS_WASM_BASE64.slice(0, 8) // => "AGFzbQEA" (the magic number and version)',
    " */",
    "export const KERNELS_WASM_BASE64 = [",
    ...lines,
    '].join("");',
    "",
  ].join("\n");
}

/**
 * e^x on four floats (the local `x`, overwritten), by the operations of `expf` in
 * `src/learn/lm/_f32math.ts` in the same order, its constants read from there; `n` and `r` are
 * scratch v128 locals.
 */
function v4exp(x: number, n: number, r: number): Code {
  const c = EXPF;
  let p = v4const(c.p[0]);
  const steps: Code[] = [
    set(x, v4min(v4max(get(x), v4const(c.min)), v4const(c.max))),
    set(n, v4floor(v4add(v4mul(get(x), v4const(c.log2e)), v4const(0.5)))),
    set(r, v4sub(get(x), v4mul(get(n), v4const(c.c1)))),
    set(r, v4sub(get(r), v4mul(get(n), v4const(c.c2)))),
  ];
  for (let i = 1; i < 6; i++) p = v4add(v4mul(p, get(r)), v4const(c.p[i]));
  // y = (p·r² + r) + 1, times 2ⁿ built from its bits ((n + 127) << 23: n in [−126, 127] by the clamp)
  steps.push(set(x, v4add(v4add(v4mul(p, v4mul(get(r), get(r))), get(r)), v4const(1))));
  const pow = vi4shl(vi4add(v4trunc(get(n)), vi4splatOf(i32(127))), i32(23));
  return seq(...steps, v4mul(get(x), pow));
}

/**
 * `gelu32` (forward, `backward` = false): for i < n (a multiple of 4), x = inp[i], u = S·(x +
 * ((k·x)·x)·x), th[i] = tanh u = 1 − 2/(e^{2u} + 1), out[i] = (½x)·(1 + th[i]); `gelu32b`: g = ½(1 + th) +
 * (((½x)·(1 − th²))·S)·(1 + (3k·x)·x), dinp[i] = dinp[i] + g·dout[i]; every operation in float32 in
 * the order of `geluForward32` and `geluBackward32` in `src/learn/lm/layers.ts`.
 */
function gelu32(backward: boolean): Func {
  const f = new Func(backward ? "gelu32b" : "gelu32", backward ? [I32, I32, I32, I32, I32] : [I32, I32, I32, I32]);
  const i = f.local(I32), x = f.local(V128), u = f.local(V128), n = f.local(V128), r = f.local(V128);
  const th = f.local(V128);
  const g = GELUF;
  const half = (v: Code) => v4mul(v4const(0.5), v);
  const at = (base: number) => add(get(base), mul(get(i), i32(4)));
  let body: Code;
  if (!backward) {
    const [out, inp, ths, len] = [0, 1, 2, 3];
    body = seq(
      set(x, vload(at(inp))),
      set(u, v4mul(v4const(g.scale), v4add(get(x), v4mul(v4mul(v4mul(v4const(g.k), get(x)), get(x)), get(x))))),
      set(u, v4add(get(u), get(u))),
      set(u, v4exp(u, n, r)),
      set(th, v4sub(v4const(1), v4div(v4const(2), v4add(get(u), v4const(1))))),
      vstore(at(ths), get(th)),
      vstore(at(out), v4mul(half(get(x)), v4add(v4const(1), get(th)))),
    );
    f.body = forLoop(i, i32(0), lt(get(i), get(len)), inc(i, i32(4)), body);
    return f;
  }
  const [dinp, inp, ths, dout, len] = [0, 1, 2, 3, 4];
  body = seq(
    set(x, vload(at(inp))),
    set(th, vload(at(ths))),
    set(u, v4sub(v4const(1), v4mul(get(th), get(th)))),
    set(
      u,
      v4add(
        half(v4add(v4const(1), get(th))),
        v4mul(
          v4mul(v4mul(half(get(x)), get(u)), v4const(g.scale)),
          v4add(v4const(1), v4mul(v4mul(v4const(g.k3), get(x)), get(x))),
        ),
      ),
    ),
    vstore(at(dinp), v4add(vload(at(dinp)), v4mul(get(u), vload(at(dout))))),
  );
  f.body = forLoop(i, i32(0), lt(get(i), get(len)), inc(i, i32(4)), body);
  return f;
}

/**
 * `softmax32`: the attention's causal softmax in float32, per row t of a head's T×T scores S (floats,
 * row-major) into G: d_u = S[t, u]·scale for u ≤ t and their maximum m (from −∞, a larger d replacing
 * it), e_u = expf(d_u − m) (four at a time: the lanes past t are computed and overwritten, so G needs
 * four floats of room past its end), sum = Σ e_u from +0 in increasing u, inv = 1/sum, G[t, u] = e_u·inv,
 * and +0 for u > t; the order of `attentionForward32` in `src/learn/lm/layers.ts`.
 */
function softmax32(): Func {
  const f = new Func("softmax32", [I32, I32, I32, F32]);
  const [G, S, T, scale] = [0, 1, 2, 3];
  const t = f.local(I32), u = f.local(I32), row = f.local(I32), d = f.local(F32), m = f.local(F32);
  const sum = f.local(F32), inv = f.local(F32), x = f.local(V128), n = f.local(V128), r = f.local(V128);
  const mv = f.local(V128);
  const at = (base: number) => add(get(base), mul(add(get(row), get(u)), i32(4)));
  const upTo = (body: Code) => forLoop(u, i32(0), le(get(u), get(t)), inc(u, i32(1)), body);
  f.body = forLoop(
    t,
    i32(0),
    lt(get(t), get(T)),
    inc(t, i32(1)),
    seq(
      set(row, mul(get(t), get(T))),
      set(m, s32(-Infinity)),
      upTo(seq(
        set(d, smul(s32load(at(S)), get(scale))),
        s32store(at(G), get(d)),
        set(m, select(get(d), get(m), sgt(get(d), get(m)))),
      )),
      set(mv, v4splatOf(get(m))),
      forLoop(
        u,
        i32(0),
        le(get(u), get(t)),
        inc(u, i32(4)),
        seq(set(x, v4sub(vload(at(G)), get(mv))), vstore(at(G), v4exp(x, n, r))),
      ),
      set(sum, s32zero()),
      upTo(set(sum, sadd(get(sum), s32load(at(G))))),
      set(inv, sdiv(s32(1), get(sum))),
      upTo(s32store(at(G), smul(s32load(at(G)), get(inv)))),
      forLoop(u, get(u), lt(get(u), get(T)), inc(u, i32(1)), s32store(at(G), s32zero())),
    ),
  );
  return f;
}

/**
 * `softmaxGrad32`: the softmax's backward in float32, per row t of a head's weights A and their
 * gradients dA (T×T floats): dot = Σ_{u ≤ t} A[t, u]·dA[t, u] from +0, P[t, u] = (A[t, u]·(dA[t, u] −
 * dot))·scale for u ≤ t, +0 above.
 */
function softmaxGrad32(): Func {
  const f = new Func("softmaxGrad32", [I32, I32, I32, I32, F32]);
  const [P, A, dA, T, scale] = [0, 1, 2, 3, 4];
  const t = f.local(I32), u = f.local(I32), row = f.local(I32), dot = f.local(F32);
  const at = (base: number) => add(get(base), mul(add(get(row), get(u)), i32(4)));
  const upTo = (body: Code) => forLoop(u, i32(0), le(get(u), get(t)), inc(u, i32(1)), body);
  f.body = forLoop(
    t,
    i32(0),
    lt(get(t), get(T)),
    inc(t, i32(1)),
    seq(
      set(row, mul(get(t), get(T))),
      set(dot, s32zero()),
      upTo(set(dot, sadd(get(dot), smul(s32load(at(A)), s32load(at(dA)))))),
      upTo(s32store(at(P), smul(smul(s32load(at(A)), ssub(s32load(at(dA)), get(dot))), get(scale)))),
      forLoop(u, get(u), lt(get(u), get(T)), inc(u, i32(1)), s32store(at(P), s32zero())),
    ),
  );
  return f;
}
