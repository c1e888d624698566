/**
 * The numeric library of the reproduction, and its tables. Re-exports only; figures are in
 * `./figures/mod`, notebook display in `./display`.
 * @module
 */

// the paper's numbers
export { A_RANGE, A_RANGE_TEXT, ALPHA_C, BESIROGLU_2024, CHINCHILLA_POINT, FIG1_PEDESTALS, HOFFMANN_2022 } from "./paper";
export type { ChinchillaLaw } from "./paper";

// numerics
export { MAX_DRAWS, Random } from "./stats/random";
export { formatFraction, formatNumber, superscript } from "./_util/format";
export {
  doublingsToCut, exponentFromDoublingChange, lossChangePerDoubling, powerLaw, resourceFactor,
} from "./theory/scaling_law";
export { analogyRow, gridExponent, gridRows, methodRows, QUANTITIES } from "./theory/analogy";
export type { AnalogyRow, GridRow, Quantity } from "./theory/analogy";
export {
  continuedSizeForFraction, criticalInverseSize, criticalPedestal, criticalSize, decadesInBand,
  lossDropDecades, maxRunningExponent, normalisedRunningExponent, pedestalForDrop, pedestalLoss,
  runningExponent, sizeForExponent, transitionWidthDecades,
} from "./theory/pedestal";
export {
  dimensionForExponent, exponentBelow, halvingDoublings, halvingFactor, roughExponent, sharmaKaplanExponent,
} from "./theory/intrinsic_dimension";
export {
  cellCount, cellDiameter, cellSide, constantLossBound, holderLossBound, linearLossBound,
  midpointConstantLoss, piecewiseExponent,
} from "./theory/piecewise";
export {
  activeFraction, betaDimensionForHurst, betaModelHurst, betaModelVelocity, betaStructureExponent,
  effectiveHurst, intermittencyExponent, K41_HURST, k41StructureExponent, k41Velocity, PAPER_BETA_DIMENSION,
  SHE_LEVEQUE_MIN_DIMENSION, SHE_LEVEQUE_MIN_HURST, sheLevequeSpectrum, sheLevequeStructureExponent,
} from "./theory/turbulence";
export type { SpectrumPoint } from "./theory/turbulence";
export {
  compressionRatio, EMBEDDING_WIDTHS, KAPLAN_2020, PUBLISHED_EXPONENTS, thresholdDimension,
} from "./theory/conclusion";
export type { EmbeddingWidth, PublishedExponent } from "./theory/conclusion";
export { asymptoteOnset, fitPowerLaw, localSlopes, meanStderr } from "./fit/powerlaw_fit";
export type { MeanStderr, PowerLawFit } from "./fit/powerlaw_fit";
export {
  gridApproximant, MAX_GRID_VALUES, meanSquaredError, smoothTarget, smoothTargetMeanGradSq, targetValues,
  uniformPoints,
} from "./measure/approximation";
export type { ApproximantKind, Estimate, GridApproximant, Target } from "./measure/approximation";
export { planeWaveSum, structureFunction, weierstrassTarget } from "./measure/rough";
export type { RoughTarget, WeierstrassOptions } from "./measure/rough";
export { betaCascade, cascadeActiveHolder, cascadeZeta2 } from "./measure/cascade";
export type { CascadeOptions, CascadeSignal } from "./measure/cascade";
export { randomEmbedding, sampleManifold, sineLipschitzEstimate } from "./measure/manifold";
export type { Embedding, EmbeddingOptions, ManifoldSample } from "./measure/manifold";
export { bruteForceKnn, jacobiEigen, KdTree, knnRegress, localLinearRegress } from "./measure/knn";
export type { Neighbours } from "./measure/knn";
export { twoNN } from "./measure/twonn";
export type { TwoNNResult } from "./measure/twonn";
export {
  cascadeExponents, DEFAULT_SETTINGS, formatHolder, FULL_SETTINGS, gridExponents, manifoldExponents,
  measuredExponents, twonnOnManifold,
} from "./measure/measured_exponents";
export type {
  Approximant, CascadeMeasurement, DimensionEstimate, Experiment, ExperimentSettings, ExponentMeasurement,
  MeasuredExponents,
} from "./measure/measured_exponents";
export { minimizeLbfgs } from "./stats/optimize";
export type { LbfgsOptions, LbfgsResult, ObjectiveWithGradient } from "./stats/optimize";
export {
  bootstrap, MAX_OBSERVATIONS, MAX_RESAMPLES, percentileInterval, quantile, resampleCounts, sampleStdDev,
} from "./stats/bootstrap";
export { CHINCHILLA_COLUMNS, parseChinchillaCsv, requireRuns, withoutHighestLoss } from "./datasets/chinchilla_data";
export type { ChinchillaRun } from "./datasets/chinchilla_data";
export {
  agreesToRounding, bootstrapChinchilla, chinchillaLoss, computeOptimal,
  computeOptimalLoss, FIT_LBFGS, fitChinchilla, fitData, frontierExponent, hoffmannGrid, huber,
  HUBER_DELTA, huberObjective, insideInterval, LAW_PARAMETERS, lawToVector, MIN_FIT_RUNS, requireFitData,
  requireLaw, SCREENING, summariseLawBootstrap, vectorToLaw, zScore,
} from "./fit/chinchilla";
export type {
  ChinchillaBootstrap, ChinchillaFit, FitData, FitOptions, LawVector, ParameterSummary,
} from "./fit/chinchilla";
export {
  crossover, cutAlongN, cutFrontierInC, cutFrontierInN, cutLoss, pedestalRatio, requireCut,
  runningExponentOfCut, runsBeyondCrossover, totalChangePerDoubling,
} from "./fit/chinchilla_pedestal";
export type { PedestalCut } from "./fit/chinchilla_pedestal";
export { studentTQuantile, studentTTwoSided, tIntervalHalfWidth } from "./stats/student_t";
export {
  OPENLM_COLUMNS, OPENLM_TRAIN_DATASETS, OPENLM_TRAIN_LABELS, OPENLM_VAL_LABELS, OPENLM_VAL_SETS,
  parseOpenLmCsv, selectRows, SIZE_CONVENTIONS, toRuns,
} from "./datasets/openlm_data";
export type { OpenLmRow, SizeConvention } from "./datasets/openlm_data";
export {
  bootstrapLaw, clusterBootstrap, COLLAPSED_E, fitLaw, logResiduals, maxTAdjusted, pairedInterval, predictLoss, quantileMonteCarloError,
  resampleLaw, resampleValues, spearman, syntheticRuns, WARM_RESTARTS,
} from "./fit/openlm_fit";
export type { LawFit, LawFitOptions, Prediction, Run } from "./fit/openlm_fit";
export {
  BROWN_GENRES, LM_RUN_COLUMNS, parseLmCurves, parseLmGenres, parseLmRuns, parseLmSamples, parseLmTwoNN,
} from "./datasets/lm_data";
export type { LmCurvePoint, LmGenreLoss, LmRun, LmSample, LmTwoNN } from "./datasets/lm_data";
export { bootstrapPValue, fitClusteredLaw, holmAdjust } from "./fit/lm_fit";
export type { ClusteredRun, ClusterLawFit } from "./fit/lm_fit";

