// How the desktop app finds the Node binary for its API host: ARC_TTT_NODE, then the Node running
// `npm start`, then `node` on PATH; never one older than 20.19; an error that says what to do.
import { describe, expect, it } from 'vitest'
import { findNodeBinary, isSupportedNodeVersion, NodeBinaryError } from '../../main/app/node-binary'

const versions: Record<string, string> = { '/opt/node22/bin/node': 'v22.12.0', '/usr/bin/node18': 'v18.20.4', node: 'v20.19.1' }
const probe = (path: string): string => {
  const version = versions[path]
  if (version === undefined) throw new Error('ENOENT')
  return version
}

describe('node binary', () => {
  it('compares versions against 20.19', () => {
    expect(['v20.19.0', 'v20.20.2', 'v22.0.0', 'v24.1.0'].map(isSupportedNodeVersion)).toEqual([true, true, true, true])
    expect(['v20.18.9', 'v18.20.4', 'v8.0.0', '', 'electron'].map(isSupportedNodeVersion)).toEqual([false, false, false, false, false])
  })

  it('takes ARC_TTT_NODE first, then npm_node_execpath, then node on PATH', () => {
    const env = { ARC_TTT_NODE: '/opt/node22/bin/node', npm_node_execpath: '/usr/bin/node18' }
    expect(findNodeBinary(env, probe)).toEqual({ path: '/opt/node22/bin/node', version: 'v22.12.0' })
    expect(findNodeBinary({ npm_node_execpath: '/opt/node22/bin/node' }, probe).path).toBe('/opt/node22/bin/node')
    expect(findNodeBinary({ npm_node_execpath: '/usr/bin/node18' }, probe)).toEqual({ path: 'node', version: 'v20.19.1' })
  })

  it('does not look further when ARC_TTT_NODE is wrong, and says what to fix', () => {
    expect(() => findNodeBinary({ ARC_TTT_NODE: '/usr/bin/node18' }, probe)).toThrow(NodeBinaryError)
    const tooOld = /needs Node\.js >= 20\.19: fix ARC_TTT_NODE .*Tried: \/usr\/bin\/node18: v18\.20\.4 is too old\./
    expect(() => findNodeBinary({ ARC_TTT_NODE: '/usr/bin/node18' }, probe)).toThrow(tooOld)
  })

  it('names every candidate it tried when none works', () => {
    const none = (): string => {
      throw new Error('ENOENT')
    }
    const nothing = /put it on PATH, or set ARC_TTT_NODE.*Tried: \/x\/node: cannot be run; node: cannot be run\./
    expect(() => findNodeBinary({ npm_node_execpath: '/x/node' }, none)).toThrow(nothing)
  })

  it('finds the Node that runs these tests', () => {
    const found = findNodeBinary({ ...process.env, ARC_TTT_NODE: process.execPath })
    expect(found).toEqual({ path: process.execPath, version: process.version })
  })
})
