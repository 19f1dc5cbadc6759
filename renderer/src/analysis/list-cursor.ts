// Moving a keyboard cursor through the rows of a list or table.

/** The index one step from `current` in a list of `length`, clamped; from none it starts at an end. */
export function stepIndex(current: number, length: number, step: 1 | -1): number {
  if (length === 0) return -1
  if (current < 0 || current >= length) return step > 0 ? 0 : length - 1
  return Math.min(Math.max(current + step, 0), length - 1)
}
