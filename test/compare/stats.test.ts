import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { seededRng } from '../helpers/rng.js'
import {
  benjaminiHochberg,
  mannWhitneyU,
  mean,
  median,
  minimumPossibleP,
  quantile
} from '../../src/compare/stats.js'

// Recorded by scripts/record-stats-oracle.sh from golang.org/x/perf/benchmath and go-moremath.
interface OracleUResult {
  benchstatP: number
  u?: number
  moremathP?: number
  error?: string
}
interface OracleUCase {
  name: string
  a: number[]
  b: number[]
  hasTies: boolean
  ab: OracleUResult
  ba: OracleUResult
}
interface Oracle {
  go: string
  modules: Record<string, string>
  uTests: OracleUCase[]
  minimumP: { n1: number; n2: number; p: number }[]
  quantiles: { xs: number[]; q: number; value: number }[]
  medians: { xs: number[]; median: number }[]
}

const oracle = JSON.parse(
  readFileSync(new URL('../fixtures/stats/oracle.json', import.meta.url), 'utf8')
) as Oracle

function expectClose(actual: number, expected: number, relative = 1e-9, absolute = 0): void {
  const tolerance = relative * Math.abs(expected) + absolute
  if (Math.abs(actual - expected) > tolerance) {
    expect.fail(`expected ${actual} to be within ${tolerance} of ${expected}`)
  }
}

// The orders in which benchstat's answer is the one this module aims for: the first sample has the smaller
// U (or U is at the centre), or the test failed and benchstat reports p = 1.
function ordersWithSmallerU(c: OracleUCase): { a: number[]; b: number[]; result: OracleUResult }[] {
  const centre = (c.a.length * c.b.length) / 2
  return [
    { a: c.a, b: c.b, result: c.ab },
    { a: c.b, b: c.a, result: c.ba }
  ].filter(({ result }) => result.u === undefined || result.u <= centre)
}

function sample(next: () => number, n: number, offset: number, step = 0): number[] {
  return Array.from({ length: n }, () => {
    const x = offset + next()
    return step > 0 ? Math.round(x / step) * step : x
  })
}

// Every way of splitting the pooled values into the two samples, counted directly: the definition of the
// exact two-sided test that the dynamic programme in stats.ts must reproduce.
function bruteForceP(a: number[], b: number[]): number {
  const pooled = [...a, ...b]
  const uOf = (chosen: number[], other: number[]): number => {
    let u = 0
    for (const x of chosen) for (const y of other) u += x > y ? 1 : x === y ? 0.5 : 0
    return u
  }
  const observed = uOf(a, b)
  const centre = (a.length * b.length) / 2
  if (observed === centre) return 1
  const size = observed < centre ? a.length : b.length
  const target = Math.min(observed, a.length * b.length - observed)
  let atMost = 0
  let total = 0
  for (let mask = 0; mask < 1 << pooled.length; mask++) {
    const chosen = pooled.filter((_, i) => mask & (1 << i))
    if (chosen.length !== size) continue
    const other = pooled.filter((_, i) => !(mask & (1 << i)))
    total++
    if (uOf(chosen, other) <= target) atMost++
  }
  return Math.min(1, (2 * atMost) / total)
}

