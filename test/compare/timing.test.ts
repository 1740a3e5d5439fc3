// The decisions on time over a whole report, on simulated runs of a shared machine: a drift common to
// both runs of a round, per-run noise, and now and then a run hit by a neighbour (+30%).
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { compareResults } from '../../src/compare/compare.js'
import type { CompareConfig } from '../../src/config/types.js'
import type { Report } from '../../src/model/report.js'
import { tallyComparisons, tallyPhrase } from '../../src/report/summary.js'
import { bench, noisy, repeat, result } from './build-result.js'

const PKG = 'example.com/m/p'

interface Sim {
  seed: number
  rounds: number
  sigma: number
  slower?: Record<number, number>
  benchmarks?: number
  allocs?: (k: number, side: 'base' | 'head') => number
}

function simulate(s: Sim, config: CompareConfig = DEFAULT_COMPARE): Report {
  const rnd = noisy(s.seed)
  const g = () => (rnd() + rnd() + rnd() + rnd() - 2) * Math.sqrt(3)
  const drift = Array.from({ length: s.rounds }, () => 1 + 0.1 * g())
  const side = (which: 'base' | 'head') =>
    result({
      [PKG]: Array.from({ length: s.benchmarks ?? 23 }, (_, k) =>
        bench(
          `Benchmark${k}`,
          drift.map((f) => ({
            ns: 1000 * (k + 1) * f * (which === 'head' ? 1 + (s.slower?.[k] ?? 0) : 1) * Math.exp(s.sigma * g()) * (rnd() < 0.05 ? 1.3 : 1),
            allocs: s.allocs?.(k, which) ?? 2,
            bop: 64
          }))
        )
      )
    })
  return compareResults({ base: side('base'), head: side('head'), baseDir: 'base', headDir: 'head', config })
}

function timeOf(r: Report, k: number) {
  return r.comparisons.find((c) => c.benchmark === `Benchmark${k}`)?.metrics.find((m) => m.unit === 'ns/op')
}

