// The preset names the Runs filter offers, from the engine's run options (empty until they arrive).
import { onMounted, shallowRef } from 'vue'
import type { ApiSession } from './useApi'

export function useRunPresets(api: ApiSession) {
  const presets = shallowRef<string[]>([])
  onMounted(async () => {
    const options = await api.call('runOptions', {})
    if (options.ok) presets.value = options.value.presets.map((p) => p.name)
  })
  return presets
}
