// Mutated real GODEBUG=gctrace=1 output through the gctrace parser and the per-run GC summary.
import { describe, expect, it } from 'vitest'
import { parseGctrace, summarizeGc } from '../../src/parse/gctrace.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const corpus = texts('recorded', ['retain.stderr', 'retain-loop.stderr', 'retain-ramp.stderr'])

describe('gctrace fuzz', () => {
  it('reads every mutated trace into cycles and problems, with every number finite and counts safe', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      const trace = timed(() => parseGctrace(text), where)
      expectFinite(trace, where)
      expect(trace.cycles.every((c) => Number.isSafeInteger(c.n) && Number.isSafeInteger(c.procs)), where).toBe(true)
      expectFinite(summarizeGc(trace.cycles), where)
    })
  })
})
