// From recorded real output to the result model: one race per pair of code sites however the detector
// reported it, and one leak identity per goroutine however a dump caught it.
import { describe, expect, it } from 'vitest'
import { leakGroups, racesIn } from '../../src/jobs/observations.js'
import { parseRaceReports } from '../../src/parse/race.js'
import { markedLine, recordedLeaks as recorded } from '../parse/recorded-leaks.js'

const MODULE = 'example.com/leaks'

describe('racesIn', () => {
  const counter = recorded('race-counter.out')

  it('reports c.n++ from four goroutines as one race, whether the detector saw a read or a write, and counts both reports', () => {
    const reports = parseRaceReports(counter).races
    expect(reports.map((r) => `${r.access.kind}/${r.previous.kind}`)).toEqual(['read/write', 'write/write'])
    const races = racesIn(counter, 'test', MODULE)
    expect(races).toHaveLength(1)
    expect(races[0]).toMatchObject({ in: 'TestCounterRace', count: 2 })
    expect(races[0].access.frames[0]).toEqual({ function: `${MODULE}/racy.(*Counter).Inc`, file: 'racy/racy.go', line: markedLine('racy/racy.go', 'inc') })
  })

  it('gives each report alone the same key, so either one on base matches the other on head', () => {
    const [first, second] = parseRaceReports(counter).races
    expect(racesIn(first.raw, 'test', MODULE)[0].key).toBe(racesIn(second.raw, 'test', MODULE)[0].key)
  })

  it('folds a report whose earlier access lost its stack into the race it shares a side with, whatever comes first', () => {
    const [first, second] = parseRaceReports(counter).races
    const previous = second.raw.indexOf('Previous write at')
    const stackEnd = second.raw.indexOf('\n\n', previous)
    const header = second.raw.slice(previous, second.raw.indexOf('\n', previous))
    const lost = second.raw.slice(0, previous) + `${header}\n  [failed to restore the stack]` + second.raw.slice(stackEnd)
    expect(parseRaceReports(lost).races[0].previous.frames).toEqual([])
    for (const text of [`${first.raw}\n${lost}\n`, `${lost}\n${first.raw}\n`]) {
      const races = racesIn(text, 'test', MODULE)
      expect(races).toHaveLength(1)
      expect(races[0].count).toBe(2)
      expect(races[0].previous.frames.length).toBeGreaterThan(0)
    }
  })
})

describe('leakGroups on a goroutine looping on a ticker', () => {
  const WATCH = `${MODULE}/tickloop.Watch`
  const groupsOf = (moment: string) => leakGroups(recorded(`tickloop-${moment}.txt`), null, MODULE, []).filter((g) => g.creation?.function === WATCH)

  it('gives the same key whether the dump caught it parked or busy, so narrowing and base/head matching still pair it', () => {
    const groups = ['parked', 'runnable-wait', 'busy-body', 'busy-call'].map(groupsOf)
    for (const g of groups) expect(g).toHaveLength(1)
    expect(new Set(groups.map(([g]) => g.key)).size).toBe(1)
    expect(new Set(groups.map(([g]) => g.looseKey)).size).toBe(1)
    expect(groups.map(([g]) => g.state)).toEqual(['chan receive', 'runnable', 'runnable', 'runnable'])
  })
})
