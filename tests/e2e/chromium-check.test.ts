// Without Chromium the browser tests fail with one line that names what is missing and how to get it.
import { describe, expect, it } from 'vitest'
import { CHROMIUM, missingChromium } from './chromium'

describe('the Chromium check', () => {
  it('names the missing binary, the install script and the variable, in one line', () => {
    const problem = missingChromium('/no/such/chromium')
    expect(problem).toContain('/no/such/chromium')
    expect(problem).toContain('scripts/install-chromium.sh')
    expect(problem).toContain('ARC_TTT_CHROMIUM')
    expect(problem).not.toContain('\n')
  })

  it('says nothing when the binary is there', () => {
    expect(missingChromium(process.execPath)).toBeUndefined()
    expect(CHROMIUM.length).toBeGreaterThan(0)
  })
})
