/**
 * The trainer's public surface, reached from notebooks as the namespace `learn` of `src/mod.ts`
 * (`learn.createMlp(…)`): kernels, networks, optimisers, teachers and the teacher–student runner.
 * Re-exports only.
 * @module
 */
export { activate, activationBackward, ACTIVATIONS, type Activation, matmulAB, matmulABt, matmulAtB } from "./kernels";
export {
  createMlp, type InitOptions, type Mlp, mlpHidden, mlpLayout, type MlpLayout, mlpLossGradient, mlpPredict, type MlpShape,
  MlpWorkspace, oneHiddenLayerParameters, widenMlp,
} from "./mlp";
export { type AdamOptions, learningRateAt, type LbfgsTrainOptions, trainAdam, trainLbfgs, type TrainResult } from "./train";
export { planeWaveField, type PlaneWaveField, type PlaneWaveOptions } from "./targets";
export {
  type ChainResult, type ExponentSummary, REDUCED, runChain, type RunRow, SEEDS, summariseExponents, SWEEP,
  type TeacherStudentConfig,
} from "./teacher_student";
