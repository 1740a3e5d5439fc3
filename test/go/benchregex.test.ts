import { describe, expect, it } from 'vitest'
import { splitBenchRegex } from '../../src/go/benchregex.js'

describe('splitBenchRegex', () => {
  it('splits levels on slashes outside brackets, groups and escapes as the testing package does', () => {
    expect(splitBenchRegex('.')).toEqual(['.'])
    expect(splitBenchRegex('BenchmarkA/size=10')).toEqual(['BenchmarkA', 'size=10'])
    expect(splitBenchRegex('Bench[/x]/(a/b)/c\\/d')).toEqual(['Bench[/x]', '(a/b)', 'c\\/d'])
  })
})
