/**
 * Findings of notebook 10 (the paper's §4 premise, Sharma & Kaplan 2022, and §5.1's eq. 17, tested on
 * trained networks): students trained on teachers of known intrinsic dimension d and Hölder exponent h,
 * their exponent α of L ∝ N^(−α) against 4/d (smooth), 2h/d (what fixed approximants reach, notebook
 * 07) and eq. 17's 4h/d (rough), inputs embedded in D = 16 dimensions against 4/D, the grid control on
 * the same teachers, the doubled-training-set check and TwoNN on inputs and hidden activations.
 *
 * Reads the committed sweep (`data/teacher_student_runs.csv`, checked by SHA-256 through `readInput`;
 * produced by `npm run train -- teacher-student`) and refits the exponents from its rows with the
 * notebook's settings; nothing is trained here. Scope of every claim: small fully connected networks
 * (one hidden layer), mean-squared-error regression on synthetic targets, not language.
 *
 * @module
 */
import { type Claim, claim, type Findings, type Verdict } from "./claim";
import { defineNotebook } from "./notebook";
import { readInput } from "./inputs";
import { formatNumber as f } from "../_util/format";
import { memoise } from "../_util/memoise";
import { type ChainResult, type ExponentSummary, refitExponents, type RunRow, SWEEP } from "../learn/teacher_student";
import { EXPONENT_COLUMNS, parseRuns, parseSweepCsv } from "../learn/teacher_student_csv";
import { Random } from "../stats/random";
import { fitPowerLaw } from "../fit/powerlaw_fit";
import { structureFunction } from "../measure/rough";
import { planeWaveField } from "../learn/targets";

/** The parameters of notebook 10. */
export interface Settings {
  /**
   * Smallest hidden width included in the fits of α (integer in [1, 16]), raised to a configuration's own
   * where its local slopes start later (4 for smooth d = 3); the sweep's own fits use 2.
   */
  fitMinWidth: number;
  /** Relative tolerance of "α ≈ prediction": the interval must reach within this fraction of it (in (0, 1)). */
  tolerance: number;
}

/** The Hölder check of the rough teachers: S₂(δ) slopes over δ = 1/256 … 1/16 (d = 2, κ_max = 512, seed 0). */
export interface HolderCheck {
  h: number;
  deltas: number[];
  s2: number[];
  /** Measured h = slope / 2. */
  measured: number;
}

/** Notebook 10's analysis: the runs, the chains rebuilt from them, and the exponents refitted. */
export interface Analysis {
  settings: Settings;
  /** Every row of the runs CSV. */
  runs: (RunRow & { twonnInputs: number; codeVersion: string })[];
  /** The growth chains (one per configuration and seed). */
  chains: ChainResult[];
  /** α per configuration and variant (students "chain", grid control "grid"), refitted with the settings. */
  exponents: ExponentSummary[];
  /** The students' exponent (variant "chain") of each configuration in `exponents`, by configuration id. */
  students: Record<string, ExponentSummary>;
  /** The grid control's exponent (variant "grid") of each configuration in `exponents` that has one, by id. */
  grids: Record<string, ExponentSummary>;
  /**
   * The Hölder exponent of the rough teachers (h = 1/2 and 1/3, seed 0) measured from their second-order
   * structure function, as notebook 07 checks its targets: S₂(δ) = ⟨(g(t + δe) − g(t))²⟩ ∝ δ^(2h) for
   * 1/κ_max ≪ δ ≪ 1, 2,000 point pairs per δ along e = (1, 1/2)/|·| (the same at every setting).
   */
  holderCheck: HolderCheck[];
  /**
   * How much the checks' stopping and the optimisation move α, per students' configuration (mean over
   * seeds, widths from the fits' smallest): `alphaAll`, fitted over every width up to the largest (the fit
   * not stopped); `alphaLonger`, the same with the largest width's loss after twice the iterations (NaN
   * without the longer check).
   */
  sensitivity: Record<string, { alphaAll: number; alphaLonger: number }>;
  /** The exponents file as committed (the sweep's own fits, `fitMinWidth` 2). */
  committedExponents: Record<string, string>[];
  /** The code version the runs were made with. */
  codeVersion: string;
}

