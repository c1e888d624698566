/**
 * Findings of notebook 11: the paper's chain measured on a model family of our own, character-level
 * transformers trained on the Brown corpus by `npm run train -- lm` (committed as `data/lm_*.csv`).
 * Fits L(N, D) = E + A/N^α + B/D^β by Approach 3 with a bootstrap over model sizes, computes the
 * section 3 quantities (pedestal, running exponent, crossover) and the section 1 cost of halving the
 * loss, confronts α with 4/d for the TwoNN dimension d of the models' representations, fits α per genre
 * with Holm's control of the family-wise error, and returns the claim records. Computed once per process
 * and settings.
 *
 * @module
 */
import { type ChinchillaFit, chinchillaLoss, type ParameterSummary } from "../fit/chinchilla";
import { type ChinchillaLaw } from "../paper";
import { crossover, cutAlongN, type PedestalCut, pedestalRatio } from "../fit/chinchilla_pedestal";
import { percentileInterval } from "../stats/bootstrap";
import {
  BROWN_GENRES,
  type LmCurvePoint,
  type LmGenreLoss,
  type LmRun,
  type LmSample,
  type LmTwoNN,
  parseLmCurves,
  parseLmGenres,
  parseLmRuns,
  parseLmSamples,
  parseLmTwoNN,
  sizeName,
} from "../datasets/lm_data";
import { type ClusterLawFit, fitClusteredLaw, holmAdjust } from "../fit/lm_fit";
import { clusteredRuns, genreFitsOf } from "./_11_language_model_genres";
import { resourceFactor } from "../theory/scaling_law";
import type { Findings } from "./claim";
import { defineNotebook } from "./notebook";
import { claims } from "./_11_language_model_claims";
import { readInput } from "./inputs";
import { loadBrown } from "./brown_corpus";
import { ngramEntropy } from "../learn/lm/corpus";

/** Settings of notebook 11 (its parameters). */
export interface Settings {
  /** Bootstrap resamples (over model sizes) per fit, integer in [50, 2000]. */
  resamples: number;
  /** Bootstrap seed, integer ≥ 0. */
  seed: number;
  /** Interval coverage and 1 − family-wise error rate, in [0.5, 0.99]. */
  level: number;
}

/** One model size of the sweep, summarised over its seeds. */
export interface SizeSummary {
  /** Size name, e.g. `w16l1`. */
  name: string;
  width: number;
  layers: number;
  N: number;
  seeds: number;
  /** Mean over seeds of the validation and training loss (nats per character), and the seeds' sd. */
  valLoss: number;
  valSd: number;
  trainLoss: number;
  /** Validation minus training loss (mean over seeds): > 0 would mean over-fitting. */
  gap: number;
  /** Relative drop of the seed-0 curve's validation loss over the last quarter of training. */
  lastQuarterDrop: number;
  /** Training throughput of seed 0: tokens per second of wall time and 6N FLOPs per second. */
  tokensPerSecond: number;
  flopsPerSecond: number;
}

/** TwoNN dimensions of one size (seed 0) at each sample size. */
export interface SizeDimensions {
  name: string;
  N: number;
  width: number;
  /** Representation estimates, largest sample first. */
  representation: LmTwoNN[];
  input: LmTwoNN[];
}

/** The per-genre fit of α and its comparison with the pooled α. */
export interface GenreFit {
  genre: string;
  alpha: ParameterSummary;
  /** Loss of the largest model on this genre's validation text. */
  largestLoss: number;
  /** Bootstrap interval of α_genre − α_all (same resamples of sizes). */
  diffLow: number;
  diffHigh: number;
  p: number;
  /** Holm-adjusted p over the 15 genres. */
  pHolm: number;
  /** The grid fit of the genre's validation loss, which the bootstrap refits from (the live page carries it). */
  fit: ChinchillaFit;
}

/** Per-genre loss level of the largest model against the mean of the other genres. */
export interface GenreLevel {
  genre: string;
  loss: number;
  /**
   * Standard error of the genre's loss: the windows' standard deviation over √n with n the genre's
   * held-out samples (at most the 48 windows): windows of one sample are correlated, so each sample
   * counts once (conservative; the window count would overstate the evidence about √(48/n) times).
   */
  se: number;
  /** Loss minus the mean over the other genres, and its z-score. */
  diff: number;
  z: number;
  /** The z-score with the windows counted as independent (what the conservative `z` guards against). */
  zWindows: number;
  pHolm: number;
}

