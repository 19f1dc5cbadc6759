// `arc-ttt serve [--data PATH] [--db FILE] [--port N] [--host ADDRESS]`: the browser mode. Serves
// the built renderer and the wire API on a local HTTP bridge and prints the page address with its
// token. Runs started from the page execute in the engine host, a child process of this one.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createHandlers } from '../../api/handlers'
import { HostClient } from '../../host/host-client'
import { forkHostProcess } from '../../host/host-process'
import { startBridge } from '../../server/bridge'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { requireOpenablePath } from '../open-dataset'
import { DEFAULT_DATABASE_HELP, defaultDatabasePath } from '../../services/default-db'
import { BUNDLED_MODELS_DIR, PROJECT_ROOT, SAMPLE_TASKS_PATH, userSettingsDir } from '../project-paths'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer')

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535) throw new UsageError(`--port must be an integer 0..65535 (0 picks a free port), got "${raw}"`)
  return port
}

async function packageVersion(): Promise<string> {
  const json: unknown = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8'))
  const version = (json as { version?: unknown }).version
  return typeof version === 'string' ? version : '0.0.0'
}

function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'open the workbench in a web browser (local HTTP bridge with a one-time token)',
  usage: `arc-ttt serve [--data PATH] [--db FILE] [--port N] [--host ADDRESS [--allow-remote]]

  --data PATH       a dataset folder or file the Tasks and Adapt views open first (default: the
                    bundled samples); one that cannot be opened is an error at start
  --db FILE         the experiment log the page's runs are written to and read from
                    (default ${defaultDatabasePath()})
  --port N          port to listen on (default 0: a free port)
  --host ADDRESS    address to listen on (default 127.0.0.1)
  --allow-remote    allow a non-loopback --host; anyone who can reach the port and learns the
                    token can read every file the server can. Prefer an SSH tunnel instead:
                    ssh -L 8000:127.0.0.1:8000 server, then arc-ttt serve --port 8000 there.

Prints "arc-ttt serve: open <URL>" on stdout and serves until Ctrl+C (SIGINT) or SIGTERM; runs
still going then are stopped and marked interrupted (resume them from the page later).
Needs the built renderer: run \`npm run build\` first.

${DEFAULT_DATABASE_HELP}`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('data', 'db', 'port', 'host', 'allow-remote?'))
    if (positionals.length > 0) throw new UsageError(`serve takes no positional arguments, got ${positionals.join(' ')}`)
    const port = parsePort(values.port)
    const host = values.host ?? '127.0.0.1'
    if (!isLoopback(host) && !values['allow-remote']) {
      throw new UsageError(
        `--host ${host} is not a loopback address: the API reads files anywhere the server can, so it is ` +
          'only served to this machine unless you add --allow-remote (an SSH tunnel to 127.0.0.1 is safer)'
      )
    }
    // A dataset that cannot be opened is said now, not found missing later by the page.
    const startDataset = values.data === undefined ? undefined : resolve(values.data)
    if (startDataset !== undefined) await requireOpenablePath(startDataset)
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      process.stderr.write(`arc-ttt serve: the renderer is not built (${join(RENDERER_DIR, 'index.html')} is missing): run \`npm run build\` first\n`)
      return EXIT_FAILURE
    }
    if (values.db === '') throw new UsageError('--db needs a file name')
    const databasePath = resolve(values.db ?? defaultDatabasePath())
    const engineHost = new HostClient({ config: { databasePath, modelsDir: BUNDLED_MODELS_DIR, threads: 0 }, spawn: forkHostProcess })
    const handlers = createHandlers({
      version: await packageVersion(),
      mode: 'browser',
      samplesPath: SAMPLE_TASKS_PATH,
      recentFile: join(userSettingsDir(), 'recent-datasets.json'),
      databasePath,
      modelsDir: BUNDLED_MODELS_DIR,
      host: engineHost,
      ...(startDataset === undefined ? {} : { startDataset })
    })
    let bridge
    try {
      bridge = await startBridge({ host, port, staticDir: RENDERER_DIR, handlers, events: engineHost })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason = code === 'EADDRINUSE' ? `port ${port} is already in use (try --port 0)` : error instanceof Error ? error.message : String(error)
      process.stderr.write(`arc-ttt serve: cannot listen on ${host}:${port}: ${reason}\n`)
      return EXIT_FAILURE
    }
    const query = new URLSearchParams({ token: bridge.token })
    process.stdout.write(`arc-ttt serve: open ${bridge.url}?${query.toString()}\n`)
    process.stderr.write('arc-ttt serve: press Ctrl+C to stop\n')
    const signal = await untilStopSignal()
    await bridge.close()
    await engineHost.close()
    process.stderr.write(`arc-ttt serve: stopped (${signal})\n`)
    return EXIT_OK
  }
}
