// Loading the one task a per-task command works on, through loadDataset so that a bad file gets
// the same messages as `arc-ttt validate`.
import { allProblems, validTasks, type Task } from '../engine/arc'
import { formatProblem } from './format-problem'
import { openDataset } from './open-dataset'

export type OneTask = { readonly ok: true; readonly task: Task } | { readonly ok: false; readonly lines: readonly string[] }

/** The single valid task of `path`, or the lines that say why there is none (for stderr). */
export async function loadOneTask(path: string, command: string): Promise<OneTask> {
  const dataset = await openDataset(path)
  const problems = allProblems(dataset)
  const tasks = validTasks(dataset)
  if (problems.length > 0) return { ok: false, lines: [...problems.map(formatProblem), `arc-ttt ${command}: ${path} is not a valid task file`] }
  if (tasks.length !== 1) {
    return { ok: false, lines: [`arc-ttt ${command}: ${path} holds ${tasks.length} tasks; give one task file (arc-ttt tasks lists a dataset)`] }
  }
  return { ok: true, task: tasks[0]! }
}
