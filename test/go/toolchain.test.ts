import { describe, expect, it } from 'vitest'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'

// scripts/test-go-versions.mjs runs the suite once per supported release by setting GOTOOLCHAIN. This holds
// it honest: the gate's own go calls must run the release selected, or the second run tests the first again.
describe('the Go toolchain the gate runs', () => {
  it('is the release GOTOOLCHAIN selects, when it names one', async () => {
    const tc = await probeToolchain(runProcess)
    const selected = /^go1\.\d+(\.\d+)?$/.exec(process.env.GOTOOLCHAIN ?? '')?.[0]
    if (selected !== undefined) expect(tc.goVersion).toBe(selected)
    // The supported range (README): older releases lack the goroutineleak profile the test pass relies on.
    expect(tc.minor).toBeGreaterThanOrEqual(26)
  })
})
