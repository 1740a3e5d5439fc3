import { describe, expect, it } from 'vitest'
import type { Location } from '../../src/model/report.js'
import { clip, countsPhrase, groupByPackage, rankLocations, tallyComparisons } from '../../src/report/summary.js'
import { sampleReport } from './sample-report.js'

describe('countsPhrase', () => {
  it('names what is not zero, with plurals', () => {
    expect(countsPhrase({ fail: 3, warn: 1, info: 0 })).toBe('3 failing, 1 warning')
    expect(countsPhrase({ fail: 0, warn: 2, info: 4 })).toBe('2 warnings, 4 info')
    expect(countsPhrase({ fail: 0, warn: 0, info: 0 })).toBe('')
  })
})

describe('rankLocations', () => {
  const at = (fn: string, deltaPerOp?: number): Location => ({ file: 'f.go', line: 1, function: fn, role: 'allocation', deltaPerOp })

  it('puts the biggest retainers first and keeps the order of locations without a delta', () => {
    const ranked = rankLocations([at('a'), at('b', 10), at('c'), at('d', 300), at('e', 10)])
    expect(ranked.map((l) => l.function)).toEqual(['d', 'b', 'e', 'a', 'c'])
  })
})

describe('tallyComparisons', () => {
  it('counts a benchmark as regressed if any metric regressed, improved only if none did', () => {
    const tally = tallyComparisons(sampleReport())
    expect(tally).toEqual({
      packages: 4,
      benchmarks: 46,
      metrics: 50,
      regressed: 3,
      improved: 1,
      undecided: 0,
      unchanged: 42,
      onlyInBase: 1,
      onlyInHead: 1
    })
  })
})

describe('groupByPackage', () => {
  it('keeps the order in which packages first appear', () => {
    expect([...groupByPackage(sampleReport().comparisons).keys()]).toEqual([
      'example.com/shop/cart',
      'example.com/shop/hostile',
      'example.com/shop/cache',
      'example.com/shop/api'
    ])
  })
})

describe('clip', () => {
  it('cuts to the given number of characters with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…')
    expect(clip('abcd', 4)).toBe('abcd')
    expect(clip('😀😀😀', 2)).toBe('😀…')
  })
})
