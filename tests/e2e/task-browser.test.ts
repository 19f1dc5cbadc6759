// End to end: the real `arc-ttt serve` on the bundled sample tasks plus one malformed file, driven
// through headless Chromium. Checks the task list, the grid colours against the task files, keyboard
// navigation, the invalid file's error, the refused state for a bad token, and saves a screenshot.
// Needs the built renderer (`npx electron-vite build`; `npm test` builds first) and Chromium (tests/e2e/chromium.ts).
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataset, summarizeTask, taskGrids, type Dataset, type Grid, type Task, type TaskSummary } from '../../main/engine/arc'
import { CHROMIUM, CHROMIUM_FLAGS, requireChromium } from './chromium'
import { PROJECT_ROOT, startServe, type ServeProcess } from './serve-process'

const SAMPLES = join(PROJECT_ROOT, 'resources', 'sample-tasks')
const SCREENSHOT = join(PROJECT_ROOT, 'test-output', 'task-browser.png')
const BROKEN_FILE = 'zz-broken-task.json'
/** The ARC palette as Chromium reports computed colours. */
const PALETTE_RGB = ['#000000', '#0074D9', '#FF4136', '#2ECC40', '#FFDC00', '#AAAAAA', '#F012BE', '#FF851B', '#7FDBFF', '#870C25'].map((hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
})

let temp: string
let dataDir: string
let dataset: Dataset
let serve: ServeProcess
let context: BrowserContext
let page: Page
const pageErrors: string[] = []

const selectedId = (): Promise<string | null> => page.locator('[data-testid="task-item"][aria-selected="true"]').first().getAttribute('data-task-id')
const validTasks = (): Task[] => dataset.entries.flatMap((e) => (e.task ? [e.task] : []))

/** Every grid of the task view: its size attribute, its cell values and its cells' computed colours. */
function readGrids(): Promise<{ size: string; values: number[]; colors: string[] }[]> {
  // Runs in the page; typed without the DOM library, which the Node-side type-check does not load.
  return page.$$eval('[data-testid="task-view"] [data-testid="grid"]', (grids) => {
    const style = globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }
    return grids.map((grid) => {
      const cells = Array.from(grid.children as ArrayLike<{ getAttribute(name: string): string | null }>)
      return {
        size: grid.getAttribute('data-size') ?? '',
        values: cells.map((c) => Number(c.getAttribute('data-color'))),
        colors: cells.map((c) => style.getComputedStyle(c).backgroundColor)
      }
    })
  })
}

async function openTask(id: string): Promise<void> {
  await page.locator(`[data-testid="task-item"][data-task-id="${id}"]`).click()
  await expect.poll(() => page.getByTestId('task-title').textContent()).toContain(id)
}

