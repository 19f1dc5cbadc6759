// The README's screenshots, taken the way a user would take them: `arc-ttt serve` on an existing
// experiment log, headless Chromium at 1280x800, and clicks through Runs, Compare, Task detail,
// Tasks, and last Adapt while a small run it starts there is running.
//
// Usage (after `npm run build`; needs /usr/bin/chromium):
//
//   npx tsx scripts/screenshots.mts --db FILE [--data PATH] [--out DIR] [--runs BASE,RUN[,RUN...]]
//       [--task ID] [--adapt-count N] [--adapt-seed N] [--adapt-tasks ID,ID] [--adapt-preset NAME]
//       [--set key=value]... [--model DIR] [--adapt-timeout SECONDS] [--keep-adapt-run]
//       [--width 1280] [--height 800]
//
//   --db FILE          the experiment log; it must exist and hold at least two completed runs of
//                      the same tasks (or name them with --runs)
//   --data PATH        the dataset the Adapt run and the Tasks view use (default: the dataset of
//                      the compared baseline run)
//   --out DIR          where the PNGs go (default docs/screenshots)
//   --runs A,B,...     the runs to compare, the first being the baseline (default: the two newest
//                      completed runs with the same task set; a no-ttt one of them is the baseline,
//                      else the older one)
//   --task ID          the Task detail page's task (default: one the runs disagree on, else one
//                      some run solved, else the first)
//   --adapt-count N, --adapt-seed N
//                      the Adapt run takes a random sample of N tasks with this seed (default 3, 0),
//                      chosen in the form's "Random sample" fields; --adapt-tasks ID,ID names them
//   --adapt-preset P   the Adapt run's preset (default ttt)
//   --set key=value    the Adapt run's config overrides, typed into the form; repeatable. Without
//                      any --set: data.cap=16 ttt.maxSteps=16 inference.augment=false, so a task
//                      finishes in seconds to a minute on a CPU
//   --model DIR        the Adapt run's model folder (default: the form's default, the bundled model)
//   --adapt-timeout S  how long to wait for the mid-run moment: one task finished and the next
//                      one's TTT loss curve begun (default 900)
//   --keep-adapt-run   keep the Adapt run in the log (cancelled) instead of deleting it
//   --width, --height  the browser's viewport (default 1280x800)
//
// Writes runs.png, compare.png, compare-full.png, task-detail.png, task-detail-full.png,
// tasks.png and adapt-running.png (the -full ones are the whole page, not one screen).
// The Adapt run is written to the log named with --db while it runs; unless --keep-adapt-run,
// it is cancelled and deleted once its screenshot is taken (also when this script fails).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import type { RunSummary, TaskOutcome } from '../main/api/runs-contract.ts'
import { bridgeApi, type BridgeApi } from '../tests/e2e/bridge-api.ts'
import { launchChromium, type Browser } from '../tests/e2e/chromium.ts'
import { PROJECT_ROOT, startServe, type ServeProcess } from '../tests/e2e/serve-process.ts'
import { screenshot, scrollViewToTop, setOverride, startRunFromForm } from '../tests/e2e/workbench-page.ts'

const DEFAULT_OVERRIDES = ['data.cap=16', 'ttt.maxSteps=16', 'inference.augment=false']
/** How long one page may take to show its data on a large log. */
const PAGE_TIMEOUT = 120_000

class UsageError extends Error {}

interface Options {
  readonly db: string
  readonly data: string | null
  readonly out: string
  readonly runs: readonly string[] | null
  readonly task: string | null
  readonly adaptCount: number
  readonly adaptSeed: number
  readonly adaptTasks: readonly string[] | null
  readonly adaptPreset: string
  readonly overrides: readonly (readonly [string, string])[]
  readonly model: string | null
  readonly adaptTimeoutMs: number
  readonly keepAdaptRun: boolean
  readonly viewport: { readonly width: number; readonly height: number }
}

function wholeNumber(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${raw}"`)
  return Number(raw)
}

