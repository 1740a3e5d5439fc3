// The test pass's findings against the base: what the base has already is pre-existing, however the race
// detector or the goroutine dump happened to show it on either side.
import { describe, expect, it } from 'vitest'
import { testFindings } from '../../src/compare/tests.js'
import { leakGroups, racesIn } from '../../src/jobs/observations.js'
import type { LeakGroup, RaceFinding, RunResult, TestPackageResult } from '../../src/model/result.js'
import { parseRaceReports } from '../../src/parse/race.js'
import { recordedLeaks as recorded } from '../parse/recorded-leaks.js'
import { result } from './build-result.js'

const MODULE = 'example.com/leaks'

function side(pkg: string, found: { races?: RaceFinding[]; leaks?: LeakGroup[] }): RunResult {
  const tests: TestPackageResult = {
    importPath: pkg,
    dir: pkg.slice(MODULE.length + 1),
    build: { ok: true, command: [] },
    probe: true,
    runs: [],
    tests: [],
    races: found.races ?? [],
    leaks: found.leaks ?? [],
    panics: []
  }
  return { ...result({}, { module: MODULE, race: true }), tests: [tests] }
}

describe('races on head against the base', () => {
  const [readWrite, writeWrite] = parseRaceReports(recorded('race-counter.out')).races
  const races = (text: string) => racesIn(text, 'test', MODULE)
  const pkg = `${MODULE}/racy`

  it('calls c.n++ pre-existing when the base saw it as write/write and head as read/write', () => {
    const findings = testFindings(side(pkg, { races: races(writeWrite.raw) }), side(pkg, { races: races(readWrite.raw) }))
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['race', 'info']])
    expect(findings[0].message).toMatch(/^pre-existing data race: /)
  })

  it('fails it once when new, both reports together, with the goroutines’ shared creation site listed once', () => {
    const findings = testFindings(side(pkg, {}), side(pkg, { races: races(recorded('race-counter.out')) }))
    expect(findings.map((f) => [f.kind, f.severity, f.subject])).toEqual([['race', 'fail', 'TestCounterRace']])
    const roles = findings[0].locations.map((l) => `${l.role} ${l.file}:${l.line}`)
    expect(roles).toEqual([...new Set(roles)])
    expect(roles.filter((r) => r.startsWith('creation'))).toHaveLength(1)
    expect(roles.filter((r) => r.startsWith('access') || r.startsWith('previous-access'))).toHaveLength(2)
  })

  it('keeps a different race new', () => {
    const other = races(recorded('race-tests-split.stderr'))
    const findings = testFindings(side(pkg, { races: other }), side(pkg, { races: races(readWrite.raw) }))
    expect(findings.map((f) => f.severity)).toEqual(['fail'])
  })
})

describe('goroutine leaks on head against the base', () => {
  const pkg = `${MODULE}/tickloop`
  const leaks = (moment: string) =>
    leakGroups(recorded(`tickloop-${moment}.txt`), null, MODULE, []).filter((g) => g.creation?.function === `${pkg}.Watch`)

  it('calls a ticker-loop goroutine pre-existing when the base caught it parked and head caught it busy', () => {
    for (const moment of ['runnable-wait', 'busy-body', 'busy-call']) {
      const findings = testFindings(side(pkg, { leaks: leaks('parked') }), side(pkg, { leaks: leaks(moment) }))
      expect(findings.map((f) => [f.kind, f.severity]), moment).toEqual([['goroutine-leak', 'info']])
      expect(findings[0]).toMatchObject({ base: 1, head: 1 })
    }
  })

  it('fails it when the base has no such goroutine', () => {
    const findings = testFindings(side(pkg, {}), side(pkg, { leaks: leaks('busy-call') }))
    expect(findings.map((f) => f.severity)).toEqual(['fail'])
  })
})

// Issue 8 section 2: goroutines have a threshold (thresholds.goroutines, per package through overrides).
describe('the goroutines threshold', () => {
  const pkg = `${MODULE}/tickloop`
  const one = leakGroups(recorded('tickloop-busy-call.txt'), null, MODULE, []).filter((g) => g.creation?.function === `${pkg}.Watch`)
  const times = (n: number) => one.map((g) => ({ ...g, count: n }))

  it('fails one more goroutine of a kind by default, and warns of it under a higher absolute threshold', () => {
    expect(testFindings(side(pkg, { leaks: times(2) }), side(pkg, { leaks: times(3) })).map((f) => f.severity)).toEqual(['fail'])
    const lenient = testFindings(side(pkg, { leaks: times(2) }), side(pkg, { leaks: times(3) }), () => ({ relative: 0, absolute: 2 }))
    expect(lenient.map((f) => f.severity)).toEqual(['warn'])
    expect(lenient[0].message).toContain('under the goroutines threshold of 2')
    expect(testFindings(side(pkg, { leaks: times(2) }), side(pkg, { leaks: times(4) }), () => ({ relative: 0, absolute: 2 })).map((f) => f.severity)).toEqual(['fail'])
  })

  it('judges the relative threshold against what the base leaves of the same kind', () => {
    const limits = () => ({ relative: 0.5, absolute: 1 })
    expect(testFindings(side(pkg, { leaks: times(4) }), side(pkg, { leaks: times(6) }), limits).map((f) => f.severity)).toEqual(['warn'])
    expect(testFindings(side(pkg, { leaks: times(4) }), side(pkg, { leaks: times(7) }), limits).map((f) => f.severity)).toEqual(['fail'])
    // A kind the base never leaves is new whatever the share.
    expect(testFindings(side(pkg, {}), side(pkg, { leaks: times(1) }), limits).map((f) => f.severity)).toEqual(['fail'])
  })
})
