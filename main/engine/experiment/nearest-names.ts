// The known names nearest to a misspelt one, by edit distance (Levenshtein: one insertion,
// deletion or substitution costs 1), for errors that say what the user probably meant.

/** Edit distance between `a` and `b`, one row of the dynamic-programming table at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Up to `count` names of `known` nearest to `name`, nearest first, ties in alphabetical order. */
export function nearestNames(name: string, known: readonly string[], count = 3): string[] {
  return known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0))
    .slice(0, count)
    .map((x) => x.candidate)
}
