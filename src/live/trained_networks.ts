/**
 * Browser entry of the live edition for notebook 10 (trained networks): notebook 10's smallest sweep,
 * one growth chain of the smooth d = 2 teacher (`SWEEP`'s `smooth-d2`: its teacher, samples, students
 * and L-BFGS, without the doubled, longer and grid extras), trained in the reader's page by the project's own
 * trainer (`chainSteps` of `src/learn/teacher_student.ts`: `runChain` one iteration at a time). Shown
 * above the students' loss against N (`figureTeacherStudentLoss`, Figure 10.1, which stays on screen:
 * `beside`), drawn by `figureTeacherStudentLiveRun`: each width's test loss against its L-BFGS
 * iterations as it falls, and, as widths finish, their test loss against N with α fitted by
 * `fitPowerLaw` (over the widths ≥ `fitMinWidth`, as notebook 10 fits each chain) beside 4/d.
 * Controls: the seed, the largest width and the iterations per width (each makes a new chain, which
 * trains at once if one was training), and a button, Train or Stop, that starts the chain, stops it,
 * goes on from where it stopped, or trains it again once done.
 *
 * Deterministic given the values: the same chain gives the same losses in the same browser. Not
 * always the committed ones: Node reproduces `data/teacher_student_runs.csv` bit for bit
 * (tests/learn/teacher_student_reduced.test.ts), but a browser's `Math` may round a teacher value in
 * the last bit differently, and L-BFGS (its line search and evaluation limit) can carry that far: seed
 * 0's width 8 ends near 0.26 in Chromium 156 against the committed 0.21.
 *
 * The chain trains in slices of about `SLICE_MS` between the browser's tasks (the page stays
 * responsive), and a frame is drawn at most every `FRAME_MS` and whenever a width finishes.
 *
 * And notebook 10's fitted exponents (`figureTeacherStudentExponents`, control: the smallest hidden width
 * in the fits, `fitMinWidth`, in the notebook's range), refitted in the page from the committed chains
 * (carried in the page) by `refitExponents`, as the notebook's analysis refits them (about a millisecond).
 * Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import {
  type ChainResult,
  type ChainStep,
  chainSteps,
  refitExponents,
  type RunRow,
  SWEEP,
  type TeacherStudentConfig,
} from "../learn/teacher_student";
import { figureTeacherStudentExponents } from "../figures/trained_networks";
import { fitPowerLaw } from "../fit/powerlaw_fit";
import { sharmaKaplanExponent } from "../theory/intrinsic_dimension";
import { figureTeacherStudentLiveRun, type TeacherStudentLiveRun } from "../figures/trained_networks_live";
import { formatNumber } from "../_util/format";
import { live, type LiveFrame, type LiveSpec, mountAll, notation, pageData, type Readout } from "./widget";

/** The configuration trained: notebook 10's smooth d = 2 chain, without its doubled, longer and grid extras. */
const BASE: TeacherStudentConfig = {
  ...SWEEP.find((c) => c.id === "smooth-d2")!,
  doubled: false,
  longer: false,
  gridCells: [],
};
/** Training time per slice between the browser's tasks, in ms. */
const SLICE_MS = 25;
/** At most one frame this often while a width trains, in ms. */
const FRAME_MS = 150;
/** About this many points of each width's loss curve. */
const CURVE_POINTS = 150;
/** The largest widths the reader may choose: the sweep's widths 8 to 32 (a chain to 32 trains in about 20 s). */
const LARGEST = BASE.widths.filter((w) => w >= 8 && w <= 32).map(String);

type Values = { seed: number; largest: string; iterations: number; clicks: number };

/** The chain of the reader's values: the sweep's widths up to the largest chosen, and the iterations chosen. */
const configOf = (v: Values): TeacherStudentConfig => ({
  ...BASE,
  widths: BASE.widths.filter((w) => w <= Number(v.largest)),
  iterations: v.iterations,
});

