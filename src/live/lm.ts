/**
 * Browser entry of the live edition for notebook 11 (a language model of our own): the sweep's smallest
 * character transformer trains in the reader's page, and its training and held-out loss are drawn
 * against steps as it trains (`figureLmLiveRun`, in place of the notebook's `figureLmCurves`, whose
 * curves it keeps, thin); the model continues a prompt the reader types, at the reader's temperature.
 *
 * The training is the project's own: `Trainer` (AdamW, the sweep's schedule `sweepTrainConfig`, seeded
 * batches), `windowLosses` on fixed windows of each genre (`windowsOf`, as the sweep's curves), and
 * `generate` for the text, all from `src/learn/lm/`. It runs on the page's thread in slices of about
 * 25 ms between which the page gets control back, for at most a minute of training; a control moved
 * stops it at the next slice. A run is deterministic given its seed and steps (the batches are drawn
 * per step, so stopping and going on gives the same curve as running through).
 *
 * The build writes into the page (`liveData` in scripts/site_live.ts): the smallest size of the sweep as
 * `data/lm_runs.csv` records it, the sweep's seed-0 curves (`data/lm_curves.csv`) and a slice of the Brown
 * corpus (`brownSlice`: every sample's leading paragraphs, about 230 000 training and 48 000 held-out
 * characters). The text comes from the model trained in the page, or from one of the sweep's own models:
 * the final parameters of seed 0 of each size (`data/lm_weights.csv`), shipped beside the page as the script
 * `LM_WEIGHTS_FILE` (about 0.9 MB compressed) and loaded the first time a reader picks one, so that the page
 * itself stays within its budget and opens from the disk (a script loads there, a fetch would not).
 *
 * And the exponent α per genre (`figureLmGenres`, the notebook's builder) at the reader's bootstrap
 * resamples, seed and coverage: the notebook's sixteen grid fits are carried in the page and bootstrapped
 * there over model sizes (src/live/lm_genres.ts), the same resamples for the same seed as the notebook.
 * A new seed's first resamples are drawn before the redraw returns, the rest in slices of about 25 ms
 * between which the page gets control back, the figure redrawn every 200 ms as its intervals fill in
 * (the host's `data-bootstrap` says `computing`, then `done`). Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { figureLmGenres, figureLmLiveRun, type LmLivePoint } from "../figures/lm";
import type * as languageModel from "../findings/11_language_model";
import { extendGenreResamples, genreExponents, genreResamplesDrawn, type LiveLmGenresData } from "./lm_genres";
import type { ModelConfig } from "../learn/lm/config";
import { decode, encode, ngramEntropy } from "../learn/lm/corpus";
import { CharTransformer } from "../learn/lm/model";
import { base64ToFloats } from "../_util/base64";
import { generate } from "../learn/lm/sample";
import {
  BATCH,
  CURVE_WINDOWS_PER_GENRE,
  PROMPT,
  SAMPLE_LENGTH,
  SAMPLE_TEMPERATURE,
  sweepTrainConfig,
  windowsOf,
} from "../learn/lm/sweep";
import { Trainer, windowLosses } from "../learn/lm/train";
import { formatNumber } from "../_util/format";
import { genreLabel } from "../datasets/lm_data";
import { live, type LiveFrame, type LiveSpec, mountAll, notation, pageData, type Readout } from "./widget";

/** What the build writes into the page for this figure (see `liveData` in scripts/site_live.ts). */
export interface LiveLmData {
  /** The sweep's smallest size (`w4l1`), its architecture and non-embedding N, from `data/lm_runs.csv`. */
  size: string;
  model: ModelConfig;
  N: number;
  /** Steps of the sweep's runs, and the final held-out loss of this size's seed-0 run. */
  steps: number;
  sweepValLoss: number;
  /** The sweep's held-out curves, seed 0 of each size, sizes in order of N. */
  sweep: { size: string; N: number; step: number; valLoss: number }[];
  /** The committed models (seed 0 of each size of the sweep), in order of N, whose parameters `weightsFile` holds. */
  committed: { size: string; N: number; steps: number; valLoss: number }[];
  /** The script, relative to the page, that sets `globalThis.smallnessLmWeights` (`LM_WEIGHTS_FILE`). */
  weightsFile: string;
  /** The corpus's vocabulary and its slice (`brownSlice`), by genre in file order. */
  vocab: string[];
  train: Record<string, string>;
  validation: Record<string, string>;
}