function analyse(settings: Settings): Analysis {
  const runs = parseRuns(readInput("teacher_student_runs.csv"));
  const committedExponents = parseSweepCsv(readInput("teacher_student_exponents.csv"), EXPONENT_COLUMNS);
  const keys = [...new Set(runs.map((r) => `${r.config}#${r.seed}`))];
  const chains: ChainResult[] = keys.map((k) => {
    const rows = runs.filter((r) => `${r.config}#${r.seed}` === k);
    const strip = rows.map(({ twonnInputs: _t, codeVersion: _c, ...r }) => r as RunRow);
    return { config: rows[0].config, seed: rows[0].seed, rows: strip, twonnInputs: rows[0].twonnInputs };
  });
  const exponents = refitExponents(chains, settings.fitMinWidth);
  const byConfig = (variant: "chain" | "grid") =>
    Object.fromEntries(exponents.filter((e) => e.variant === variant).map((e) => [e.config, e]));
  const sensitivity = Object.fromEntries(
    exponents.filter((e) => e.variant === "chain").map((e) => {
      const min = Math.max(settings.fitMinWidth, SWEEP.find((c) => c.id === e.config)?.fitMinWidth ?? 1);
      const fits = chains.filter((ch) => ch.config === e.config).map((ch) => {
        const rows = ch.rows.filter((r) => r.variant === "chain" && r.width >= min);
        const more = ch.rows.find((r) => r.variant === "longer");
        const alpha = (loss: number[]) => fitPowerLaw(rows.map((r) => r.parameters), loss).alpha;
        const loss = rows.map((r) => r.testLoss);
        return [alpha(loss), more ? alpha([...loss.slice(0, -1), more.testLoss]) : NaN];
      });
      const mean = (i: number) => fits.reduce((t, x) => t + x[i], 0) / fits.length;
      return [e.config, { alphaAll: mean(0), alphaLonger: mean(1) }];
    }),
  );
  return {
    settings,
    runs,
    chains,
    exponents,
    students: byConfig("chain"),
    grids: byConfig("grid"),
    sensitivity,
    holderCheck: holderCheck(0),
    committedExponents,
    codeVersion: runs[0]?.codeVersion ?? "",
  };
}

/** The students' (or the grid's) exponent of one configuration. @throws {RangeError} if the runs hold none. */
function exponentOf(a: Analysis, config: string, variant: "chain" | "grid" = "chain"): ExponentSummary {
  const e = a.exponents.find((x) => x.config === config && x.variant === variant);
  if (!e) throw new RangeError(`no ${variant} exponent for \`config\` ${JSON.stringify(config)} in the runs`);
  return e;
}

const holderCheck = memoise((_seed: number): HolderCheck[] =>
  [0.5, 1 / 3].map((h) => {
    const g = planeWaveField({ d: 2, h, seed: 0, maxWavenumber: 512 });
    const deltas = [1 / 256, 1 / 128, 1 / 64, 1 / 32, 1 / 16];
    const s2 = deltas.map((delta) => structureFunction(g.f, 2, new Float64Array([1, 0.5]), delta, 2000, new Random(5)));
    return { h, deltas, s2, measured: -fitPowerLaw(deltas, s2).alpha / 2 };
  })
);

/** Does the interval [low, high] come within `tol` (relative) of `target`? */
const reaches = (e: ExponentSummary, target: number, tol: number) =>
  e.alphaHigh >= target * (1 - tol) && e.alphaLow <= target * (1 + tol);

/**
 * "α ≈ prediction" for a list of configurations: each holds if its mean α is within `tol` (relative)
 * of its prediction by at least one standard error over seeds (so that no "holds" rests inside the
 * seeds' own error), fails if its whole t-interval is farther than `tol`, and is inconclusive
 * otherwise; the list holds if all hold, fails if any fails, and is "not testable" (inconclusive at
 * these seeds) otherwise, or when the list is empty.
 */
