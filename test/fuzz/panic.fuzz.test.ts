// Mutated real panics and fatal errors through the crash reader, as the benchmark and -test.v parsers call it.
import { describe, expect, it } from 'vitest'
import { splitLines } from '../../src/parse/lines.js'
import { crashedBenchmark, firstUserFrame, isCrashStart, readCrash } from '../../src/parse/panic.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const corpus = [...texts('recorded', ['panic-cut.stderr']), ...texts('recorded-testv', ['panic.txt', 'timeout.txt']), ...texts('recorded-leaks', ['sigquit.stderr'])]

describe('panic fuzz', () => {
  it('reads every crash in every mutated output, with finite line numbers and a bounded value', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      timed(() => {
        const lines = splitLines(text)
        for (let i = 0; i < lines.length; i++) {
          if (!isCrashStart(lines[i])) continue
          const { crash, next } = readCrash(lines, i)
          expect(next, where).toBeGreaterThan(i)
          expect(crash.value.length, where).toBeLessThanOrEqual(16 * 1024 + 1)
          expectFinite(crash, where)
          crashedBenchmark(crash)
          firstUserFrame(crash.frames, 'example.com/recorded')
          i = next - 1
        }
      }, where)
    })
  })
})
