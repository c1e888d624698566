/**
 * The numeric library of the reproduction, and its tables. Re-exports only; figures are in
 * `./figures/mod`, notebook display in `./display`.
 * @module
 */

// the paper's numbers
export {
  A_RANGE,
  A_RANGE_TEXT,
  ALPHA_C,
  BESIROGLU_2024,
  BESIROGLU_2024_DROPPED,
  BETA_MODEL_HURST,
  CHINCHILLA_POINT,
  EMBEDDING_WIDTHS,
  FIG1_PEDESTALS,
  GADRE_2024_REPORTED_ERROR,
  HOFFMANN_2022,
  K41_HURST,
  KAPLAN_2020,
  LLM_COMPRESSION_RATIO,
  LLM_DIMENSION,
  P_CRIT_EXAMPLE_SIZE,
  PAPER_BETA_DIMENSION,
  PEDESTAL_EXAMPLE,
  PEDESTAL_THRESHOLD,
  PUBLISHED_EXPONENTS,
  SHE_LEVEQUE_MIN_DIMENSION,
  SHE_LEVEQUE_MIN_HURST,
} from "./paper";
export type { ChinchillaLaw, EmbeddingWidth, PublishedExponent } from "./paper";

// numerics
export { MAX_DRAWS, Random } from "./stats/random";
export {
  formatAlpha,
  formatFraction,
  formatNumber,
  formatPower,
  formatSize,
  MINUS,
  minusSign,
  superscript,
} from "./_util/format";
export {
  doublingsToCut,
  exponentFromDoublingChange,
  lossChangePerDoubling,
  powerLaw,
  resourceFactor,
} from "./theory/scaling_law";
export { analogyRow, gridExponent, gridRows, methodRows, QUANTITIES } from "./theory/analogy";
export type { AnalogyRow, GridRow, Quantity } from "./theory/analogy";
export {
  continuedSizeForFraction,
  criticalInverseSize,
  criticalPedestal,
  criticalSize,
  decadesInBand,
  lossDropDecades,
  maxRunningExponent,
  normalisedRunningExponent,
  pedestalForDrop,
  pedestalLoss,
  runningExponent,
  sizeForExponent,
  transitionWidthDecades,
} from "./theory/pedestal";
export {
  dimensionForExponent,
  exponentBelow,
  halvingDoublings,
  halvingFactor,
  roughExponent,
  sharmaKaplanExponent,
} from "./theory/intrinsic_dimension";
export {
  cellCount,
  cellDiameter,
  cellSide,
  constantLossBound,
  holderLossBound,
  linearLossBound,
  midpointConstantLoss,
  piecewiseExponent,
} from "./theory/piecewise";
export {
  activeFraction,
  betaDimensionForHurst,
  betaModelHurst,
  betaModelVelocity,
  betaStructureExponent,
  effectiveHurst,
  intermittencyExponent,
  k41StructureExponent,
  k41Velocity,
  sheLevequeSpectrum,
  sheLevequeStructureExponent,
} from "./theory/turbulence";
export type { SpectrumPoint } from "./theory/turbulence";
export { compressionRatio, thresholdDimension } from "./theory/conclusion";
export { asymptoteOnset, fitPowerLaw, localSlopes, meanStderr } from "./fit/powerlaw_fit";
export type { MeanStderr, PowerLawFit } from "./fit/powerlaw_fit";
export {
  gridApproximant,
  MAX_GRID_VALUES,
  meanSquaredError,
  smoothTarget,
  smoothTargetMeanGradSq,
  targetValues,
  uniformPoints,
} from "./measure/approximation";
export type { ApproximantKind, Estimate, GridApproximant, Target } from "./measure/approximation";
export { planeWaveSum, structureFunction, weierstrassTarget } from "./measure/rough";
export type { RoughTarget, WeierstrassOptions } from "./measure/rough";
export { betaCascade, cascadeActiveHolder, cascadeZeta2 } from "./measure/cascade";
export type { CascadeOptions, CascadeSignal } from "./measure/cascade";
export { randomEmbedding, sampleManifold, sineLipschitzEstimate } from "./measure/manifold";
export type { Embedding, EmbeddingOptions, ManifoldSample } from "./measure/manifold";
export { bruteForceKnn, KdTree } from "./measure/kdtree";
export type { Neighbours } from "./measure/kdtree";
export { knnRegress, localLinearRegress } from "./measure/knn";
export { jacobiEigen } from "./stats/eigen";
export { twoNN } from "./measure/twonn";
export type { TwoNNResult } from "./measure/twonn";
export {
  DEFAULT_SETTINGS,
  formatHolder,
  FULL_SETTINGS,
  gridExponents,
  manifoldExponents,
  measuredExponents,
  twonnOnManifold,
} from "./measure/measured_exponents";
export type {
  Approximant,
  CascadeMeasurement,
  DimensionEstimate,
  Experiment,
  ExperimentSettings,
  ExponentMeasurement,
  MeasuredExponents,
} from "./measure/measured_exponents";
export { cascadeExponents } from "./measure/cascade_exponents";
export { minimizeLbfgs } from "./stats/optimize";
export type { LbfgsOptions, LbfgsResult, ObjectiveWithGradient } from "./stats/optimize";
export {
  bootstrap,
  MAX_OBSERVATIONS,
  MAX_RESAMPLES,
  percentileInterval,
  quantile,
  resampleCounts,
  sampleStdDev,
} from "./stats/bootstrap";
export { CHINCHILLA_COLUMNS, parseChinchillaCsv, requireRuns, withoutHighestLoss } from "./datasets/chinchilla_data";
export type { ChinchillaRun } from "./datasets/chinchilla_data";
export {
  agreesToRounding,
  bootstrapChinchilla,
  bootstrapChinchillaDraw,
  chinchillaLoss,
  computeOptimal,
  computeOptimalLoss,
  FIT_LBFGS,
  fitChinchilla,
  fitData,
  frontierExponent,
  hoffmannGrid,
  huber,
  HUBER_DELTA,
  huberObjective,
  insideInterval,
  LAW_PARAMETERS,
  lawToVector,
  MIN_FIT_RUNS,
  requireFitData,
  requireLaw,
  SCREENING,
  summariseLawBootstrap,
  vectorToLaw,
  zScore,
} from "./fit/chinchilla";
export type {
  ChinchillaBootstrap,
  ChinchillaFit,
  FitData,
  FitOptions,
  LawVector,
  ParameterSummary,
} from "./fit/chinchilla";
export {
  crossover,
  cutAlongN,
  cutFrontierInC,
  cutFrontierInN,
  cutLoss,
  pedestalRatio,
  requireCut,
  runningExponentOfCut,
  runsBeyondCrossover,
  totalChangePerDoubling,
} from "./fit/chinchilla_pedestal";
export type { PedestalCut } from "./fit/chinchilla_pedestal";
export { studentTQuantile, studentTTwoSided, tIntervalHalfWidth } from "./stats/student_t";
export {
  OPENLM_COLUMNS,
  OPENLM_TRAIN_DATASETS,
  OPENLM_TRAIN_LABELS,
  OPENLM_VAL_LABELS,
  OPENLM_VAL_SETS,
  parseOpenLmCsv,
  selectRows,
  SIZE_CONVENTIONS,
  toRuns,
} from "./datasets/openlm_data";
export type { OpenLmRow, SizeConvention } from "./datasets/openlm_data";
export {
  bootstrapLaw,
  clusterBootstrap,
  COLLAPSED_E,
  fitLaw,
  logResiduals,
  maxTAdjusted,
  pairedInterval,
  predictLoss,
  quantileMonteCarloError,
  resampleLaw,
  resampleValues,
  spearman,
  syntheticRuns,
  WARM_RESTARTS,
} from "./fit/openlm_fit";
export type { LawFit, LawFitOptions, Prediction, Run } from "./fit/openlm_fit";
export {
  BROWN_GENRES,
  genreLabel,
  LM_RUN_COLUMNS,
  parseLmCurves,
  parseLmGenres,
  parseLmRuns,
  parseLmSamples,
  parseLmTwoNN,
  parseLmWeights,
  sizeName,
} from "./datasets/lm_data";
export type { LmCurvePoint, LmGenreLoss, LmRun, LmSample, LmTwoNN, LmWeights } from "./datasets/lm_data";
export { bootstrapPValue, ClusterBootstrap, compareExponents, fitClusteredLaw, holmAdjust } from "./fit/lm_fit";
export type { ClusteredRun, ClusterLawFit, ClusterResampling, ExponentComparison } from "./fit/lm_fit";

