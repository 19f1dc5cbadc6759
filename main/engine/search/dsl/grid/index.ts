// Transformations of one image into another: symmetries, cropping, scaling, tiling, gravity, colours,
// outlines, holes, borders, lines, canvases and repairs. One row per table entry; the functions live
// in small files by family, and parameter variants (a colour, a direction) are separate rows.
import type { Transform } from '../transform'
import { fillBackground, invert, keepColour, paint, paintMajority, paintMinority, removeColour, swapColours } from './colour'
import { completeSymmetry, denoise, SYMMETRY_AXES } from './complete'
import { crop, removeEmptyLines, removeRepeatedLines } from './crop'
import { DIRECTIONS } from './directions'
import { COLOURS, imageEntry } from './entry'
import { gravity } from './gravity'
import { fillHoles, fillHolesWithSurrounding } from './holes'
import { addBorder, frame, interior, outline, removeBorder } from './outline'
import { blankCanvas, centre, embed, majorityCanvas, majorityCell, toOrigin } from './place'
import { connect, rays } from './rays'
import { scaleDown, scaleDownByBlocks, scaleUp, scaleUpToOutput } from './scale'
import { applySymmetry, SYMMETRIES, type Symmetry } from './symmetry'
import { MIRROR_LAYOUTS, mirrorTile, tile, tileToOutput } from './tile'

export { crop } from './crop'
export { applySymmetry, type Symmetry } from './symmetry'

const LINE_SETS = ['rows', 'columns', 'both'] as const

const SYMMETRY_DOCS: Record<Symmetry, string> = {
  rotate_90: 'Rotate a quarter turn clockwise.',
  rotate_180: 'Rotate a half turn.',
  rotate_270: 'Rotate a quarter turn counter-clockwise.',
  flip_horizontal: 'Mirror left to right.',
  flip_vertical: 'Mirror top to bottom.',
  transpose: 'Reflect across the main diagonal (rows become columns).',
  anti_transpose: 'Reflect across the anti-diagonal.'
}