describe('mannWhitneyU against benchstat', () => {
  it('uses an oracle recorded by benchstat\'s own statistics code', () => {
    expect(oracle.go).toMatch(/^go1\.\d+/)
    expect(oracle.modules['golang.org/x/perf']).toMatch(/^v0\.0\.0-/)
    expect(oracle.modules['github.com/aclements/go-moremath']).toMatch(/^v0\.0\.0-/)
    expect(oracle.uTests.length).toBeGreaterThan(30)
  })

  it.each(oracle.uTests)('$name: matches benchstat\'s p when the first sample has the smaller U', (c) => {
    const orders = ordersWithSmallerU(c)
    expect(orders.length).toBeGreaterThan(0)
    for (const { a, b, result } of orders) {
      // benchstat can report a doubled tail above 1 ([1] vs [1, 5] gives 4/3); a p-value is capped at 1.
      expectClose(mannWhitneyU(a, b).pValue, Math.min(1, result.benchstatP))
    }
  })

  it.each(oracle.uTests)('$name: gives the same p whichever sample comes first', (c) => {
    expect(mannWhitneyU(c.b, c.a).pValue).toBe(mannWhitneyU(c.a, c.b).pValue)
  })

  it.each(oracle.uTests)('$name: reports benchstat\'s U for the first sample', (c) => {
    if (c.ab.u !== undefined) expect(mannWhitneyU(c.a, c.b).u).toBe(c.ab.u)
    if (c.ba.u !== undefined) expect(mannWhitneyU(c.b, c.a).u).toBe(c.ba.u)
  })

  it.each(oracle.uTests)('$name: uses the exact distribution where benchstat does', (c) => {
    const largest = Math.max(c.a.length, c.b.length)
    const exact = c.ab.error !== undefined || largest <= (c.hasTies ? 25 : 50)
    expect(mannWhitneyU(c.a, c.b).exact).toBe(exact)
  })

  it('agrees with benchstat in either order when the sizes are equal or nothing is tied', () => {
    const checked = oracle.uTests.filter((c) => c.a.length === c.b.length || !c.hasTies)
    expect(checked.length).toBeGreaterThan(20)
    for (const c of checked) {
      // In the normal approximation benchstat takes the upper tail as 1 - Phi(z), which rounds to within
      // about 1e-16 of the true tail (to 0 for 60 vs 60 separated); hence the absolute slack.
      expectClose(mannWhitneyU(c.a, c.b).pValue, Math.min(1, c.ab.benchstatP), 1e-9, 1e-15)
      expectClose(mannWhitneyU(c.b, c.a).pValue, Math.min(1, c.ba.benchstatP), 1e-9, 1e-15)
    }
  })

  it('departs from benchstat only for tied samples of unequal size, where its p depends on the order', () => {
    const departing = oracle.uTests.filter(
      (c) => c.hasTies && c.a.length !== c.b.length && Math.max(c.a.length, c.b.length) <= 25 && !c.ab.error
    )
    expect(departing.map((c) => c.name)).toContain('ties unequal sizes 1 vs 2')
    for (const c of departing) {
      expect(c.ab.benchstatP).not.toBe(c.ba.benchstatP)
      if (c.a.length + c.b.length <= 16) {
        expectClose(mannWhitneyU(c.a, c.b).pValue, bruteForceP(c.a, c.b), 1e-12)
      }
    }
  })

  it('keeps the far tail of the normal approximation that large GC pause samples reach', () => {
    const c = oracle.uTests.find((t) => t.name === '500 vs 500 fully separated')
    expect(c?.ab.benchstatP).toBeLessThan(1e-150)
    expectClose(mannWhitneyU(c?.a ?? [], c?.b ?? []).pValue, c?.ab.benchstatP ?? Number.NaN)
  })
})

