// Mutated real race detector reports through the race parser and what the jobs make of them.
import { describe, expect, it } from 'vitest'
import { racesIn } from '../../src/jobs/observations.js'
import { parseRaceReports, raceKey } from '../../src/parse/race.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const MODULE = 'example.com/leakfixture'
const corpus = texts('recorded-leaks', ['race-tests.out', 'race-tests-v.out', 'race-bench.out', 'race-outside.out', 'race-log.txt', 'race-tests-split.stderr'])

describe('race report fuzz', () => {
  it('reads every mutated report without throwing, with finite numbers, and keys every race', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      const out = timed(() => parseRaceReports(text), where)
      expectFinite(out, where)
      for (const r of out.races) expect(typeof raceKey(r, { modulePath: MODULE }), where).toBe('string')
      expectFinite(timed(() => racesIn(text, 'test', MODULE), where), where)
    })
  })
})
