// Which benchmarks adaptive sampling measures again: only those whose interval still straddles.
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { openDecisions } from '../../src/compare/open.js'
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

  it('is empty with one side only (nothing to pair)', () => {
    expect(openDecisions([result({ [PKG]: [bench('BenchmarkA', repeat(10, () => ({})))] })], DEFAULT_COMPARE).size).toBe(0)
  })
})
