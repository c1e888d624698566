/**
 * Figures: the rendering machinery and every figure of the project. Re-exports only.
 * @module
 */
export type { Figure, FigureBuilder, Row } from "./figure";
export {
  applyNotation,
  BAND,
  composePanels,
  CURVE_COLOURS,
  FIGURE_SIZE,
  figureDocument,
  FONT_FAMILY,
  formatPowerOfTen,
  logGrid,
  notationToMarkdown,
  notationToPlain,
  notationToSvg,
  PALETTE,
  PLOT_CLASS,
  plotDefaults,
  powerOfTenAxis,
  renderFigure,
  serializeSvg,
  svgToPng,
  textColour,
  viridisOnWhite,
  X_AXIS,
} from "./render";
export type { Panel, RenderedFigure } from "./render";
export { exportFigure, exportTable, writeAtomic } from "./export";
export type { ExportedFigure } from "./export";
export { figure1RunningExponent, figure2CriticalSize } from "./pedestal";
export type { Figure1Options, Figure2Options } from "./pedestal";
export { figureExponentVersusDimension, figureHalvingCostVersusDimension } from "./intrinsic_dimension";
export { figureSingularitySpectra, figureStructureExponents } from "./turbulence";
export {
  figureExponents,
  figureGridRoughMse,
  figureGridSmoothMse,
  figureManifoldMse,
  figureTwoNN,
} from "./measured_exponents";
export { figureChinchillaBootstrap, figureChinchillaRunningExponent, figureChinchillaRuns } from "./chinchilla";
export { figureOpenLmExponents, figureOpenLmForecast, figureOpenLmRuns } from "./openlm";
export { figureTeacherStudentExponents, figureTeacherStudentLoss } from "./trained_networks";
export { figureTeacherStudentLiveRun } from "./trained_networks_live";
export type { TeacherStudentLiveRun } from "./trained_networks_live";
export { figureLmCurves, figureLmGenres, figureLmLiveRun, figureLmLossVsN, figureLmTwoNN } from "./lm";
export type { LmLivePoint, LmLiveRun } from "./lm";