// trained networks (notebook 10), as a namespace: learn.createMlp, learn.trainLbfgs, …
export * as learn from "./learn/mod";

// findings: each notebook's analysis and claim records
export { claimById } from "./findings/claim";
export { analysis01, DEFAULTS_01, findings01, PAPER_RANGE_01 } from "./findings/01_introduction";
export type { Analysis01, Settings01 } from "./findings/01_introduction";
export { analysis02, DEFAULTS_02, findings02 } from "./findings/02_analogy";
export type { Analysis02, Settings02 } from "./findings/02_analogy";
export {
  A_RANGE_03, analysis03, DEFAULTS_03, findings03, PAPER_PEDESTAL_03, PAPER_SIZE_03, PAPER_THRESHOLD_03,
  SEVERAL_DECADES_03, SHARP_DECADES_03, UNIT_EXAMPLE_03, VANISHING_EXPONENT_03,
} from "./findings/03_pedestal";
export type {
  Analysis03, LossDropRow, PedestalBandRow, PedestalWidthRow, Settings03,
} from "./findings/03_pedestal";
export { DEFAULTS04, findings04, worked04 } from "./findings/04_intrinsic_dimension";
export type { Settings04, Worked04 } from "./findings/04_intrinsic_dimension";
export { analysis05, DEFAULTS05, findings05, worked05 } from "./findings/05_smoothness_and_turbulence";
export type { GridCheck05, Settings05, Worked05 } from "./findings/05_smoothness_and_turbulence";
export { DEFAULTS06, findings06, worked06 } from "./findings/06_conclusion";
export type { Settings06, Worked06 } from "./findings/06_conclusion";
export { analysis07, DEFAULT_SETTINGS_07, findings07 } from "./findings/07_measured_exponents";
export type {
  Analysis07, ConstantsRow, InteriorPair, RoughnessCheck, RoughRow, Settings07, SmoothRow,
} from "./findings/07_measured_exponents";
export {
  analysis08, CHINCHILLA_HEADLINE_RESAMPLES, CHINCHILLA_INPUT, chinchillaHeadline, DEFAULTS08, findings08, loadChinchillaRuns, notes08, settings08,
} from "./findings/08_chinchilla";
export type { ChinchillaAnalysis, Notes08, Settings08 } from "./findings/08_chinchilla";
export {
  alphaDifference, analysis09, bootstrapNote09, c4Fit, EXPONENT_BAND, exponentLossCorrelation, findings09,
  GADRE_2024_REPORTED_ERROR,
  runsNote09, SETTINGS_09, THRESHOLD_DIMENSION,
} from "./findings/09_openlm";
export type {
  Analysis09, ClusterRow, DomainFit, ForecastRow, ResidualGroup, Section3, SensitivityRow, Settings09,
} from "./findings/09_openlm";
export {
  analysis10, configLabel, DEFAULTS10, exponentOf, findings10, holderCheck10, runsNote10,
} from "./findings/10_trained_networks";
export type { Analysis10, HolderCheck10, Settings10 } from "./findings/10_trained_networks";
export {
  alphaSummary11, analysis11, EXPONENT_BAND_11, findings11, LAW_TOLERANCE, PAPER_DIMENSION, PAPER_DIMENSION_RATIO,
  SETTINGS_11, sizeName, sweepNote11,
} from "./findings/11_language_model";
export type {
  Analysis11, GenreFit, GenreLevel, Halving, Settings11, SizeDimensions, SizeSummary,
} from "./findings/11_language_model";

