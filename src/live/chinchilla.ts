/**
 * Browser entry of the live edition for notebook 08 (Chinchilla's runs). Every figure of the notebook
 * draws from its headline fit, which leaves out the `dropHighest` highest-loss runs (the notebook's
 * parameter, 0–20): the page sets it with the control of Figure 8.2 (`figureChinchillaRuns`: the runs, the
 * runs left out ringed, and the fitted law), and Figures 8.1 and 8.3 follow that control. The grid fits
 * are not recomputed in the browser (several seconds each): the build writes the notebook's own fit for
 * every value of the range into the page with the runs (`liveChinchillaRunsData`, src/live/chinchilla_runs.ts).
 *
 * Figure 8.1, the bootstrap histograms of α and β (`figureChinchillaBootstrap`), at the reader's resamples
 * and seed: the fit is bootstrapped in the page, the same resamples for the same seed as the notebook.
 * Figure 8.3, the running exponent of a fitted law (`figureChinchillaRunningExponent`), for the headline
 * fit, any one of its bootstrap re-estimates, or the published laws of Hoffmann et al. 2022 and Besiroglu
 * et al. 2024: at the notebook's runs left out, the notebook's 1,000 re-estimates are carried in the page
 * (`liveChinchillaData`, computed in Node by the analysis the notebook runs, with its fixed seed); at any
 * other, the re-estimate chosen is refitted in the page alone, as the notebook's bootstrap at that value
 * draws it. The figures and the numbers beside them are drawn with `src/` functions. Bundled by
 * scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { frontierExponent } from "../fit/chinchilla";
import { BESIROGLU_2024, type ChinchillaLaw, HOFFMANN_2022 } from "../paper";
import { crossover, cutFrontierInN } from "../fit/chinchilla_pedestal";
import {
  figureChinchillaBootstrap,
  figureChinchillaRunningExponent,
  figureChinchillaRuns,
} from "../figures/chinchilla";
import type * as chinchilla from "../findings/08_chinchilla";
import { formatNumber } from "../_util/format";
import {
  chinchillaBootstrap,
  chinchillaDraw,
  chinchillaSelection,
  type LiveChinchillaBootstrapData,
  type LiveChinchillaRunsData,
} from "./chinchilla_runs";
import { type Control, live, type LiveSpec, mountAll, notation, pageData, type Readout } from "./widget";

/** What the build writes into the page for Figure 8.3 (see `liveData` in scripts/site_live.ts). */
export interface LiveChinchillaData {
  /** The bootstrap re-estimates of the notebook's headline fit, in resample order. */
  draws: ChinchillaLaw[];
  /** Seed of the bootstrap. */
  seed: number;
  /** The runs left out of the fit those re-estimates are of (the notebook's `dropHighest`). */
  dropHighest: number;
}

/** The live figure whose control sets the runs left out, which the other two follow. */
const RUNS = "figureChinchillaRuns";

/** Figure 8.2's spec, made once: Figures 8.1 and 8.3 read its control. */
let runsMade: LiveSpec<{ dropHighest: number }> | undefined;
const runsSpec = (): LiveSpec<{ dropHighest: number }> => (runsMade ??= runs());

/** The runs left out now: Figure 8.2's control's value (its last valid one). */
const dropHighestNow = (): number => (runsSpec().controls.dropHighest as Control).value as number;

/** A note under a figure that follows Figure 8.2's control, saying so. */
function followsNote(text: string): HTMLParagraphElement {
  const note = document.createElement("p");
  note.className = "live-note";
  note.textContent = text;
  return note;
}

/** The number of runs fitted, as a readout of a figure that follows Figure 8.2's control. */
function runsFitted(data: LiveChinchillaRunsData, dropHighest: number): Readout {
  const fitted = chinchillaSelection(data, dropHighest).headlineRuns.length;
  return {
    label: "runs fitted",
    value: fitted,
    text: `${fitted} of ${data.runs.length} (the ${dropHighest} highest-loss left out, as set in Figure 8.2)`,
  };
}

const runs = (): LiveSpec<{ dropHighest: number }> => {
  const data = pageData<LiveChinchillaRunsData>(RUNS);
  const { min, max } = data.range;
  return {
    controls: {
      dropHighest: Inputs.range([min, max], {
        value: data.dropHighest,
        step: 1,
        label: notation(
          `runs left out, the highest-loss runs not fitted (${min}–${max}; the notebook: ${data.dropHighest})`,
        ),
      }),
    },
    // the figure reads the runs, the runs left out and the fit from the analysis; nothing else is needed
    draw: ({ dropHighest }) =>
      figureChinchillaRuns(chinchillaSelection(data, dropHighest) as unknown as chinchilla.Analysis),
    readouts: ({ dropHighest }) => {
      const { headlineRuns, fit } = chinchillaSelection(data, dropHighest);
      const law = fit.law;
      return [
        { label: "runs fitted", value: headlineRuns.length, text: `${headlineRuns.length} of ${data.runs.length}` },
        { label: "α", value: law.alpha, text: `${formatNumber(law.alpha)} (exponent of N)` },
        { label: "β", value: law.beta, text: `${formatNumber(law.beta)} (exponent of D)` },
        { label: "E", value: law.E, text: `${formatNumber(law.E)} nats/token (the irreducible loss)` },
      ];
    },
  };
};

const SOURCES = ["headline fit", "bootstrap draw", "Hoffmann et al. 2022", "Besiroglu et al. 2024"] as const;
type Running = { source: (typeof SOURCES)[number]; draw: number };