// trained networks (notebook 10), as a namespace: learn.createMlp, learn.trainLbfgs, …
import * as learn from "./learn/mod";
export { learn };

// the notebooks: their index, and one namespace per notebook's findings, each with the same names
// (notebook, defaults, analysis, findings; types Settings, Analysis): introduction.analysis(settings), …
export { notebookEntry, NOTEBOOKS } from "./notebooks";
export type { NotebookEntry } from "./notebooks";
export { rangeText } from "./findings/notebook";
export type { Notebook, NotebookSpec, NumberRange, ParameterRange, Ranges } from "./findings/notebook";
import * as introduction from "./findings/01_introduction";
import * as analogy from "./findings/02_analogy";
import * as pedestal from "./findings/03_pedestal";
import * as intrinsicDimension from "./findings/04_intrinsic_dimension";
import * as smoothness from "./findings/05_smoothness_and_turbulence";
import * as conclusion from "./findings/06_conclusion";
import * as measured from "./findings/07_measured_exponents";
import * as chinchilla from "./findings/08_chinchilla";
import * as openlm from "./findings/09_openlm";
import * as trainedNetworks from "./findings/10_trained_networks";
import * as languageModel from "./findings/11_language_model";
export {
  analogy,
  chinchilla,
  conclusion,
  intrinsicDimension,
  introduction,
  languageModel,
  measured,
  openlm,
  pedestal,
  smoothness,
  trainedNetworks,
};