describe('decisions on time', () => {
  it('fails no A/A run out of 50 (23 benchmarks, 10 rounds, noisy machine)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const r = simulate({ seed: 100 + seed, rounds: 10, sigma: 0.02 })
      expect(r.findings.filter((f) => f.unit === 'ns/op'), `seed ${seed}`).toEqual([])
    }
  })

  it('catches at least 95% of true +10% slowdowns once the rounds are enough for the noise', () => {
    let caught = 0
    for (let seed = 0; seed < 20; seed++) {
      const r = simulate({ seed: 900 + seed, rounds: 40, sigma: 0.02, slower: { 0: 0.1, 7: 0.1, 15: 0.1 } })
      for (const k of [0, 7, 15]) if (r.findings.some((f) => f.subject === `Benchmark${k}` && f.unit === 'ns/op' && f.severity === 'fail')) caught++
      // Nothing else fails alongside.
      expect(r.findings.filter((f) => f.unit === 'ns/op' && !['Benchmark0', 'Benchmark7', 'Benchmark15'].includes(f.subject))).toEqual([])
    }
    expect(caught / 60).toBeGreaterThanOrEqual(0.95)
  })

  it('reports the interval it decided on, paired over the rounds, and its level over all comparisons', () => {
    const r = simulate({ seed: 7, rounds: 40, sigma: 0.01, slower: { 3: 0.2 } })
    const m = timeOf(r, 3)
    expect(m?.status).toBe('regression')
    expect(m?.interval).toMatchObject({ method: 'signed-rank', rounds: 40, threshold: 0.05 })
    expect(m?.interval?.low).toBeGreaterThan(0.05)
    expect(m?.interval?.tail).toBeCloseTo(0.05 / 23, 12)
    expect(m?.ratios).toHaveLength(40)
    expect(m?.reason).toMatch(/wholly above the \+5\.0% threshold/)
  })

  it('calls a change near the threshold inconclusive, neither failing nor passing it, and says how many more rounds', () => {
    const r = simulate({ seed: 3, rounds: 10, sigma: 0.03, slower: { 2: 0.06 } })
    const m = timeOf(r, 2)
    expect(m?.status).toBe('inconclusive')
    expect(m?.settle?.moreRounds).toBeGreaterThan(0)
    expect(m?.reason).toMatch(/straddles the \+5\.0% threshold; about \d+ more rounds would settle it/)
    expect(r.findings.some((f) => f.subject === 'Benchmark2')).toBe(false)
    expect(r.notes.join('\n')).toMatch(/inconclusive/)
  })

  it('counts the rounds still needed from the interval too, so a neighbour-hit round is not waved off by the robust spread', () => {
    // The per-round ratios of a shared run of fixtures/power's +20% CollatzRepeated with 25% CPU steal: ten
    // near +10%, and two rounds a neighbour hit. The robust spread (about 6%) ignores those two; the interval
    // does not, and straddles the threshold by more than the spread alone would say.
    const ratios = [0.948, 1.125, 1.156, 1.127, 1.042, 1.068, 1.147, 1.11, 1.089, 1.297, 0.785, 1.1]
    const base = result({ [PKG]: [bench('BenchmarkC', ratios.map(() => ({ ns: 25_000 })))] })
    const head = result({ [PKG]: [bench('BenchmarkC', ratios.map((r) => ({ ns: 25_000 * r })))] })
    const r = compareResults({ base, head, baseDir: 'base', headDir: 'head', config: DEFAULT_COMPARE })
    const m = r.comparisons[0].metrics.find((x) => x.unit === 'ns/op')
    expect(m?.status).toBe('inconclusive')
    expect(m?.interval?.method).toBe('signed-rank')
    const { estimate, low } = m!.interval!
    // The lower bound is further from the estimate than the estimate is from +5%, and the distance shrinks as
    // 1/sqrt(rounds): the rounds must grow by that ratio squared (the interval is on log ratios). The spread
    // alone said 1.
    const scaled = Math.ceil(12 * ((Math.log1p(estimate) - Math.log1p(low)) / (Math.log1p(estimate) - Math.log1p(0.05))) ** 2) - 12
    expect(scaled).toBeGreaterThan(10)
    expect(m?.settle?.moreRounds).toBe(scaled)
    expect(m?.reason).toMatch(new RegExp(`about ${m?.settle?.moreRounds} more rounds would settle it`))
  })

  it('passes an unchanged benchmark at rounds too few to fail, and keeps a +10% undecided there', () => {
    // 5 rounds of 23 benchmarks: the failing bound needs 0.05/23 = 0.0022, which 5 pairs (2^-5) and 5 + 5
    // unpaired runs (1/252) cannot reach; the passing bound needs only 0.05, which 5 pairs can.
    const r = simulate({ seed: 11, rounds: 5, sigma: 0.005, slower: { 4: 0.1 } })
    // Most of the 22 unchanged ones pass (a run hit by the simulated neighbour keeps a few open).
    const quiet = Array.from({ length: 23 }, (_, k) => timeOf(r, k)).filter((m, k) => k !== 4 && m?.status === 'unchanged')
    expect(quiet.length).toBeGreaterThanOrEqual(15)
    for (const m of quiet) {
      expect(m?.interval?.tail).toBe(DEFAULT_COMPARE.statistics.alpha)
      expect(m?.reason).toMatch(/cannot reach the failing level .*but passing needs only the upper bound's/)
    }
    const slow = timeOf(r, 4)
    expect(slow?.status).toBe('inconclusive')
    expect(slow?.reason).toMatch(/cannot reach the level/)
    expect(r.findings.filter((f) => f.unit === 'ns/op')).toEqual([])
  })

  it('says a benchmark is too noisy to judge rather than pass or fail it', () => {
    const r = simulate({ seed: 4, rounds: 10, sigma: 0.4, benchmarks: 3 })
    const statuses = r.comparisons.map((c) => c.metrics.find((m) => m.unit === 'ns/op')?.status)
    expect(statuses).toContain('too-noisy')
    expect(r.verdict).toBe('pass')
    expect(r.noise?.tooNoisy).toBeGreaterThan(0)
    // The summary line does not call them unchanged.
    expect(tallyPhrase(tallyComparisons(r))).toMatch(/\d+ undecided \(inconclusive or too noisy\)/)
  })

  it('uses the unpaired interval when there are too few rounds for the pairs to reach the level', () => {
    const base = result({ [PKG]: [bench('BenchmarkX', repeat(6, (i) => ({ ns: 100 + i })))] })
    const head = result({ [PKG]: [bench('BenchmarkX', repeat(6, (i) => ({ ns: 800 + i })))] })
    // 6 pairs reach 1/64 at best; 6 + 6 unpaired runs reach 1/924, under alpha 0.01.
    const many = { ...DEFAULT_COMPARE, statistics: { ...DEFAULT_COMPARE.statistics, alpha: 0.01 } }
    const m = compareResults({ base, head, baseDir: 'b', headDir: 'h', config: many }).comparisons[0].metrics.find((x) => x.unit === 'ns/op')
    expect(m?.interval?.method).toBe('mann-whitney')
    expect(m?.status).toBe('regression')
  })

  it("with 'bh' widens the failing bound's level to alpha R / m when Benjamini-Hochberg selects R comparisons", () => {
    const slower = Object.fromEntries(Array.from({ length: 10 }, (_, k) => [k, 0.3]))
    const bh = { ...DEFAULT_COMPARE, statistics: { ...DEFAULT_COMPARE.statistics, correction: 'bh' as const } }
    const r = simulate({ seed: 9, rounds: 12, sigma: 0.01, slower }, bh)
    const m = timeOf(r, 0)
    expect(m?.status).toBe('regression')
    expect(m?.interval?.tail).toBeCloseTo((0.05 * 10) / 23, 12)
    expect(m?.reason).toMatch(/BH-selected FCR level/)
    expect(timeOf(simulate({ seed: 9, rounds: 12, sigma: 0.01, slower }), 0)?.interval?.tail).toBeCloseTo(0.05 / 23, 12)
  })

  it('summarises the noise of the run: the spread of the paired ratios', () => {
    const quiet = simulate({ seed: 5, rounds: 12, sigma: 0.005 })
    const loud = simulate({ seed: 5, rounds: 12, sigma: 0.05 })
    expect(quiet.noise?.comparisons).toBe(23)
    expect(loud.noise?.medianSpread ?? 0).toBeGreaterThan(3 * (quiet.noise?.medianSpread ?? 1))
    expect(loud.notes.join('\n')).toMatch(/per-round spread of head\/base/)
  })
})

