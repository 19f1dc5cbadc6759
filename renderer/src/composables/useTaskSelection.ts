// The selected task, and moving the selection through the (filtered) list.
import { ref, type Ref } from 'vue'
import type { TaskListItem } from '../../../main/api/contract'

export function useTaskSelection(shown: Ref<readonly TaskListItem[]>) {
  const selectedId = ref<string | null>(null)

  /** Moves by `step` through the shown tasks; from no (or a hidden) selection it starts at an end. */
  function move(step: 1 | -1): void {
    const list = shown.value
    if (list.length === 0) return
    const index = list.findIndex((item) => item.id === selectedId.value)
    const next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(index + step, 0), list.length - 1)
    selectedId.value = list[next]!.id
  }

  /** After a dataset (re)opens: keep the selection when the task is still there, else take the first. */
  function keepOrSelectFirst(tasks: readonly TaskListItem[]): void {
    if (!tasks.some((item) => item.id === selectedId.value)) selectedId.value = tasks[0]?.id ?? null
  }

  return {
    selectedId,
    select: (id: string) => void (selectedId.value = id),
    next: () => move(1),
    previous: () => move(-1),
    keepOrSelectFirst
  }
}
