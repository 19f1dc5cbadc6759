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
export const INFERENCE_SYMMETRY_IDS = ['transpose', 'flip-up-down', 'flip-left-right', 'rotate-90', 'rotate-180'] as const satisfies readonly SymmetryId[]
