// The canonical ARC colour palette, indexed by cell value 0..9.
export const ARC_PALETTE: readonly string[] = [
  '#000000', // 0 black
  '#0074D9', // 1 blue
  '#FF4136', // 2 red
  '#2ECC40', // 3 green
  '#FFDC00', // 4 yellow
  '#AAAAAA', // 5 grey
  '#F012BE', // 6 magenta
  '#FF851B', // 7 orange
  '#7FDBFF', // 8 sky blue
  '#870C25' // 9 maroon
]

export function colorOf(cell: number): string {
  return ARC_PALETTE[cell] ?? '#FFFFFF'
}