describe('mannWhitneyU', () => {
  it('gives 2/70 for 4 vs 4 fully separated samples, the best 4 per side can do', () => {
    const result = mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8])
    expectClose(result.pValue, 2 / 70, 1e-12)
    expect(result).toMatchObject({ u: 0, exact: true })
    expect(mannWhitneyU([5, 6, 7, 8], [1, 2, 3, 4]).u).toBe(16)
  })

  it('gives 2/924 for 6 vs 6 fully separated samples', () => {
    expectClose(mannWhitneyU([11, 12, 13, 14, 15, 16], [1, 2, 3, 4, 5, 6]).pValue, 2 / 924, 1e-12)
  })

  it('gives 0.1 for 3 vs 3 fully separated samples, so 3 per side never reach alpha 0.05', () => {
    expectClose(mannWhitneyU([1, 2, 3], [4, 5, 6]).pValue, 2 / 20, 1e-12)
  })

  it('counts ties between the samples as half a pair in U', () => {
    expect(mannWhitneyU([1, 2], [2, 3]).u).toBe(0.5)
    expect(mannWhitneyU([2, 2, 5], [2, 1]).u).toBe(1.5 + 1.5 + 2)
  })

  it('matches a count over every split of the pooled values when values are tied', () => {
    const next = seededRng(7)
    for (let round = 0; round < 40; round++) {
      const n1 = 1 + Math.floor(next() * 6)
      const n2 = 1 + Math.floor(next() * 6)
      const a = sample(next, n1, 0, 0.25)
      const b = sample(next, n2, 0.3 * next(), 0.25)
      const expected = new Set([...a, ...b]).size === 1 ? 1 : bruteForceP(a, b)
      expectClose(mannWhitneyU(a, b).pValue, expected, 1e-12)
    }
  })

  it('caps a doubled tail of a lopsided tied distribution at 1', () => {
    // U for [1] against [1, 5] is 0.5 with probability 2/3 and 2 with probability 1/3: doubling the lower
    // tail gives 4/3, which benchstat reports as it is.
    expect(mannWhitneyU([1], [1, 5]).pValue).toBe(1)
  })

  it('gives p = 1 when every value on both sides is the same', () => {
    expect(mannWhitneyU([7, 7, 7, 7, 7], [7, 7, 7, 7, 7])).toEqual({ u: 12.5, pValue: 1, exact: true })
    expect(mannWhitneyU(Array(3000).fill(0.012), Array(2000).fill(0.012)).pValue).toBe(1)
  })

  it('gives p = 1 when a side is empty', () => {
    expect(mannWhitneyU([], [1, 2, 3])).toEqual({ u: 0, pValue: 1, exact: true })
    expect(mannWhitneyU([1, 2, 3], []).pValue).toBe(1)
    expect(mannWhitneyU([], []).pValue).toBe(1)
  })

  it('handles a side with one sample', () => {
    expect(mannWhitneyU([1], [2]).pValue).toBe(1)
    expectClose(mannWhitneyU([0], [1, 2, 3, 4, 5, 6, 7, 8, 9]).pValue, 2 / 10, 1e-12)
    expect(mannWhitneyU([5], [1, 2, 3, 4, 6, 7, 8, 9]).pValue).toBe(1)
  })

  it('rejects NaN, which would corrupt every rank after it', () => {
    expect(() => mannWhitneyU([1, Number.NaN], [2, 3])).toThrow(/NaN/)
  })

  it('leaves its inputs as they were', () => {
    const a = [3, 1, 2]
    const b = [6, 4, 5]
    mannWhitneyU(a, b)
    expect(a).toEqual([3, 1, 2])
    expect(b).toEqual([6, 4, 5])
  })

  it('returns p-values between 0 and 1 for random samples of every size class', () => {
    const next = seededRng(11)
    for (const [n1, n2, step] of [[3, 9, 0.1], [10, 10, 0], [24, 17, 0.2], [50, 49, 0], [70, 30, 0.1]]) {
      for (let round = 0; round < 20; round++) {
        const p = mannWhitneyU(sample(next, n1, 0, step), sample(next, n2, 0.2, step)).pValue
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
      }
    }
  })

  it('handles thousands of samples per side through the normal approximation', () => {
    const next = seededRng(3)
    const result = mannWhitneyU(sample(next, 8000, 0, 0.001), sample(next, 6000, 0.01, 0.001))
    expect(result.exact).toBe(false)
    expect(result.pValue).toBeGreaterThan(0)
    expect(result.pValue).toBeLessThan(0.05)
  })
})

describe('minimumPossibleP', () => {
  it.each(oracle.minimumP)('matches benchstat for $n1 vs $n2 fully separated samples', ({ n1, n2, p }) => {
    expectClose(minimumPossibleP(n1, n2), p)
    expectClose(minimumPossibleP(n2, n1), p)
  })

  it('says 4 samples per side can just reach alpha 0.05 and 3 cannot', () => {
    expectClose(minimumPossibleP(4, 4), 2 / 70, 1e-12)
    expect(minimumPossibleP(4, 4)).toBeLessThan(0.05)
    expect(minimumPossibleP(3, 3)).toBeGreaterThan(0.05)
  })

  it('is the p-value mannWhitneyU gives for fully separated samples, inside and beyond the exact range', () => {
    for (const [n1, n2] of [[5, 8], [50, 50], [51, 51], [200, 30]]) {
      const low = Array.from({ length: n1 }, (_, i) => i)
      const high = Array.from({ length: n2 }, (_, i) => n1 + i)
      expectClose(minimumPossibleP(n1, n2), mannWhitneyU(low, high).pValue, 1e-12)
    }
  })

  it('is 1 with an empty side and rejects sizes that are not counts', () => {
    expect(minimumPossibleP(0, 10)).toBe(1)
    expect(() => minimumPossibleP(2.5, 3)).toThrow(RangeError)
    expect(() => minimumPossibleP(-1, 3)).toThrow(RangeError)
  })
})

