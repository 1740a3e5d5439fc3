// Duet rounds: which CPUs each side gets, how a timed round becomes duets, that a duet's two runs really
// start together (the runner here holds every process until both of a pair have started), and why the
// gate falls back to alternation.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import { pairingNotes } from '../../../src/compare/noise.js'
import type { ProcessResult, ProcessSpec, Runner } from '../../../src/go/process.js'
import { asDuet, parseCpuList, pinnedArgv, probeDuet, probeShared, sharedCpu, shareVerdict, splitCpus, type DuetSetup } from '../../../src/jobs/bench/duet.js'
import { observeRun } from '../../../src/jobs/bench/observe.js'
import { leafKey, planAfterRounds, planRound } from '../../../src/jobs/bench/plan.js'
import { runPlan } from '../../../src/jobs/bench/run.js'
import type { Observed } from '../../../src/jobs/bench/assemble.js'
import { result } from '../../compare/build-result.js'
import { preparedPackage, preparedSide, TOOLCHAIN } from './sides.js'

const cfg = { ...DEFAULT_RUN, dir: '/src-head', count: 3, benchtime: '100x', pairing: 'duet' as const }
const leaves = ['BenchmarkA', 'BenchmarkB'].map((name) => ({ name, procs: 2, iterations: 100 }))
const sides = ['base', 'head'].map((label) => preparedSide(label, [preparedPackage('a', leaves)]))
const setup: DuetSetup = { taskset: 'taskset', cpus: [[0], [1]] }

function exited(spec: ProcessSpec): ProcessResult {
  return { argv: spec.argv, cwd: spec.cwd, code: 1, signal: null, stdout: '', stderr: '', timedOut: false, truncated: false, wallMs: 1 }
}

describe('CPUs for a duet', () => {
  it('reads Linux CPU lists and splits them into two equal halves', () => {
    expect(parseCpuList('0-3,6,8-9\n')).toEqual([0, 1, 2, 3, 6, 8, 9])
    expect(parseCpuList('garbage')).toEqual([])
    expect(splitCpus([0, 1])).toEqual([[0], [1]])
    expect(splitCpus([0, 1, 2, 3, 4])).toEqual([
      [0, 1],
      [2, 3]
    ])
    expect(splitCpus([3])).toBeUndefined()
  })

  it('pins with taskset as an argv array, never a shell string', () => {
    expect(pinnedArgv('taskset', [2, 3], ['/scratch/a.test', '-test.bench=^BenchmarkA$'])).toEqual(['taskset', '-c', '2,3', '/scratch/a.test', '-test.bench=^BenchmarkA$'])
  })
})

describe('asDuet', () => {
  const round = asDuet(planRound(sides, cfg, TOOLCHAIN, [], 1, 'round 2/3'), setup, (r) => leafKey(sides, r))

  it("groups each benchmark's base and head run, pins each side to its CPUs and sets GOMAXPROCS to their number", () => {
    expect(round.runs.map((r) => [r.side, r.leaf, r.duet?.group, r.duet?.launch, r.env.GOMAXPROCS])).toEqual([
      [1, 0, 0, ['taskset', '-c', '1'], '1'],
      [0, 0, 0, ['taskset', '-c', '0'], '1'],
      [1, 1, 1, ['taskset', '-c', '1'], '1'],
      [0, 1, 1, ['taskset', '-c', '0'], '1']
    ])
    expect(round.title).toBe('round 2/3, as duets (base on CPU 0, head on CPU 1)')
  })

  it('keeps the command a user repeats free of taskset', () => {
    expect(round.runs[0].argv[0]).toBe('/scratch/a.test')
  })
})

