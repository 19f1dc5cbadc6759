// Where the experiment log lives without --db, per platform.
import { describe, expect, it } from 'vitest'
import { defaultDatabasePath } from '../../main/services/default-db'

describe('defaultDatabasePath', () => {
  const home = '/home/ada'
  it('$ARC_TTT_DB wins when set and not empty', () => {
    expect(defaultDatabasePath({ env: { ARC_TTT_DB: '/tmp/x.sqlite', XDG_DATA_HOME: '/d' }, platform: 'linux', home })).toBe('/tmp/x.sqlite')
    expect(defaultDatabasePath({ env: { ARC_TTT_DB: '' }, platform: 'linux', home })).toBe('/home/ada/.local/share/arc-ttt/experiments.sqlite')
  })
  it('Linux: $XDG_DATA_HOME when absolute, else ~/.local/share', () => {
    expect(defaultDatabasePath({ env: { XDG_DATA_HOME: '/data' }, platform: 'linux', home })).toBe('/data/arc-ttt/experiments.sqlite')
    expect(defaultDatabasePath({ env: { XDG_DATA_HOME: 'relative' }, platform: 'linux', home })).toBe('/home/ada/.local/share/arc-ttt/experiments.sqlite')
    expect(defaultDatabasePath({ env: {}, platform: 'freebsd', home })).toBe('/home/ada/.local/share/arc-ttt/experiments.sqlite')
  })
  it('macOS: ~/Library/Application Support', () => {
    expect(defaultDatabasePath({ env: {}, platform: 'darwin', home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/arc-ttt/experiments.sqlite')
  })
  it('Windows: %APPDATA%, else ~\\AppData\\Roaming', () => {
    expect(defaultDatabasePath({ env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\arc-ttt\\experiments.sqlite'
    )
    expect(defaultDatabasePath({ env: {}, platform: 'win32', home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\arc-ttt\\experiments.sqlite')
  })
})
