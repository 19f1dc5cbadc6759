// Grid transforms: the 8 symmetries, colour permutations, the TTT augmenters, and applying any of
// them to a whole task.
export {
  SYMMETRY_IDS,
  INFERENCE_SYMMETRY_IDS,
  COLOUR_PERMUTATION_ID,
  TTT_AUGMENTER_IDS,
  type SymmetryId,
  type AugmenterId,
  type TransformId
} from './ids'
export { chain, gridFromCells, sizeOf, type GridSize, type GridTransform, type InvertibleTransform } from './transform'
export { symmetry, inverseSymmetryId, allSymmetries } from './symmetries'
export { colourPermutation, randomColourPermutation, validateColourMap, COLOUR_COUNT, type ColourPermutation } from './colour-permutation'
export {
  reflect,
  translation,
  randomTranslation,
  scaleCells,
  upscale2,
  doubleHeight,
  doubleWidth,
  tile,
  MAX_TRANSLATION,
  type Augmenter,
  type StackDirection
} from './augmenters'
export { TTT_AUGMENTERS, augmentersForTask, augmenterEntry, type AugmenterEntry } from './ttt-augmenters'
export { applyToTask, transformFitsTask } from './apply-to-task'
