// Small, real runs for the API, host and server tests: a folder of tiny tasks (written here, never
// ../shared), a tiny model saved as a model folder, and a config that runs a task in about a second.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { saveModel } from '../../main/engine/model/model-files'
import { constantOutputTask, tinyModel } from '../engine/experiment/fixtures'

/** A few TTT steps, no augmented inference, short outputs: a task takes about a second on a CPU. */
export const QUICK_OVERRIDES = { 'data.cap': 6, 'ttt.maxSteps': 3, 'ttt.batchSize': 2, 'inference.augment': false, 'inference.maxNewTokens': 12 } as const

const COLOURS = [
  [1, 2, 3, 5],
  [2, 3, 6, 7],
  [1, 5, 8, 9],
  [3, 6, 7, 1],
  [5, 8, 2, 6],
  [7, 9, 1, 3],
  [2, 8, 5, 9],
  [6, 1, 4, 2]
]

export interface RunWorld {
  /** <root>/arc/tasks: the dataset; <root>/arc/levels.csv: its levels; <root>/arc/pick.txt: a list. */
  readonly dataDir: string
  readonly taskIds: readonly string[]
  /** <root>/models with a `tiny` model folder. */
  readonly modelsDir: string
  readonly modelDir: string
  readonly databasePath: string
}

export async function makeRunWorld(root: string, taskCount = 4): Promise<RunWorld> {
  const dataDir = join(root, 'arc', 'tasks')
  mkdirSync(dataDir, { recursive: true })
  const taskIds: string[] = []
  for (const [i, colours] of COLOURS.slice(0, taskCount).entries()) {
    const task = constantOutputTask(`task-${i}`, colours)
    writeFileSync(join(dataDir, `task-${i}.json`), JSON.stringify({ train: task.train, test: task.test }))
    taskIds.push(task.id)
  }
  writeFileSync(join(root, 'arc', 'levels.csv'), `task_id,level\n${taskIds.map((id, i) => `${id},${i % 2 === 0 ? 'easy' : 'hard'}`).join('\n')}\n`)
  writeFileSync(join(root, 'arc', 'pick.txt'), `${taskIds[1]}\n${taskIds[0]}\n`)
  writeFileSync(join(root, 'arc', 'README.txt'), 'Not a task list: it has sentences in it.\n')
  const modelsDir = join(root, 'models')
  const modelDir = join(modelsDir, 'tiny')
  await saveModel(modelDir, tinyModel().config, tinyModel().weights)
  return { dataDir, taskIds, modelsDir, modelDir, databasePath: join(root, 'experiments.sqlite') }
}
