// From what discovery found and what each run showed to the side's RunResult.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import { assembleSide, type Observed } from '../../../src/jobs/bench/assemble.js'
import type { Observation } from '../../../src/jobs/bench/observe.js'
import type { PlannedRun } from '../../../src/jobs/bench/plan.js'
import type { LeakGroup } from '../../../src/model/result.js'
import { MODULE, preparedPackage, preparedSide, TOOLCHAIN } from './sides.js'

const cfg = { ...DEFAULT_RUN, dir: '/src', count: 2, benchtime: '100x' }
const topFailure = { name: 'BenchmarkPanicsEarly', procs: 2, runs: [], failure: { run: 0, message: 'panicked', output: '' } }
const side = preparedSide(
  'head',
  [preparedPackage('a', [{ name: 'BenchmarkOK', procs: 2, iterations: 100 }, { name: 'BenchmarkFlaky', procs: 2, iterations: 100 }], { topFailures: [topFailure] })],
  { errors: [{ kind: 'probe', subject: `${MODULE}/a`, message: 'without the probe' }] }
)

function at(leaf: number, kind: PlannedRun['kind'], round: number, side = 0): PlannedRun {
  return { side, pkg: 0, leaf, kind, round, iterations: 100, argv: [], cwd: '', env: {}, profile: '', profileDir: '', probeFile: '' }
}

function measured(ns: number, extra: Partial<Extract<Observation, { kind: 'measured' }>> = {}): Observation {
  return {
    kind: 'measured',
    run: { command: ['./a.test'], cwd: 'a', iterations: 100, metrics: { 'ns/op': ns }, gc: { stwPausesMs: [], cycles: 0, measuredCycles: 0, forcedCycles: 1 }, wallMs: 5 },
    errors: [],
    ...extra
  }
}

const leak = (count: number): LeakGroup => ({ key: 'k', looseKey: 'lk', state: 'chan receive', count, stack: [], tests: [], detectors: ['probe'] })

const observed: Observed[] = [
  { planned: at(0, 'full', 0), observation: measured(10, { cpu: 'AMD EPYC' }) },
  { planned: at(1, 'full', 0), observation: measured(20) },
  // Another side's run: not this side's business.
  { planned: at(0, 'full', 0, 1), observation: measured(999) },
  { planned: at(0, 'full', 1), observation: measured(11, { errors: [{ kind: 'profile', subject: 's', message: 'unusable' }] }) },
  { planned: at(1, 'full', 1), observation: { kind: 'failed', failure: { run: 1, message: 'panicked in round 2', output: '' }, errors: [] } },
  { planned: at(0, 'small', 0), observation: measured(12, { leaks: [leak(2)] }) },
  { planned: at(0, 'small', 1), observation: measured(13, { leaks: [leak(3)] }) },
  { planned: at(0, 'cpu', 0), observation: measured(14) },
  { planned: at(0, 'alloc', 0), observation: measured(15) }
]

describe('assembleSide', () => {
  const r = assembleSide(side, 0, observed, cfg, TOOLCHAIN, '2026-01-01T00:01:00.000Z')
  const [ok, flaky, early] = r.packages[0].benchmarks

  it('puts each run in its benchmark in order, full and memory-only apart', () => {
    expect(ok.runs.map((x) => [x.index, x.metrics['ns/op']])).toEqual([
      [0, 10],
      [1, 11]
    ])
    expect(ok.smallRuns?.map((x) => [x.index, x.metrics['ns/op']])).toEqual([
      [0, 12],
      [1, 13]
    ])
    // The profiled runs' timing is not used: they are never among the timed runs.
    expect(ok.profileRuns?.map((x) => [x.index, x.metrics['ns/op']])).toEqual([
      [0, 14],
      [1, 15]
    ])
    expect(flaky.profileRuns).toBeUndefined()
  })

  it('keeps what a benchmark measured before it failed, with the failure', () => {
    expect(flaky.runs).toHaveLength(1)
    expect(flaky.failure?.message).toBe('panicked in round 2')
    expect(early).toEqual(topFailure)
  })

  it('keeps per goroutine signature the most any small run left', () => {
    expect(ok.leaks?.map((g) => g.count)).toEqual([3])
    expect(flaky.leaks).toBeUndefined()
  })

  it('records the environment, the errors of discovery then of the runs, and the first CPU name seen', () => {
    expect(r.env).toMatchObject({ goVersion: 'go1.26.8', gomaxprocs: 2, race: false, module: MODULE, commit: 'head-sha', benchtime: '100x', count: 2, cpu: 'AMD EPYC' })
    expect(r.errors.map((e) => e.kind)).toEqual(['probe', 'profile'])
    expect([r.startedAt, r.finishedAt]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:01:00.000Z'])
  })
})
