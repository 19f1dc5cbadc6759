// Two-key "go to" shortcuts of the app shell, as in Gmail and GitHub: g then t opens Tasks, g then r
// Runs, and so on. Listens in the capture phase so the second key never reaches a view's own keys
// (j/k in a table); a lone g that is not followed within a second is forgotten.
import { onMounted, onUnmounted } from 'vue'
import { isShortcutEvent } from './keyboard'

const PENDING_MS = 1200

export function useGoShortcuts(targets: Readonly<Record<string, () => void>>, onOther?: (key: string) => boolean): void {
  let pendingSince = 0
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!isShortcutEvent(event)) return
    const pending = pendingSince > 0 && Date.now() - pendingSince < PENDING_MS
    pendingSince = 0
    if (pending) {
      const action = targets[event.key]
      if (!action) return
      event.preventDefault()
      event.stopImmediatePropagation()
      action()
      return
    }
    if (event.key === 'g') {
      pendingSince = Date.now()
      return
    }
    if (onOther?.(event.key)) {
      event.preventDefault()
      event.stopImmediatePropagation()
    }
  }
  onMounted(() => window.addEventListener('keydown', onKeyDown, { capture: true }))
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown, { capture: true }))
}