describe('asDuet, shared', () => {
  const shared: DuetSetup = { taskset: 'taskset', cpus: [[1], [1]], shared: true }
  const round = asDuet(planRound(sides, cfg, TOOLCHAIN, [], 1, 'round 2/3'), shared, (r) => leafKey(sides, r))

  it("pins both sides of each benchmark's pair to the same CPU, GOMAXPROCS 1, and marks the runs shared", () => {
    expect(round.runs.map((r) => [r.side, r.leaf, r.duet?.group, r.duet?.launch, r.env.GOMAXPROCS, r.duet?.shared])).toEqual([
      [1, 0, 0, ['taskset', '-c', '1'], '1', true],
      [0, 0, 0, ['taskset', '-c', '1'], '1', true],
      [1, 1, 1, ['taskset', '-c', '1'], '1', true],
      [0, 1, 1, ['taskset', '-c', '1'], '1', true]
    ])
    expect(round.title).toBe('round 2/3, sharing CPU 1 (base and head together)')
  })

  it('drops the wall-time units of a shared run and keeps its CPU time and exact counts', () => {
    const planned = round.runs[0]
    // GOMAXPROCS 1: the name has no -N suffix.
    const stdout = 'goos: linux\nBenchmarkA   \t     100\t      5000 ns/op\t  20.00 MB/s\t      48 B/op\t       3 allocs/op\t 7.000 widgets/op\nPASS\n'
    const r = { argv: planned.argv, cwd: planned.cwd, code: 0, signal: null, stdout, stderr: '', timedOut: false, truncated: false, wallMs: 5 }
    const ctx = { importPath: 'example.com/a', relDir: 'a', leafName: 'BenchmarkA', modulePath: 'example.com', procs: 1, cfg, rules: [] }
    const files = { probe: JSON.stringify({ cpuNs: 450_000, heapAllocBytes: 1, heapObjects: 1, numGoroutine: 1 }), profile: { error: 'none here' } }
    const sharedRun = observeRun(planned, ctx, r, files)
    expect(planned.iterations).toBe(100)
    expect(sharedRun.kind === 'measured' ? sharedRun.run.metrics : sharedRun).toEqual({ 'cpu-ns/op': 4500, 'B/op': 48, 'allocs/op': 3, 'widgets/op': 7 })
    // The same output from an alternating run keeps its wall time.
    const alone = observeRun({ ...planned, duet: undefined }, ctx, r, files)
    expect(alone.kind === 'measured' ? alone.run.metrics : alone).toMatchObject({ 'ns/op': 5000, 'MB/s': 20, 'cpu-ns/op': 4500 })
  })
})

describe('runPlan with duets', () => {
  it("starts a duet's two runs together and the next duet only after both ended", async () => {
    const events: string[] = []
    let waiting: (() => void)[] = []
    // Each process waits until a second one has started, so a runner that starts them one at a time hangs.
    const run: Runner = (spec) => {
      events.push(`start ${spec.argv.slice(0, 3).join(' ')} ${spec.argv.find((a) => a.startsWith('-test.bench='))}`)
      return new Promise((resolve) => {
        waiting.push(() => {
          events.push(`end ${spec.argv[2]}`)
          resolve(exited(spec))
        })
        if (waiting.length === 2) {
          const both = waiting
          waiting = []
          both.forEach((f) => f())
        }
      })
    }
    const deps = { run, toolchain: TOOLCHAIN, log: () => {} }
    const observed: Observed[] = []
    const phase = asDuet(planRound(sides, cfg, TOOLCHAIN, [], 0, 'round 1/3'), setup, (r) => leafKey(sides, r))
    await runPlan(deps, cfg, sides, { phases: [phase] }, [], observed)
    expect(events).toEqual([
      'start taskset -c 0 -test.bench=^BenchmarkA$',
      'start taskset -c 1 -test.bench=^BenchmarkA$',
      'end 0',
      'end 1',
      'start taskset -c 0 -test.bench=^BenchmarkB$',
      'start taskset -c 1 -test.bench=^BenchmarkB$',
      'end 0',
      'end 1'
    ])
    expect(observed.map((o) => o.planned.side)).toEqual([0, 1, 0, 1])
  })

  it('runs memory and profiled runs one at a time, unpinned', () => {
    const after = planAfterRounds(sides, cfg, TOOLCHAIN, [])
    expect(after.flatMap((p) => p.runs).every((r) => r.duet === undefined && r.env.GOMAXPROCS === '2')).toBe(true)
  })
})

describe('probeDuet', () => {
  const ok: Runner = async (spec) => ({ ...exited(spec), code: 0 })

  it('pairs when taskset runs and there are two CPUs', async () => {
    expect(await probeDuet(ok, [0, 1, 2, 3])).toEqual({ duet: { taskset: 'taskset', cpus: [[0, 1], [2, 3]] } })
  })

  it('falls back with the reason when there is one CPU, or taskset is missing', async () => {
    expect(await probeDuet(ok, [0])).toEqual({ fallback: 'duet pairing needs two CPUs and this process may use 1' })
    const missing: Runner = async (spec) => ({ ...exited(spec), code: null, spawnError: Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }) })
    expect(await probeDuet(missing, [0, 1])).toEqual({ fallback: 'duet pairing needs taskset (util-linux), and `taskset --version` did not run here' })
  })
})