const running = (): LiveSpec<Running> => {
  const data = pageData<LiveChinchillaData>("figureChinchillaRunningExponent");
  const fits = pageData<LiveChinchillaRunsData>(RUNS);
  /** The law a reader chose, at the runs left out now. */
  const lawOf = ({ source, draw }: Running): ChinchillaLaw => {
    if (source === "Hoffmann et al. 2022") return HOFFMANN_2022;
    if (source === "Besiroglu et al. 2024") return BESIROGLU_2024;
    const dropHighest = dropHighestNow();
    if (source === "headline fit") return fits.fits[dropHighest].law;
    // the notebook's re-estimates where the page carries them; elsewhere the one chosen, refitted here
    return dropHighest === data.dropHighest
      ? data.draws[draw - 1]
      : chinchillaDraw(fits, { dropHighest, seed: data.seed, draw });
  };
  const source = Inputs.select(SOURCES, {
    value: "headline fit",
    label: notation("law, fitted L = E + A/N^{α} + B/D^{β}"),
  });
  const draw = Inputs.range([1, data.draws.length], {
    value: 1,
    step: 1,
    label: notation(`k, bootstrap draw (1–${data.draws.length}, seed ${data.seed})`),
  });
  // moving the draw slider picks the bootstrap draws
  draw.addEventListener("input", () => {
    source.value = "bootstrap draw";
  });
  return {
    controls: { source, draw },
    follows: [RUNS],
    extra: [followsNote(
      "The headline fit and its bootstrap draws leave out the highest-loss runs that the control of Figure 8.2 " +
        "(above) sets: moving that control redraws this figure too.",
    )],
    // the figure reads the runs' sizes and the fit's law from the analysis; nothing else is needed
    draw: (v: Running) =>
      figureChinchillaRunningExponent({ runs: fits.runs, fit: { law: lawOf(v) } } as unknown as chinchilla.Analysis),
    readouts: (v) => {
      const law = lawOf(v);
      const aC = frontierExponent(law);
      const nCross = crossover(cutFrontierInN(law));
      const fitted = v.source === "headline fit" || v.source === "bootstrap draw";
      return [
        ...(fitted ? [runsFitted(fits, dropHighestNow())] : []),
        { label: "α", value: law.alpha, text: `${formatNumber(law.alpha)} (exponent of N)` },
        { label: "β", value: law.beta, text: `${formatNumber(law.beta)} (exponent of D)` },
        {
          label: "α_{frontier} = αβ/(α+β)",
          value: aC,
          text: `${formatNumber(aC)} (exponent of compute on the frontier)`,
        },
        { label: "crossover in N_{opt}", value: nCross, text: `${formatNumber(nCross)} parameters` },
      ];
    },
  };
};

/**
 * The most resamples the page refits: each about 1.5 ms in Chromium, but about one in 400 stops on a
 * failed line search and is refitted from the 4,500-point grid (as in the notebook: about a second), so a
 * redraw of at most 200 stays under about a second.
 */
const MAX_RESAMPLES = 200;

const histograms = (): LiveSpec<{ resamples: number; seed: number }> => {
  const data = pageData<LiveChinchillaBootstrapData>("figureChinchillaBootstrap");
  const fits = pageData<LiveChinchillaRunsData>(RUNS);
  const bootOf = (v: { resamples: number; seed: number }) =>
    chinchillaBootstrap(fits, { ...v, dropHighest: dropHighestNow() }, data.level);
  return {
    controls: {
      resamples: Inputs.range([data.minResamples, MAX_RESAMPLES], {
        value: 100,
        step: 1,
        label: notation(
          `resamples, bootstrap refits of the headline fit (${data.minResamples}–${MAX_RESAMPLES}; the notebook: ${data.resamples})`,
        ),
      }),
      seed: Inputs.range([0, data.maxSeed], {
        value: data.seed,
        step: 1,
        label: notation(`seed, of the bootstrap's resample draws (0–${data.maxSeed})`),
      }),
    },
    follows: [RUNS],
    extra: [followsNote(
      "The fit bootstrapped here leaves out the highest-loss runs that the control of Figure 8.2 (below) sets: " +
        "moving that control redraws this figure too.",
    )],
    // the figure reads the fit's law, the bootstrap's re-estimates and the headline runs' count
    draw: (v) => {
      const { fit, headlineRuns } = chinchillaSelection(fits, dropHighestNow());
      return figureChinchillaBootstrap(
        { fit, bootstrap: bootOf(v), headlineRuns } as unknown as chinchilla.Analysis,
      );
    },
    readouts: (v) => [
      runsFitted(fits, dropHighestNow()),
      ...(["alpha", "beta"] as const).flatMap((p) => {
        const s = bootOf(v).summary.find((r) => r.parameter === p)!;
        const symbol = p === "alpha" ? "α" : "β";
        return [
          {
            label: `${symbol}, ${Math.round(data.level * 100)} % interval`,
            value: s.estimate,
            text: `${formatNumber(s.estimate, 3)} (${formatNumber(s.ci_low, 3)}–${formatNumber(s.ci_high, 3)})`,
          },
          { label: `bootstrap standard error of ${symbol}`, value: s.stderr, text: formatNumber(s.stderr, 2) },
        ];
      }),
    ],
  };
};

mountAll({
  figureChinchillaBootstrap: live(histograms),
  [RUNS]: live(runsSpec),
  figureChinchillaRunningExponent: live(running),
});
