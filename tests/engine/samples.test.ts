// The bundled sample tasks: generated deterministically, committed byte for byte as generated,
// valid, and consistent with the rules that made them; plus small hand-checked cases per rule.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allProblems, gridKey, gridsEqual, loadDataset, makeGrid, validTasks, type Grid, type Task } from '../../main/engine/arc'
import { formatTaskJson, generateSampleTasks, writeSampleTasks, SAMPLE_SEED } from '../../main/engine/samples/generate'
import { createRng, deriveSeed } from '../../main/engine/random'
import { SAMPLE_RULES, sampleRule } from '../../main/engine/samples/rules'

const SAMPLE_TASKS_DIR = fileURLToPath(new URL('../../resources/sample-tasks', import.meta.url))

/** Applies a rule by id to a grid written as strings of digits ('.' for 0), giving strings back. */
function run(id: string, rows: readonly string[]): string[] {
  const input = makeGrid(rows.map((row) => [...row].map((ch) => (ch === '.' ? 0 : Number(ch)))))
  return sampleRule(id).apply(input).map((row) => row.map((cell) => (cell === 0 ? '.' : String(cell))).join(''))
}

function examples(task: Task): { input: Grid; output?: Grid }[] {
  return [...task.train, ...task.test]
}

describe('random', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, createRng(seed).next)
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
  })

  it('keeps int within its bounds, both ends reachable', () => {
    const rng = createRng(1)
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)))
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })

  it('shuffles into a permutation without changing its argument', () => {
    const items = [1, 2, 3, 4, 5, 6]
    const shuffled = createRng(3).shuffle(items)
    expect(items).toEqual([1, 2, 3, 4, 5, 6])
    expect([...shuffled].sort()).toEqual(items)
  })

  it('rejects bad arguments with the bad value in the message', () => {
    expect(() => createRng(1.5)).toThrow(/1\.5/)
    expect(() => createRng(1).int(5, 2)).toThrow(/min 5, max 2/)
    expect(() => createRng(1).pick([])).toThrow(/non-empty/)
  })

  it('derives different seeds from different parts', () => {
    expect(deriveSeed(2024, 'gravity')).toBe(deriveSeed(2024, 'gravity'))
    expect(deriveSeed(2024, 'gravity')).not.toBe(deriveSeed(2024, 'denoise'))
    expect(deriveSeed(2024, 'gravity')).not.toBe(deriveSeed(2025, 'gravity'))
  })
})

describe('generateSampleTasks', () => {
  const tasks = generateSampleTasks()

  it('makes 20 tasks with unique kebab-case ids, 3-5 demonstrations and 1-2 tests', () => {
    expect(tasks).toHaveLength(20)
    expect(new Set(tasks.map((t) => t.id)).size).toBe(20)
    for (const task of tasks) {
      expect(task.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(task.train.length).toBeGreaterThanOrEqual(3)
      expect(task.train.length).toBeLessThanOrEqual(5)
      expect(task.test.length).toBeGreaterThanOrEqual(1)
    }
    expect(tasks.filter((t) => t.test.length === 2).map((t) => t.id)).toHaveLength(2)
  })

  it('is deterministic: the same seed gives the same tasks', () => {
    expect(generateSampleTasks(SAMPLE_SEED)).toEqual(tasks)
  })

  it('gives different inputs for a different seed', () => {
    const other = generateSampleTasks(SAMPLE_SEED + 1)
    tasks.forEach((task, i) => {
      expect(gridsEqual(other[i]!.train[0]!.input, task.train[0]!.input), task.id).toBe(false)
    })
  })

  it('never repeats an input within a task, and every output differs from its input', () => {
    for (const task of tasks) {
      const keys = examples(task).map((e) => gridKey(e.input))
      expect(new Set(keys).size, task.id).toBe(keys.length)
      for (const example of examples(task)) expect(gridsEqual(example.input, example.output!), task.id).toBe(false)
    }
  })

  it('varies the input size within most tasks', () => {
    const varied = tasks.filter((task) => new Set(examples(task).map((e) => `${e.input.length}x${e.input[0]!.length}`)).size > 1)
    expect(varied.length).toBeGreaterThanOrEqual(18)
  })

  it('formats tasks as ARC JSON with one grid row per line', () => {
    const text = formatTaskJson(tasks[0]!)
    const { train, test } = tasks[0]!
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ train, test })))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain(`        [${train[0]!.input[0]!.join(', ')}],\n`)
  })
})