beforeAll(async () => {
  if (!existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('the renderer is not built (out/renderer/index.html is missing): run `npx electron-vite build` (npm test does) before this test')
  }
  requireChromium()
  temp = await mkdtemp(join(tmpdir(), 'arc-ttt-e2e-'))
  dataDir = join(temp, 'tasks')
  await mkdir(dataDir)
  const sampleFiles = (await readdir(SAMPLES)).filter((f) => f.endsWith('.json'))
  if (sampleFiles.length === 0) throw new Error(`no sample tasks in ${SAMPLES}`)
  for (const file of sampleFiles) await copyFile(join(SAMPLES, file), join(dataDir, file))
  // A ragged grid: a problem with a file, a JSON path and a reason.
  await writeFile(join(dataDir, BROKEN_FILE), JSON.stringify({ train: [{ input: [[1, 2], [3]], output: [[0]] }], test: [{ input: [[7]] }] }))
  dataset = await loadDataset(dataDir)

  serve = await startServe(['--port', '0', '--data', dataDir], { ...process.env, ARC_TTT_HOME: join(temp, 'home') })
  context = await chromium.launchPersistentContext(join(temp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 }
  })
  page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(10_000)
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console error: ${message.text()}`)
  })
  await page.goto(serve.pageUrl)
})

afterAll(async () => {
  await context?.close()
  const code = await serve?.stop()
  if (temp) await rm(temp, { recursive: true, force: true })
  expect(code ?? 0).toBe(0)
})

describe('task browser in headless Chromium', () => {
  it('opens the --data dataset and lists every task, the malformed one marked invalid', async () => {
    const items = page.getByTestId('task-item')
    await expect.poll(() => items.count()).toBe(dataset.entries.length)
    expect(await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id')))).toEqual(dataset.entries.map((e) => e.id))
    const total = dataset.entries.length
    expect(await page.getByTestId('task-count').textContent()).toBe(`${total} of ${total} shown`)
    expect(await page.getByTestId('count-valid').textContent()).toBe(`${total - 1} valid`)
    expect(await page.getByTestId('count-invalid').textContent()).toBe('1 invalid')
    expect(await page.getByTestId('fingerprint').textContent()).toBe(`#${dataset.fingerprint.slice(0, 12)}`)

    const broken = page.locator('[data-testid="task-item"][data-valid="false"]')
    expect(await broken.count()).toBe(1)
    expect(await broken.getAttribute('data-task-id')).toBe('zz-broken-task')
    expect(await broken.getByTestId('invalid-tag').isVisible()).toBe(true)
    const problem = dataset.entries.find((e) => !e.task)!.problems[0]!
    expect(await broken.getByTestId('task-problem-hint').textContent()).toContain(problem.reason)
    const listed = await page.getByTestId('dataset-problems').textContent()
    expect(listed).toContain(BROKEN_FILE)
    expect(listed).toContain(problem.path)
    expect(listed).toContain(problem.reason)
  })

  it('draws every grid of a clicked task with the ARC palette', async () => {
    // Check each valid task: sizes, cell values and computed colours must match the task file.
    for (const task of validTasks()) {
      await openTask(task.id)
      const expected: Grid[] = taskGrids(task)
      await expect.poll(async () => (await readGrids()).length).toBe(expected.length)
      const grids = await readGrids()
      grids.forEach((grid, i) => {
        const want = expected[i]!
        expect(grid.size, `${task.id} grid ${i}`).toBe(`${want.length}x${want[0]!.length}`)
        const cells = want.flat()
        expect(grid.values, `${task.id} grid ${i}`).toEqual(cells)
        expect(grid.colors, `${task.id} grid ${i}`).toEqual(cells.map((c) => PALETTE_RGB[c]))
      })
      const captions = await page.locator('[data-testid="task-view"] figcaption').allTextContents()
      expect(captions.map((c) => c.trim().split(' ').at(-1))).toEqual(expected.map((g) => `${g.length}x${g[0]!.length}`))
    }
  })

  it('moves the selection with ArrowDown/ArrowUp and j/k, but not while typing', async () => {
    const ids = dataset.entries.map((e) => e.id)
    await openTask(ids[0]!)
    await page.getByTestId('task-list').focus()
    await page.keyboard.press('ArrowDown')
    expect(await selectedId()).toBe(ids[1])
    await page.keyboard.press('j')
    expect(await selectedId()).toBe(ids[2])
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain(ids[2]!)
    await page.keyboard.press('k')
    expect(await selectedId()).toBe(ids[1])
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await selectedId()).toBe(ids[0])

    // Typed into the search field, j and ArrowDown are text and caret moves, not navigation.
    await page.getByTestId('task-search').focus()
    await page.keyboard.press('j')
    await page.keyboard.press('ArrowDown')
    expect(await page.getByTestId('task-search').inputValue()).toBe('j')
    await page.getByTestId('task-search').fill('')
    await expect.poll(() => page.getByTestId('task-item').count()).toBe(ids.length)
    expect(await selectedId()).toBe(ids[0])

    // To the end of the list: the selected row is scrolled into view.
    await page.getByTestId('task-list').focus()
    for (let i = 0; i < ids.length; i += 1) await page.keyboard.press('ArrowDown')
    expect(await selectedId()).toBe(ids.at(-1))
    const list = (await page.getByTestId('task-list').boundingBox())!
    const row = (await page.locator('[data-testid="task-item"][aria-selected="true"]').boundingBox())!
    expect(row.y).toBeGreaterThanOrEqual(list.y - 1)
    expect(row.y + row.height).toBeLessThanOrEqual(list.y + list.height + 1)
  })

  it('shows the invalid file with its file, JSON path and reason', async () => {
    await openTask('zz-broken-task')
    const problems = page.getByTestId('task-problems')
    await problems.waitFor()
    const entry = dataset.entries.find((e) => !e.task)!
    const shown = await problems.getByTestId('problem').allTextContents()
    expect(shown).toHaveLength(entry.problems.length)
    entry.problems.forEach((problem, i) => {
      expect(shown[i]).toContain(BROKEN_FILE)
      expect(shown[i]).toContain(problem.path)
      expect(shown[i]).toContain(problem.reason)
    })
    expect(await page.locator('[data-testid="task-view"] [data-testid="grid"]').count()).toBe(0)
  })

  it('filters by id, validity, demonstrations, grid side and tokens, and counts what is shown', async () => {
    const total = dataset.entries.length
    const shownIds = (): Promise<(string | null)[]> => page.getByTestId('task-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id')))
    const idsWhere = (keep: (summary: TaskSummary) => boolean): string[] =>
      dataset.entries.filter((e) => !e.task || keep(summarizeTask(e.task))).map((e) => e.id)

    const first = validTasks()[0]!
    await page.getByTestId('task-search').fill(first.id.toUpperCase())
    await expect.poll(shownIds).toEqual(dataset.entries.filter((e) => e.id.includes(first.id)).map((e) => e.id))
    expect(await page.getByTestId('task-count').textContent()).toBe(`${(await shownIds()).length} of ${total} shown`)
    await page.getByTestId('filter-reset').click()

    await page.getByTestId('filter-validity').selectOption('invalid')
    await expect.poll(shownIds).toEqual(['zz-broken-task'])
    await page.getByTestId('filter-validity').selectOption('valid')
    await expect.poll(shownIds).toEqual(validTasks().map((t) => t.id))
    await page.getByTestId('filter-validity').selectOption('all')

    // Invalid tasks have no figures: the numeric limits leave them in the list.
    await page.getByTestId('filter-min-demonstrations').fill('4')
    await page.getByTestId('filter-max-demonstrations').fill('4')
    await expect.poll(shownIds).toEqual(idsWhere((s) => s.demonstrations === 4))
    await page.getByTestId('filter-reset').click()
    await page.getByTestId('filter-max-side').fill('8')
    await page.getByTestId('filter-max-tokens').fill('400')
    const expected = idsWhere((s) => Math.max(s.largestGrid.height, s.largestGrid.width) <= 8 && s.tokens <= 400)
    expect(expected.length).toBeGreaterThan(1)
    expect(expected.length).toBeLessThan(total)
    await expect.poll(shownIds).toEqual(expected)
    expect(await page.getByTestId('task-count').textContent()).toBe(`${expected.length} of ${total} shown`)

    await page.getByTestId('filter-reset').click()
    await expect.poll(() => page.getByTestId('task-item').count()).toBe(total)
  })

  it('switches datasets: the bundled samples, a typed path, and a recent folder', async () => {
    const samples = await loadDataset(SAMPLES)
    await page.getByTestId('dataset-select').selectOption(SAMPLES)
    await expect.poll(() => page.getByTestId('count-invalid').textContent()).toBe('0 invalid')
    expect(await page.getByTestId('task-item').count()).toBe(samples.entries.length)

    // Browser mode has no native picker: a server-side path is typed instead.
    expect(await page.getByTestId('pick-folder').count()).toBe(0)
    const missing = join(temp, 'no-such-folder')
    await page.getByTestId('folder-path').fill(missing)
    await page.getByTestId('open-folder').click()
    await expect.poll(() => page.getByTestId('dataset-error').textContent()).toContain(`Cannot open ${missing}: no such file or folder`)
    // The path once: the message is the reason alone.
    expect((await page.getByTestId('dataset-error').textContent())!.split(missing)).toHaveLength(2)
    expect(await page.getByTestId('task-item').count()).toBe(samples.entries.length)

    // The --data folder was remembered among the recent folders.
    const recent = await page.locator('[data-testid="dataset-select"] optgroup option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))
    expect(recent).toContain(dataDir)
    await page.getByTestId('dataset-select').selectOption(dataDir)
    await expect.poll(() => page.getByTestId('task-item').count()).toBe(dataset.entries.length)
    expect(await page.getByTestId('dataset-error').count()).toBe(0)
  })

  it('opens the Adapt view on the --data dataset too', async () => {
    const adapt = await context.newPage()
    try {
      await adapt.goto(`${serve.pageUrl.split('#')[0]}#/adapt`)
      await expect.poll(() => adapt.getByTestId('dataset-select').inputValue(), { timeout: 15_000 }).toBe(dataDir)
    } finally {
      await adapt.close()
    }
  })

  it('saves a screenshot of a task', async () => {
    const task = validTasks().find((t) => t.train.length >= 3 && taskGrids(t).every((g) => g.length <= 12)) ?? validTasks()[0]!
    await openTask(task.id)
    await mkdir(join(PROJECT_ROOT, 'test-output'), { recursive: true })
    await page.screenshot({ path: SCREENSHOT })
    expect(existsSync(SCREENSHOT)).toBe(true)
    expect(pageErrors).toEqual([])
  })

  it('shows the refused state for a bad token, and the API answers 401', async () => {
    const url = new URL(serve.pageUrl)
    url.searchParams.set('token', '0'.repeat(64))
    const refusedPage = await context.newPage()
    await refusedPage.goto(url.href)
    const refused = refusedPage.getByTestId('access-refused')
    await refused.waitFor()
    expect(await refused.textContent()).toContain("Access refused: the link's token is wrong or missing. Open the URL printed by arc-ttt serve.")
    expect(await refusedPage.getByTestId('task-list').count()).toBe(0)
    await refusedPage.close()

    const response = await fetch(new URL('/api/call', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${'0'.repeat(64)}` },
      body: JSON.stringify({ method: 'appInfo', args: {} })
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })
})