function readouts(r: TeacherStudentLiveRun): Readout[] {
  const c = r.config;
  const last = r.curves.at(-1);
  const where = r.training ? `${r.training.iteration} of ${c.iterations} at w = ${r.training.width}` : "";
  const now: Readout = {
    label: "L-BFGS iteration",
    value: r.training?.iteration ?? 0,
    text: r.state === "done"
      ? "done"
      : !r.training
      ? (r.state === "ready" ? "ready: press Train" : "starting")
      : r.state === "stopped"
      ? `stopped at ${where}`
      : where,
  };
  const rows: Readout[] = [now];
  if (last) {
    rows.push({
      label: "L_{test}, now",
      value: last.testLoss,
      text: `${formatNumber(last.testLoss)} (started at ${formatNumber(r.curves[0].testLoss)})`,
    });
  }
  rows.push(
    r.fit
      ? {
        label: `α, fitted over w ≥ ${c.fitMinWidth}`,
        value: r.fit.alpha,
        text: `${formatNumber(r.fit.alpha, 3)} (N = ${r.fit.parametersMin}–${r.fit.parametersMax})`,
      }
      : {
        label: `α, fitted over w ≥ ${c.fitMinWidth}`,
        value: NaN,
        text: `after two widths ≥ ${c.fitMinWidth} have finished`,
      },
    { label: "4/d", value: sharmaKaplanExponent(c.d), text: `${formatNumber(sharmaKaplanExponent(c.d))} (eq. 9)` },
  );
  for (const f of r.finished) {
    rows.push({
      label: `L_{test}(w = ${f.width})`,
      value: f.testLoss,
      text: `${formatNumber(f.testLoss)} (N = ${f.parameters})`,
    });
  }
  return rows;
}

const frame = (r: TeacherStudentLiveRun): LiveFrame => ({
  figure: figureTeacherStudentLiveRun(r),
  readouts: readouts(r),
});

/** Gives the page back for one task (timers, input, painting), then resolves. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One chain in the page: what has been drawn of it and the trainer's steps still to take. */
interface Session {
  r: TeacherStudentLiveRun;
  steps: Generator<ChainStep, unknown, void>;
  /** A point of the loss curve every this many iterations. */
  every: number;
}

function newSession(v: Values, state: TeacherStudentLiveRun["state"]): Session {
  const config = configOf(v);
  return {
    r: { config, seed: v.seed, curves: [], finished: [], state },
    steps: chainSteps(config, v.seed),
    every: Math.max(1, Math.round(config.iterations / CURVE_POINTS)),
  };
}

/** Takes the trainer's steps for about `SLICE_MS`, or to the end of a width (`finishedWidth`) or of the chain (`done`). */
function slice(s: Session): { finishedWidth: boolean; done: boolean } {
  const { r } = s, c = r.config;
  const t0 = performance.now();
  while (performance.now() - t0 < SLICE_MS) {
    const next = s.steps.next();
    if (next.done) {
      r.state = "done";
      r.training = undefined;
      return { finishedWidth: false, done: true };
    }
    const e = next.value;
    if (e.kind === "iteration") {
      r.training = { width: e.width, iteration: e.iteration };
      if (e.iteration % s.every === 0) {
        r.curves.push({ width: e.width, iteration: e.iteration, testLoss: e.testLoss() });
      }
    } else if (e.row.variant === "chain") {
      const row = e.row;
      const lastPoint = r.curves.at(-1);
      if (lastPoint?.width !== row.width || lastPoint.iteration !== row.iterations) {
        r.curves.push({ width: row.width, iteration: row.iterations, testLoss: row.testLoss });
      }
      r.finished.push({ width: row.width, parameters: row.parameters, testLoss: row.testLoss });
      const fitted = r.finished.filter((f) => f.width >= c.fitMinWidth);
      if (fitted.length >= 2) {
        const fit = fitPowerLaw(fitted.map((f) => f.parameters), fitted.map((f) => f.testLoss));
        r.fit = {
          alpha: fit.alpha,
          prefactor: fit.prefactor,
          parametersMin: fitted[0].parameters,
          parametersMax: fitted[fitted.length - 1].parameters,
        };
      }
      return { finishedWidth: true, done: false };
    }
  }
  return { finishedWidth: false, done: false };
}

/**
 * The live chain. Hooks for the browser test, on the host: `data-run` (the state: "ready", "training",
 * "stopped" or "done"); the readouts carry the iteration and the losses.
 */
