import { describe, expect, it } from "vitest";
import { Random } from "../../../src/stats/random";
import { attentionBackward, attentionForward } from "../../../src/learn/lm/layers";
import { bits, both } from "../_wasm_helpers";

describe("the attention in the WebAssembly kernels", () => {
  it("give the attention bit for bit (scores, softmax, weighted sums and their gradients), in float32 and float64", () => {
    const rng = new Random(13);
    for (const [B, T, C, NH] of [[1, 1, 1, 1], [2, 5, 6, 2], [1, 9, 12, 3], [2, 17, 8, 1], [1, 64, 64, 4]]) {
      for (const F of [Float32Array, Float64Array]) {
        const v = (len: number, s = 1) => {
          const x = new F(len), r = rng.normals(len);
          for (let i = 0; i < len; i++) x[i] = r[i] * s;
          return x;
        };
        const qkv = v(B * T * 3 * C, 2), dout = v(B * T * C);
        for (let i = 0; i < dout.length; i += 5) dout[i] = 0;
        const [js, wa] = both(() => {
          const out = new F(B * T * C), att = new F(B * NH * T * T), dqkv = new F(B * T * 3 * C), scratch = new F(T);
          attentionForward(out, att, qkv, B, T, C, NH);
          attentionBackward(dqkv, dout, qkv, att, scratch, B, T, C, NH);
          return bits([out, att, dqkv, scratch]);
        });
        expect(wa, `${F.name} B = ${B}, T = ${T}, C = ${C}, NH = ${NH}`).toEqual(js);
      }
    }
  });
});