describe('shareVerdict (auto pairing)', () => {
  it('shares a benchmark unless a side mostly waits: under 30% of its wall time on a CPU', () => {
    expect(shareVerdict([{ cpuShare: 0.95 }, { cpuShare: 0.9 }])).toEqual({ shared: true })
    expect(shareVerdict([{ cpuShare: 0.3 }, { cpuShare: 0.62 }])).toEqual({ shared: true })
    expect(shareVerdict([{ cpuShare: 0.29 }, { cpuShare: 0.9 }])).toEqual({ shared: false, why: 'waits', cpuShare: 0.29 })
    expect(shareVerdict([{ cpuShare: 0.95 }, { cpuShare: 0.21 }])).toEqual({ shared: false, why: 'waits', cpuShare: 0.21 })
    expect(shareVerdict([{ cpuShare: 0.9 }, {}])).toEqual({ shared: false, why: 'unknown' })
  })
})

describe('probeShared', () => {
  const ok: Runner = async (spec) => ({ ...exited(spec), code: 0 })

  it('shares the last CPU this process may use, also when there is only one', async () => {
    expect(sharedCpu([0, 1, 2, 3])).toBe(3)
    expect(await probeShared(ok, [0, 1, 2, 3])).toEqual({ duet: { taskset: 'taskset', cpus: [[3], [3]], shared: true } })
    expect(await probeShared(ok, [5])).toEqual({ duet: { taskset: 'taskset', cpus: [[5], [5]], shared: true } })
  })

  it('falls back with the reason when taskset is missing or no CPU is known', async () => {
    const missing: Runner = async (spec) => ({ ...exited(spec), code: null, spawnError: Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }) })
    expect(await probeShared(missing, [0, 1])).toEqual({ fallback: 'shared pairing needs taskset (util-linux), and `taskset --version` did not run here' })
    expect(await probeShared(ok, [])).toEqual({ fallback: 'shared pairing needs a CPU this process may run on, and none was readable' })
  })
})

describe('pairingNotes', () => {
  it('says how the rounds ran, or why they alternated', () => {
    expect(pairingNotes(result({}, { pairing: { used: 'duet', cpus: [[0], [1]] } }))[0]).toContain('base pinned to CPU 0 and head to CPU 1 (taskset), GOMAXPROCS 1 each')
    expect(pairingNotes(result({}, { pairing: { used: 'alternate', why: 'duet pairing needs two CPUs and this process may use 1' } }))).toEqual([
      'Duet pairing was asked for, but the timed rounds alternated base and head: duet pairing needs two CPUs and this process may use 1.'
    ])
    expect(pairingNotes(result({}, { pairing: { used: 'alternate', asked: 'shared', why: 'no taskset' } }))).toEqual(['Shared pairing was asked for, but the timed rounds alternated base and head: no taskset.'])
    expect(pairingNotes(result({}, { pairing: { used: 'shared', cpu: 1 } }))[0]).toMatch(/^Timed rounds shared CPU 1: .*judged on CPU time \(cpu-ns\/op\) alone.*ns\/op and MB\/s of those runs are left out/)
    expect(pairingNotes(result({}))).toEqual([])
  })

  it('names the benchmarks auto pairing alternated, and does not claim a busy one waits', () => {
    const alternated = [
      { benchmark: 'example.com/m.BenchmarkNap', why: 'waits' as const, cpuShare: 0.04 },
      { benchmark: 'example.com/m.BenchmarkOdd', why: 'unknown' as const }
    ]
    const [note] = pairingNotes(result({}, { pairing: { used: 'shared', asked: 'auto', cpu: 1, alternated } }))
    expect(note).toMatch(/^Timed rounds of the benchmarks that keep a CPU busy shared CPU 1: /)
    expect(note).toContain(
      '2 alternated, judged on ns/op and cpu-ns/op as before: example.com/m.BenchmarkNap (on a CPU 4% of its calibration run: it waits (a sleep, I/O, a lock), or the machine was busy), example.com/m.BenchmarkOdd (no CPU time from its calibration run).'
    )
    const many = Array.from({ length: 10 }, (_, i) => ({ benchmark: `m.B${i}`, why: 'waits' as const, cpuShare: 0.2 }))
    const [long] = pairingNotes(result({}, { pairing: { used: 'shared', asked: 'auto', cpu: 0, alternated: many } }))
    expect(long).toMatch(/m\.B7 \(on a CPU 20% of its calibration run: .*busy\) and 2 more\.$/)
    expect(long).not.toContain('m.B8')
    expect(pairingNotes(result({}, { pairing: { used: 'shared', asked: 'auto', cpu: 1, alternated: [] } }))[0]).toMatch(/Every benchmark did; memory and profiled runs alternated\.$/)
  })
})