/** Training time per slice before the page gets control back, time between two frames, and the limit. */
const SLICE_MS = 25;
const FRAME_MS = 200;
const LIMIT_S = 60;
/** Evaluations along a run (the sweep's curves have 12), and the steps the reader may ask for. */
const CURVE_POINTS = 40;
const STEPS_RANGE: [number, number] = [20, 5000];

type Values = { seed: number; steps: number; train: boolean; model: string; prompt: string; temperature: number };

/** The choice of the model that writes: the one trained in the page, or a committed one by its size. */
const HERE = "the one trained in this page";

/** One committed model as `weightsFile` gives it (`LiveLmWeights` in scripts/site_live.ts). */
interface CommittedWeights {
  size: string;
  N: number;
  model: ModelConfig;
  weights: string;
}
type Status = "ready" | "training" | "stopped" | "done" | "limit";

/** One run in the page: its trainer, its curve so far and the training time it has taken. */
interface Run {
  seed: number;
  steps: number;
  trainer: Trainer;
  points: LmLivePoint[];
  seconds: number;
  status: Status;
}

const STATUS: Record<Status, string> = {
  ready: "press Train",
  training: "training",
  stopped: "stopped; Train goes on",
  done: "done; Train starts again",
  limit: `stopped after ${LIMIT_S} s of training, the limit of one click; Train goes on`,
};