describe('resources/sample-tasks', () => {
  let regenerated: string

  beforeAll(async () => {
    regenerated = await mkdtemp(join(tmpdir(), 'arc-ttt-samples-'))
    await writeSampleTasks(regenerated)
  })

  afterAll(async () => {
    await rm(regenerated, { recursive: true, force: true })
  })

  it('holds exactly the generated files, byte for byte (regenerate with `arc-ttt make-samples`)', async () => {
    const committed = (await readdir(SAMPLE_TASKS_DIR)).sort()
    const generated = (await readdir(regenerated)).sort()
    expect(committed).toEqual(generated)
    for (const name of generated) {
      const [want, got] = await Promise.all([readFile(join(regenerated, name), 'utf8'), readFile(join(SAMPLE_TASKS_DIR, name), 'utf8')])
      expect(got, name).toBe(want)
    }
  })

  it('loads as 20 valid tasks with no problems', async () => {
    const dataset = await loadDataset(SAMPLE_TASKS_DIR)
    expect(allProblems(dataset)).toEqual([])
    expect(validTasks(dataset)).toHaveLength(20)
  })

  it('stores outputs that each rule reproduces from the stored inputs', async () => {
    const tasks = validTasks(await loadDataset(SAMPLE_TASKS_DIR))
    expect(tasks.map((t) => t.id).sort()).toEqual(SAMPLE_RULES.map((r) => r.id).sort())
    for (const task of tasks) {
      const rule = sampleRule(task.id)
      for (const example of examples(task)) {
        expect(example.output, task.id).toBeDefined()
        expect(rule.apply(example.input), task.id).toEqual(example.output)
        expect(gridsEqual(example.input, example.output!), task.id).toBe(false)
      }
    }
  })
})

describe('sample rules on hand-written grids', () => {
  it('leave their input unchanged (apply is pure)', () => {
    for (const rule of SAMPLE_RULES) {
      const rows = rule.makeInput(createRng(5))
      const before = JSON.stringify(rows)
      rule.apply(makeGrid(rows))
      expect(JSON.stringify(rows), rule.id).toBe(before)
    }
  })

  it('flip, rotate and transpose', () => {
    expect(run('flip-horizontal', ['12.', '3..'])).toEqual(['.21', '..3'])
    expect(run('flip-vertical', ['12.', '3..'])).toEqual(['3..', '12.'])
    expect(run('rotate-90', ['12.', '3..'])).toEqual(['31', '.2', '..'])
    expect(run('transpose', ['12.', '3..'])).toEqual(['13', '2.', '..'])
  })

  it('upscale, tile and mirror-concatenate', () => {
    expect(run('upscale-2x', ['1.', '.2'])).toEqual(['11..', '11..', '..22', '..22'])
    expect(run('upscale-3x', ['12'])).toEqual(['111222', '111222', '111222'])
    expect(run('tile-2x2', ['1.', '.2'])).toEqual(['1.1.', '.2.2', '1.1.', '.2.2'])
    expect(run('mirror-concatenate', ['12.', '3..'])).toEqual(['12..21', '3....3'])
  })

  it('colour rules', () => {
    expect(run('colour-map', ['1234', '5.12'])).toEqual(['2143', '5.21'])
    expect(run('invert', ['6.6', '..6'])).toEqual(['.6.', '66.'])
    expect(run('keep-most-frequent-colour', ['113', '21.', '3..'])).toEqual(['11.', '.1.', '...'])
    expect(run('count-to-bar', ['.7.', '7..', '..7'])).toEqual(['777'])
  })

  it('line rules', () => {
    expect(run('horizontal-lines', ['....', '.3..', '....', '...5'])).toEqual(['....', '3333', '....', '5555'])
    // The 2s join; the row with two different colours and the lone 4 stay as they are.
    expect(run('connect-pairs', ['2...2.', '1..3..', '..4...'])).toEqual(['22222.', '1..3..', '..4...'])
    expect(run('draw-border', ['....', '.3..', '....'])).toEqual(['8888', '83.8', '8888'])
  })

  it('gravity drops cells in each column onto the floor, keeping their order', () => {
    expect(run('gravity', ['1.2', '.3.', '2..', '...'])).toEqual(['...', '...', '1..', '232'])
  })

  it('fill-enclosed fills closed outlines only', () => {
    const input = ['.....3333', '.222.3..3', '.2.2.3.33', '.222.....', '.........']
    const output = ['.....3333', '.222.3..3', '.242.3.33', '.222.....', '.........']
    expect(run('fill-enclosed', input)).toEqual(output)
    // A closed outline against the grid's edge still encloses its inside.
    expect(run('fill-enclosed', ['111', '1.1', '111'])).toEqual(['111', '141', '111'])
  })

  it('recolour-largest-object recolours only the biggest object', () => {
    expect(run('recolour-largest-object', ['55..5', '5...5', '....5', '5...5'])).toEqual(['55..2', '5...2', '....2', '5...2'])
  })

  it('crop-to-content cuts to the bounding box of the coloured cells', () => {
    expect(run('crop-to-content', ['.....', '..1..', '...2.', '.....'])).toEqual(['1.', '.2'])
  })

  it('denoise removes pixels with no coloured neighbour, even diagonally', () => {
    expect(run('denoise', ['3....', '..11.', '..1..', '....2', '2...3'])).toEqual(['.....', '..11.', '..1..', '....2', '....3'])
    // Two cells touching only at a corner are not lone pixels.
    expect(run('denoise', ['1...', '.1..', '...2'])).toEqual(['1...', '.1..', '....'])
  })
})