const idList = (raw: string | undefined): string[] | null => (raw === undefined ? null : raw.split(',').map((id) => id.trim()).filter(Boolean))

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      db: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      runs: { type: 'string' },
      task: { type: 'string' },
      'adapt-count': { type: 'string' },
      'adapt-seed': { type: 'string' },
      'adapt-tasks': { type: 'string' },
      'adapt-preset': { type: 'string' },
      set: { type: 'string', multiple: true },
      model: { type: 'string' },
      'adapt-timeout': { type: 'string' },
      'keep-adapt-run': { type: 'boolean' },
      width: { type: 'string' },
      height: { type: 'string' }
    },
    strict: true
  })
  if (!values.db) throw new UsageError('--db FILE is required: the experiment log with the runs to show')
  const db = resolve(values.db)
  if (!existsSync(db)) throw new UsageError(`--db ${db} does not exist (this script never creates a log)`)
  const data = values.data === undefined ? null : resolve(values.data)
  if (data !== null && !existsSync(data)) throw new UsageError(`--data ${data} does not exist`)
  const runs = idList(values.runs)
  if (runs !== null && runs.length < 2) throw new UsageError(`--runs needs two or more run ids separated by commas, got "${values.runs}"`)
  const overrides = (values.set ?? DEFAULT_OVERRIDES).map((pair): [string, string] => {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--set takes key=value, got "${pair}"`)
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
  })
  return {
    db,
    data,
    out: resolve(values.out ?? join(PROJECT_ROOT, 'docs', 'screenshots')),
    runs,
    task: values.task ?? null,
    adaptCount: wholeNumber(values['adapt-count'], 'adapt-count', 3, 1),
    adaptSeed: wholeNumber(values['adapt-seed'], 'adapt-seed', 0, 0),
    adaptTasks: idList(values['adapt-tasks']),
    adaptPreset: values['adapt-preset'] ?? 'ttt',
    overrides,
    model: values.model === undefined ? null : resolve(values.model),
    adaptTimeoutMs: wholeNumber(values['adapt-timeout'], 'adapt-timeout', 900, 1) * 1000,
    keepAdaptRun: values['keep-adapt-run'] ?? false,
    viewport: { width: wholeNumber(values.width, 'width', 1280, 320), height: wholeNumber(values.height, 'height', 800, 320) }
  }
}

/** The task ids a run has results for (done or skipped), sorted: its task set once completed. */
async function taskSet(api: BridgeApi, runId: string): Promise<string> {
  const { results } = await api.call('runTaskResults', { runId })
  return results.map((r) => r.taskId).sort().join('\n')
}

/** The two newest completed runs with the same task set, the baseline first. */
async function newestComparablePair(api: BridgeApi): Promise<string[]> {
  const { runs } = await api.call('listRuns', { limit: 50, orderBy: 'createdAt', descending: true, filter: { status: 'completed' } })
  const seen = new Map<string, RunSummary>()
  for (const run of runs) {
    if (run.tasksDone + run.tasksSkipped === 0) continue
    const key = `${run.datasetFingerprint}\n${await taskSet(api, run.id)}`
    const newer = seen.get(key)
    if (newer) {
      // `run` is the older of the two; a no-ttt run is the natural baseline of an ablation.
      const baseline = newer.preset === 'no-ttt' && run.preset !== 'no-ttt' ? newer : run
      return [baseline.id, baseline === run ? newer.id : run.id]
    }
    seen.set(key, run)
  }
  throw new UsageError(`the log has no two completed runs of the same tasks among its ${runs.length} newest completed runs: name the runs with --runs BASE,RUN`)
}

/** A task worth showing: one the runs disagree on, else one some run solved, else the first. */
function interestingTask(outcomes: readonly TaskOutcome[]): string {
  const byTask = new Map<string, TaskOutcome[]>()
  for (const outcome of outcomes) byTask.set(outcome.taskId, [...(byTask.get(outcome.taskId) ?? []), outcome])
  const tasks = [...byTask.keys()].sort()
  const solved = (o: TaskOutcome): boolean => o.allOrNothing === 1
  const task = tasks.find((t) => new Set(byTask.get(t)!.map(solved)).size > 1) ?? tasks.find((t) => byTask.get(t)!.some(solved)) ?? tasks[0]
  if (task === undefined) throw new UsageError('the compared runs have no task results')
  return task
}

/** The page's own URL with another hash route: what a user's bookmark or link would open. */
const routeUrl = (serve: ServeProcess, route: string): string => `${serve.pageUrl.split('#')[0]}#${route}`

async function shootRunsAndCompare(page: Page, serve: ServeProcess, out: string, runIds: readonly string[]): Promise<void> {
  await page.goto(routeUrl(serve, '/runs'))
  await page.getByTestId('runs-row').first().waitFor({ timeout: PAGE_TIMEOUT })
  // Tick the compared runs the way a user does; a run not on the first page is found by its id.
  for (const id of runIds) {
    const row = page.locator(`[data-testid="runs-row"][data-run-id="${id}"]`)
    if ((await row.count()) === 0) {
      await page.getByTestId('runs-filter-text').fill(id)
      await row.waitFor({ timeout: PAGE_TIMEOUT })
    }
    await row.getByTestId('run-select').check()
  }
  await page.getByTestId('runs-filter-reset').click()
  await page.getByTestId('runs-row').first().waitFor({ timeout: PAGE_TIMEOUT })
  await screenshot(page, join(out, 'runs.png'))

  await page.getByTestId('compare-selected').click()
  await page.getByTestId('accuracy-table').waitFor({ timeout: PAGE_TIMEOUT })
  // The charts load after the tables: wait for each to draw, or to say it has nothing to draw.
  await page.locator('[data-testid="compare-loss"] canvas, [data-testid="loss-empty"]').first().waitFor({ timeout: PAGE_TIMEOUT })
  await page.locator('[data-testid="times-chart"] canvas, [data-testid="times-empty"]').first().waitFor({ timeout: PAGE_TIMEOUT })
  await screenshot(page, join(out, 'compare.png'))
  await screenshot(page, join(out, 'compare-full.png'), true)
}

async function shootTaskDetail(page: Page, out: string, taskId: string, runIds: readonly string[]): Promise<void> {
  // From the Compare matrix, as a user opens it ("All tasks" shows every row).
  await page.getByTestId('matrix-filter-all').click()
  await page.locator(`[data-testid="matrix-row"][data-task-id="${taskId}"]`).getByTestId('matrix-task-link').click()
  await page.locator(`[data-testid="task-detail-view"][data-task-id="${taskId}"]`).waitFor({ timeout: PAGE_TIMEOUT })
  for (const id of runIds) await page.locator(`[data-testid="attempts-test-0"] [data-testid="attempt-row"][data-run-id="${id}"]`).waitFor({ timeout: PAGE_TIMEOUT })
  await page.getByTestId('detail-demonstrations').waitFor({ timeout: PAGE_TIMEOUT })
  await page.getByTestId('preview-count').fill('3')
  await page.getByTestId('preview-load').click()
  await page.locator('[data-testid="preview-example"], [data-testid="preview-error"]').first().waitFor({ timeout: PAGE_TIMEOUT })
  await scrollViewToTop(page)
  await screenshot(page, join(out, 'task-detail.png'))
  await screenshot(page, join(out, 'task-detail-full.png'), true)
}

async function shootTasks(page: Page, serve: ServeProcess, out: string, dataPath: string, taskId: string): Promise<void> {
  await page.goto(routeUrl(serve, `/tasks?data=${encodeURIComponent(dataPath)}&task=${encodeURIComponent(taskId)}`))
  await page.getByTestId('task-item').first().waitFor({ timeout: PAGE_TIMEOUT })
  await page.locator('[data-testid="task-view"] [data-testid="grid"]').first().waitFor({ timeout: PAGE_TIMEOUT })
  await screenshot(page, join(out, 'tasks.png'))
}

/** Starts the Adapt run from the form (its id goes to `started` at once) and shoots it mid-run. */
async function shootAdapt(page: Page, serve: ServeProcess, options: Options, dataPath: string, started: (runId: string) => void): Promise<void> {
  const query = new URLSearchParams({ data: dataPath })
  if (options.adaptTasks) query.set('tasks', options.adaptTasks.join(','))
  await page.goto(routeUrl(serve, `/adapt?${query.toString()}`))
  await page.getByTestId('preset-select').waitFor({ timeout: PAGE_TIMEOUT })
  if (!options.adaptTasks) {
    await page.getByTestId('selection-random').check()
    await page.getByTestId('selection-random-count').fill(String(options.adaptCount))
    await page.getByTestId('selection-random-seed').fill(String(options.adaptSeed))
  }
  await page.getByTestId('preset-select').selectOption(options.adaptPreset)
  for (const [key, value] of options.overrides) {
    if ((await page.getByTestId(`override-${key}`).count()) === 0) throw new UsageError(`--set ${key}: the form has no such config key (see docs/experiments.md)`)
    await setOverride(page, key, value)
  }
  const fieldErrors = await page.getByTestId('override-error').allTextContents()
  if (fieldErrors.length > 0) throw new UsageError(`the form refuses the overrides: ${fieldErrors.join('; ')}`)
  if (options.model) await page.getByTestId('model-select').selectOption(options.model)
  await page.getByTestId('run-name').fill('screenshot: adapt mid-run')
  const problems = await page.getByTestId('start-problems').allTextContents()
  if (await page.getByTestId('start-run').isDisabled()) throw new UsageError(`the form cannot start the run: ${problems.join('; ') || 'Start is disabled'}`)

  const runId = await startRunFromForm(page, null, PAGE_TIMEOUT)
  started(runId)
  // Mid-run: a task finished, the next one training with its loss curve begun.
  const panel = page.locator(`[data-testid="run-progress"][data-run-id="${runId}"]`)
  const deadline = Date.now() + options.adaptTimeoutMs
  for (;;) {
    const status = await panel.getAttribute('data-status')
    if (status !== 'running') throw new Error(`the Adapt run ${runId} ended (${status}) before a task finished and the next one trained: take more tasks (--adapt-count) or larger --set values`)
    const done = Number(await page.getByTestId('progress-bar').getAttribute('data-done'))
    const points = Number(await page.getByTestId('loss-chart').getAttribute('data-points'))
    if (done >= 1 && points >= 3) break
    if (Date.now() > deadline) throw new Error(`the Adapt run ${runId} reached no mid-run moment within ${options.adaptTimeoutMs / 1000} s (${done} tasks done): raise --adapt-timeout or make the run smaller with --set`)
    await page.waitForTimeout(500)
  }
  await scrollViewToTop(page)
  await screenshot(page, join(options.out, 'adapt-running.png'))
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) throw new UsageError('the renderer is not built: run `npm run build` first')
  const temp = await mkdtemp(join(tmpdir(), 'arc-ttt-screenshots-'))
  let serve: ServeProcess | undefined
  let browser: Browser | undefined
  let api: BridgeApi | undefined
  let adaptRun: string | null = null
  try {
    // A throwaway settings folder: the user's recent-datasets list is left alone.
    serve = await startServe(['--port', '0', '--db', options.db], { ...process.env, ARC_TTT_HOME: join(temp, 'home') }, 120_000)
    api = bridgeApi(serve.pageUrl)
    const runIds = options.runs ?? (await newestComparablePair(api))
    const baseline = await api.call('getRun', { runId: runIds[0]! })
    const compare = await api.call('compareRuns', { runIds })
    const taskId = options.task ?? interestingTask(compare.outcomes)
    const dataPath = options.data ?? baseline.datasetPath
    process.stdout.write(`comparing ${runIds.join(', ')} (baseline ${baseline.name}); task ${taskId}; dataset ${dataPath}\n`)

    browser = await launchChromium(join(temp, 'chromium-profile'), options.viewport)
    const page = browser.page
    page.setDefaultTimeout(30_000)
    await shootRunsAndCompare(page, serve, options.out, runIds)
    await shootTaskDetail(page, options.out, taskId, runIds)
    await shootTasks(page, serve, options.out, dataPath, taskId)
    // Last, so the other pages do not show the run it starts.
    await shootAdapt(page, serve, options, dataPath, (id) => (adaptRun = id))
    if (browser.errors.length > 0) process.stderr.write(`the page reported errors:\n${browser.errors.join('\n')}\n`)
    process.stdout.write(`wrote ${['runs', 'compare', 'compare-full', 'task-detail', 'task-detail-full', 'tasks', 'adapt-running'].map((n) => `${n}.png`).join(', ')} to ${options.out}\n`)
    return 0
  } finally {
    if (adaptRun !== null && api) {
      await api.call('cancelRun', { runId: adaptRun }).catch(() => undefined)
      if (!options.keepAdaptRun) await deleteWhenStopped(api, adaptRun)
    }
    await browser?.close()
    await serve?.stop()
    await rm(temp, { recursive: true, force: true })
  }
}

/** Deletes the Adapt run once the engine has let go of it (a running run cannot be deleted). */
async function deleteWhenStopped(api: BridgeApi, runId: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while ((await api.call('activeRuns', {})).runs.some((r) => r.runId === runId)) {
    if (Date.now() > deadline) {
      process.stderr.write(`the Adapt run ${runId} did not stop within 60 s; it stays in the log\n`)
      return
    }
    await new Promise((done) => setTimeout(done, 250))
  }
  await api.call('deleteRun', { runId })
  process.stdout.write(`deleted the Adapt run ${runId} from the log (--keep-adapt-run keeps it)\n`)
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(error instanceof UsageError ? 2 : 1)
  }
)