describe('exact counts', () => {
  const allocsAt = (baseCount: number) => (k: number, side: 'base' | 'head') => (k === 0 && side === 'head' ? baseCount + 1 : k === 0 ? baseCount : 2)

  it('fails +1 alloc/op at 2 allocs/op and warns, naming the benchmark, at 50 and 2000', () => {
    const severity = (n: number) => simulate({ seed: 1, rounds: 10, sigma: 0.01, allocs: allocsAt(n) }).findings.filter((f) => f.unit === 'allocs/op')
    expect(severity(2)).toEqual([expect.objectContaining({ severity: 'fail', subject: 'Benchmark0', base: 2, head: 3 })])
    for (const n of [50, 2000]) {
      const [f, ...rest] = severity(n)
      expect(rest).toEqual([])
      expect(f).toMatchObject({ severity: 'warn', subject: 'Benchmark0', base: n, head: n + 1 })
      expect(f.message).toMatch(/worse in all 10 head runs than in any of the 10 base runs/)
    }
  })

  it('compares B/op at the cleanest run: background allocations that inflate some runs fail nothing, +64 B/op still fails', () => {
    // fixtures/power's BenchmarkSort at 300x: 72 B/op, more in runs where the runtime allocated in the background.
    const runs = (clean: number, inflated: number[]) => repeat(10, (i) => ({ bop: clean + (inflated.includes(i) ? 70 : 0), allocs: 0 }))
    const judge = (b: number, h: number, hi: number[]) =>
      compareResults({ base: result({ [PKG]: [bench('BenchmarkS', runs(b, [1]))] }), head: result({ [PKG]: [bench('BenchmarkS', runs(h, hi))] }), baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE }).findings.filter((f) => f.unit === 'B/op')
    expect(judge(72, 72, [0, 2, 3, 4, 5, 6, 7])).toEqual([])
    expect(judge(72, 136, [3])).toEqual([expect.objectContaining({ severity: 'fail', subject: 'BenchmarkS' })])
  })

  it('reports nothing when the counts only overlap (B/op noise of a background allocation)', () => {
    const base = result({ [PKG]: [bench('BenchmarkZ', repeat(10, (i) => ({ bop: i % 3 === 0 ? 2 : 0, allocs: 0 })))] })
    const head = result({ [PKG]: [bench('BenchmarkZ', repeat(10, (i) => ({ bop: i % 2 === 0 ? 2 : 0, allocs: 0 })))] })
    const r = compareResults({ base, head, baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE })
    expect(r.findings.filter((f) => f.unit === 'B/op' || f.unit === 'allocs/op')).toEqual([])
  })
})
