// Runtime validators of the run methods' arguments (RunApiMethods). Config overrides are checked
// against the experiment config schema with the engine's own parser, so the wire API and
// `arc-ttt run --set` accept exactly the same values and word their errors the same way.
import type { ApiArgs, ApiMethod } from './contract'
import type { RunApiMethods, StartRunArgs, TaskSelection } from './runs-contract'
import { resolveConfig } from '../engine/experiment/config'
import { ConfigError, parseConfigValue } from '../engine/experiment/config-values'
import { PRESETS } from '../engine/experiment/presets'
import { CONFIG_SCHEMA } from '../engine/experiment/schema'
import { EXECUTION_PROVIDERS } from '../engine/runtime/providers'
import { MAX_PAGE_SIZE, RUN_ORDER_COLUMNS, RUN_STATUSES, type ParamFilterValue, type RunFilter, type RunListQuery } from '../engine/store'
import {
  ArgumentError,
  MAX_PATH_LENGTH,
  MAX_TEXT_LENGTH,
  booleanArg,
  fail,
  integerArg,
  noArgs,
  objectArg,
  oneOfArg,
  optionalString,
  stringArg,
  stringListArg,
  validator
} from './validate-helpers'

export const MAX_TASKS_PER_RUN = 100_000
export const MAX_COMPARED_RUNS = 50
export const MAX_PREVIEW_EXAMPLES = 64
export const MAX_TAGS = 50
export const MAX_NAME_LENGTH = 200
const MAX_SEED = 2 ** 32 - 1

const runIdArg = (obj: Record<string, unknown>) => stringArg(obj.runId, 'runId')
const presetArg = (value: unknown, field: string) => oneOfArg(value, field, Object.keys(PRESETS))
const tagsArg = (value: unknown) => stringListArg(value, 'tags', { maxItems: MAX_TAGS, maxLength: 100 })

function selectionArg(raw: unknown): TaskSelection {
  const kind = objectArg(raw, 'selection', ['kind', 'ids', 'path', 'count', 'seed']).kind
  switch (kind) {
    case 'all':
      objectArg(raw, 'selection', ['kind'])
      return { kind }
    case 'ids': {
      const obj = objectArg(raw, 'selection', ['kind', 'ids'])
      return { kind, ids: stringListArg(obj.ids, 'selection.ids', { minItems: 1, maxItems: MAX_TASKS_PER_RUN }) }
    }
    case 'list': {
      const obj = objectArg(raw, 'selection', ['kind', 'path'])
      return { kind, path: stringArg(obj.path, 'selection.path', { maxLength: MAX_PATH_LENGTH }) }
    }
    case 'random': {
      const obj = objectArg(raw, 'selection', ['kind', 'count', 'seed'])
      const count = integerArg(obj.count, 'selection.count', 1, MAX_TASKS_PER_RUN)
      return { kind, count, seed: integerArg(obj.seed, 'selection.seed', 0, MAX_SEED) }
    }
    default:
      return fail('selection.kind', 'one of all, ids, list, random', kind)
  }
}

/** Every override parsed with the schema's own rules; the error names the key and what it expects. */
export function overridesArg(raw: unknown, preset: string): StartRunArgs['overrides'] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('overrides', 'an object of config key -> value', raw)
  const parsed: Record<string, string | number | boolean | readonly string[]> = {}
  for (const [key, value] of Object.entries(raw)) {
    const spec = CONFIG_SCHEMA.find((s) => s.key === key)
    if (!spec) throw new ArgumentError(`overrides: unknown config key "${key}" (runOptions lists the schema's keys)`)
    try {
      parsed[key] = parseConfigValue(spec, value)
    } catch (error) {
      if (error instanceof ConfigError) throw new ArgumentError(`overrides: ${error.message}`)
      throw error
    }
  }
  // The whole config must resolve too (it does when every key does; this keeps the two in step).
  try {
    resolveConfig(preset, parsed)
  } catch (error) {
    if (error instanceof ConfigError) throw new ArgumentError(`overrides: ${error.message}`)
    throw error
  }
  return parsed
}

