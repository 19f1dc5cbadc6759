// Ordering of difficulty levels as datasets name them: the words of the ARC development subset
// (dev80-task-levels.csv says easy, medium, hard, expert), numbers, and anything else by name.

const NAMED_LEVELS = ['trivial', 'easy', 'medium', 'hard', 'expert']

function rank(level: string): { group: number; value: number | string } {
  const word = level.trim().toLowerCase()
  const named = NAMED_LEVELS.indexOf(word)
  if (named >= 0) return { group: 0, value: named }
  const number = Number(word)
  if (word !== '' && Number.isFinite(number)) return { group: 1, value: number }
  return { group: 2, value: word }
}

/** Negative when `a` is the easier level. Named levels, then numbers, then other names. */
export function compareLevels(a: string, b: string): number {
  const [ra, rb] = [rank(a), rank(b)]
  if (ra.group !== rb.group) return ra.group - rb.group
  if (typeof ra.value === 'number' && typeof rb.value === 'number') return ra.value - rb.value
  return String(ra.value) < String(rb.value) ? -1 : String(ra.value) > String(rb.value) ? 1 : 0
}
