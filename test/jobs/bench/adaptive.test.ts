// Adaptive rounds: a first pass for everyone, then rounds only for what the judge says is still open, within
// the budget. The runner here records the plans instead of starting processes; the judge is a function of
// how many rounds each benchmark has, so the test states exactly when each one settles.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import { runAdaptiveRounds, type Adaptive } from '../../../src/jobs/bench/adaptive.js'
import type { Observed } from '../../../src/jobs/bench/assemble.js'
import type { MeasurementPlan } from '../../../src/jobs/bench/plan.js'
import type { JobDeps } from '../../../src/jobs/deps.js'
import type { RunResult } from '../../../src/model/result.js'
import { MODULE, preparedPackage, preparedSide, TOOLCHAIN } from './sides.js'

const cfg = { ...DEFAULT_RUN, dir: '/src-head', count: 10, benchtime: '100x' }
const leaves = ['BenchmarkSettled', 'BenchmarkOpen', 'BenchmarkLate'].map((name) => ({ name, procs: 2, iterations: 100 }))
const sides = ['base', 'head'].map((label) => preparedSide(label, [preparedPackage('a', leaves)]))
const key = (name: string) => `${MODULE}/a\u0000${name}`

function harness(settleAfter: Record<string, number>, budgetMs: number, msPerRun = 10, factor?: number) {
  let now = 0
  const rounds = new Map<string, number>()
  const phases: string[] = []
  const judged: { rounds: number; looks: number }[] = []
  const runPhases = async (plan: MeasurementPlan) => {
    for (const p of plan.phases) {
      phases.push(p.title)
      for (const r of p.runs) {
        now += msPerRun
        if (r.side === 0) rounds.set(leaves[r.leaf].name, (rounds.get(leaves[r.leaf].name) ?? 0) + 1)
      }
    }
  }
  const openOf = () => new Set(Object.entries(settleAfter).filter(([name, n]) => (rounds.get(name) ?? 0) < n).map(([name]) => key(name)))
  const adaptive: Adaptive = {
    budgetMs,
    ...(factor !== undefined ? { factor } : {}),
    clock: () => now,
    open: (_results, looks) => {
      judged.push({ rounds: Math.max(...rounds.values()), looks })
      return openOf()
    }
  }
  const log: string[] = []
  const deps: JobDeps = { run: () => Promise.reject(new Error('no processes in this test')), toolchain: TOOLCHAIN, log: (l: string) => log.push(l) }
  const observed: Observed[] = []
  const run = () => runAdaptiveRounds(deps, cfg, sides, [], adaptive, runPhases, (): RunResult[] => [], observed)
  return { run, rounds, phases, log, judged }
}

describe('runAdaptiveRounds', () => {
  it('runs 6 rounds for all, then extra rounds only for the open benchmarks, until they settle', async () => {
    const h = harness({ BenchmarkSettled: 0, BenchmarkOpen: 9, BenchmarkLate: 14 }, 60_000)
    const record = await h.run()
    expect(Object.fromEntries(h.rounds)).toEqual({ BenchmarkSettled: 6, BenchmarkOpen: 9, BenchmarkLate: 14 })
    expect(record).toMatchObject({ firstRounds: 6, stopped: 'settled', extraRounds: { [`${MODULE}/a.BenchmarkOpen`]: 3, [`${MODULE}/a.BenchmarkLate`]: 8 } })
    expect(h.phases[6]).toBe('extra round 7: 2 undecided benchmark(s) × 2 side(s)')
  })

  it('judges only at the planned looks, and tells the judge how many looks share alpha', async () => {
    const h = harness({ BenchmarkOpen: 30 }, 60_000_000)
    const record = await h.run()
    expect(record.looks).toEqual([6, 9, 14, 21, 32, 48, 72, 108, 162, 200])
    // Open until 30 rounds: judged at 6, 9, 14, 21 and 32, and it ran the batch up to 32, not 30.
    expect(h.judged).toEqual([6, 9, 14, 21, 32].map((rounds) => ({ rounds, looks: 10 })))
    expect(h.rounds.get('BenchmarkOpen')).toBe(32)
    expect(h.log[0]).toContain('judged after 6, 9, 14, 21, 32, 48, 72, 108, 162, 200 rounds')
  })

  it('runs the rounds of a batch that fit when the whole batch would not, and stops there', async () => {
    // 6 rounds x 3 benchmarks x 2 sides x 10 ms = 360 ms; one round of one benchmark is 20 ms, so 140 ms
    // left fit 7 rounds: the batch to 9, then 4 of the 5 to 14.
    const h = harness({ BenchmarkOpen: 100 }, 500)
    const record = await h.run()
    expect(h.rounds.get('BenchmarkOpen')).toBe(13)
    expect(record.stopped).toBe('budget')
    expect(h.judged.map((j) => j.rounds)).toEqual([6, 9])
  })

  it('prices a relative budget (run.adaptive) at the first pass: factor x what count rounds cost', async () => {
    // A benchmark round (2 runs) is 20 ms, so count 10 of 3 benchmarks would cost 600 ms; x2 is 1200 ms,
    // of which the first pass used 360. The 840 left give the open one 42 more rounds: 48.
    const h = harness({ BenchmarkOpen: 1000 }, Number.POSITIVE_INFINITY, 10, 2)
    const record = await h.run()
    expect(record).toMatchObject({ budgetMs: 1200, factor: 2, stopped: 'budget' })
    expect(h.rounds.get('BenchmarkOpen')).toBe(48)
    expect(h.log[0]).toContain('time budget 2 x what 10 rounds take')
    // With a time budget as well, the smaller one holds.
    const both = harness({ BenchmarkOpen: 1000 }, 500, 10, 2)
    expect((await both.run()).budgetMs).toBe(500)
  })

  it('stops when the next round would not fit in the budget, and says so', async () => {
    // A full round of 3 benchmarks on 2 sides is 60 ms here: 6 rounds use 360 ms of a 500 ms budget.
    const h = harness({ BenchmarkOpen: 100 }, 500)
    const record = await h.run()
    expect(record.stopped).toBe('budget')
    expect(record.usedMs).toBeLessThanOrEqual(500)
    expect(h.rounds.get('BenchmarkOpen')).toBeGreaterThan(6)
  })

  it('stops at 20 x count rounds', async () => {
    const h = harness({ BenchmarkOpen: 1000 }, 10_000_000, 1)
    const record = await h.run()
    expect(record.stopped).toBe('max-rounds')
    expect(h.rounds.get('BenchmarkOpen')).toBe(200)
  })
})
