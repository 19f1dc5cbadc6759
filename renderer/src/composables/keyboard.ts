// Shared rules of the keyboard shortcuts: none fire while the user types or holds a modifier.

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** True when a plain key press may act as a shortcut. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false
  if (isTypingTarget(event.target)) return false
  // A modal dialog owns the keyboard while it is open.
  return document.querySelector('dialog[open]') === null
}
