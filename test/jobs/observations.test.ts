// From recorded test-binary output (Go 1.26, test/fixtures/recorded-leaks) to the result model: leak groups
// with module-relative sites and their detectors, hang groups, races collapsed by their access pair.
import { describe, expect, it } from 'vitest'
import { hangGroups, leakGroups, racesIn } from '../../src/jobs/observations.js'
import { markedLine, recordedLeaks } from '../parse/recorded-leaks.js'

const MODULE = 'example.com/leaks'
const dump = recordedLeaks('leaks-stack.txt')
const profile = recordedLeaks('leakprofile-debug2.txt')

describe('leakGroups', () => {
  const groups = leakGroups(dump, profile, MODULE, [])
  const byState = (state: string) => groups.filter((g) => g.state === state)

  it('groups what is left by wait state and sites, module-relative, without the always-present goroutines', () => {
    const [send] = byState('chan send')
    expect(send).toMatchObject({
      count: 1,
      blocking: { function: `${MODULE}/leaky.BlockedSend.func1`, file: 'leaky/leaky.go' },
      creation: { function: `${MODULE}/leaky.BlockedSend`, file: 'leaky/leaky.go', line: markedLine('leaky/leaky.go', 'send-go') },
      tests: []
    })
    expect(groups.some((g) => g.stack.some((f) => f.function.startsWith('os/signal.') || f.function === 'runtime.ReadTrace'))).toBe(false)
  })

  it('counts goroutines of one signature together', () => {
    const workers = groups.filter((g) => g.blocking?.function === `${MODULE}/leaky.waitOn`)
    expect(workers.map((g) => g.count)).toEqual([3])
  })

  it('marks the groups the goroutineleak profile proved unreachable, and only those', () => {
    expect(byState('chan send')[0].detectors).toEqual(['probe', 'goroutineleak'])
    const global = groups.find((g) => g.blocking?.function.includes('ReachableFromGlobal'))
    expect(global?.detectors).toEqual(['probe'])
    expect(leakGroups(dump, null, MODULE, []).every((g) => g.detectors.length === 1)).toBe(true)
  })

  it("drops what the user's rules ignore", () => {
    const ignored = leakGroups(dump, profile, MODULE, [{ anyFunction: `${MODULE}/leaky.waitOn` }])
    expect(ignored.some((g) => g.blocking?.function === `${MODULE}/leaky.waitOn`)).toBe(false)
    expect(ignored).toHaveLength(groups.length - 1)
  })
})

describe('hangGroups', () => {
  it('groups a timeout dump by wait state and blocking line, largest first', () => {
    const groups = hangGroups(recordedLeaks('hang.stderr'), MODULE)
    expect(groups.length).toBeGreaterThan(0)
    const sites = groups.map((g) => `${g.state} ${g.blocking?.file}:${g.blocking?.line}`)
    expect(new Set(sites).size).toBe(sites.length)
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a))
    expect(groups.every((g) => g.blocking === undefined || !g.blocking.file.startsWith(MODULE + '/'))).toBe(true)
  })
})

describe('racesIn', () => {
  const races = racesIn(recordedLeaks('race-tests.out'), 'test', MODULE)

  it('names the test, both accesses and the creation site, module-relative', () => {
    const race = races.find((r) => r.in === 'TestRace')
    const sites = (frames: { file: string; line: number }[] = []) => frames.map((f) => `${f.file}:${f.line}`)
    expect(race?.access.kind).toBe('read')
    expect(sites(race?.access.frames)).toContain(`racy/racy_test.go:${markedLine('racy/racy_test.go', 'race-read')}`)
    expect(race?.previous.kind).toBe('write')
    expect(sites(race?.previous.frames)).toContain(`racy/racy_test.go:${markedLine('racy/racy_test.go', 'race-write')}`)
    expect(race?.goroutines.map((g) => g.createdAt?.line)).toContain(markedLine('racy/racy_test.go', 'race-go'))
  })

  it('collapses identical reports (same access pair, other addresses) into one with a count', () => {
    const sub = races.filter((r) => r.in.startsWith('TestRaceInSubtest'))
    expect(sub).toHaveLength(1)
    expect(sub[0].count).toBe(2)
    expect(new Set(races.map((r) => r.key)).size).toBe(races.length)
  })
})
