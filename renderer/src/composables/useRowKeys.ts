// Keyboard moves through a table's rows: j/k or the arrows move the cursor, Enter opens the row,
// x or Space toggles its selection, Escape closes what Enter opened. Only while `enabled()`.
import { onMounted, onUnmounted } from 'vue'
import { isShortcutEvent } from './keyboard'

export interface RowKeyActions {
  next(): void
  previous(): void
  open?(): void
  toggle?(): void
  close?(): void
}

export function useRowKeys(actions: RowKeyActions, enabled: () => boolean = () => true): void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!enabled() || !isShortcutEvent(event)) return
    // Enter and Space on a focused button or link keep their own meaning.
    const onControl = event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)
    let action: (() => void) | undefined
    if (event.key === 'j' || event.key === 'ArrowDown') action = actions.next
    else if (event.key === 'k' || event.key === 'ArrowUp') action = actions.previous
    else if (event.key === 'Enter' && !onControl) action = actions.open
    else if (event.key === 'x' || (event.key === ' ' && !onControl)) action = actions.toggle
    else if (event.key === 'Escape') action = actions.close
    if (!action) return
    event.preventDefault()
    action()
  }
  onMounted(() => window.addEventListener('keydown', onKeyDown))
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown))
}
