// The stress stage's plan: the same inputs give base and head the same packages, shares and knobs.
import { describe, expect, it } from 'vitest'
import { budgetShare, dependentsOf, hangTimeoutMs, MAX_COUNT, MIN_DEPENDENT_SHARE_MS, MIN_HANG_MS, nextCount, selectStressPackages, stressKnobs, stressShares, type StressReason } from '../../src/jobs/stress-plan.js'
import type { ImportNode } from '../../src/go/packages.js'
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

  it('finds the packages whose code or tests link in a changed one, directly or transitively, with the nearest distance', () => {
    const node = (p: string, imports: string[], testImports: string[] = []): ImportNode => ({ importPath: `m/${p}`, relDir: p, imports: imports.map((i) => (i.includes('/') ? i : `m/${i}`)), testImports: testImports.map((i) => `m/${i}`) })
    const graph = [
      node('a', ['fmt']),
      node('b', ['a', 'sync']),
      node('c', ['b']),
      node('d', ['fmt'], ['c', 'd']),
      node('e', ['fmt'], ['x']),
      node('x', ['d']),
      node('z', ['fmt'], ['z'])
    ]
    const deps = dependentsOf(graph, new Set(['m/a']))
    const got = Object.fromEntries([...deps].map(([p, r]) => [p, `${r.depth} ${r.via.join(',')}`]))
    // d reaches a only through its tests (c, then b, then a). x imports d, but d's tests are not linked into
    // x's binary, so x does not reach a; and z's own xtest import of z is no dependency.
    expect(got).toEqual({ 'm/b': '1 m/a', 'm/c': '2 m/a', 'm/d': '3 m/a' })
    expect([...dependentsOf(graph, new Set(['m/d']))].map(([p, r]) => [p, r.depth])).toEqual([['m/e', 2], ['m/x', 1]])
    expect(dependentsOf(graph, new Set())).toEqual(new Map())
  })

  it('gives a changed package twice what a dependent gets, dependents at most half, closest first, none below the minimum', () => {
    const reason = (depth: number): StressReason => ({ reason: 'dependent', via: ['m/a'], depth })
    const one = stressShares(60_000, ['m/a'], new Map([['m/b', reason(1)]]))
    expect(Object.fromEntries(one.shares)).toEqual({ 'm/a': 40_000, 'm/b': 20_000 })
    const many = stressShares(60_000, ['m/a'], new Map(Array.from({ length: 10 }, (_, i) => [`m/d${i}`, reason(1)])))
    expect(many.shares.get('m/a')).toBe(30_000)
    expect(many.shares.get('m/d0')).toBe(3_000)
    const crowd = new Map(Array.from({ length: 40 }, (_, i): [string, StressReason] => [`m/d${String(i).padStart(2, '0')}`, reason(i < 20 ? 2 : 1)]))
    const cut = stressShares(60_000, ['m/a', 'm/b'], crowd)
    const dependentShares = [...cut.shares].filter(([p]) => p.startsWith('m/d')).map(([, ms]) => ms)
    expect(dependentShares.every((ms) => ms >= MIN_DEPENDENT_SHARE_MS)).toBe(true)
    expect(dependentShares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000)
    // 20 fit at 1.5 s each in half the budget: the direct importers (depth 1: d20 to d39), which come before
    // the transitive ones.
    expect(dependentShares).toHaveLength(20)
    expect(cut.shares.has('m/d20') && cut.shares.has('m/d39') && !cut.shares.has('m/d00')).toBe(true)
    expect(cut.leftOut.slice(0, 2)).toEqual(['m/d00', 'm/d01'])
    expect(cut.shares.size + cut.leftOut.length).toBe(42)
    for (const [p, ms] of cut.shares) if (p.startsWith('m/d')) expect(ms * 2).toBeLessThanOrEqual(cut.shares.get('m/a') ?? 0)
    expect(Object.fromEntries(stressShares(60_000, ['m/a', 'm/b'], new Map()).shares)).toEqual({ 'm/a': 30_000, 'm/b': 30_000 })
  })

  it("reads the budget as a duration, with '0' and 'off' switching the stage off", () => {
    const src = { kind: 'flag', name: '--stress-budget' } as const
    expect(readText(budget(), '45s', src)).toBe(45_000)
    expect(readText(budget(), 'off', src)).toBe(0)
    expect(readText(budget(), '0', src)).toBe(0)
    expect(() => readText(budget(), 'soon', src)).toThrow(/--stress-budget .*must be a duration, or 'off'/)
  })
})
