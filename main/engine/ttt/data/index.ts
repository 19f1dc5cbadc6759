// The test-time-training data of one task (recipe sections 3 and 4): leave-out tasks, augmentations,
// deduplication, cap and top-up, and the loss mask of each example.
export { buildTttData } from './build-ttt-data'
export { buildSourceExamples, exampleId, type SourceExamples } from './build-source'
export { leaveOneOutTasks, leaveTwoOutTasks, directIoTasks, leaveOutTasks, type LeaveOutTask } from './leave-out'
export { exampleContentKey } from './example-key'
export { encodeTttExample, lossMaskOf, maskRanges, type EncodedTttExample } from './loss-mask'
export { distributionOf } from './distribution'
export {
  resolveTttDataOptions,
  DEFAULT_TTT_DATA_OPTIONS,
  LOSS_MASK_VARIANTS,
  TTT_DATA_FORMATS,
  type TttDataOptions,
  type TttDataFormat,
  type LossMaskVariant
} from './options'
export * from './types'