/** Gives the page back (layout, input) before the next slice. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;

const lm = (host: HTMLElement): LiveSpec<Values> => {
  const data = pageData<LiveLmData>("figureLmCurves");
  const { vocab, model } = data;
  const T = model.context;
  const byGenre = (texts: Record<string, string>) =>
    new Map(Object.entries(texts).map(([g, t]) => [g, encode(t, vocab)] as [string, Uint8Array]));
  const trainByGenre = byGenre(data.train);
  const trainIds = encode(Object.values(data.train).join(""), vocab);
  const trainWindows = windowsOf(trainByGenre, T, CURVE_WINDOWS_PER_GENRE);
  const valWindows = windowsOf(byGenre(data.validation), T, CURVE_WINDOWS_PER_GENRE);
  const unigram = ngramEntropy(trainIds, vocab.length, 1);
  const bigram = ngramEntropy(trainIds, vocab.length, 2);
  const characters = trainIds.length, heldOut = Object.values(data.validation).join("").length;

  const seed = Inputs.range([0, 99], {
    value: 0,
    step: 1,
    label: notation("seed, of the initialisation, the batches and the sampling (0–99)"),
  });
  const steps = Inputs.range(STEPS_RANGE, {
    value: data.steps,
    step: 10,
    transform: Math.log,
    label: notation(`steps, of the schedule (${STEPS_RANGE.join("–")}; the sweep's: ${data.steps})`),
  });
  const train = Inputs.button("Train", { value: false, reduce: (v: boolean) => !v });
  const trainButton = train.querySelector("button")!;
  trainButton.type = "button";
  const choices = [HERE, ...data.committed.map((c) => c.size)];
  const modelChoice = Inputs.select(choices, {
    value: HERE,
    label: "model that writes: the one trained here, or the sweep's of that size (seed 0)",
    format: (c: string) => {
      const k = data.committed.find((x) => x.size === c);
      return k ? `${c}, N = ${k.N.toLocaleString("en-US")}` : c;
    },
  });
  const prompt = Inputs.text({ label: "prompt, the text the model continues", value: PROMPT, maxlength: 200 });
  const temperature = Inputs.range([0, 2], {
    value: SAMPLE_TEMPERATURE,
    step: 0.05,
    label: notation("temperature, of the sampling (0–2; 0 takes the most probable character)"),
  });

  // the text the model writes, under the readouts
  const sample = document.createElement("div");
  sample.className = "live-sample";
  const sampleNote = document.createElement("p");
  sampleNote.className = "live-note";
  const sampleText = document.createElement("pre");
  sampleText.className = "live-sample-text";
  sampleText.style.whiteSpace = "pre-wrap";
  sampleText.style.overflowWrap = "anywhere";
  sample.append(sampleNote, sampleText);

  let run: Run | undefined;
  const evaluate = (r: Run) => {
    const m = r.trainer.model;
    r.points.push({
      step: r.trainer.stepsDone,
      trainLoss: mean(windowLosses(m, trainWindows.tokens, trainWindows.targets, BATCH)),
      valLoss: mean(windowLosses(m, valWindows.tokens, valWindows.targets, BATCH)),
    });
  };
  const fresh = (v: Values): Run => {
    const r: Run = {
      seed: v.seed,
      steps: v.steps,
      trainer: new Trainer(model, sweepTrainConfig(model.width, v.steps, v.seed), trainIds),
      points: [],
      seconds: 0,
      status: "ready",
    };
    evaluate(r);
    return r;
  };
  const finished = (r: Run) => r.trainer.stepsDone >= r.steps;

  /** The committed models, built once their parameters have loaded (`weightsFile`, on first use). */
  const built = new Map<string, CharTransformer>();
  let loading: Promise<void> | undefined;
  const loadWeights = (): Promise<void> => {
    loading ??= new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = data.weightsFile;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${data.weightsFile} did not load`));
      document.head.append(script);
    });
    return loading;
  };
  const committedModel = (size: string): CharTransformer | undefined => {
    const list = (globalThis as { smallnessLmWeights?: CommittedWeights[] }).smallnessLmWeights;
    const w = list?.find((x) => x.size === size);
    if (!w) return undefined;
    let m = built.get(size);
    if (!m) {
      m = new CharTransformer(w.model);
      const params = base64ToFloats(w.weights);
      if (params === null || params.length !== m.params.length) {
        throw new Error(`${data.weightsFile}: ${size} has ${params?.length} parameters, not ${m.params.length}`);
      }
      m.params.set(params);
      built.set(size, m);
    }
    return m;
  };

  /** The model's continuation of the reader's prompt (characters outside the corpus's 85 are left out). */
  let sampledAt = -Infinity;
  let latest: Values | undefined;
  const write = (r: Run, v: Values) => {
    sampledAt = performance.now();
    latest = v;
    if (v.model !== HERE) return writeCommitted(r, v);
    host.dataset.writer = HERE;
    const kept = [...v.prompt].filter((c) => vocab.includes(c)).join("");
    const dropped = [...v.prompt].length - [...kept].length;
    const about = `The model at step ${r.trainer.stepsDone} continues your prompt by ${SAMPLE_LENGTH} characters ` +
      `at temperature ${v.temperature} (seed ${r.seed})` +
      (dropped > 0 ? `; ${dropped} character${dropped > 1 ? "s" : ""} of the prompt not in the corpus left out` : "") +
      ":";
    if (kept === "") {
      sampleNote.textContent =
        "Type a prompt (letters, digits and punctuation of the corpus) for the model to continue.";
      sampleText.replaceChildren();
      sampleText.dataset.generated = "";
      return;
    }
    const ids = generate(r.trainer.model, encode(kept, vocab), SAMPLE_LENGTH, v.temperature, r.seed);
    const typed = document.createElement("strong");
    typed.textContent = kept;
    sampleNote.textContent = about;
    sampleText.replaceChildren(typed, decode(ids, vocab));
    sampleText.dataset.generated = decode(ids, vocab);
  };

  /** The continuation by a committed model (its parameters loaded first, the text written when they are). */
  const writeCommitted = (r: Run, v: Values) => {
    const info = data.committed.find((c) => c.size === v.model)!;
    const m = committedModel(v.model);
    if (!m) {
      host.dataset.writer = "loading";
      sampleNote.textContent = `Loading the parameters of the sweep's models (${data.weightsFile}, about 1 MB)…`;
      sampleText.replaceChildren();
      sampleText.dataset.generated = "";
      loadWeights().then(() => latest && write(r, latest), (e: Error) => {
        sampleNote.textContent = `${e.message}: the committed models cannot write here.`;
        host.dataset.writer = "failed";
      });
      return;
    }
    const kept = [...v.prompt].filter((c) => vocab.includes(c)).join("");
    if (kept === "") {
      sampleNote.textContent =
        "Type a prompt (letters, digits and punctuation of the corpus) for the model to continue.";
      sampleText.replaceChildren();
      sampleText.dataset.generated = "";
      host.dataset.writer = v.model;
      return;
    }
    const ids = generate(m, encode(kept, vocab), SAMPLE_LENGTH, v.temperature, v.seed);
    const typed = document.createElement("strong");
    typed.textContent = kept;
    sampleNote.textContent =
      `The sweep's ${v.model} (N = ${info.N.toLocaleString("en-US")}, seed 0, ${
        info.steps.toLocaleString("en-US")
      } steps on the whole text, held-out loss ${
        formatNumber(info.valLoss)
      } nats/character) continues your prompt by ` +
      `${SAMPLE_LENGTH} characters at temperature ${v.temperature} (sampling seed ${v.seed}):`;
    sampleText.replaceChildren(typed, decode(ids, vocab));
    sampleText.dataset.generated = decode(ids, vocab);
    host.dataset.writer = v.model;
  };

  /** The numbers beside the figure; the button says what a click does. */
  const readoutsOf = (r: Run): Readout[] => {
    const first = r.points[0], last = r.points[r.points.length - 1];
    host.dataset.run = r.status;
    host.dataset.step = String(r.trainer.stepsDone);
    trainButton.textContent = r.status === "training" ? "Stop" : "Train";
    const speed = r.seconds > 0 ? (r.trainer.stepsDone * BATCH * T) / r.seconds : 0;
    return [
      {
        label: "step",
        value: r.trainer.stepsDone,
        text: `${r.trainer.stepsDone} of ${r.steps}, ${STATUS[r.status]}` +
          (r.seconds > 0
            ? ` (${r.seconds.toFixed(1)} s, ${Math.round(speed).toLocaleString("en-US")} characters/s)`
            : ""),
      },
      {
        label: "held-out loss",
        value: last.valLoss,
        text: `${formatNumber(last.valLoss)} nats/character (the sweep's ${data.size}, seed 0, ${data.steps} steps ` +
          `on the whole text: ${formatNumber(data.sweepValLoss)})`,
      },
      { label: "training loss", value: last.trainLoss, text: `${formatNumber(last.trainLoss)} nats/character` },
      {
        label: "held-out loss at step 0",
        value: first.valLoss,
        text: `${formatNumber(first.valLoss)} nats/character (a uniform guess: ln ${vocab.length} = ${
          formatNumber(Math.log(vocab.length))
        })`,
      },
      {
        label: "unigram entropy of the training text",
        value: unigram,
        text: `${formatNumber(unigram)} nats/character; bigram: ${formatNumber(bigram)} (${
          characters.toLocaleString("en-US")
        } training and ${heldOut.toLocaleString("en-US")} held-out characters, every sample's first paragraphs)`,
      },
    ];
  };
  const figureOf = (r: Run) =>
    figureLmLiveRun({ size: data.size, N: data.N, seed: r.seed, steps: r.steps, points: r.points, sweep: data.sweep });
  const frame = (r: Run): LiveFrame => ({ figure: figureOf(r), readouts: readoutsOf(r) });

  /** The run the values ask for: the one under way, or a new one (new seed or steps, or Train after the end). */
  const current = (v: Values): Run => {
    if (!run || run.seed !== v.seed || run.steps !== v.steps || (v.train && finished(run))) run = fresh(v);
    if (!v.train && run.status === "training") run.status = "stopped";
    return run;
  };

  return {
    controls: { seed, steps, train, model: modelChoice, prompt, temperature },
    extra: [sample],
    draw: (v) => {
      const r = current(v);
      write(r, v);
      return figureOf(r);
    },
    readouts: (v) => readoutsOf(current(v)),
    run: async function* (v, signal) {
      const r = current(v);
      if (!v.train) return;
      // a click on Train trains for at most LIMIT_S seconds (the next click goes on)
      let seconds = 0, shown = performance.now();
      const every = Math.max(1, Math.round(r.steps / CURVE_POINTS));
      r.status = "training";
      yield frame(r);
      while (!finished(r)) {
        await pause();
        if (signal.aborted) return;
        const t0 = performance.now();
        while (!finished(r) && performance.now() - t0 < SLICE_MS) {
          r.trainer.step();
          const s = r.trainer.stepsDone;
          if (s % every === 0 || s === r.steps) evaluate(r);
        }
        const dt = (performance.now() - t0) / 1000;
        r.seconds += dt;
        seconds += dt;
        if (seconds >= LIMIT_S && !finished(r)) {
          if (r.points[r.points.length - 1].step !== r.trainer.stepsDone) evaluate(r);
          r.status = "limit";
          break;
        }
        const now = performance.now();
        if (now - shown >= FRAME_MS && !finished(r)) {
          if (now - sampledAt >= 1000) write(r, v);
          shown = now;
          yield frame(r);
        }
      }
      if (finished(r)) r.status = "done";
      train.value = false;
      write(r, v);
      yield frame(r);
    },
  };
};