export const GRID_TRANSFORMS: readonly Transform[] = [
  ...SYMMETRIES.map((s) => imageEntry(s, [], SYMMETRY_DOCS[s], (i) => applySymmetry(i, s))),

  imageEntry('crop', [], 'Cut to the bounding box of the non-zero cells.', crop),
  ...LINE_SETS.map((l) => imageEntry('remove_empty', [l], `Drop all-background ${l === 'both' ? 'rows and columns' : l}.`, (i) => removeEmptyLines(i, l))),
  ...LINE_SETS.map((l) =>
    imageEntry('remove_repeats', [l], `Collapse runs of identical ${l === 'both' ? 'rows and columns' : l} to one.`, (i) => removeRepeatedLines(i, l))
  ),

  ...[2, 3, 4].map((k) => imageEntry('scale_up', [k], `Each cell becomes a ${k}x${k} block.`, (i) => scaleUp(i, k, k))),
  imageEntry('scale_up_to_output', [], 'Scale up to the predicted output size when it is a whole multiple.', scaleUpToOutput),
  ...[2, 3].map((k) => imageEntry('scale_down', [k], `Each ${k}x${k} block becomes one cell of its most common colour.`, (i) => scaleDown(i, k, k))),
  imageEntry('scale_down_blocks', [], 'Undo a scale-up: each uniform block (size detected) becomes one cell.', scaleDownByBlocks),

  ...([[2, 1], [1, 2], [2, 2], [3, 3]] as const).map(([nx, ny]) =>
    imageEntry('tile', [nx, ny], `Repeat the image ${nx} across and ${ny} down.`, (i) => tile(i, nx, ny))
  ),
  imageEntry('tile_to_output', [], 'Repeat the image to fill the predicted output size, cut where it overhangs.', tileToOutput),
  ...MIRROR_LAYOUTS.map((m) => imageEntry('mirror_tile', [m], `Tile with mirrored copies (${m.replace('_', ' ')} layout).`, (i) => mirrorTile(i, m))),

  ...DIRECTIONS.map((d) => imageEntry('gravity', [d], `Every non-zero cell falls ${d} until it meets a cell or the edge.`, (i) => gravity(i, d))),

  ...COLOURS.map((c) => imageEntry('keep_colour', [c], `Keep only cells of colour ${c}.`, (i) => keepColour(i, c))),
  ...COLOURS.map((c) => imageEntry('remove_colour', [c], `Cells of colour ${c} become background.`, (i) => removeColour(i, c))),
  ...COLOURS.map((c) => imageEntry('paint', [c], `Paint every non-zero cell colour ${c}.`, (i) => paint(i, c))),
  imageEntry('paint_majority', [], 'Paint every non-zero cell the most common non-zero colour.', paintMajority),
  imageEntry('paint_minority', [], 'Paint every non-zero cell the least common colour present.', paintMinority),
  imageEntry('swap_colours', [], 'Exchange the two non-zero colours of a two-colour image.', swapColours),
  ...COLOURS.map((c) => imageEntry('fill_background', [c], `Background cells become colour ${c}.`, (i) => fillBackground(i, c))),
  imageEntry('invert', [], 'Background becomes the majority colour and every non-zero cell background.', invert),

  imageEntry('outline', [], 'Keep only the outline cells of the shapes (hollow them out).', outline),
  imageEntry('interior', [], 'Keep only the shape cells that are not on an outline.', interior),
  ...COLOURS.map((c) => imageEntry('fill_holes', [c], `Paint enclosed background regions colour ${c}.`, (i) => fillHoles(i, c))),
  imageEntry('fill_holes_surrounding', [], 'Paint each enclosed background region the colour around it.', fillHolesWithSurrounding),
  ...COLOURS.map((c) => imageEntry('frame', [c], `Paint the outermost ring of cells colour ${c}.`, (i) => frame(i, c))),
  ...COLOURS.map((c) => imageEntry('add_border', [c], `Surround the image with a new one-cell ring of colour ${c}.`, (i) => addBorder(i, c))),
  imageEntry('remove_border', [], 'Remove the outermost ring of cells.', removeBorder),

  ...LINE_SETS.map((l) =>
    imageEntry('connect', [l], `Join same-coloured cells on the same ${l === 'both' ? 'row or column' : l.slice(0, -1)} with a line.`, (i) => connect(i, l))
  ),
  ...DIRECTIONS.map((d) => imageEntry('ray', [d], `Extend every non-zero cell ${d} over the background to the next cell or edge.`, (i) => rays(i, [d]))),
  imageEntry('ray', ['cross'], 'Extend every non-zero cell in all four directions over the background.', (i) => rays(i, DIRECTIONS)),
  imageEntry('ray', ['horizontal'], 'Extend every non-zero cell left and right over the background.', (i) => rays(i, ['left', 'right'])),
  imageEntry('ray', ['vertical'], 'Extend every non-zero cell up and down over the background.', (i) => rays(i, ['up', 'down'])),

  imageEntry('embed', [], 'Put the image at its offset on a blank canvas of the predicted output size.', embed),
  imageEntry('centre', [], 'Centre the image on a blank canvas of the predicted output size.', centre),
  imageEntry('to_origin', [], 'Reset the offset to the top-left corner (0, 0).', toOrigin),
  imageEntry('blank_canvas', [], 'A blank canvas of the predicted output size.', blankCanvas),
  imageEntry('majority_cell', [], 'A 1x1 image of the most common non-zero colour.', majorityCell),
  imageEntry('majority_canvas', [], 'A canvas of the predicted output size filled with the most common non-zero colour.', majorityCanvas),

  ...SYMMETRY_AXES.map((a) => imageEntry('complete_symmetry', [a], `Fill background cells from their ${a} mirror cells.`, (i) => completeSymmetry(i, a))),
  imageEntry('denoise', [], 'Remove non-zero cells that touch no other non-zero cell.', denoise)
]
