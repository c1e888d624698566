/**
 * The trainer's public surface, reached from notebooks as the namespace `learn` of `src/mod.ts`
 * (`learn.createMlp(…)`): kernels, networks, optimisers, teachers and the teacher–student runner.
 * Re-exports only.
 * @module
 */
export { activate, type Activation, activationBackward, ACTIVATIONS, matmulAB, matmulABt, matmulAtB } from "./kernels";
export {
  createMlp,
  type InitOptions,
  type Mlp,
  mlpHidden,
  type MlpLayout,
  mlpLayout,
  mlpLossGradient,
  mlpPredict,
  type MlpShape,
  MlpWorkspace,
  oneHiddenLayerParameters,
  widenMlp,
} from "./mlp";
export {
  type AdamOptions,
  type LbfgsStep,
  lbfgsSteps,
  type LbfgsTrainOptions,
  learningRateAt,
  trainAdam,
  trainLbfgs,
  type TrainResult,
} from "./train";
export { type PlaneWaveField, planeWaveField, type PlaneWaveOptions } from "./targets";
export {
  type ChainResult,
  type ChainStep,
  chainSteps,
  type ExponentSummary,
  REDUCED,
  refitExponents,
  runChain,
  type RunRow,
  SEEDS,
  summariseExponents,
  SWEEP,
  type TeacherStudentConfig,
} from "./teacher_student";
