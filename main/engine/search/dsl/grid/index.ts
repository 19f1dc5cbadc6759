// Transformations of one image into another: symmetries, cropping, scaling, tiling, gravity, colours,
// outlines, holes, borders, lines, halves, canvases and repairs. One row (or one row per parameter
// value) per table entry; the functions live in small files by family.
import type { Transform } from '../transform'
import { fillBackground, invert, keepColour, paint, paintMajority, paintMinority, removeColour, swapColours } from './colour'
import { completeSymmetry, denoise, mirrorAround, SYMMETRY_AXES } from './complete'
import { crop, removeEmptyLines, removeRepeatedLines } from './crop'
import { DIRECTIONS } from './directions'
import { COLOURS, imageEntry, variants } from './entry'
import { fractal } from './fractal'
import { gravity } from './gravity'
import { combineHalves, half, HALVES, LOGICS } from './halves'
import { fillHoles, fillHolesWithSurrounding } from './holes'
import { addBorder, frame, interior, outline, removeBorder, surround } from './outline'
import { attract, fallObjects } from './move'
import { periodUnit, repairPattern } from './pattern'
import { repairCovered, uncoverPatch } from './repair'
import { blankCanvas, centre, embed, majorityCanvas, majorityCell, toOrigin } from './place'
import { connect, diagonalRays, rays } from './rays'
import { scaleDown, scaleDownByBlocks, scaleDownToOutput, scaleUp, scaleUpToOutput } from './scale'
import { shift } from './shift'
import { completeCopies, paintSilhouettes, stampOnMarkers } from './stamp'
import { coloursByCount, coloursInOrder, histogram, LINES, windowOf, WINDOWS } from './summary'
import { applySymmetry, SYMMETRIES, type Symmetry } from './symmetry'
import { MIRROR_LAYOUTS, mirrorTile, tile, tileToOutput } from './tile'

export { crop } from './crop'
export { applySymmetry, type Symmetry } from './symmetry'

const SYMMETRY_DOCS: Record<Symmetry, string> = {
  rotate_90: 'Rotate a quarter turn clockwise.',
  rotate_180: 'Rotate a half turn.',
  rotate_270: 'Rotate a quarter turn counter-clockwise.',
  flip_horizontal: 'Mirror left to right.',
  flip_vertical: 'Mirror top to bottom.',
  transpose: 'Reflect across the main diagonal (rows become columns).',
  anti_transpose: 'Reflect across the anti-diagonal.'
}

const ALL_COLOURS = [0, ...COLOURS]
const LINE_SETS = ['rows', 'columns', 'both'] as const
const lineWords = (lines: (typeof LINE_SETS)[number]): string => (lines === 'both' ? 'rows and columns' : lines)
const TILINGS = ['2x1', '1x2', '2x2', '3x3'] as const
const SPLITS = ['columns', 'rows'] as const
const splitWords = (split: (typeof SPLITS)[number]): string => (split === 'columns' ? 'left and right' : 'top and bottom')
const splitName = (split: (typeof SPLITS)[number]): string => (split === 'columns' ? 'combine_left_right' : 'combine_top_bottom')