function startRunArgs(raw: unknown): StartRunArgs {
  const obj = objectArg(raw, '', ['datasetPath', 'selection', 'preset', 'overrides', 'modelDir', 'provider', 'name', 'tags'])
  const datasetPath = stringArg(obj.datasetPath, 'datasetPath', { maxLength: MAX_PATH_LENGTH })
  const selection = selectionArg(obj.selection)
  const preset = presetArg(obj.preset, 'preset')
  const overrides = overridesArg(obj.overrides ?? {}, preset)
  // '' names the seeded initial weights (ModelView.dir '').
  const modelDir = optionalString(obj.modelDir, 'modelDir', { maxLength: MAX_PATH_LENGTH, allowEmpty: true })
  const provider = oneOfArg(obj.provider, 'provider', EXECUTION_PROVIDERS)
  const name = optionalString(obj.name, 'name', { maxLength: MAX_NAME_LENGTH })
  const tags = obj.tags === undefined ? undefined : tagsArg(obj.tags)
  return {
    datasetPath,
    selection,
    preset,
    overrides,
    provider,
    ...(modelDir === undefined ? {} : { modelDir }),
    ...(name === undefined ? {} : { name }),
    ...(tags === undefined ? {} : { tags })
  }
}

function paramFilterArg(raw: unknown): Record<string, ParamFilterValue> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('filter.params', 'an object of config key -> value', raw)
  const entries = Object.entries(raw)
  if (entries.length > 50) fail('filter.params', 'at most 50 keys', `${entries.length} keys`)
  const params: Record<string, ParamFilterValue> = {}
  for (const [key, value] of entries) {
    const field = `filter.params.${key}`
    if (key.length === 0 || key.length > 200) fail('filter.params', 'keys of 1 to 200 characters', key)
    const shortText = typeof value === 'string' && value.length <= MAX_TEXT_LENGTH
    const ok = value === null || typeof value === 'boolean' || shortText || (typeof value === 'number' && Number.isFinite(value))
    if (!ok) fail(field, 'a string, a finite number, true, false or null', value)
    params[key] = value as ParamFilterValue
  }
  return params
}

function runFilterArg(raw: unknown): RunFilter {
  const obj = objectArg(raw, 'filter', ['text', 'status', 'preset', 'tag', 'params'])
  const text = optionalString(obj.text, 'filter.text', { maxLength: 500, allowEmpty: true })
  const status = obj.status === undefined ? undefined : oneOfArg(obj.status, 'filter.status', RUN_STATUSES)
  const preset = optionalString(obj.preset, 'filter.preset')
  const tag = optionalString(obj.tag, 'filter.tag')
  const params = obj.params === undefined ? undefined : paramFilterArg(obj.params)
  return {
    ...(text === undefined ? {} : { text }),
    ...(status === undefined ? {} : { status }),
    ...(preset === undefined ? {} : { preset }),
    ...(tag === undefined ? {} : { tag }),
    ...(params === undefined ? {} : { params })
  }
}

function listRunsArgs(raw: unknown): RunListQuery {
  const obj = objectArg(raw ?? {}, '', ['limit', 'offset', 'orderBy', 'descending', 'filter'])
  return {
    ...(obj.limit === undefined ? {} : { limit: integerArg(obj.limit, 'limit', 1, MAX_PAGE_SIZE) }),
    ...(obj.offset === undefined ? {} : { offset: integerArg(obj.offset, 'offset', 0, Number.MAX_SAFE_INTEGER) }),
    ...(obj.orderBy === undefined ? {} : { orderBy: oneOfArg(obj.orderBy, 'orderBy', RUN_ORDER_COLUMNS) }),
    ...(obj.descending === undefined ? {} : { descending: booleanArg(obj.descending, 'descending') }),
    ...(obj.filter === undefined ? {} : { filter: runFilterArg(obj.filter) })
  }
}

