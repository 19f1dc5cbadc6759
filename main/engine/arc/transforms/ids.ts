// Typed ids of the grid transforms. String-valued so they read well in logs, databases and JSON.

/** The 8 symmetries of the square (the dihedral group D4). All invertible. */
export const SYMMETRY_IDS = [
  'identity',
  'rotate-90',
  'rotate-180',
  'rotate-270',
  'flip-up-down',
  'flip-left-right',
  'transpose',
  'anti-transpose'
] as const
export type SymmetryId = (typeof SYMMETRY_IDS)[number]

/**
 * The geometric transforms of augmented inference (recipe section 6), besides identity:
 * transpose, flip up-down, flip left-right, rotate 90, rotate 180.
 */
export const INFERENCE_SYMMETRY_IDS = [
  'transpose',
  'flip-up-down',
  'flip-left-right',
  'rotate-90',
  'rotate-180'
] as const satisfies readonly SymmetryId[]

/** The id of a colour permutation (colour 0 fixed); the map itself is in the transform's params. */
export const COLOUR_PERMUTATION_ID = 'colour-permutation'

/**
 * The 23 augmenters of the TTT data (recipe section 3), in the order of marc's `get_augmenters`.
 * Geometric ids repeat symmetry ids on purpose: the augmenter is the same map. Naming: "vertical"
 * stacks copies above/below (height doubles), "horizontal" side by side (width doubles).
 */
export const TTT_AUGMENTER_IDS = [
  'rotate-90',
  'rotate-270',
  'rotate-180',
  'flip-up-down',
  'flip-left-right',
  'reflect-vertical-mirror-first',
  'reflect-horizontal-mirror-first',
  'reflect-vertical-mirror-second',
  'reflect-horizontal-mirror-second',
  'translate',
  'transpose',
  'upscale-2',
  'double-height',
  'double-width',
  'rotate-90+upscale-2',
  'rotate-270+upscale-2',
  'rotate-180+upscale-2',
  'flip-up-down+upscale-2',
  'flip-left-right+upscale-2',
  'transpose+upscale-2',
  'tile-vertical',
  'tile-horizontal',
  'tile-2x2'
] as const
export type AugmenterId = (typeof TTT_AUGMENTER_IDS)[number]

/** Every transform id: a symmetry, a colour permutation or a TTT augmenter. */
export type TransformId = SymmetryId | typeof COLOUR_PERMUTATION_ID | AugmenterId