/** Everything notebook 11 and its figures and tables use. */
export interface Analysis {
  settings: Settings;
  runs: LmRun[];
  curves: LmCurvePoint[];
  genres: LmGenreLoss[];
  twonn: LmTwoNN[];
  samples: LmSample[];
  sizes: SizeSummary[];
  /** Tokens of every size run (the fixed D of the L(N) sweep). */
  D: number;
  /** Approach 3 fit of the size and data runs' validation loss, bootstrap over sizes. */
  law: ClusterLawFit;
  /** α's row of the law's bootstrap summary (estimate, standard error, interval). */
  alpha: ParameterSummary;
  /** The cut of the law along N at the sweep's D: L0 = E + B/D^β, K = A, γ = α. */
  cut: PedestalCut;
  largestN: number;
  running: { value: number; low: number; high: number };
  /** −Δ ln L/Δ ln N between the two largest sizes (means over seeds): the running exponent without a law. */
  empiricalSlope: number;
  /** Relative residual (measured − law)/law of each size's mean validation loss at the sweep's D. */
  residuals: { name: string; N: number; residual: number }[];
  /** Pedestal ratio with N counted in parameters (p at N = 1) and at the largest model (L0/L(N_max)). */
  pUnit: number;
  pLargest: number;
  crossover: number;
  halving: Halving;
  dims: SizeDimensions[];
  genreFits: GenreFit[];
  genreLevels: GenreLevel[];
  /** The training text: characters, and its unigram and bigram plug-in entropies (nats per character). */
  corpus: { trainCharacters: number; unigram: number; bigram: number };
}

/** The cost of halving the loss from the largest model (§1, eq. 1), at the sweep's D. */
export interface Halving {
  /** 2^(1/α): growth of N that halves the reducible part A/N^α. */
  factor: number;
  /** N, training FLOPs (6·N·D) and seconds (at the largest run's measured FLOP rate) to halve the reducible part. */
  N: number;
  flops: number;
  seconds: number;
  /** Whether the total loss can be halved by N alone at this D (L0 < L(N_max)/2). */
  totalPossible: boolean;
  /** The pedestal L0 as a fraction of L(N_max). */
  pedestalShare: number;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (
  v: number[],
) => (v.length < 2 ? 0 : Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1)));

/** Standard normal upper tail, for the window z-scores (Abramowitz–Stegun 7.1.26 via erfc). */
function normalTwoSided(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return Math.min(1, erfc);
}

