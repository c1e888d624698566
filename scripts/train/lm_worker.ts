/**
 * Worker of `scripts/train/lm.ts`: trains one run of the language-model sweep, writing its checkpoint
 * atomically every few steps (resumed if present) and posting progress and the result to the parent.
 * Each run is single-threaded and deterministic; parallelism is across runs, one run per worker.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { loadBrown } from "../../src/findings/brown_corpus";
import type { CurvePoint, RunSpec } from "../../src/learn/lm/sweep";
import { executeRun } from "../../src/learn/lm/sweep";

interface Job {
  spec: RunSpec;
  dir: string;
  checkpointEvery: number;
}

/** Checkpoint file: a JSON header line, then params, m, v as little-endian float32. */
function writeCheckpoint(path: string, meta: object, arrays: Float32Array[]): void {
  const head = new TextEncoder().encode(JSON.stringify(meta) + "\n");
  const total = head.length + arrays.reduce((a, x) => a + x.byteLength, 0);
  const buf = new Uint8Array(total);
  buf.set(head, 0);
  let off = head.length;
  for (const a of arrays) {
    buf.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), off);
    off += a.byteLength;
  }
  const tmp = `${path}.tmp`;
  try {
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readCheckpoint(path: string, n: number) {
  const buf = readFileSync(path);
  const nl = buf.indexOf(10);
  const meta = JSON.parse(new TextDecoder().decode(buf.subarray(0, nl)));
  const body = buf.subarray(nl + 1);
  if (body.byteLength !== 3 * 4 * n) throw new Error(`checkpoint ${path}: expected ${3 * n} floats`);
  const all = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  return { meta, params: all.subarray(0, n), m: all.subarray(n, 2 * n), v: all.subarray(2 * n, 3 * n) };
}

self.onmessage = (e: MessageEvent<Job>) => {
  const { spec, dir, checkpointEvery } = e.data;
  const corpus = loadBrown();
  const path = `${dir}/${spec.id}.ckpt`;
  const specKey = JSON.stringify(spec);
  let resume = null;
  let wallBefore = 0;
  if (existsSync(path)) {
    const n = (spec.model.vocabSize + spec.model.context) * spec.model.width +
      spec.model.layers * (12 * spec.model.width ** 2 + 13 * spec.model.width) + 2 * spec.model.width;
    const c = readCheckpoint(path, n);
    if (c.meta.spec === specKey) {
      resume = {
        state: { step: c.meta.step, params: c.params, m: c.m, v: c.v },
        curve: c.meta.curve as CurvePoint[],
        batchSum: c.meta.batchSum,
        batchCount: c.meta.batchCount,
      };
      wallBefore = c.meta.wall;
    }
  }
  const t0 = performance.now();
  const result = executeRun(
    spec,
    {
      train: corpus.train,
      trainByGenre: corpus.trainByGenre,
      validationByGenre: corpus.validationByGenre,
      vocab: corpus.vocab,
    },
    resume,
    (step) => self.postMessage({ type: "progress", id: spec.id, step }),
    (c) => {
      writeCheckpoint(path, {
        spec: specKey,
        step: c.state.step,
        curve: c.curve,
        batchSum: c.batchSum,
        batchCount: c.batchCount,
        wall: wallBefore + (performance.now() - t0) / 1000,
      }, [c.state.params as Float32Array, c.state.m as Float32Array, c.state.v as Float32Array]);
    },
    checkpointEvery,
  );
  self.postMessage({ type: "done", id: spec.id, result, wall: wallBefore + (performance.now() - t0) / 1000 });
};