// tables
export { tableFromRows, tableToCsv, tableToMarkdown } from "./tables/table";
export type { MarkdownOptions, NamedTable, Table } from "./tables/table";
export { exponentCostTable, kaplanCostTable } from "./tables/scaling_law";
export { analogyTable, gridDimensionTable } from "./tables/analogy";
export { pedestalThresholdTable } from "./tables/pedestal";
export { eq9Scope, halvingCostTable, impliedDimensionTable } from "./tables/intrinsic_dimension";
export { structureExponentTable } from "./tables/turbulence";
export { compressionTable, thresholdTable } from "./tables/conclusion";
export {
  cascadeTable07, closerNote07, constantsTable07, excessNote07, interiorTable07, intermittencyTable,
  intrinsicDimensionTable, manifoldExponentsTable07, roughExponentsTable07, roughnessNote07, settingsNote07,
  skExponentsTable, smoothBoundsTable07, smoothExponentsTable07,
} from "./tables/measured_exponents";
export {
  chinchillaComparisonTable, chinchillaExponentsTable, chinchillaFitsTable, chinchillaFitTable,
  chinchillaPedestalTable, chinchillaTable, pedestalTableFor,
} from "./tables/chinchilla";
export {
  NO_EMBED_LABEL, openlmClusterTable, openlmComparisonTable, openlmDomainsTable, openlmFitsTable, openlmForecastTable,
  openlmResidualsTable, openlmSection3Table, openlmSensitivityTable,
} from "./tables/openlm";
export { teacherStudentDiagnosticsTable, teacherStudentExponentsTable } from "./tables/trained_networks";
export { lmDimensionsTable, lmFitTable, lmGenreTable, lmSamplesTable, lmSizesTable } from "./tables/lm";
