import { describe, expect, it } from 'vitest'
import {
  pairedInterval,
  pairedPAbove,
  pairedReaches,
  pairsToSettle,
  robustSpread,
  shiftInterval,
  signedRankNullTail,
  unpairedPAbove,
  unpairedReaches
} from '../../src/compare/interval.js'
import { noisy } from './build-result.js'

/** P(W <= w) by listing every sign pattern of n ranks: the definition the table must reproduce. */
function bruteSignedRank(n: number): number[] {
  const top = (n * (n + 1)) / 2
  const counts = new Array<number>(top + 1).fill(0)
  for (let mask = 0; mask < 2 ** n; mask++) {
    let w = 0
    for (let r = 1; r <= n; r++) if (mask & (1 << (r - 1))) w += r
    counts[w]++
  }
  let sum = 0
  return counts.map((c) => (sum += c) / 2 ** n)
}

/** Normal-ish noise from a uniform generator (sum of four uniforms), symmetric about 0. */
function gauss(rnd: () => number): () => number {
  return () => (rnd() + rnd() + rnd() + rnd() - 2) * Math.sqrt(3)
}

describe('signedRankNullTail', () => {
  it('is the exact null distribution of the signed-rank statistic', () => {
    for (const n of [1, 4, 9, 12]) {
      const table = signedRankNullTail(n)
      const brute = bruteSignedRank(n)
      expect(table.length).toBe(brute.length)
      brute.forEach((p, w) => expect(table[w]).toBeCloseTo(p, 12))
    }
  })
})

describe('pairedInterval', () => {
  it('is undefined when the pairs cannot reach the level: 2^-n > tail', () => {
    expect(pairedReaches(5, 0.01)).toBe(false)
    expect(pairedInterval([1, 2, 3, 4, 5], 0.01)).toBeUndefined()
    expect(pairedReaches(7, 0.01)).toBe(true)
  })

  it('at the smallest reachable level is the range of the values', () => {
    const d = [0.3, -0.1, 0.2, 0.05, 0.15, 0.4]
    const b = pairedInterval(d, 2 ** -6)
    expect(b?.low).toBe(-0.1)
    expect(b?.high).toBe(0.4)
  })

  it('agrees with its test: the lower bound is above tau exactly when the one-sided p is at most the tail', () => {
    const rnd = gauss(noisy(3))
    for (let trial = 0; trial < 200; trial++) {
      const d = Array.from({ length: 12 }, () => 0.05 + 0.03 * rnd())
      const tau = 0.04
      const b = pairedInterval(d, 0.01)
      expect(b).toBeDefined()
      expect((b?.low ?? 0) > tau).toBe(pairedPAbove(d, tau) <= 0.01)
    }
  })

  it('covers the true centre at least as often as promised, on symmetric noise', () => {
    const rnd = gauss(noisy(11))
    const tail = 0.025
    let below = 0
    let above = 0
    const trials = 2000
    for (let t = 0; t < trials; t++) {
      const d = Array.from({ length: 10 }, () => 0.1 + 0.05 * rnd())
      const b = pairedInterval(d, tail)
      if ((b?.low ?? 0) > 0.1) below++
      if ((b?.high ?? 0) < 0.1) above++
    }
    // Each bound errs at most `tail` of the time (up to sampling error of 2000 trials).
    expect(below / trials).toBeLessThan(tail + 0.01)
    expect(above / trials).toBeLessThan(tail + 0.01)
  })
})

describe('shiftInterval', () => {
  it('reaches with 6 runs per side a level 6 pairs cannot (1/924 against 1/64)', () => {
    expect(unpairedReaches(6, 6, 0.002)).toBe(true)
    expect(pairedReaches(6, 0.002)).toBe(false)
  })

  it('is the range of the differences at the smallest level, and agrees with its test', () => {
    const x = [1, 2, 3, 4]
    const y = [5, 6, 7, 9]
    const b = shiftInterval(x, y, 1 / 70)
    expect(b?.low).toBe(1)
    expect(b?.high).toBe(8)
    expect(unpairedPAbove(x, y, 0.5)).toBeCloseTo(1 / 70, 12)
  })
})

describe('pairing', () => {
  it('sees through a drift that moves both runs of a round alike, where the unpaired interval cannot', () => {
    const rnd = gauss(noisy(5))
    // Base and head alternate; the machine's speed drifts by up to 30% between rounds, the head is 10% slower.
    const drift = Array.from({ length: 12 }, (_, i) => 1 + 0.3 * Math.sin(i))
    const base = drift.map((f) => Math.log(100 * f * (1 + 0.01 * rnd())))
    const head = drift.map((f) => Math.log(110 * f * (1 + 0.01 * rnd())))
    const paired = pairedInterval(head.map((h, i) => h - base[i]), 0.001)
    const unpaired = shiftInterval(base, head, 0.001)
    expect(paired?.low).toBeGreaterThan(Math.log(1.05))
    expect(unpaired?.low).toBeLessThan(Math.log(1.05))
  })
})

describe('robustSpread and pairsToSettle', () => {
  it('estimates sigma of normal-like noise and is not moved by one wild value', () => {
    const rnd = gauss(noisy(8))
    const xs = Array.from({ length: 400 }, () => 0.02 * rnd())
    expect(robustSpread(xs)).toBeGreaterThan(0.017)
    expect(robustSpread(xs)).toBeLessThan(0.025)
    expect(robustSpread([...xs.slice(0, 399), 50])).toBeLessThan(0.025)
  })

  it('asks for more rounds the closer the estimate is to the threshold, and for none when it sits on it', () => {
    expect(pairsToSettle(0.02, 0.01, 0.001)).toBeGreaterThan(pairsToSettle(0.02, 0.04, 0.001))
    expect(pairsToSettle(0.02, 0, 0.001)).toBe(Infinity)
  })
})
