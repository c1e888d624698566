/**
 * Browser entry of the live edition for notebook 08 (Chinchilla's runs): the running exponent of a
 * fitted law (`figureChinchillaRunningExponent`), for the headline fit, any one of its bootstrap
 * re-estimates, or the published laws of Hoffmann et al. 2022 and Besiroglu et al. 2024. The fit and
 * the bootstrap draws are not recomputed in the browser: the build writes them into the page as JSON
 * (`liveChinchillaData`, computed in Node by the same analysis the notebook runs, with its fixed
 * seed); the figure and the numbers beside it are recomputed from them with `src/` functions. And the
 * bootstrap histograms of α and β (`figureChinchillaBootstrap`) at the reader's resamples and seed: the
 * notebook's grid fit is carried in the page and bootstrapped there (src/live/chinchilla_runs.ts), the
 * same resamples for the same seed as the notebook. Bundled by scripts/site_live.ts.
 *
 * @module
 */
import * as Inputs from "./inputs";
import { frontierExponent } from "../fit/chinchilla";
import { BESIROGLU_2024, type ChinchillaLaw, HOFFMANN_2022 } from "../paper";
import { crossover, cutFrontierInN } from "../fit/chinchilla_pedestal";
import { figureChinchillaBootstrap, figureChinchillaRunningExponent } from "../figures/chinchilla";
import type * as chinchilla from "../findings/08_chinchilla";
import { formatNumber } from "../_util/format";
import { chinchillaBootstrap, type ChinchillaResampling, type LiveChinchillaBootstrapData } from "./chinchilla_runs";
import { live, type LiveSpec, mountAll, notation, pageData } from "./widget";

/** What the build writes into the page for this figure (see `liveChinchillaData` in scripts/site.ts). */
export interface LiveChinchillaData {
  /** Parameter counts N of the runs (the figure shades their span). */
  runsN: number[];
  /** The headline fit. */
  law: ChinchillaLaw;
  /** The bootstrap re-estimates of the headline fit, in resample order. */
  draws: ChinchillaLaw[];
  /** Seed of the bootstrap. */
  seed: number;
}

const SOURCES = ["headline fit", "bootstrap draw", "Hoffmann et al. 2022", "Besiroglu et al. 2024"] as const;
type Running = { source: (typeof SOURCES)[number]; draw: number };

/** The law a reader chose. */
function lawOf(data: LiveChinchillaData, { source, draw }: Running): ChinchillaLaw {
  if (source === "bootstrap draw") return data.draws[draw - 1];
  if (source === "Hoffmann et al. 2022") return HOFFMANN_2022;
  if (source === "Besiroglu et al. 2024") return BESIROGLU_2024;
  return data.law;
}

const running = (): LiveSpec<Running> => {
  const data = pageData<LiveChinchillaData>("figureChinchillaRunningExponent");
  const runs = data.runsN.map((N) => ({ N }));
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
    // the figure reads the runs' sizes and the fit's law from the analysis; nothing else is needed
    draw: (v: Running) =>
      figureChinchillaRunningExponent({ runs, fit: { law: lawOf(data, v) } } as unknown as chinchilla.Analysis),
    readouts: (v) => {
      const law = lawOf(data, v);
      const aC = frontierExponent(law);
      const nCross = crossover(cutFrontierInN(law));
      return [
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

const histograms = (): LiveSpec<ChinchillaResampling> => {
  const data = pageData<LiveChinchillaBootstrapData>("figureChinchillaBootstrap");
  const headlineRuns = data.runs;
  const bootOf = (v: ChinchillaResampling) => chinchillaBootstrap(data, v);
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
    // the figure reads the fit's law, the bootstrap's re-estimates and the headline runs' count
    draw: (v) =>
      figureChinchillaBootstrap(
        { fit: data.fit, bootstrap: bootOf(v), headlineRuns } as unknown as chinchilla.Analysis,
      ),
    readouts: (v) =>
      (["alpha", "beta"] as const).flatMap((p) => {
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
  };
};

mountAll({ figureChinchillaRunningExponent: live(running), figureChinchillaBootstrap: live(histograms) });
