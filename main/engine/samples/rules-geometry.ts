// Sample rules that move or repeat cells without looking at their colours: flips, rotation,
// transposition, upscaling, tiling and mirroring. Inputs are scattered multi-coloured cells, so every
// cell's new place is visible in the output.
import type { Grid } from '../arc'
import { randomCells, randomPalette, type Cells } from './cells'
import type { Rng } from '../random'
import type { SampleRule } from './sample-rule'

/** A height x width grid (each side drawn from its range) of cells in 2-4 colours on about half the cells. */
function scatteredInput(rng: Rng, heights: readonly [number, number], widths: readonly [number, number]): Cells {
  const palette = randomPalette(rng, rng.int(2, 4))
  return randomCells(rng, rng.int(...heights), rng.int(...widths), rng.pick([0.4, 0.5, 0.6]), palette)
}

/** out[r][c] = in[r / factor][c / factor]: each cell becomes a factor x factor block. */
function upscale(input: Grid, factor: number): Cells {
  return input.flatMap((row) => {
    const wide = row.flatMap((cell) => new Array<number>(factor).fill(cell))
    return Array.from({ length: factor }, () => [...wide])
  })
}

export const flipHorizontal: SampleRule = {
  id: 'flip-horizontal',
  description: 'Mirror the grid left to right.',
  makeInput: (rng) => scatteredInput(rng, [3, 8], [3, 8]),
  apply: (input) => input.map((row) => [...row].reverse())
}

export const flipVertical: SampleRule = {
  id: 'flip-vertical',
  description: 'Mirror the grid top to bottom.',
  makeInput: (rng) => scatteredInput(rng, [3, 8], [3, 8]),
  apply: (input) => [...input].reverse().map((row) => [...row])
}

export const rotate90: SampleRule = {
  id: 'rotate-90',
  description: 'Rotate the grid a quarter turn clockwise.',
  makeInput: (rng) => scatteredInput(rng, [3, 7], [3, 7]),
  // H x W -> W x H; out[r][c] = in[H-1-c][r]
  apply: (input) => input[0]!.map((_, r) => input.map((_, c) => input[input.length - 1 - c]![r]!))
}

export const transpose: SampleRule = {
  id: 'transpose',
  description: 'Swap rows and columns (mirror along the main diagonal).',
  makeInput: (rng) => scatteredInput(rng, [3, 7], [3, 7]),
  // H x W -> W x H; out[r][c] = in[c][r]
  apply: (input) => input[0]!.map((_, r) => input.map((row) => row[r]!))
}

export const upscale2x: SampleRule = {
  id: 'upscale-2x',
  description: 'Scale the grid up by 2: every cell becomes a 2x2 block.',
  makeInput: (rng) => scatteredInput(rng, [2, 5], [2, 5]),
  apply: (input) => upscale(input, 2)
}

export const upscale3x: SampleRule = {
  id: 'upscale-3x',
  description: 'Scale the grid up by 3: every cell becomes a 3x3 block.',
  makeInput: (rng) => scatteredInput(rng, [2, 4], [2, 4]),
  apply: (input) => upscale(input, 3)
}

export const tile2x2: SampleRule = {
  id: 'tile-2x2',
  description: 'Repeat the grid twice across and twice down.',
  makeInput: (rng) => scatteredInput(rng, [2, 5], [2, 5]),
  apply: (input) => [...input, ...input].map((row) => [...row, ...row])
}

export const mirrorConcatenate: SampleRule = {
  id: 'mirror-concatenate',
  description: "Put the grid's left-right mirror image to its right, doubling the width.",
  makeInput: (rng) => scatteredInput(rng, [3, 7], [2, 5]),
  apply: (input) => input.map((row) => [...row, ...[...row].reverse()])
}