// findings: each notebook's analysis and claim records
export { claimById } from "./findings/claim";

// tables
export { tableFromRows, tableToCsv, tableToMarkdown } from "./tables/table";
export type { MarkdownOptions, NamedTable, Table, TableBuilder } from "./tables/table";
export { exponentCostTable, kaplanCostTable, workedExampleNote } from "./tables/scaling_law";
export { analogyNotes, analogyTable, gridDimensionTable } from "./tables/analogy";
export type { AnalogyNotes } from "./tables/analogy";
export { pedestalNotes, pedestalThresholdTable } from "./tables/pedestal";
export type { PedestalNotes } from "./tables/pedestal";
export {
  eq9Scope,
  halvingCostTable,
  impliedDimensionTable,
  intrinsicDimensionNotes,
} from "./tables/intrinsic_dimension";
export type { IntrinsicDimensionNotes } from "./tables/intrinsic_dimension";
export { smoothnessNotes, structureExponentTable } from "./tables/turbulence";
export type { SmoothnessNotes } from "./tables/turbulence";
export { compressionTable, conclusionNotes, thresholdTable } from "./tables/conclusion";
export type { ConclusionNotes } from "./tables/conclusion";
export {
  cascadeTable,
  closerNote,
  constantsTable,
  excessNote,
  interiorTable,
  intermittencyTable,
  intrinsicDimensionTable,
  manifoldExponentsTable,
  roughExponentsTable,
  roughnessNote,
  settingsNote,
  skExponentsTable,
  smoothBoundsTable,
  smoothExponentsTable,
} from "./tables/measured_exponents";
export {
  chinchillaComparisonTable,
  chinchillaExponentsTable,
  chinchillaFitsTable,
  chinchillaFitTable,
  chinchillaNotes,
  chinchillaPedestalTable,
  chinchillaTable,
  pedestalTableFor,
} from "./tables/chinchilla";
export type { ChinchillaNotes } from "./tables/chinchilla";
export {
  NO_EMBED_LABEL,
  openlmBootstrapNote,
  openlmClusterTable,
  openlmComparisonTable,
  openlmDomainsTable,
  openlmFitsTable,
  openlmForecastTable,
  openlmResidualsTable,
  openlmRunsNote,
  openlmSection3Table,
  openlmSensitivityTable,
} from "./tables/openlm";
export {
  configLabel,
  teacherStudentDiagnosticsTable,
  teacherStudentExponentsTable,
  teacherStudentRunsNote,
} from "./tables/trained_networks";
export { lmDimensionsTable, lmFitTable, lmGenreTable, lmSamplesTable, lmSizesTable, lmSweepNote } from "./tables/lm";
