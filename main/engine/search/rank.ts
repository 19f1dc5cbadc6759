// Ranking: programs that reproduce more demonstrations first; then answers of the predicted size;
// then programs without a learned colour map; then simpler programs (fewer layers, then lower cost,
// then lower depth); then discovery order, so the ranking is a total, deterministic order. Answers are deduplicated: each distinct test grid keeps
// its best program.
import type { Found } from './found'
import { hashCells } from './hash'
import { sameCells } from './image'

export function compareFound(a: Found, b: Found): number {
  return (
    b.explains - a.explains ||
    Number(b.sizeFits) - Number(a.sizeFits) ||
    Number(a.learned ?? false) - Number(b.learned ?? false) ||
    a.layers - b.layers ||
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
