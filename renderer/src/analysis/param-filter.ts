// The Runs view's "any param" filter: text such as `ttt.loraRank=8 data.cap=32` parsed into the
// store's param filter. Pairs are separated by spaces, commas or semicolons that come before the
// next `key=`, so a value may itself hold commas or spaces (`ttt.lora.targets=["q","v"]`).
import type { ParamFilterValue } from '../../../main/engine/store/types'

export type ParamFilterParse =
  | { readonly ok: true; readonly params: Readonly<Record<string, ParamFilterValue>> }
  | { readonly ok: false; readonly message: string }

const KEY = /^[A-Za-z_][\w.-]*$/
const PAIR_SEPARATOR = /[\s,;]+(?=[A-Za-z_][\w.-]*\s*=)/

/** `true`, `false` and `null` as such, a number as a number, "quoted" or anything else as text. */
export function parseParamValue(text: string): ParamFilterValue {
  if (text === 'true') return true
  if (text === 'false') return false
  if (text === 'null') return null
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1)
  const number = Number(text)
  return text !== '' && Number.isFinite(number) ? number : text
}

export function parseParamFilter(text: string): ParamFilterParse {
  const trimmed = text.trim().replace(/[\s,;]+$/, '')
  if (trimmed === '') return { ok: true, params: {} }
  const params: Record<string, ParamFilterValue> = {}
  for (const pair of trimmed.split(PAIR_SEPARATOR)) {
    const equals = pair.indexOf('=')
    if (equals < 0) return { ok: false, message: `param filter "${pair}" must look like key=value, e.g. ttt.loraRank=8` }
    const key = pair.slice(0, equals).trim()
    const value = pair.slice(equals + 1).trim()
    if (!KEY.test(key)) return { ok: false, message: `param filter key "${key}" must be a config key such as ttt.loraRank` }
    if (value === '') return { ok: false, message: `param filter ${key}= needs a value` }
    params[key] = parseParamValue(value)
  }
  return { ok: true, params }
}

/** Back to text, for the filter field of a deep link. */
export function formatParamFilter(params: Readonly<Record<string, ParamFilterValue>>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${typeof value === 'string' && parseParamValue(value) !== value ? `"${value}"` : String(value)}`)
    .join(' ')
}