/**
 * The most resamples the page refits, and how many a new seed draws before its first frame: sixteen
 * fits (all genres together and each genre) of about a quarter of a millisecond each per resample in
 * Chromium, so a new seed at 200 takes about half a second of computation, done in slices of `SLICE_MS`
 * with a frame every `FRAME_MS` (the intervals fill in as the resamples come); more resamples of a seed
 * refit only the new ones, a new coverage refits none, and a draw that repeats sizes already drawn, of
 * any seed, reuses their refits.
 */
const MAX_GENRE_RESAMPLES = 200;
const FIRST_GENRE_RESAMPLES = 20;

/** The bootstrap settings a reader chooses (the notebook's parameters). */
type GenreSettings = { resamples: number; seed: number; level: number };

const genres = (host: HTMLElement): LiveSpec<GenreSettings> => {
  const data = pageData<LiveLmGenresData>("figureLmGenres");
  const { min, max } = data.levelRange;
  const percent = (level: number) => `${formatNumber(100 * level, 3)} %`;
  const name = (g: { genre: string }) => genreLabel(g.genre);
  /** The resamples of the reader's seed drawn so far, up to the number asked for. */
  const ready = (v: GenreSettings) => Math.min(v.resamples, genreResamplesDrawn(data, v.seed));
  /** The figure and its numbers from the first `k` resamples of the reader's seed. */
  const frameOf = (v: GenreSettings, k: number): LiveFrame => {
    host.dataset.bootstrap = k < v.resamples ? "computing" : "done";
    const { law, genreFits } = genreExponents(data, { ...v, resamples: k });
    const alpha = law.summary.find((r) => r.parameter === "alpha")!;
    const differ = genreFits.filter((g) => g.pHolm < 1 - v.level);
    const smallest = genreFits.reduce((a, b) => (b.pHolm < a.pHolm ? b : a));
    const lo = genreFits.reduce((a, b) => (b.alpha.estimate < a.alpha.estimate ? b : a));
    const hi = genreFits.reduce((a, b) => (b.alpha.estimate > a.alpha.estimate ? b : a));
    return {
      // the figure reads the genres' fits, the pooled α and the coverage
      figure: figureLmGenres({ genreFits, alpha, settings: { level: v.level } } as unknown as languageModel.Analysis),
      readouts: [
        {
          label: "draws of sizes",
          value: k,
          text: k < v.resamples
            ? `${k} of ${v.resamples} so far, computing (the intervals are those of the draws so far)`
            : `${k} kept of ${k + law.redrawn} drawn (${law.redrawn} redrawn: fewer than 3 sizes, or without ` +
              `the data sweep's size)`,
        },
        {
          label: "α of all genres together",
          value: alpha.estimate,
          text: `${formatNumber(alpha.estimate, 3)} (${percent(v.level)} interval ${formatNumber(alpha.ci_low, 3)}–${
            formatNumber(alpha.ci_high, 3)
          })`,
        },
        {
          label: "bootstrap standard error of α of all genres together",
          value: alpha.stderr,
          text: formatNumber(alpha.stderr, 2),
        },
        {
          label: "α per genre",
          value: lo.alpha.estimate,
          text: `${formatNumber(lo.alpha.estimate, 3)} (${name(lo)}) to ${formatNumber(hi.alpha.estimate, 3)} (${
            name(hi)
          })`,
        },
        {
          label: `genres whose α differs from all genres' after Holm's correction at ${formatNumber(1 - v.level, 2)}`,
          value: differ.length,
          text: `${differ.length} of ${genreFits.length} (smallest adjusted p ${formatNumber(smallest.pHolm, 2)}, ${
            name(smallest)
          })`,
        },
      ],
    };
  };
  return {
    controls: {
      resamples: Inputs.range([data.minResamples, MAX_GENRE_RESAMPLES], {
        value: Math.min(data.resamples, MAX_GENRE_RESAMPLES),
        step: 1,
        label: notation(
          `resamples, bootstrap draws of the model sizes, each refitted ${data.genres.length + 1} times ` +
            `(${data.minResamples}–${MAX_GENRE_RESAMPLES}; the notebook: ${data.resamples})`,
        ),
      }),
      seed: Inputs.range([0, 9999], {
        value: data.seed,
        step: 1,
        label: notation(`seed, of the bootstrap's draws of sizes (0–9999; the notebook: ${data.seed})`),
      }),
      level: Inputs.range([min, max], {
        value: data.level,
        step: 0.01,
        label: notation(
          `level, the intervals' coverage and 1 − the family-wise error rate of Holm's test (${min}–${max})`,
        ),
      }),
    },
    // a new seed draws its first resamples here, the rest in `run`
    draw: (v) => {
      extendGenreResamples(data, v.seed, Math.min(v.resamples, FIRST_GENRE_RESAMPLES));
      return frameOf(v, ready(v)).figure;
    },
    readouts: (v) => frameOf(v, ready(v)).readouts!,
    run: async function* (v, signal) {
      let shown = performance.now();
      while (ready(v) < v.resamples) {
        await pause();
        if (signal.aborted) return;
        const t0 = performance.now();
        while (ready(v) < v.resamples && performance.now() - t0 < SLICE_MS) {
          extendGenreResamples(data, v.seed, ready(v) + 1);
        }
        const now = performance.now();
        if (now - shown >= FRAME_MS || ready(v) === v.resamples) {
          shown = now;
          yield frameOf(v, ready(v));
        }
      }
    },
  };
};

mountAll({ figureLmCurves: live(lm), figureLmGenres: live(genres) });
