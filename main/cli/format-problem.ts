// One line per validation problem: `file: task <id> at <path>: <reason>`.
import type { ValidationProblem } from '../engine/arc'

export function formatProblem(problem: ValidationProblem): string {
  const where = [problem.taskId ? `task ${problem.taskId}` : '', problem.path ? `at ${problem.path}` : ''].filter(Boolean).join(' ')
  return `${problem.file}: ${where ? `${where}: ` : ''}${problem.reason}`
}
