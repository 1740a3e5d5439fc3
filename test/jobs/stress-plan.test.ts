// The stress stage's plan: the same inputs give base and head the same packages, shares and knobs.
import { describe, expect, it } from 'vitest'
import { budgetShare, hangTimeoutMs, MAX_COUNT, MIN_HANG_MS, nextCount, selectStressPackages, stressKnobs } from '../../src/jobs/stress-plan.js'
import { readText } from '../../src/config/values.js'
import { budget } from '../../src/config/values.js'

describe('stress plan', () => {
  it('meets every GOMAXPROCS in both build modes within eight processes, with a new shuffle seed each', () => {
    const knobs = Array.from({ length: 8 }, (_, i) => stressKnobs(i, ['race', 'plain']))
    const combos = new Set(knobs.map((k) => `${k.cpu}/${k.race}`))
    expect(combos.size).toBe(8)
    expect(new Set(knobs.map((k) => k.shuffle)).size).toBe(8)
    expect(Array.from({ length: 8 }, (_, i) => stressKnobs(i, ['plain']).race)).toEqual(Array(8).fill(false))
  })

  it('gives a cheap package many repetitions per process and a slow one a single one, growing step by step', () => {
    expect(nextCount(2, 1, 12_000)).toBe(8)
    expect(nextCount(2, 8, 12_000)).toBe(MAX_COUNT)
    expect(nextCount(5_000, 1, 12_000)).toBe(1)
    // A small share keeps processes short: no more than a quarter of it, but at least 300 ms.
    expect(nextCount(10, 64, 2_000)).toBe(50)
  })

  it('bounds a process at ten times what it should take, at least a few seconds, at most the test timeout', () => {
    expect(hangTimeoutMs(10, 600_000)).toBe(MIN_HANG_MS)
    expect(hangTimeoutMs(2_000, 600_000)).toBe(20_000)
    expect(hangTimeoutMs(120_000, 600_000)).toBe(600_000)
  })

  it('splits the budget equally and selects the packages whose directory the diff touches', () => {
    expect(budgetShare(60_000, 4)).toBe(15_000)
    expect(budgetShare(60_000, 0)).toBe(0)
    const dirs = ['.', 'a', 'a/b', 'c']
    expect([...selectStressPackages(dirs, ['a/x.go', 'c/testdata/in/case.txt', 'README.md'], false)].sort()).toEqual(['.', 'a', 'c'])
    expect([...selectStressPackages(dirs, ['a/b/y_test.go'], false)]).toEqual(['a/b'])
    expect([...selectStressPackages(dirs, undefined, false)]).toEqual(dirs)
    expect([...selectStressPackages(dirs, [], true)]).toEqual(dirs)
    expect([...selectStressPackages(dirs, [], false)]).toEqual([])
  })

  it("reads the budget as a duration, with '0' and 'off' switching the stage off", () => {
    const src = { kind: 'flag', name: '--stress-budget' } as const
    expect(readText(budget(), '45s', src)).toBe(45_000)
    expect(readText(budget(), 'off', src)).toBe(0)
    expect(readText(budget(), '0', src)).toBe(0)
    expect(() => readText(budget(), 'soon', src)).toThrow(/--stress-budget .*must be a duration, or 'off'/)
  })
})
