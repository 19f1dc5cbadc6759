// JSON for people and for byte comparisons: indented like JSON.stringify(value, null, 2), except
// that arrays of numbers stay on one line, so a grid prints as one line per row.
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?\d[\d.e+-]*(?:,\s+-?\d[\d.e+-]*)*)\s+\]/g, (_match, numbers: string) => `[${numbers.split(/,\s+/).join(', ')}]`)
}
