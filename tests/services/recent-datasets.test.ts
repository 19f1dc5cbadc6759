// The recent-folders list under overlapping writes: every call's entry is kept, none fails.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_RECENT_DATASETS, readRecentDatasets, rememberDataset } from '../../main/services/recent-datasets'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arc-ttt-recent-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('rememberDataset', () => {
  it('keeps every entry of overlapping calls, newest first, and leaves no temp file', async () => {
    const file = join(dir, 'recent.json')
    const paths = Array.from({ length: 6 }, (_, i) => `/data/set-${i}`)
    await Promise.all(paths.map((p) => rememberDataset(file, p)))
    expect(await readRecentDatasets(file)).toEqual([...paths].reverse())
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('moves a known path to the front and keeps at most the limit', async () => {
    const file = join(dir, 'limit.json')
    for (let i = 0; i < MAX_RECENT_DATASETS + 3; i++) await rememberDataset(file, `/p/${i}`)
    await rememberDataset(file, `/p/${MAX_RECENT_DATASETS}`)
    const list = await readRecentDatasets(file)
    expect(list).toHaveLength(MAX_RECENT_DATASETS)
    expect(list[0]).toBe(`/p/${MAX_RECENT_DATASETS}`)
    expect(new Set(list).size).toBe(list.length)
  })
})
