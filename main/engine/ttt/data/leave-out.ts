// Cutting in-context training tasks out of a task's demonstrations (recipe section 3). Only the
// demonstrations are used: the real test pairs never enter the TTT data.
import type { Pair } from '../../arc/types'
import type { TttSource } from './types'

/** A task cut from the demonstrations, before any augmentation. */
export interface LeaveOutTask {
  readonly source: TttSource
  /** The demonstration used as the test pair, then (leave-two-out) the one dropped besides. */
  readonly leaveOut: readonly number[]
  /** The demonstrations kept in context, by index, in their original order. */
  readonly demonstrationOrder: readonly number[]
  readonly demonstrations: readonly Pair[]
  readonly test: Pair
}

function cut(train: readonly Pair[], source: TttSource, leaveOut: readonly number[], kept: readonly number[]): LeaveOutTask {
  return { source, leaveOut, demonstrationOrder: kept, demonstrations: kept.map((i) => train[i]!), test: train[leaveOut[0]!]! }
}

function indicesExcept(count: number, excluded: readonly number[]): number[] {
  return Array.from({ length: count }, (_, i) => i).filter((i) => !excluded.includes(i))
}

/**
 * K tasks: demonstration i as the test, the other K-1 in their original order as context. Needs
 * K >= 2: a task with no demonstrations in context is what `direct-io` is for.
 */
export function leaveOneOutTasks(train: readonly Pair[]): LeaveOutTask[] {
  if (train.length < 2) return []
  return train.map((_, test) => cut(train, 'leave-one-out', [test], indicesExcept(train.length, [test])))
}

/**
 * K(K-1) tasks, as marc's `get_test_time_train_data(n=2)`: for each test demonstration i, one task
 * per other demonstration j dropped, K-2 demonstrations kept in order. Needs K-2 >= 1.
 */
export function leaveTwoOutTasks(train: readonly Pair[]): LeaveOutTask[] {
  if (train.length < 3) return []
  return train.flatMap((_, test) =>
    indicesExcept(train.length, [test]).map((dropped) =>
      cut(train, 'leave-two-out', [test, dropped], indicesExcept(train.length, [test, dropped]))
    )
  )
}

/** K tasks with no context: demonstration i alone, as the test pair. */
export function directIoTasks(train: readonly Pair[]): LeaveOutTask[] {
  return train.map((_, test) => cut(train, 'direct-io', [test], []))
}

export function leaveOutTasks(train: readonly Pair[], source: TttSource): LeaveOutTask[] {
  switch (source) {
    case 'leave-one-out':
      return leaveOneOutTasks(train)
    case 'leave-two-out':
      return leaveTwoOutTasks(train)
    case 'direct-io':
      return directIoTasks(train)
    default:
      throw new RangeError(`unknown TTT source ${JSON.stringify(source satisfies never)}`)
  }
}
