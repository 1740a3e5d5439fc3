// Which benchmarks adaptive sampling measures again: only those whose interval still straddles.
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { compareResults } from '../../src/compare/compare.js'
import { openDecisions } from '../../src/compare/open.js'
import { MAX_USEFUL_ROUNDS } from '../../src/compare/timing.js'
import { bench, noisy, repeat, result } from './build-result.js'

const PKG = 'example.com/m/p'

describe('openDecisions', () => {
  it('lists the straddling benchmark and not the settled ones', () => {
    const rnd = noisy(2)
    const wobble = () => 1 + 0.08 * (rnd() - 0.5)
    const side = (near: number, far: number) =>
      result({
        [PKG]: [
          bench('BenchmarkSame', repeat(10, () => ({ ns: 1000 * wobble() }))),
          bench('BenchmarkNear', repeat(10, () => ({ ns: 1000 * near * wobble() }))),
          bench('BenchmarkFar', repeat(10, () => ({ ns: 1000 * far * (1 + 0.001 * rnd()) })))
        ]
      })
    const open = openDecisions([side(1, 1), side(1.05, 2)], DEFAULT_COMPARE)
    expect([...open]).toEqual([`${PKG}\u0000BenchmarkNear`])
  })

  it('keeps a too-noisy benchmark open until it has had the rounds that verdict is about', () => {
    const rnd = noisy(3)
    const side = (rounds: number) => result({ [PKG]: [bench('BenchmarkWild', repeat(rounds, () => ({ ns: 1000 * Math.exp(1.5 * (rnd() - 0.5)) })))] })
    const verdict = (rounds: number) => {
      const [base, head] = [side(rounds), side(rounds)]
      const status = compareResults({ base, head, baseDir: '', headDir: '', config: DEFAULT_COMPARE }).comparisons[0].metrics.find((m) => m.unit === 'ns/op')?.status
      return { status, open: openDecisions([base, head], DEFAULT_COMPARE).size }
    }
    expect(verdict(12)).toEqual({ status: 'too-noisy', open: 1 })
    expect(verdict(MAX_USEFUL_ROUNDS)).toEqual({ status: 'too-noisy', open: 0 })
  })

  it('is empty with one side only (nothing to pair)', () => {
    expect(openDecisions([result({ [PKG]: [bench('BenchmarkA', repeat(10, () => ({})))] })], DEFAULT_COMPARE).size).toBe(0)
  })
})

describe('judging repeated looks', () => {
  const rnd = noisy(5)
  const side = (factor: number, env = {}) => result({ [PKG]: [bench('BenchmarkA', repeat(12, () => ({ ns: 1000 * factor * (1 + 0.02 * rnd()) })))] }, env)
  const adaptive = { budgetMs: 60_000, usedMs: 30_000, firstRounds: 6, looks: [6, 9, 14, 21, 32, 48, 72, 100], extraRounds: {}, stopped: 'settled' as const }

  it("sets the failing bound at alpha / (m x K) for the head's K planned looks, and the report names the looks and the level", () => {
    const report = compareResults({ base: side(1), head: side(1.2, { adaptive }), baseDir: '', headDir: '', config: DEFAULT_COMPARE })
    const time = report.comparisons[0].metrics.find((m) => m.unit === 'ns/op')
    expect(time?.interval?.tail).toBeCloseTo(DEFAULT_COMPARE.statistics.alpha / 8, 12)
    expect(time?.reason).toContain('over 1 comparisons and 8 looks')
    expect(report.notes.join('\n')).toContain('Judged after 6, 9, 14, 21, 32, 48, 72, 100 rounds, the failing bound at 0.0063 (alpha split over the 8 looks')
    const limited = compareResults({ base: side(1), head: side(1.2, { adaptive: { ...adaptive, stopped: 'max-rounds' as const } }), baseDir: '', headDir: '', config: DEFAULT_COMPARE })
    expect(limited.notes.join('\n')).toContain('stopped because the round limit of 100 rounds was reached.')
  })

  it('judges a fixed count at alpha / m: one look', () => {
    const report = compareResults({ base: side(1), head: side(1.2), baseDir: '', headDir: '', config: DEFAULT_COMPARE })
    expect(report.comparisons[0].metrics.find((m) => m.unit === 'ns/op')?.interval?.tail).toBeCloseTo(DEFAULT_COMPARE.statistics.alpha, 12)
    expect(report.notes.join('\n')).not.toContain('Judged after')
  })
})