function runIdsArg(value: unknown, field: string, minItems: number): string[] {
  const ids = stringListArg(value, field, { minItems, maxItems: MAX_COMPARED_RUNS })
  if (ids.length !== (value as unknown[]).length) fail(field, 'a list without repeated run ids', value)
  return ids
}

type RunMethod = keyof RunApiMethods
type Validators = { [M in RunMethod]: (raw: unknown) => ApiArgs<M & ApiMethod> | string }

export const runArgsValidators: Validators = {
  runOptions: noArgs,
  activeRuns: noArgs,
  startRun: validator(startRunArgs),
  listRuns: validator(listRunsArgs),
  cancelRun: validator((raw) => ({ runId: runIdArg(objectArg(raw, '', ['runId'])) })),
  getRun: validator((raw) => ({ runId: runIdArg(objectArg(raw, '', ['runId'])) })),
  deleteRun: validator((raw) => ({ runId: runIdArg(objectArg(raw, '', ['runId'])) })),
  runTaskResults: validator((raw) => ({ runId: runIdArg(objectArg(raw, '', ['runId'])) })),
  resumeRun: validator((raw) => {
    const obj = objectArg(raw, '', ['runId', 'provider'])
    const provider = obj.provider === undefined ? undefined : oneOfArg(obj.provider, 'provider', EXECUTION_PROVIDERS)
    return { runId: runIdArg(obj), ...(provider === undefined ? {} : { provider }) }
  }),
  updateRun: validator((raw) => {
    const obj = objectArg(raw, '', ['runId', 'name', 'tags', 'notes'])
    if (obj.name === undefined && obj.tags === undefined && obj.notes === undefined) {
      throw new ArgumentError('updateRun needs at least one of "name", "tags", "notes"')
    }
    const name = obj.name === undefined ? undefined : stringArg(obj.name, 'name', { maxLength: MAX_NAME_LENGTH })
    if (name !== undefined && name.trim() === '') fail('name', 'a name that is not only spaces', name)
    const notes = optionalString(obj.notes, 'notes', { maxLength: MAX_TEXT_LENGTH, allowEmpty: true })
    const tags = obj.tags === undefined ? undefined : tagsArg(obj.tags)
    const changes = { ...(name === undefined ? {} : { name }), ...(tags === undefined ? {} : { tags }), ...(notes === undefined ? {} : { notes }) }
    return { runId: runIdArg(obj), ...changes }
  }),
  exportRun: validator((raw) => {
    const obj = objectArg(raw, '', ['runId', 'format'])
    return { runId: runIdArg(obj), format: oneOfArg(obj.format, 'format', ['submission', 'csv'] as const) }
  }),
  compareRuns: validator((raw) => ({ runIds: runIdsArg(objectArg(raw, '', ['runIds']).runIds, 'runIds', 1) })),
  lossCurves: validator((raw) => {
    const obj = objectArg(raw, '', ['runId', 'taskId'])
    const taskId = optionalString(obj.taskId, 'taskId')
    return { runId: runIdArg(obj), ...(taskId === undefined ? {} : { taskId }) }
  }),
  taskAcrossRuns: validator((raw) => {
    const obj = objectArg(raw, '', ['datasetPath', 'taskId', 'runIds'])
    const datasetPath = stringArg(obj.datasetPath, 'datasetPath', { maxLength: MAX_PATH_LENGTH })
    return { datasetPath, taskId: stringArg(obj.taskId, 'taskId'), runIds: runIdsArg(obj.runIds, 'runIds', 0) }
  }),
  tttPreview: validator((raw) => {
    const obj = objectArg(raw, '', ['datasetPath', 'taskId', 'preset', 'count'])
    return {
      datasetPath: stringArg(obj.datasetPath, 'datasetPath', { maxLength: MAX_PATH_LENGTH }),
      taskId: stringArg(obj.taskId, 'taskId'),
      preset: presetArg(obj.preset, 'preset'),
      count: integerArg(obj.count, 'count', 1, MAX_PREVIEW_EXAMPLES)
    }
  })
}