function judge(list: ExponentSummary[], prediction: (e: ExponentSummary) => number, tol: number): Verdict {
  if (list.length === 0) return "not testable";
  const each = list.map((e) => {
    const p = prediction(e);
    return Math.abs(e.alpha - p) + e.alphaStderr <= tol * p
      ? "holds"
      : reaches(e, p, tol)
      ? "not testable"
      : "does not hold";
  });
  return each.includes("does not hold") ? "does not hold" : each.every((v) => v === "holds") ? "holds" : "not testable";
}

const interval = (e: ExponentSummary) =>
  `${f(e.alpha, 3)} [${f(e.alphaLow, 3)}, ${f(e.alphaHigh, 3)}] (N = ${f(e.parametersMin)}–${f(e.parametersMax)})`;

const SCOPE = "one-hidden-layer networks, regression, not language";

/** The verdict of a check over `list`: not testable when the runs hold none of its configurations. */
const verdictOf = (
  list: unknown[],
  ok: boolean,
) => (list.length === 0 ? "not testable" : ok ? "holds" : "does not hold");

/** `text`, or a note that the configurations are missing from the runs. */
const orMissing = (
  list: unknown[],
  text: string,
) => (list.length === 0 ? "these configurations are not in the committed runs" : text);

/** The claim records of notebook 10, from its analysis. */
function claims(a: Analysis): Claim[] {
  const tol = a.settings.tolerance;
  const has = (id: string, variant: "chain" | "grid" = "chain") =>
    a.exponents.some((e) => e.config === id && e.variant === variant && e.seeds >= 2);
  const smooth = ["smooth-d2", "smooth-d3", "smooth-d4"].filter((id) => has(id)).map((id) => exponentOf(a, id));
  const rough = ["rough-d2-h12", "rough-d2-h13"].filter((id) => has(id)).map((id) => exponentOf(a, id));
  const done = a.exponents.filter((e) => e.seeds >= 2);
  const embedded = done.filter((e) =>
    e.variant === "chain" && e.D > e.d && e.activation === "relu" && has(`smooth-d${e.d}`)
  );
  const flatOf = (e: ExponentSummary) => exponentOf(a, `smooth-d${e.d}`);
  const grids = [...smooth, ...rough].filter((e) => has(e.config, "grid"));
  const doubled = done.filter((e) => e.variant === "chain" && Number.isFinite(e.doubledRatio));
  const longer = done.filter((e) => e.variant === "chain" && Number.isFinite(e.longerRatio));
  const flatInputs = done.filter((e) => e.variant === "chain");
  const gelu = has("smooth-d2-gelu") ? exponentOf(a, "smooth-d2-gelu") : null;

  const nums = (list: ExponentSummary[], key: (e: ExponentSummary) => number, name: string) =>
    Object.fromEntries(list.flatMap((e) => [
      [`alpha_${e.config}`, e.alpha],
      [`low_${e.config}`, e.alphaLow],
      [`high_${e.config}`, e.alphaHigh],
      [`${name}_${e.config}`, key(e)],
    ]));

  // d, not D: each embedded α clear of 4/D (its interval above 4/D by more than the tolerance) and nearer
  // the flat α than 4/D by at least one standard error (above their midpoint by se: a shift of α by one
  // standard error either way keeps it on its side); nearer 4/D by that much, or an interval within the
  // tolerance of 4/D, fails; anything else is undecided by these seeds
  const midpoint = (e: ExponentSummary) => (flatOf(e).alpha + e.prediction4OverAmbient) / 2;
  const side = (e: ExponentSummary) => Math.sign(flatOf(e).alpha - e.prediction4OverAmbient);
  const dNotDEach = (e: ExponentSummary): Verdict => {
    const towardFlat = side(e) * (e.alpha - midpoint(e));
    if (e.alphaLow > e.prediction4OverAmbient * (1 + tol) && towardFlat >= e.alphaStderr) return "holds";
    if (towardFlat <= -e.alphaStderr || e.alphaHigh <= e.prediction4OverAmbient * (1 + tol)) return "does not hold";
    return "not testable";
  };
  const dNotD: Verdict = embedded.length === 0
    ? "not testable"
    : embedded.some((e) => dNotDEach(e) === "does not hold")
    ? "does not hold"
    : embedded.every((e) => dNotDEach(e) === "holds")
    ? "holds"
    : "not testable";
  const gridOk = grids.length > 0 &&
    grids.every((e) => Math.abs(e.alpha / exponentOf(a, e.config, "grid").alpha - 1) <= tol);
  /** One of the two checks at the largest width: doubling n ("doubled") or the iterations ("longer"). */
  const checks = {
    doubled: {
      ratio: (e: ExponentSummary) => e.doubledRatio,
      stderr: (e: ExponentSummary) => e.doubledStderr,
      limited: (e: ExponentSummary) => e.sampleLimited,
      by: "the sample",
    },
    longer: {
      ratio: (e: ExponentSummary) => e.longerRatio,
      stderr: (e: ExponentSummary) => e.longerStderr,
      limited: (e: ExponentSummary) => e.optimisationLimited,
      by: "the optimisation",
    },
  };
  type Check = (typeof checks)["doubled"];
  // clearly limited: the check moves the loss by more than the scatter, by at least a standard error
  const clearlyLimited = (k: Check, e: ExponentSummary) => Math.abs(1 - k.ratio(e)) - k.stderr(e) > e.topScatter;
  const checkVerdict = (k: Check, list: ExponentSummary[]): Verdict =>
    list.length === 0
      ? "not testable"
      : list.some((e) => clearlyLimited(k, e))
      ? "does not hold"
      : list.every((e) => !k.limited(e))
      ? "holds"
      : "not testable";
  const checkState = (k: Check, e: ExponentSummary) =>
    clearlyLimited(k, e)
      ? `limited by ${k.by}`
      : k.limited(e)
      ? "not decided within the ratio's standard error"
      : "limited by N";
  /** Where a configuration's fit stops, and why, when either check stopped it. */
  const stops = (e: ExponentSummary) =>
    e.sampleLimited || e.optimisationLimited ? `: the fit stops at N = ${f(e.parametersMax)}` : "";
  const twonnOk = flatInputs.every((e) => Math.abs(e.twonnInputs / e.d - 1) <= 0.1);
  const geluOk = gelu !== null && Math.abs(gelu.alpha / exponentOf(a, "smooth-d2").alpha - 1) <= tol;

  return [
    claim({
      id: "10.smooth-4-over-d",
      ref: "§4, eq. 9 (Sharma & Kaplan 2022)",
      paper: "s4.sk-premise",
      claim:
        `Trained networks reach α ≈ 4/d on smooth targets of intrinsic dimension d (tested: ReLU students, ${SCOPE}, d = ${
          smooth.map((e) => e.d).join(", ")
        }).`,
      numbers: nums(smooth, (e) => e.prediction4OverD, "fourOverD"),
      verdict: judge(smooth, (e) => e.prediction4OverD, tol),
      reason: orMissing(
        smooth,
        smooth.map((e) => `d = ${e.d}: α = ${interval(e)} against 4/d = ${f(e.prediction4OverD, 3)}`).join("; ") +
          ` (mean [95 % t-interval] over ${smooth[0]?.seeds ?? 0} seeds; "≈" allows ${f(100 * tol)} %)`,
      ),
      headline: `Trained one-hidden-layer ReLU students on smooth targets of intrinsic dimension d measure ` +
        smooth.map((e) => `α = ${f(e.alpha, 2)} at d = ${e.d} (4/d = ${f(e.prediction4OverD, 2)})`).join(", ") +
        ` over N ≈ ${f(smooth[0]?.parametersMin ?? 0)}–${
          f(smooth[0]?.parametersMax ?? 0)
        } parameters (regression, not language).`,
    }),
    claim({
      id: "10.rough-eq17",
      ref: "§5.1, eq. 17",
      paper: "s5.eq17",
      claim: `For a Hölder-h target trained networks reach α ≈ 4h/d (eq. 17; tested: ReLU students, ${SCOPE}, d = 2).`,
      numbers: nums(rough, (e) => e.prediction4hOverD, "fourHOverD"),
      verdict: judge(rough, (e) => e.prediction4hOverD, tol),
      reason: orMissing(
        rough,
        rough.map((e) =>
          `h = ${f(e.h, 3)}: α = ${interval(e)} against 4h/d = ${f(e.prediction4hOverD, 3)} (2h/d = ${
            f(e.prediction2hOverD, 3)
          })`
        ).join("; "),
      ),
      headline: `On rough (Hölder-h) targets at d = 2 trained students measure ` +
        rough.map((e) => `α = ${f(e.alpha, 2)} at h = ${f(e.h, 2)}`).join(" and ") +
        `, against eq. 17's 4h/d = ${
          rough.map((e) => f(e.prediction4hOverD, 2)).join(", ")
        } and the fixed approximants' 2h/d = ` +
        `${rough.map((e) => f(e.prediction2hOverD, 2)).join(", ")}.`,
    }),
    claim({
      id: "10.rough-2h-over-d",
      ref: "§5.1 (notebook 07's 2h/d)",
      claim: `Trained students on Hölder-h targets reach what fixed piecewise approximants reach, α ≈ 2h/d (${SCOPE}).`,
      numbers: nums(rough, (e) => e.prediction2hOverD, "twoHOverD"),
      verdict: judge(rough, (e) => e.prediction2hOverD, tol),
      reason: orMissing(
        rough,
        rough.map((e) => `h = ${f(e.h, 3)}: α = ${interval(e)} against 2h/d = ${f(e.prediction2hOverD, 3)}`).join("; "),
      ),
    }),
    claim({
      id: "10.intrinsic-not-ambient",
      ref: "§4 (Sharma & Kaplan 2022: the intrinsic d, not the input dimension)",
      claim:
        `The intrinsic dimension d, not the input dimension D, sets the exponent (${SCOPE}; inputs embedded nonlinearly in D = ${
          [...new Set(embedded.map((e) => e.D))].join(", ")
        }).`,
      numbers: Object.fromEntries(embedded.flatMap((e) => [
        [`alpha_${e.config}`, e.alpha],
        [`low_${e.config}`, e.alphaLow],
        [`high_${e.config}`, e.alphaHigh],
        [`flat_${e.config}`, flatOf(e).alpha],
        [`fourOverAmbient_${e.config}`, e.prediction4OverAmbient],
        [`midpoint_${e.config}`, midpoint(e)],
      ])),
      verdict: dNotD,
      reason: orMissing(
        embedded,
        embedded.map((e) =>
          `d = ${e.d} in D = ${e.D}: α = ${interval(e)}, flat α = ${f(flatOf(e).alpha, 3)}, 4/D = ${
            f(e.prediction4OverAmbient, 3)
          }, their midpoint ${f(midpoint(e), 3)}, α's standard error ${f(e.alphaStderr, 2)} (${
            dNotDEach(e) === "holds"
              ? "nearer the flat α by more than it"
              : dNotDEach(e) === "does not hold"
              ? "nearer 4/D"
              : e.alphaLow > e.prediction4OverAmbient * (1 + tol)
              ? "clear of 4/D, but not nearer the flat α by a standard error"
              : "undecided"
          }), test/train at the largest width ${f(e.testTrainRatio, 3)}, local slopes ${
            e.localSlopes.map((v) => f(v, 2)).join(", ")
          }`
        ).join("; "),
      ),
      headline: `Embedding the inputs in D = 16 changes the students' exponent from the flat inputs' to ` +
        embedded.map((e) =>
          `α = ${f(e.alpha, 2)} at d = ${e.d} (flat ${f(flatOf(e).alpha, 2)}, 4/D = ${f(e.prediction4OverAmbient, 2)})`
        ).join(" and ") + ".",
    }),
    claim({
      id: "10.grid-control",
      ref: "§5, eqs. 11–13 (the grid argument) on the same teachers",
      claim: "Trained ReLU students and the multilinear grid approximant of the same teacher have the same exponent.",
      numbers: Object.fromEntries(
        grids.flatMap((
          e,
        ) => [[`student_${e.config}`, e.alpha], [`grid_${e.config}`, exponentOf(a, e.config, "grid").alpha]]),
      ),
      verdict: verdictOf(grids, gridOk),
      reason: orMissing(
        grids,
        grids.map((e) => `${e.config}: students ${f(e.alpha, 3)}, grid ${f(exponentOf(a, e.config, "grid").alpha, 3)}`)
          .join("; "),
      ),
    }),
    claim({
      id: "10.sample-size",
      ref: "method (Sharma & Kaplan 2022, §3: loss limited by N, not by the data)",
      claim: "The largest students' loss is limited by their size, not by the training sample: retraining the " +
        "largest width on a doubled training set (same warm start) moves its test loss by less than the seed " +
        "scatter of that loss, each chain's own level divided out, by at least the ratio's standard error " +
        "over seeds; where it does not, the fit of α stops at the width below.",
      numbers: Object.fromEntries(doubled.flatMap((e) => [
        [`ratio_${e.config}`, e.doubledRatio],
        [`ratioStderr_${e.config}`, e.doubledStderr],
        [`scatter_${e.config}`, e.topScatter],
        [`spread_${e.config}`, e.seedSpread],
        [`testTrain_${e.config}`, e.testTrainRatio],
        [`fitMaxN_${e.config}`, e.parametersMax],
      ])),
      verdict: checkVerdict(checks.doubled, doubled),
      reason: orMissing(
        doubled,
        doubled.map((e) =>
          `${e.config}: test loss with 2n / with n = ${f(e.doubledRatio, 3)} ± ${
            f(e.doubledStderr, 1)
          } against a seed scatter of ${f(e.topScatter, 2)} (${checkState(checks.doubled, e)}${
            e.sampleLimited ? stops(e) : ""
          }; ` +
          `the raw seed spread ${f(e.seedSpread, 2)} is between teachers), test/train ${f(e.testTrainRatio, 3)}`
        ).join("; "),
      ),
    }),
    claim({
      id: "10.iterations",
      ref: "method (Sharma & Kaplan 2022, §3: loss limited by N, not by the optimisation)",
      claim: "The largest students' loss is limited by their size, not by the optimiser: training the largest " +
        "width on to twice the L-BFGS iterations (the same run continued) moves its test loss by less than " +
        "the seed scatter of that loss, each chain's own level divided out, by at least the ratio's standard " +
        "error over seeds; where it does not, the fit of α stops at the width below.",
      numbers: Object.fromEntries(longer.flatMap((e) => [
        [`ratio_${e.config}`, e.longerRatio],
        [`ratioStderr_${e.config}`, e.longerStderr],
        [`scatter_${e.config}`, e.topScatter],
        [`fitMaxN_${e.config}`, e.parametersMax],
        [`alphaAll_${e.config}`, a.sensitivity[e.config].alphaAll],
        [`alphaLonger_${e.config}`, a.sensitivity[e.config].alphaLonger],
      ])),
      verdict: checkVerdict(checks.longer, longer),
      reason: orMissing(
        longer,
        longer.map((e) =>
          `${e.config}: test loss after 2× / after 1× the iterations = ${f(e.longerRatio, 3)} ± ${
            f(e.longerStderr, 1)
          } against a seed scatter of ${f(e.topScatter, 2)} (${checkState(checks.longer, e)}${
            e.optimisationLimited ? stops(e) : ""
          }); α over every width ${f(a.sensitivity[e.config].alphaAll, 3)}, with the largest width's loss ` +
          `after 2× the iterations ${f(a.sensitivity[e.config].alphaLonger, 3)}`
        ).join("; "),
      ),
    }),
    claim({
      id: "10.twonn",
      ref: "§4 (Sharma & Kaplan 2022 measure d by TwoNN)",
      claim: "TwoNN recovers the intrinsic dimension d of the inputs, flat or embedded in D = 16, within 10 %.",
      numbers: Object.fromEntries(
        flatInputs.flatMap((
          e,
        ) => [
          [`inputs_${e.config}`, e.twonnInputs],
          ...(Number.isFinite(e.twonnHidden) ? [[`hidden_${e.config}`, e.twonnHidden]] : []),
        ]),
      ),
      verdict: verdictOf(flatInputs, twonnOk),
      reason: orMissing(
        flatInputs,
        flatInputs.map((e) =>
          `${e.config}: inputs ${f(e.twonnInputs, 3)}` +
          (Number.isFinite(e.twonnHidden) ? `, hidden ${f(e.twonnHidden, 3)}` : "")
        ).join("; "),
      ),
    }),
    claim({
      id: "10.activation",
      ref: "§4 (the 4/d argument assumes piecewise-linear students)",
      claim: "GELU students (first-layer init 4 × Glorot, output weights softly bounded by 1,000) reach the same " +
        "exponent as ReLU students on the same smooth d = 2 teachers.",
      numbers: gelu === null ? {} : {
        gelu: gelu.alpha,
        geluLow: gelu.alphaLow,
        geluHigh: gelu.alphaHigh,
        relu: exponentOf(a, "smooth-d2").alpha,
      },
      verdict: gelu === null ? "not testable" : geluOk ? "holds" : "does not hold",
      reason: gelu === null
        ? "the GELU configuration is not in the committed runs"
        : `GELU α = ${interval(gelu)}, ReLU α = ${
          f(exponentOf(a, "smooth-d2").alpha, 3)
        }; an activation comparison depends on the initialisation`,
    }),
  ];
}

