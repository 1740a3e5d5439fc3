// Mutated real -test.v output (passes, failures, a panic, a timeout) through the -test.v parser.
import { describe, it } from 'vitest'
import { parseTestVerbose } from '../../src/parse/testv.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const corpus = [...texts('recorded-testv', ['plain.txt', 'panic.txt', 'timeout.txt']), ...texts('recorded-leaks', ['race-tests-v.out'])]

describe('-test.v fuzz', () => {
  it('reads every mutated output without throwing, with finite numbers', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      expectFinite(timed(() => parseTestVerbose(text), where), where)
    })
  })
})
