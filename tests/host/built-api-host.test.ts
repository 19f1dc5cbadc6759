// The desktop app's Node side as `npm start` runs it: the built API host (out/main/api-host.js,
// after `npm run build`) spawned with plain Node, answering from the log and forking the built
// engine host (out/main/host.js) for the providers. Catches a bundle whose shared chunks cannot
// find their sibling entries, which the sources cannot show.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ApiHostClient } from '../../main/host/api-host-client'

const ROOT = join(import.meta.dirname, '..', '..')
const ENTRY = join(ROOT, 'out', 'main', 'api-host.js')
const root = mkdtempSync(join(tmpdir(), 'arc-ttt-built-api-host-'))

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe.skipIf(!existsSync(ENTRY))('the built desktop API host (npm run build)', () => {
  it('opens the log and starts the built engine host', async () => {
    const client = new ApiHostClient({
      nodePath: process.execPath,
      entry: ENTRY,
      config: {
        version: '1.2.3',
        samplesPath: join(ROOT, 'resources', 'sample-tasks'),
        modelsDir: join(ROOT, 'resources', 'models'),
        recentFile: join(root, 'recent.json'),
        databasePath: join(root, 'experiments.sqlite')
      }
    })
    try {
      expect(await client.call('appInfo', {})).toEqual({ ok: true, value: { version: '1.2.3', mode: 'electron', canPickFolder: true } })
      expect(await client.call('listRuns', {})).toMatchObject({ ok: true, value: { total: 0, runs: [] } })
      const options = await client.call('runOptions', {})
      expect(options.ok).toBe(true)
      const providers = (options as { value: { providers: { name: string; available: boolean }[] } }).value.providers
      expect(providers.find((p) => p.name === 'cpu')).toMatchObject({ available: true })
    } finally {
      await client.close()
    }
  }, 90_000)
})