/**
 * Notebook 10, described once: its parameters (the smallest hidden width in the fits of α, an integer in
 * [1, 16], raised to a configuration's own, default 2 as in the sweep's own fits; the relative tolerance of "α ≈ prediction", in (0, 1),
 * default 15 %), its analysis of the committed runs and its claim records. Claim ids: `10.smooth-4-over-d`,
 * `10.rough-eq17`, `10.rough-2h-over-d`, `10.intrinsic-not-ambient`, `10.grid-control`, `10.sample-size`,
 * `10.iterations`, `10.twonn`, `10.activation`.
 */
export const notebook = defineNotebook<Settings, Analysis>({
  id: "10_trained_networks",
  defaults: { fitMinWidth: 2, tolerance: 0.15 },
  ranges: {
    fitMinWidth: { kind: "number", range: { min: 1, max: 16, integer: true } },
    tolerance: { kind: "number", range: { min: 0, max: 1, minOpen: true, maxOpen: true } },
  },
  analyse,
  claims,
});

/** The notebook's defaults: the values its first code cell assigns. */
export const defaults: Readonly<Settings> = notebook.defaults;

/**
 * Notebook 10's analysis at the given settings (defaults for what is left out): reads the committed runs
 * and refits the exponents, once per process and settings.
 * @throws {RangeError} naming a setting outside its range; {Error} if a data file is missing or changed.
 * @example analysis().students["smooth-d2"].prediction4OverD // => 2
 */
export const analysis: (settings?: Partial<Settings>) => Analysis = notebook.analysis;

/**
 * The claim records of notebook 10 at the given settings.
 * @throws {RangeError} as `analysis`.
 * @example findings().claims.find((c) => c.id === "10.rough-eq17")?.verdict // => "does not hold"
 */
export const findings: (settings?: Partial<Settings>) => Findings = notebook.findings;
