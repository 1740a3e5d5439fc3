// Mutated real goroutine dumps (runtime.Stack, the goroutineleak profile, timeout and SIGQUIT dumps) through the
// dump parser, the signature grouping and what the jobs store from them.
import { describe, it } from 'vitest'
import { hangGroups, leakGroups } from '../../src/jobs/observations.js'
import { groupBySignature } from '../../src/parse/goroutine-leaks.js'
import { parseGoroutineDump } from '../../src/parse/goroutines.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const MODULE = 'example.com/leakfixture'
const corpus = texts('recorded-leaks', ['leaks-stack.txt', 'leakprofile-debug2.txt', 'leakprofile-stack.txt', 'hang.stderr', 'sigquit.stderr'])

describe('goroutine dump fuzz', () => {
  it('reads every mutated dump without throwing, with finite numbers, and groups it', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(150), (text, where) => {
      const dump = timed(() => parseGoroutineDump(text), where)
      expectFinite(dump, where)
      expectFinite(groupBySignature(dump.goroutines, { modulePath: MODULE }), where)
      expectFinite(timed(() => leakGroups(text, text, MODULE, []), where), where)
      expectFinite(timed(() => hangGroups(text, MODULE), where), where)
    })
  })
})
