// Ranking: programs that reproduce more demonstrations first; then answers of the predicted size;
// then answers that are not degenerate; then by kind: single plain programs, then single learned
// programs (a colour map or a rule read off the demonstrations), then compositions by their number of
// layers; then simpler programs (lower cost, then lower depth); then discovery order, so the ranking
// is a total, deterministic order. (Learned rules ahead of compositions: on ARC-AGI-1 training a
// learned rule that explained every demonstration was right more often than a composition that did.)
// Answers are deduplicated: each distinct test grid keeps its best program.
import type { Found } from './found'
import { hashCells } from './hash'
import { sameCells, type Image } from './image'

function blankImage(image: Image): boolean {
  return image.cells.every((v) => v === 0)
}

/**
 * `found` with degenerate answers marked: an all-background answer when no demonstration output is
 * all background, or the test input unchanged when no demonstration output equals its input. Such
 * answers come from programs that fit the demonstrations by accident far more often than by rule.
 */
export function markDegenerate(
  found: readonly Found[],
  demoInputs: readonly Image[],
  targets: readonly Image[],
  testInput: Image
): Found[] {
  const blankAllowed = targets.some(blankImage)
  const copyAllowed = targets.some((t, g) => sameCells(t, demoInputs[g]!))
  return found.map((f) => {
    const degenerate = (!blankAllowed && blankImage(f.answer)) || (!copyAllowed && sameCells(f.answer, testInput))
    return degenerate ? { ...f, degenerate } : f
  })
}

/** 0 for a single plain program, 1 for a single learned one, 1 + layers for a composition. */
function kind(f: Found): number {
  if (f.layers > 1) return 1 + f.layers
  return f.learned ? 1 : 0
}

export function compareFound(a: Found, b: Found): number {
  return (
    b.explains - a.explains ||
    Number(b.sizeFits) - Number(a.sizeFits) ||
    Number(a.degenerate ?? false) - Number(b.degenerate ?? false) ||
    kind(a) - kind(b) ||
    a.cost - b.cost ||
    a.depth - b.depth ||
    a.order - b.order
  )
}

/** The best `limit` answers with distinct test grids, best first. */
export function rankDistinct(found: readonly Found[], limit: number): Found[] {
  const sorted = [...found].sort(compareFound)
  const kept: Found[] = []
  const byHash = new Map<number, Found[]>()
  for (const f of sorted) {
    if (kept.length >= limit) break
    const hash = hashCells([f.answer])
    const same = byHash.get(hash)
    if (same?.some((g) => sameCells(g.answer, f.answer))) continue
    if (same) same.push(f)
    else byHash.set(hash, [f])
    kept.push(f)
  }
  return kept
}
