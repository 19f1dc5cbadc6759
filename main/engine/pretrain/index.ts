// Pretraining ("initial fine-tuning", recipe section 1): the base model trained on ARC training tasks.
export { pretrain, type PretrainEvent, type PretrainRequest, type PretrainResult } from './pretrain-loop'
export { completeStoredOptions, DEFAULT_PRETRAIN_OPTIONS, pretrainOptionProblems, type PretrainOptions } from './options'
export { applyAugmentationMix, applyToOneSide, NO_EXTRA_AUGMENTATION, type AugmentationMix, type RuleSide } from './rule-augmentations'
export {
  saveCheckpoint,
  loadCheckpoint,
  hasCheckpoint,
  CheckpointError,
  LATEST_FILE,
  OPTIMIZER_FILE,
  TRAINER_STATE_FILE,
  type Checkpoint,
  type TrainerState
} from './checkpoint'
export { heldOutLoss } from './held-out-loss'
export {
  batchExamples,
  drawExample,
  heldOutExamples,
  pairsWithOutputs,
  sampleExample,
  splitTasks,
  taskFitsContext,
  PretrainDataError,
  PRETRAIN_LOSS_MASK,
  type PretrainExample,
  type TaskSplit
} from './sample-examples'
