/**
 * The index of the notebooks: one entry per notebook, written once. The README's table of notebooks,
 * the HTML edition's outline and navigation, each notebook's findings (`Findings.title`) and the
 * executor read their ids and titles from here; a test checks that every notebook's first heading is
 * `N · title` and that every notebook file is listed.
 *
 * This module is data only: it imports nothing.
 *
 * @module
 */

/** One notebook of the reproduction. */
export interface NotebookEntry {
  /** The notebook's base name, `NN_topic` (its file is `notebooks/NN_topic.ipynb`). */
  id: string;
  /** Its number, 1–99 (the `NN` of the id). */
  number: number;
  /** Its title, as its first heading has it after `N · `. */
  title: string;
  /** The part of the paper it follows, e.g. `"§3, eqs. 3–8, Figs. 1–2"`. */
  section: string;
  /** What it shows, in one line (Markdown). */
  summary: string;
  /** Whether it follows one section of the paper's text (01–06) or goes beyond it with measurements (07–). */
  part: "paper" | "beyond";
}

/** The notebooks, in reading order. */
export const NOTEBOOKS: readonly NotebookEntry[] = [
  {
    id: "01_introduction",
    number: 1,
    title: "Introduction: what a small exponent costs",
    section: "§1, eq. 1",
    summary: "what an exponent costs: 1024× resources to halve the loss at α = 0.1, loss change per doubling",
    part: "paper",
  },
  {
    id: "02_analogy",
    number: 2,
    title: "The loss as a pseudo-metric: the numerical-method analogy",
    section: "§2, eqs. 2, 10",
    summary: "the numerical-method analogy table; error versus squared error; grids in D dimensions",
    part: "paper",
  },
  {
    id: "03_pedestal",
    number: 3,
    title: "The pedestal effect",
    section: "§3, eqs. 3–8, Figs. 1–2",
    summary: "the running exponent, N_{crit}(p), p_{crit}(N); the caption and the claims that do not follow",
    part: "paper",
  },
  {
    id: "04_intrinsic_dimension",
    number: 4,
    title: "Theoretical prediction of the exponents: the intrinsic dimension",
    section: "§4, eqs. 9–10",
    summary: "α = 4/d and a/D; where α crosses 0.1 and 0.05 (d = 40, 80); resources to halve the loss against d; " +
      "the dimensions published exponents imply",
    part: "paper",
  },
  {
    id: "05_smoothness_and_turbulence",
    number: 5,
    title: "The SK argument, smoothness, and turbulence exponents",
    section: "§5–5.1, eqs. 11–17",
    summary: "the cell argument step by step with its constants; Hölder targets (2h/d against eq. 17's 4h/d); " +
      "K41, the beta model and She–Leveque: h, ζ_{p}, singularity spectra; what notebook 7 must measure",
    part: "paper",
  },
  {
    id: "06_conclusion",
    number: 6,
    title: "Conclusion: the thresholds, and what they rest on",
    section: "§6",
    summary: "the thresholds d > 40 and d > 80, rough-data thresholds, the bound's direction, d/D compression " +
      "against published widths",
    part: "paper",
  },
  {
    id: "07_measured_exponents",
    number: 7,
    title: "Measuring section 5's exponents: smooth, rough and manifold data",
    section: "§4–5.1, eqs. 9, 11–13, 17",
    summary: "exponents measured, not derived: grid approximants of smooth and rough (Hölder h) targets in " +
      "d = 1…5, nearest-neighbour and local-linear regression on manifolds in R³², TwoNN, a beta-model cascade; " +
      "eq. 17 fails (both approximants give 2h/d; intermittency gives ζ₂ = 2/3 + C/3)",
    part: "beyond",
  },
  {
    id: "08_chinchilla",
    number: 8,
    title: "Real scaling data: the Chinchilla runs",
    section: "§3 on measured runs",
    summary: "Approach 3 refit of the 240 headline Chinchilla runs (of 245) with bootstrap errors; published " +
      "parameters against our intervals; the pedestal ratio p (unit-dependent) and the crossover (not); the " +
      'running exponent of the fitted law; "3–4 % per doubling"',
    part: "beyond",
  },
  {
    id: "09_openlm",
    number: 9,
    title: "A second real dataset: the open training runs of Gadre et al. 2024",
    section: "§3–4 on measured runs",
    summary: "Approach 3 fits of 104 released runs (3 training sets × 8 validation sets) beside the Chinchilla " +
      "refit; section 3 at 6.9B parameters; a forecast of the 1.4B and 6.9B runs from the smaller ones; α and " +
      "d = 4/α per validation domain; residuals across M = 0.25…32",
    part: "beyond",
  },
  {
    id: "10_trained_networks",
    number: 10,
    title: "Trained networks on data of known dimension",
    section: "§4 premise, §5.1 eq. 17, on trained networks",
    summary: "one-hidden-layer ReLU students trained by L-BFGS with growing width on teachers of known d and " +
      "Hölder h (committed runs, `npm run train -- teacher-student`): α against 4/d, 2h/d and eq. 17's 4h/d, " +
      "d against D = 16, the grid control on the same teachers, a doubled training set and twice the " +
      "iterations, TwoNN on inputs and " +
      "hidden activations",
    part: "beyond",
  },
  {
    id: "11_language_model",
    number: 11,
    title: "A language model of our own: the chain on character transformers",
    section: "§1, §3–4 on models trained here",
    summary: "character transformers of 252 to 100,096 parameters trained here on the Brown corpus " +
      "(`npm run train -- lm`): L(N) and its fitted law, the pedestal, the running exponent, the TwoNN " +
      "dimension of the representations, α against 4/d, d/D, the loss per genre",
    part: "beyond",
  },
];

/**
 * The index entry of a notebook, by id.
 * @throws {RangeError} naming the id when no notebook has it, with the ids there are.
 * @example notebookEntry("03_pedestal").title // => "The pedestal effect"
 */
export function notebookEntry(id: string): NotebookEntry {
  const entry = NOTEBOOKS.find((n) => n.id === id);
  if (!entry) {
    throw new RangeError(
      `\`id\` must be one of ${NOTEBOOKS.map((n) => n.id).join(", ")}, got ${JSON.stringify(id)}`,
    );
  }
  return entry;
}