describe('quantile', () => {
  it.each(oracle.quantiles)('matches go-moremath for q = $q of $xs.length values', ({ xs, q, value }) => {
    expectClose(quantile(xs, q), value, 1e-12)
  })

  it('interpolates at position (n + 1/3) q + 1/3 of the sorted sample (Hyndman-Fan 8)', () => {
    // h = 1/3 + 0.25 * (5 + 1/3) = 5/3: two thirds of the way from the 1st to the 2nd value.
    expectClose(quantile([50, 10, 40, 20, 30], 0.25), 10 + (2 / 3) * 10, 1e-12)
    // p99 of 100 pauses 1..100 ms: h = 1/3 + 0.99 * 100.333 = 99.663.
    const pauses = Array.from({ length: 100 }, (_, i) => 100 - i)
    expectClose(quantile(pauses, 0.99), 99 + (1 / 3 + 0.99 * (100 + 1 / 3) - 99), 1e-12)
  })

  it('never goes beyond the largest value: p99 of 20 pauses is the largest pause', () => {
    expect(quantile([3, 9, 1, 4, 8, 2, 7, 6, 5, 10, 13, 12, 11, 20, 14, 15, 19, 16, 18, 17], 0.99)).toBe(20)
    expect(quantile([4, 2], 0)).toBe(2)
    expect(quantile([4, 2], 1)).toBe(4)
  })

  it('is NaN for an empty sample and rejects q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN()
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError)
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError)
  })
})

describe('median', () => {
  it.each(oracle.medians)('matches benchstat\'s median of $xs.length values', ({ xs, median: want }) => {
    expectClose(median(xs), want, 1e-12)
  })

  it('takes the middle value, or the mean of the two middle values, without reordering the input', () => {
    const xs = [5, 1, 3]
    expect(median(xs)).toBe(3)
    expect(xs).toEqual([5, 1, 3])
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})

describe('mean', () => {
  it('is the arithmetic mean, and NaN for an empty sample', () => {
    expect(mean([1, 2, 3, 10])).toBe(4)
    expect(mean([])).toBeNaN()
  })
})

describe('benjaminiHochberg', () => {
  it('adjusts a hand-computed example and keeps the input order', () => {
    // Sorted: 0.005 (rank 1), 0.01 (2), 0.035 (3), 0.04 (4), 0.2 (5); m p / rank = 0.025, 0.025, 0.0583,
    // 0.05, 0.2. Taking the minimum from the top down lowers rank 3 to rank 4's 0.05.
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.035, 0.005, 0.2])
    const expected = [0.025, 0.05, 0.05, 0.025, 0.2]
    adjusted.forEach((q, i) => expectClose(q, expected[i], 1e-12))
  })

  it('gives equal p-values equal q-values', () => {
    const adjusted = benjaminiHochberg([0.03, 0.03, 0.5])
    expectClose(adjusted[0], 0.045, 1e-12)
    expect(adjusted[1]).toBe(adjusted[0])
    expect(adjusted[2]).toBe(0.5)
  })

  it('is monotone in the p-values, never below them and never above 1', () => {
    const next = seededRng(13)
    const pValues = Array.from({ length: 80 }, () => next() ** 3)
    const adjusted = benjaminiHochberg(pValues)
    const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j])
    for (let k = 1; k < order.length; k++) {
      expect(adjusted[order[k]]).toBeGreaterThanOrEqual(adjusted[order[k - 1]])
    }
    adjusted.forEach((q, i) => {
      expect(q).toBeGreaterThanOrEqual(pValues[i])
      expect(q).toBeLessThanOrEqual(1)
    })
  })

  it('leaves a single p-value alone and accepts an empty list', () => {
    expect(benjaminiHochberg([0.03])).toEqual([0.03])
    expect(benjaminiHochberg([])).toEqual([])
  })

  it('rejects values that are not p-values', () => {
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(RangeError)
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError)
  })
})
