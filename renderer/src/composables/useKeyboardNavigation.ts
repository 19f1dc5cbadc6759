// ArrowDown/j and ArrowUp/k move through the task list, except while the user types in a field.
import { onMounted, onUnmounted } from 'vue'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function useKeyboardNavigation(actions: { next: () => void; previous: () => void }): void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
    const action = event.key === 'ArrowDown' || event.key === 'j' ? actions.next : event.key === 'ArrowUp' || event.key === 'k' ? actions.previous : undefined
    if (!action) return
    event.preventDefault()
    action()
  }
  onMounted(() => window.addEventListener('keydown', onKeyDown))
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown))
}