const chain = (host: HTMLElement): LiveSpec<Values> => {
  // the button counts its clicks: a click starts the chain, stops it, goes on from where it stopped,
  // or (once done) trains it again; another control makes a new chain, training if one was
  const button = Inputs.button("Train");
  const setState = (state: TeacherStudentLiveRun["state"]) => {
    host.dataset.run = state;
    button.querySelector("button")!.textContent = state === "training" ? "Stop" : "Train";
  };
  let session: Session | undefined;
  let clicks = 0;
  return {
    controls: {
      seed: Inputs.range([0, 9], { value: 0, step: 1, label: notation("seed (0–9; the sweep's are 0–2)") }),
      largest: Inputs.select(LARGEST, { value: "16", label: notation("largest width w (widths 1, 2, 4, …)") }),
      iterations: Inputs.range([100, 1500], {
        value: BASE.iterations,
        step: 100,
        label: notation(`L-BFGS iterations per width (100–1500)`),
      }),
      clicks: button,
    },
    draw: (v) => {
      if (session && v.clicks !== clicks) {
        const state = session.r.state;
        if (state === "done") session = newSession(v, "training");
        else session.r.state = state === "training" ? "stopped" : "training";
      } else session = newSession(v, session?.r.state === "training" ? "training" : "ready");
      clicks = v.clicks;
      setState(session.r.state);
      return figureTeacherStudentLiveRun(session.r);
    },
    readouts: () => readouts(session!.r),
    // the page's Figure 10.1 (the committed sweep) stays on screen, under this chain
    beside: true,
    // trains the session in slices, a frame now and then and at every finished width, until it is
    // done, stopped (the button: the session keeps its place) or replaced (another control)
    run: async function* (_v: Values, signal: AbortSignal): AsyncGenerator<LiveFrame> {
      const s = session!;
      if (s.r.state !== "training") return;
      let drawn = performance.now();
      for (;;) {
        await nextTask();
        if (signal.aborted) return;
        const { finishedWidth, done } = slice(s);
        if (done) setState("done");
        if (done || finishedWidth || performance.now() - drawn >= FRAME_MS) {
          yield frame(s.r);
          drawn = performance.now();
        }
        if (done) return;
      }
    },
  };
};

/**
 * What the build writes into the page for notebook 10's exponents (`liveTeacherStudentData` in
 * scripts/site_live.ts): the committed chains as the notebook's analysis rebuilds them from
 * `data/teacher_student_runs.csv`, and the notebook's range and value of `fitMinWidth`.
 */
export interface LiveTeacherStudentData {
  /** The chains (in JSON a NaN, a measurement not made, is written null: the page reads it back as NaN). */
  chains: ChainResult[];
  /** The notebook's range of its smallest fitted width (`ranges.fitMinWidth`), integers. */
  fitMinWidth: { min: number; max: number };
  /** The notebook's value (its parameter cell). */
  value: number;
}

/** The chains as the notebook has them: the nulls JSON wrote for NaN (a TwoNN not measured) read back as NaN. */
const chainsOf = (data: LiveTeacherStudentData): ChainResult[] =>
  data.chains.map((c) => ({
    ...c,
    rows: c.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? NaN])) as RunRow),
  }));

/**
 * Notebook 10's Figure of fitted exponents (`figureTeacherStudentExponents`), refitted in the page from the
 * committed chains at the reader's smallest fitted width, by the function the notebook's analysis calls.
 */
const exponents = (): LiveSpec<{ fitMinWidth: number }> => {
  const data = pageData<LiveTeacherStudentData>("figureTeacherStudentExponents");
  const chains = chainsOf(data);
  const { min, max } = data.fitMinWidth;
  return {
    controls: {
      fitMinWidth: Inputs.range([min, max], {
        value: data.value,
        step: 1,
        label: notation(
          `fitMinWidth, smallest hidden width in the fits of α (an integer, ${min}–${max}; ` +
            "a configuration fits from its own smallest, 2 or 4, if larger)",
        ),
      }),
    },
    draw: ({ fitMinWidth }) => figureTeacherStudentExponents({ exponents: refitExponents(chains, fitMinWidth) }),
    readouts: ({ fitMinWidth }) =>
      refitExponents(chains, fitMinWidth).filter((e) => e.variant === "chain").map((e) => ({
        label: `α (${e.config})`,
        value: e.alpha,
        text:
          `${formatNumber(e.alpha)} [${formatNumber(e.alphaLow)}, ${
            formatNumber(e.alphaHigh)
          }] over ${e.seeds} seeds, ` +
          `N ${formatNumber(e.parametersMin)}–${formatNumber(e.parametersMax)} (4/d = ${
            formatNumber(e.prediction4OverD)
          })`,
      })),
  };
};

mountAll({ figureTeacherStudentLoss: live(chain), figureTeacherStudentExponents: live(exponents) });