export const GRID_TRANSFORMS: readonly Transform[] = [
  ...SYMMETRIES.map((s) => imageEntry(s, [], SYMMETRY_DOCS[s], (i) => applySymmetry(i, s))),

  imageEntry('crop', [], 'Cut to the bounding box of the non-zero cells.', crop),
  ...variants('remove_empty', LINE_SETS, (l) => `Drop all-background ${lineWords(l)}.`, removeEmptyLines),
  ...variants('remove_repeats', LINE_SETS, (l) => `Collapse runs of identical ${lineWords(l)} to one.`, removeRepeatedLines),

  ...variants(
    'scale_up',
    [2, 3, 4],
    (k) => `Each cell becomes a ${k}x${k} block.`,
    (i, k) => scaleUp(i, k, k)
  ),
  imageEntry('scale_up_to_output', [], 'Scale up to the predicted output size when it is a whole multiple.', scaleUpToOutput),
  ...variants(
    'scale_down',
    [2, 3],
    (k) => `Each ${k}x${k} block becomes one cell of its most common colour.`,
    (i, k) => scaleDown(i, k, k)
  ),
  imageEntry('scale_down_to_output', [], 'Scale down to the predicted output size when it divides this one.', scaleDownToOutput),
  imageEntry('scale_down_blocks', [], 'Undo a scale-up: each uniform block (size detected) becomes one cell.', scaleDownByBlocks),

  ...TILINGS.map((t) => {
    const [across, down] = t.split('x').map(Number) as [number, number]
    return imageEntry('tile', [across, down], `Repeat the image ${across} across and ${down} down.`, (i) => tile(i, across, down))
  }),
  imageEntry('period_unit', [], 'The repeating unit of a periodic image (the inverse of tiling).', periodUnit),
  imageEntry('tile_to_output', [], 'Repeat the image to fill the predicted output size, cut where it overhangs.', tileToOutput),
  ...variants('mirror_tile', MIRROR_LAYOUTS, (m) => `Tile with mirrored or turned copies (${m.replace('_', ' ')} layout).`, mirrorTile),
  imageEntry('fractal', ['set'], 'Each set cell becomes a copy of the whole image, each background cell a blank block.', (i) =>
    fractal(i, 'set')
  ),
  imageEntry('fractal', ['background'], 'Each background cell becomes a copy of the whole image, each set cell a blank block.', (i) =>
    fractal(i, 'background')
  ),

  ...variants('gravity', DIRECTIONS, (d) => `Every non-zero cell falls ${d} until it meets a cell or the edge.`, gravity),
  ...variants('fall_objects', DIRECTIONS, (d) => `Every object falls ${d} as a rigid shape until it lands.`, fallObjects),
  ...variants('attract', COLOURS, (c) => `Every other object slides straight toward colour ${c} until it touches it.`, attract),
  ...variants('shift', DIRECTIONS, (d) => `Move the whole content one cell ${d}; what passes the edge is lost.`, shift),

  ...variants('keep_colour', COLOURS, (c) => `Keep only cells of colour ${c}.`, keepColour),
  ...variants('remove_colour', COLOURS, (c) => `Cells of colour ${c} become background.`, removeColour),
  ...variants('paint', COLOURS, (c) => `Paint every non-zero cell colour ${c}.`, paint),
  imageEntry('paint_majority', [], 'Paint every non-zero cell the most common non-zero colour.', paintMajority),
  imageEntry('paint_minority', [], 'Paint every non-zero cell the least common colour present.', paintMinority),
  imageEntry('swap_colours', [], 'Exchange the two non-zero colours of a two-colour image.', swapColours),
  ...variants('fill_background', COLOURS, (c) => `Background cells become colour ${c}.`, fillBackground),
  imageEntry('invert', [], 'Background becomes the majority colour and every non-zero cell background.', invert),

  imageEntry('outline', [], 'Keep only the outline cells of the shapes (hollow them out).', outline),
  imageEntry('interior', [], 'Keep only the shape cells that are not on an outline.', interior),
  ...variants('fill_holes', COLOURS, (c) => `Paint enclosed background regions colour ${c}.`, fillHoles),
  ...variants('surround', COLOURS, (c) => `Paint background cells touching a shape (8 neighbours) colour ${c}.`, surround),
  imageEntry('fill_holes_surrounding', [], 'Paint each enclosed background region the colour around it.', fillHolesWithSurrounding),
  ...variants('frame', COLOURS, (c) => `Paint the outermost ring of cells colour ${c}.`, frame),
  ...variants('add_border', COLOURS, (c) => `Surround the image with a new one-cell ring of colour ${c}.`, addBorder),
  imageEntry('remove_border', [], 'Remove the outermost ring of cells.', removeBorder),

  ...variants('connect', LINE_SETS, (l) => `Join same-coloured cells on the same ${lineWords(l)} with lines.`, connect),
  ...variants(
    'ray',
    DIRECTIONS,
    (d) => `Extend every non-zero cell ${d} over the background to the next cell or edge.`,
    (i, d) => rays(i, [d])
  ),
  imageEntry('ray', ['cross'], 'Extend every non-zero cell in all four directions over the background.', (i) => rays(i, DIRECTIONS)),
  imageEntry('ray', ['horizontal'], 'Extend every non-zero cell left and right over the background.', (i) => rays(i, ['left', 'right'])),
  imageEntry('ray', ['vertical'], 'Extend every non-zero cell up and down over the background.', (i) => rays(i, ['up', 'down'])),
  imageEntry('ray', ['diagonal'], 'Extend every non-zero cell along its four diagonals over the background.', diagonalRays),

  ...variants('half', HALVES, (h) => `The ${h} half (an odd middle line is taken for a separator and dropped).`, half),
  ...SPLITS.flatMap((split) =>
    variants(
      splitName(split),
      LOGICS,
      (logic) => `Combine the ${splitWords(split)} halves cell by cell (${logic}).`,
      (i, logic) => combineHalves(i, split, logic)
    )
  ),

  imageEntry('embed', [], 'Put the image at its offset on a blank canvas of the predicted output size.', embed),
  imageEntry('centre', [], 'Centre the image on a blank canvas of the predicted output size.', centre),
  imageEntry('to_origin', [], 'Reset the offset to the top-left corner (0, 0).', toOrigin),
  imageEntry('blank_canvas', [], 'A blank canvas of the predicted output size.', blankCanvas),
  // Summaries fit small outputs by accident more often than the rest: they cost more, so they rank
  // behind other programs that explain as much.
  ...variants('window', WINDOWS, (w) => `The ${w.replace('_', ' ')} part of the predicted output size.`, windowOf, 2),
  ...variants('colours_by_count', LINES, (l) => `The non-zero colours, most common first, as a ${l}.`, coloursByCount, 2),
  ...variants('colours_in_order', LINES, (l) => `The non-zero colours in the order they first appear, as a ${l}.`, coloursInOrder, 2),
  imageEntry('histogram', [], 'One column per non-zero colour, most common first, as tall as its count.', histogram, 2),
  imageEntry('majority_cell', [], 'A 1x1 image of the most common non-zero colour.', majorityCell),
  imageEntry('majority_canvas', [], 'A canvas of the predicted output size filled with the most common non-zero colour.', majorityCanvas),

  ...variants('complete_symmetry', SYMMETRY_AXES, (a) => `Fill background cells from their ${a} mirror cells.`, completeSymmetry),
  ...variants('mirror_around', COLOURS, (c) => `Fill background cells from their mirrors about colour ${c}'s centre.`, mirrorAround),
  imageEntry('repair_pattern', [], 'Fill background cells from the smallest period of the other cells.', repairPattern),
  imageEntry('denoise', [], 'Remove non-zero cells that touch no other non-zero cell.', denoise),
  imageEntry('complete_copies', [], 'Complete each fragment of a multicolour template where one placement fits.', (i) => completeCopies(i)),
  imageEntry('complete_turned_copies', [], 'The same, with the template turned or reflected.', (i) => completeCopies(i, true)),
  imageEntry('stamp_on_markers', [], 'Stamp the one multicolour template centred on every lone one-cell object.', stampOnMarkers),
  imageEntry('paint_silhouettes', [], 'Paint every one-colour object of a template shape as that template.', paintSilhouettes),
  ...variants('repair', ALL_COLOURS, (m) => `Paint colour ${m}'s cells from the mirrors, turns and shifts the rest obeys.`, repairCovered),
  ...variants('uncover', ALL_COLOURS, (m) => `What lies under colour ${m}: its bounding box in the repaired image.`, uncoverPatch)
]
