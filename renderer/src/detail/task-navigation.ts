// Previous / next task for the Task detail view's keyboard navigation ([ and ]).

/** The id `step` places from `current` in `ids`, or null at either end (no wrap-around: an end is an end). */
export function neighbourTask(ids: readonly string[], current: string, step: 1 | -1): string | null {
  const index = ids.indexOf(current)
  if (index < 0) return ids.length === 0 ? null : step > 0 ? ids[0]! : ids[ids.length - 1]!
  return ids[index + step] ?? null
}

/** Distinct task ids, sorted, from any lists (several runs' outcomes). */
export function taskOrder(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort((a, b) => a.localeCompare(b))
}
