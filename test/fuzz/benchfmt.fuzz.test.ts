// Mutated real benchmark output through the benchmark-text parser and the result selection the jobs use.
import { describe, expect, it } from 'vitest'
import { isNonFinite } from '../../src/model/metric-value.js'
import { parseBenchOutput } from '../../src/parse/benchfmt.js'
import { leavesUnder, resultOf } from '../../src/parse/bench-select.js'
import { expectFinite, fuzzCases, fuzzCount, TEXT_MUTATORS, timed } from './corpus-mutate.js'
import { texts } from './recorded-corpus.js'

const corpus = [
  ...texts('recorded', ['bench-all.stdout', 'bench-cpu1.stdout', 'retain.stdout', 'retain-loop.stdout', 'panic-cut.stdout', 'panic-nan.stdout', 'panic-cut.stderr']),
  // As Go printed fixtures/untrusted: +Inf and NaN metrics, a number where a unit should be, forged lines.
  {
    name: 'untrusted',
    value: [
      'BenchmarkHuge 99999999999999999999999 1 ns/op',
      'BenchmarkPrints 1 1e999 ns/op',
      'goos: linux',
      'pkg: example.com/untrustedfixture/ratio',
      'BenchmarkLookup-2      \t     100\t         7.010 ns/op\t      +Inf hits/lookup',
      'BenchmarkMissRatio-2   \t     100\t         5.100 ns/op\t       NaN misses/lookup',
      'BenchmarkOddUnit-2   \t     100\t         5.110 ns/op\t         3.000 1000',
      'PASS'
    ].join('\n')
  }
]

describe('benchmark text fuzz', () => {
  it('reads every mutated output into results and problems: finite or Go-printed values, safe counts, linear time', () => {
    fuzzCases(corpus, TEXT_MUTATORS, fuzzCount(200), (text, where) => {
      const out = timed(() => parseBenchOutput(text, { procs: 4 }), where)
      expectFinite(out, where)
      const bad: string[] = []
      for (const r of out.results) {
        if (!Number.isSafeInteger(r.iterations) || r.iterations <= 0) bad.push(`${r.name}: iterations ${r.iterations}`)
        for (const [unit, v] of Object.entries(r.metrics)) if (typeof v !== 'number' && !isNonFinite(v)) bad.push(`${r.name} ${unit}: ${String(v)}`)
      }
      for (const name of new Set(out.results.map((r) => r.name))) {
        const outcome = resultOf(out, name, out.results.find((r) => r.name === name)?.iterations ?? 1)
        if (outcome.kind === 'missing') bad.push(`${name}: resultOf says missing`)
        if (leavesUnder(out, name.split('/')[0]).results.length === 0) bad.push(`${name}: not a leaf of its top-level`)
      }
      expect(bad, where).toEqual([])
    })
  })
})
