// Which text format a Hugging Face model reads ARC tasks in: a run's config key wins, then the
// model folder's `arc-ttt.json` (`{"textFormat": "marc"}`), then the default (marc's format, the
// one the paper's released checkpoints were trained with).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_HF_TEXT_FORMAT, TEXT_FORMATS } from '../../tokenizer/hf-text-format'

const FOLDER_SETTINGS_FILE = 'arc-ttt.json'

export function chooseTextFormat(dir: string, configured?: string): { name: string; chosenBy: string } {
  const check = (name: string, source: string) => {
    if (!(name in TEXT_FORMATS))
      throw new RangeError(`${source}: unknown text format ${JSON.stringify(name)}; known: ${Object.keys(TEXT_FORMATS).join(', ')}`)
    return { name, chosenBy: source }
  }
  if (configured) return check(configured, 'the run config')
  const settings = join(dir, FOLDER_SETTINGS_FILE)
  if (existsSync(settings)) {
    const json = JSON.parse(readFileSync(settings, 'utf8')) as { textFormat?: unknown }
    if (typeof json.textFormat === 'string') return check(json.textFormat, settings)
  }
  return { name: DEFAULT_HF_TEXT_FORMAT, chosenBy: 'the default for Hugging Face models' }
}