function analyse(s: Settings): Analysis {
  const runs = parseLmRuns(readInput("lm_runs.csv"));
  const curves = parseLmCurves(readInput("lm_curves.csv"));
  const genres = parseLmGenres(readInput("lm_genres.csv"));
  const twonn = parseLmTwoNN(readInput("lm_twonn.csv"));
  const samples = parseLmSamples(readInput("lm_samples.csv"));
  const sizeRuns = runs.filter((r) => r.kind === "size");
  const names = [...new Set(sizeRuns.map((r) => sizeName(r.run)))].sort((a, b) =>
    sizeRuns.find((r) => sizeName(r.run) === a)!.N - sizeRuns.find((r) => sizeName(r.run) === b)!.N
  );
  const sizes = names.map((name): SizeSummary => {
    const rs = sizeRuns.filter((r) => sizeName(r.run) === name);
    const r0 = rs.find((r) => r.seed === 0)!;
    const c = curves.filter((p) => p.run === r0.run);
    const last = c[c.length - 1], q = c.find((p) => p.step >= 0.75 * r0.steps)!;
    return {
      name,
      width: r0.width,
      layers: r0.layers,
      N: r0.N,
      seeds: rs.length,
      valLoss: mean(rs.map((r) => r.valLoss)),
      valSd: sd(rs.map((r) => r.valLoss)),
      trainLoss: mean(rs.map((r) => r.trainLoss)),
      gap: mean(rs.map((r) => r.valLoss - r.trainLoss)),
      lastQuarterDrop: (q.valLoss - last.valLoss) / q.valLoss,
      tokensPerSecond: r0.tokens / r0.wall,
      flopsPerSecond: r0.flops / r0.wall,
    };
  });
  const D = sizeRuns[0].tokens;
  const opts = { resamples: s.resamples, seed: s.seed, level: s.level };
  const clustered = (loss: (r: LmRun) => number) => fitClusteredLaw(clusteredRuns(runs, loss), opts);
  const law = clustered((r) => r.valLoss);
  const L = law.fit.law;
  const cut = cutAlongN(L, D);
  const largestN = sizes[sizes.length - 1].N;
  // the cut along N at the sweep's D needs only L0 = E + B/D^β, which every resample identifies (β alone
  // is not identified by resamples without the data sweep, so no check of the law's β range here)
  const runningAt = (l: ChinchillaLaw) => {
    const L0 = l.E + l.B * D ** -l.beta, red = l.A * largestN ** -l.alpha;
    return (l.alpha * red) / (L0 + red);
  };
  const boots = law.estimates.alpha.map((_, b) => ({
    E: law.estimates.E[b],
    A: law.estimates.A[b],
    B: law.estimates.B[b],
    alpha: law.estimates.alpha[b],
    beta: law.estimates.beta[b],
  }));
  const [rLow, rHigh] = percentileInterval(boots.map(runningAt), s.level);
  const Lmax = chinchillaLoss(L, largestN, D);
  const factor = resourceFactor(2, L.alpha);
  const top = sizes[sizes.length - 1];
  const halving: Halving = {
    factor,
    N: largestN * factor,
    flops: 6 * largestN * factor * D,
    seconds: (6 * largestN * factor * D) / top.flopsPerSecond,
    totalPossible: cut.L0 < Lmax / 2,
    pedestalShare: cut.L0 / Lmax,
  };
  const dims = sizes.map((z): SizeDimensions => {
    const run = `${z.name}-s0`;
    const rows = twonn.filter((t) => t.run === run).sort((a, b) => b.points - a.points);
    return {
      name: z.name,
      N: z.N,
      width: z.width,
      representation: rows.filter((t) => t.what === "representation"),
      input: rows.filter((t) => t.what === "input"),
    };
  });
  const topRuns = sizeRuns.filter((r) => r.N === largestN);
  const genreFits = genreFitsOf(
    law,
    BROWN_GENRES.map((g) => ({
      genre: g,
      law: clustered((r) => r.valByGenre[g]),
      largestLoss: mean(topRuns.map((r) => r.valByGenre[g])),
    })),
  );
  const topRun0 = sizeRuns.find((r) => r.N === largestN && r.seed === 0)!;
  const levelsRaw = BROWN_GENRES.map((g) =>
    genres.find((x) => x.run === topRun0.run && x.genre === g && x.split === "validation")!
  );
  const brown = loadBrown();
  const heldOutSamples = new Map<string, number>();
  for (const sample of brown.split.validation) {
    heldOutSamples.set(sample.genre, (heldOutSamples.get(sample.genre) ?? 0) + 1);
  }
  const genreLevels = levelsRaw.map((x): GenreLevel => {
    const others = levelsRaw.filter((y) => y.genre !== x.genre);
    const m = mean(others.map((y) => y.mean));
    // each held-out sample counted once: its windows are correlated, so the window count would overstate n
    const n = (y: typeof x) => Math.min(y.windows, heldOutSamples.get(y.genre)!);
    const se = x.sd / Math.sqrt(n(x));
    const seOthers = Math.sqrt(others.reduce((a, y) => a + (y.sd / Math.sqrt(n(y))) ** 2, 0)) / others.length;
    const diff = x.mean - m, z = diff / Math.sqrt(se * se + seOthers * seOthers);
    const byWindow = Math.sqrt(
      (x.sd / Math.sqrt(x.windows)) ** 2 +
        others.reduce((a, y) => a + (y.sd / Math.sqrt(y.windows)) ** 2, 0) / others.length ** 2,
    );
    return { genre: x.genre, loss: x.mean, se, diff, z, zWindows: diff / byWindow, pHolm: normalTwoSided(z) };
  });
  holmAdjust(genreLevels.map((g) => g.pHolm)).forEach((p, i) => (genreLevels[i].pHolm = p));
  const corpus = {
    trainCharacters: brown.train.length,
    unigram: ngramEntropy(brown.train, brown.vocab.length, 1),
    bigram: ngramEntropy(brown.train, brown.vocab.length, 2),
  };
  return {
    corpus,
    settings: s,
    runs,
    curves,
    genres,
    twonn,
    samples,
    sizes,
    D,
    law,
    alpha: law.summary.find((x) => x.parameter === "alpha")!,
    cut,
    largestN,
    running: { value: runningAt(L), low: rLow, high: rHigh },
    empiricalSlope: -Math.log(top.valLoss / sizes[sizes.length - 2].valLoss) /
      Math.log(top.N / sizes[sizes.length - 2].N),
    residuals: sizes.map((z) => ({
      name: z.name,
      N: z.N,
      residual: (z.valLoss - chinchillaLoss(L, z.N, D)) / chinchillaLoss(L, z.N, D),
    })),
    pUnit: pedestalRatio(cut, 1),
    pLargest: cut.L0 / Lmax,
    crossover: crossover(cut),
    halving,
    dims,
    genreFits,
    genreLevels,
  };
}

/**
 * Notebook 11, described once: its parameters (bootstrap resamples over model sizes per fit, an integer in
 * [50, 2000]; the bootstrap seed, an integer ≥ 0; the interval coverage and 1 − family-wise error rate, in
 * [0.5, 0.99]), its analysis of the committed runs and its claim records.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "11_language_model",
  defaults: { resamples: 200, seed: 11, level: 0.95 },
  ranges: {
    resamples: { kind: "number", range: { min: 50, max: 2000, integer: true } },
    seed: { kind: "number", range: { min: 0, integer: true } },
    level: { kind: "number", range: { min: 0.5, max: 0.99 } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns. */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 11's analysis of the committed runs at the given settings (defaults for what is left out),
 * computed once per process and settings.
 * @throws {TypeError} / {RangeError} naming a bad setting; {Error} if a data file is missing or changed.
 * @example analysis().sizes.length // => 7
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 11 at the given settings.
 * @throws as `analysis`.
 * @example findings().claims.length // => 11
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
