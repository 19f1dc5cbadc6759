// Reads and parses one JSON file, turning every failure into a reason in words.
import { readFile, stat } from 'node:fs/promises'
import { describeFileError } from './file-errors'

/** Larger files are refused before reading: no ARC file comes near this (the Kaggle files are ~2 MB). */
export const MAX_JSON_FILE_BYTES = 64 * 1024 * 1024

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

export async function readJsonFile(file: string): Promise<JsonRead> {
  let text: string
  try {
    const info = await stat(file)
    if (info.size > MAX_JSON_FILE_BYTES) {
      return { ok: false, reason: `file is ${info.size} bytes, more than the ${MAX_JSON_FILE_BYTES}-byte limit` }
    }
    text = await readFile(file, 'utf8')
  } catch (error) {
    return { ok: false, reason: `cannot read file: ${describeFileError(error)}` }
  }
  return parseJsonText(text)
}

export function parseJsonText(raw: string): JsonRead {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw // a UTF-8 byte-order mark is allowed
  if (text.trim() === '') return { ok: false, reason: 'file is empty: expected a JSON task object' }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    // RangeError covers a parser that runs out of stack on absurdly deep input.
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: `not valid JSON: ${detail}` }
  }
}
