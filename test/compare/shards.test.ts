// Merging shards: one side's parts concatenate, profiles move below each part's directory, and the merged
// comparison judges timing over every shard at once (the multiple-comparison control sees them all).
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { compareResults } from '../../src/compare/compare.js'
import { mergeShards, missingShards } from '../../src/compare/shards.js'
import { ALL_PACKAGES, inShard, shardOf } from '../../src/go/shard.js'
import { bench, noisy, repeat, result } from './build-result.js'

describe('mergeShards', () => {
  it('concatenates packages and moves each part’s profiles below its directory', () => {
    const a = result({ 'example.com/m/a': [bench('BenchmarkA', repeat(2, () => ({})))] }, { commit: 'abc1234' })
    const b = result({ 'example.com/m/b': [bench('BenchmarkB', repeat(2, () => ({})))] }, { commit: 'abc1234' }, [{ kind: 'build', subject: 'example.com/m/c', message: 'x' }])
    const merged = mergeShards([
      { index: 2, result: b, dir: 'shard-2/base' },
      { index: 1, result: a, dir: 'shard-1/base' }
    ])
    expect(merged.packages.map((p) => p.importPath)).toEqual(['example.com/m/a', 'example.com/m/b'])
    expect(merged.packages[0].benchmarks[0].runs[0].heap?.profile).toBe('shard-1/base/profiles/p0.pprof')
    expect(merged.packages[1].benchmarks[0].runs[1].heap?.profile).toBe('shard-2/base/profiles/p1.pprof')
    expect(merged.errors).toHaveLength(1)
  })

  it('moves the profiles of the profiled runs too: the CPU profile and the exact-allocation one', () => {
    const b = bench('BenchmarkA', repeat(1, () => ({})))
    const [timed] = b.runs
    b.profileRuns = [{ ...timed, heap: { ...(timed.heap ?? { inuseBytes: 0, inuseObjects: 0, profile: '' }), profile: 'profiles/p0-BenchmarkA.alloc.pprof' }, cpuProfile: 'profiles/p0-BenchmarkA.cpu.pprof' }]
    b.smallRuns = [timed]
    const merged = mergeShards([{ index: 1, result: result({ 'example.com/m/a': [b] }, { commit: 'abc1234' }), dir: 'shard-1/head/' }])
    const [got] = merged.packages[0].benchmarks
    expect(got.profileRuns?.[0].cpuProfile).toBe('shard-1/head/profiles/p0-BenchmarkA.cpu.pprof')
    expect(got.profileRuns?.[0].heap?.profile).toBe('shard-1/head/profiles/p0-BenchmarkA.alloc.pprof')
    expect(got.smallRuns?.[0].heap?.profile).toBe('shard-1/head/profiles/p0.pprof')
    expect(got.runs[0].cpuProfile).toBeUndefined()
  })

  it('refuses parts of different commits or race modes', () => {
    const a = result({}, { commit: 'abc1234' })
    expect(() => mergeShards([{ index: 1, result: a, dir: 'a' }, { index: 2, result: result({}, { commit: 'def5678' }), dir: 'b' }])).toThrow(/cannot be merged/)
    expect(() => mergeShards([{ index: 1, result: a, dir: 'a' }, { index: 2, result: result({}, { commit: 'abc1234', race: true }), dir: 'b' }])).toThrow(/-race/)
    expect(() => mergeShards([])).toThrow(/no shard/)
  })

  it('names the shards that are missing', () => {
    expect(missingShards([1, 3], 4)).toEqual([2, 4])
    expect(missingShards([1, 2], 2)).toEqual([])
  })

  it('controls false discoveries over all shards together, not per shard', () => {
    // Ten benchmarks each 10% slower in noise of 30%, 8 rounds: judged shard by shard (one comparison each,
    // so the correction does nothing) two fail; judged together as one job would, the level split over all
    // ten lets one through. (With 6 rounds, as before the decision moved to intervals, none fails either way.)
    const rnd = noisy(3)
    const side = (slow: number) => (name: string) => bench(name, repeat(8, () => ({ ns: 100 * slow + rnd() * 30 })))
    const names = Array.from({ length: 10 }, (_, i) => `example.com/m/p${i}`)
    const whole = (slow: number) => result(Object.fromEntries(names.map((n) => [n, [side(slow)('BenchmarkX')]])), { commit: 'abc1234' })
    const base = whole(1)
    const head = whole(1.1)
    const parts = (r: typeof base) =>
      names.map((n, i) => ({ index: i + 1, result: { ...r, packages: r.packages.filter((p) => p.importPath === n) }, dir: `s${i}` }))
    const merged = compareResults({ base: mergeShards(parts(base)), head: mergeShards(parts(head)), baseDir: '.', headDir: '.', config: DEFAULT_COMPARE })
    const single = compareResults({ base, head, baseDir: '.', headDir: '.', config: DEFAULT_COMPARE })
    const verdicts = (r: typeof merged) => r.findings.map((f) => `${f.pkg} ${f.unit} ${f.severity}`).sort()
    expect(verdicts(merged)).toEqual(verdicts(single))
    const perShard = parts(base).flatMap((b, i) =>
      compareResults({ base: b.result, head: parts(head)[i].result, baseDir: '.', headDir: '.', config: DEFAULT_COMPARE }).findings.filter((f) => f.unit === 'ns/op')
    )
    expect(merged.findings.filter((f) => f.unit === 'ns/op').length).toBeLessThan(perShard.length)
  })
})

describe('shards of packages', () => {
  const paths = Array.from({ length: 200 }, (_, i) => `example.com/m/pkg${i}`)

  it('puts every package in exactly one shard', () => {
    for (const p of paths) {
      const owners = [1, 2, 3].filter((index) => inShard(p, { index, count: 3 }))
      expect(owners).toHaveLength(1)
    }
    expect(paths.every((p) => inShard(p, ALL_PACKAGES))).toBe(true)
  })

  it('keeps every package in its shard when packages are added', () => {
    const before = new Map(paths.map((p) => [p, shardOf(p, 4)]))
    const more = [...paths, 'example.com/m/aaa', 'example.com/m/zzz']
    for (const p of more) if (before.has(p)) expect(shardOf(p, 4)).toBe(before.get(p))
  })

  it('spreads packages over the shards', () => {
    const sizes = [1, 2, 3, 4].map((i) => paths.filter((p) => shardOf(p, 4) === i).length)
    for (const s of sizes) expect(s).toBeGreaterThan(25)
  })
})
