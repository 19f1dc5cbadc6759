// The Adapt form's state: run options from the engine (presets, config schema, models, providers,
// saved task lists), the user's choices, their client-side checks, and starting the run. The
// server checks everything again; its message is kept in `serverError`.
import { computed, reactive, ref, shallowRef, type Ref } from 'vue'
import type { RunOptionsView, StartRunArgs } from '../../../main/api/runs-contract'
import { checkOverrides, type FieldDraft } from '../adapt/config-form'
import { checkSelection, draftFromQuery, parseTags, type SelectionDraft } from '../adapt/task-selection'
import type { ApiSession } from './useApi'

export interface AdaptChoices {
  selection: SelectionDraft
  preset: string
  /** Per config key: null = the preset's value. */
  drafts: Record<string, FieldDraft>
  /** The chosen model's folder ('' = the seeded initial weights). */
  modelDir: string
  provider: string
  name: string
  /** Comma- or space-separated. */
  tags: string
}

export function useAdaptForm(api: ApiSession, dataset: { path: Ref<string | null>; taskIds: Ref<readonly string[] | null> }, initialQuery: { task?: string | null; tasks?: string | null }) {
  const options = shallowRef<RunOptionsView | null>(null)
  const optionsError = ref<string | null>(null)
  const serverError = ref<string | null>(null)
  const starting = ref(false)
  const choices = reactive<AdaptChoices>({ selection: draftFromQuery(initialQuery), preset: '', drafts: {}, modelDir: '', provider: '', name: '', tags: '' })

  async function loadOptions(): Promise<void> {
    const result = await api.call('runOptions', {})
    if (!result.ok) {
      optionsError.value = `Cannot load the run options: ${result.error.message}`
      return
    }
    optionsError.value = null
    const value = result.value
    // The first load picks the default model: modelDir starts as '', which is also the initial
    // weights' dir, so "is the current choice listed" alone would keep the untrained model.
    const firstLoad = options.value === null
    options.value = value
    if (!value.presets.some((p) => p.name === choices.preset)) choices.preset = value.presets.find((p) => p.name === 'ttt')?.name ?? value.presets[0]?.name ?? ''
    if (firstLoad || !value.models.some((m) => m.dir === choices.modelDir)) choices.modelDir = (value.models.find((m) => m.isDefault) ?? value.models[0])?.dir ?? ''
    const available = value.providers.filter((p) => p.available)
    if (!available.some((p) => p.name === choices.provider)) choices.provider = available[0]?.name ?? ''
    if (choices.selection.listPath === '' && value.taskLists[0]) choices.selection.listPath = value.taskLists[0].path
  }

  const preset = computed(() => options.value?.presets.find((p) => p.name === choices.preset))
  const selectionCheck = computed(() => checkSelection(choices.selection, { datasetIds: dataset.taskIds.value, taskLists: options.value?.taskLists ?? [] }))
  const overridesCheck = computed(() => checkOverrides(options.value?.schema ?? [], preset.value, choices.drafts))
  const model = computed(() => options.value?.models.find((m) => m.dir === choices.modelDir))

  /** Everything that stops the Start button, in the order the form shows the fields. */
  const problems = computed(() => {
    const list: string[] = []
    if (options.value === null) list.push(optionsError.value ?? 'loading the run options')
    if (dataset.path.value === null) list.push('open a dataset')
    if (!selectionCheck.value.ok) list.push(selectionCheck.value.error)
    if (options.value !== null && !preset.value) list.push('choose a preset')
    const badFields = Object.keys(overridesCheck.value.errors)
    if (badFields.length > 0) list.push(`fix the override${badFields.length === 1 ? '' : 's'} of ${badFields.join(', ')}`)
    if (options.value !== null && !model.value) list.push('choose a model')
    if (options.value !== null && !options.value.providers.some((p) => p.available && p.name === choices.provider)) list.push('choose an available execution provider')
    return list
  })

  function startArgs(): StartRunArgs | null {
    const path = dataset.path.value
    const selection = selectionCheck.value
    if (problems.value.length > 0 || path === null || !selection.ok) return null
    const name = choices.name.trim()
    const tags = parseTags(choices.tags)
    // An omitted modelDir means the default model; '' names the seeded initial weights.
    const modelDir = model.value && !model.value.isDefault ? model.value.dir : undefined
    return {
      datasetPath: path,
      selection: selection.selection,
      preset: choices.preset,
      overrides: overridesCheck.value.overrides,
      provider: choices.provider,
      ...(modelDir === undefined ? {} : { modelDir }),
      ...(name === '' ? {} : { name }),
      ...(tags.length === 0 ? {} : { tags })
    }
  }

  /** Starts the run; resolves to its id, or null with `serverError` set. */
  async function start(): Promise<string | null> {
    const args = startArgs()
    if (args === null) return null
    starting.value = true
    serverError.value = null
    const result = await api.call('startRun', args)
    starting.value = false
    if (!result.ok) {
      serverError.value = result.error.message
      return null
    }
    return result.value.runId
  }

  function resetOverrides(): void {
    for (const key of Object.keys(choices.drafts)) choices.drafts[key] = null
  }

  return { options, optionsError, choices, preset, model, selectionCheck, overridesCheck, problems, serverError, starting, loadOptions, start, resetOverrides }
}
