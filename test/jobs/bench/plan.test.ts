// The plan of measured runs: made once, before the first run, from the prepared sides.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import { PROBE_ENV } from '../../../src/go/probe-env.js'
import { ALLOC_RUN_BUDGET, allocRunIterations, planMeasurements, planRound, roundOrder, SMALL_RUNS, type PlannedRun } from '../../../src/jobs/bench/plan.js'
import { BUILTIN_RULES } from '../../../src/parse/goroutine-rules.js'
import { preparedPackage, preparedSide, TOOLCHAIN } from './sides.js'

const cfg = { ...DEFAULT_RUN, dir: '/src-head', count: 3, benchtime: '100x' }
const failure = { run: 0, message: 'panicked while being listed', output: '' }
const sides = ['base', 'head'].map((label) =>
  preparedSide(label, [
    preparedPackage('a', [
      { name: 'BenchmarkBig', procs: 2, iterations: 100 },
      { name: 'BenchmarkTiny/n=1', procs: 2, iterations: 4 },
      { name: 'BenchmarkBroken', procs: 2, iterations: 100, failure }
    ]),
    preparedPackage('nobuild', [{ name: 'BenchmarkX', procs: 2, iterations: 100 }], { binary: false })
  ])
)
const rule = { createdBy: 'example.com/m/a.janitor' }
const plan = planMeasurements(sides, cfg, TOOLCHAIN, [rule])

const label = (r: PlannedRun): string => `${['base', 'head'][r.side]} ${sides[r.side].packages[r.pkg].leaves[r.leaf].name}`

describe('planMeasurements', () => {
  it('has count rounds of full runs, then the memory runs, each with its progress line', () => {
    expect(plan.phases.map((p) => p.title)).toEqual([
      'round 1/3: 2 benchmarks × 2 side(s)',
      'round 2/3: 2 benchmarks × 2 side(s)',
      'round 3/3: 2 benchmarks × 2 side(s)',
      `memory runs at a quarter of b.N: 2 benchmarks × 2 side(s) × ${SMALL_RUNS}`,
      'profiled runs (CPU, every allocation): 2 benchmarks × 2 side(s) × 2'
    ])
  })

  it('interleaves the sides per benchmark and flips their order every round', () => {
    expect(plan.phases[0].runs.map(label)).toEqual(['base BenchmarkBig', 'head BenchmarkBig', 'base BenchmarkTiny/n=1', 'head BenchmarkTiny/n=1'])
    expect(plan.phases[1].runs.map(label)).toEqual(['head BenchmarkBig', 'base BenchmarkBig', 'head BenchmarkTiny/n=1', 'base BenchmarkTiny/n=1'])
  })

  it('with a seed, takes the benchmarks of each round in a shuffled order, a leaf’s sides still together', () => {
    // Ten leaves, so that the order has somewhere to go.
    const many = ['base', 'head'].map((l) => preparedSide(l, [preparedPackage('a', Array.from({ length: 10 }, (_, i) => ({ name: `BenchmarkL${i}`, procs: 2, iterations: 100 })))]))
    const names = (round: number, seed?: number): string[] => {
      const runs = planRound(many, cfg, TOOLCHAIN, [], round, '', undefined, seed).runs
      // Each leaf's two runs are consecutive, in the round's side order.
      for (let i = 0; i < runs.length; i += 2) {
        expect(runs[i].leaf).toBe(runs[i + 1].leaf)
        expect([runs[i].side, runs[i + 1].side]).toEqual(round % 2 === 0 ? [0, 1] : [1, 0])
      }
      return runs.filter((_, i) => i % 2 === 0).map((r) => many[r.side].packages[r.pkg].leaves[r.leaf].name)
    }
    const listed = Array.from({ length: 10 }, (_, i) => `BenchmarkL${i}`)
    expect(names(0)).toEqual(listed)
    const orders = [0, 1, 2, 3].map((round) => names(round, 12345))
    for (const o of orders) expect([...o].sort()).toEqual([...listed].sort())
    // Another order every round, and the same ones again for the same seed.
    expect(new Set(orders.map((o) => o.join())).size).toBe(4)
    expect(names(2, 12345)).toEqual(orders[2])
    expect(names(2, 54321)).not.toEqual(orders[2])
    // Over many rounds every leaf comes first about equally often (10 leaves, 2000 rounds: 200 each).
    const first = new Map<number, number>()
    for (let round = 0; round < 2000; round++) {
      const i = roundOrder(10, round, 7)[0]
      first.set(i, (first.get(i) ?? 0) + 1)
    }
    for (let i = 0; i < 10; i++) expect(first.get(i)).toBeGreaterThan(150)
  })

  it('never plans a leaf that failed while being listed, nor a package without a test binary', () => {
    const all = plan.phases.flatMap((p) => p.runs.map(label))
    expect(all.some((l) => l.includes('BenchmarkBroken') || l.includes('BenchmarkX'))).toBe(false)
  })

  it('gives each run its exact argv: the leaf alone, at its fixed N, with a memory profile per run', () => {
    const [first] = plan.phases[0].runs
    expect(first.argv).toEqual([
      '/scratch/a.test',
      '-test.run=^$',
      '-test.bench=^BenchmarkBig$',
      '-test.benchtime=100x',
      '-test.count=1',
      '-test.benchmem',
      '-test.memprofile=p0-BenchmarkBig.0.pprof',
      '-test.outputdir=/out/base/profiles',
      '-test.timeout=600s',
      '-test.paniconexit0'
    ])
    expect(first.cwd).toBe('/src/a')
    expect(first.probeFile).toBe('/scratch-base/probe-0-full-0.json')
  })

  it('runs memory-only runs at a quarter of b.N, only where that is 8 ops or more, with the settle wait', () => {
    const small = plan.phases[3].runs
    // SMALL_RUNS of them per side, alternating, the order flipped each time.
    expect(small.map(label)).toEqual(Array.from({ length: SMALL_RUNS }, (_, i) => (i % 2 === 0 ? ['base BenchmarkBig', 'head BenchmarkBig'] : ['head BenchmarkBig', 'base BenchmarkBig'])).flat())
    expect(SMALL_RUNS).toBe(4)
    expect(small[0].argv).toContain('-test.benchtime=25x')
    expect(small[0].argv).toContain('-test.memprofile=p0-BenchmarkBig.s0.pprof')
    expect(small[0].env[PROBE_ENV.settle]).toBe('500ms')
    expect(plan.phases[0].runs[0].env[PROBE_ENV.settle]).toBeUndefined()
  })

  it('hands the probe one list of goroutine rules: the built-in ones, then the user’s', () => {
    const env = plan.phases[0].runs[0].env
    expect(JSON.parse(env[PROBE_ENV.rules])).toEqual([...BUILTIN_RULES, rule])
    expect(env[PROBE_ENV.file]).toBe('/scratch-base/probe-0-full-0.json')
    expect(env.GODEBUG).toMatch(/(^|,)gctrace=1$/)
    expect(env.GOMAXPROCS).toBe('2')
  })

  it('ends with one CPU-profiled run and one exact-allocation run per leaf and side, without the probe', () => {
    const profiled = plan.phases[4].runs
    expect(profiled.map((r) => `${r.kind} ${label(r)}`)).toEqual([
      'cpu base BenchmarkBig',
      'cpu head BenchmarkBig',
      'alloc base BenchmarkBig',
      'alloc head BenchmarkBig',
      'cpu base BenchmarkTiny/n=1',
      'cpu head BenchmarkTiny/n=1',
      'alloc base BenchmarkTiny/n=1',
      'alloc head BenchmarkTiny/n=1'
    ])
    const [cpu, , alloc] = profiled
    expect(cpu.argv).toEqual([
      '/scratch/a.test',
      '-test.run=^$',
      '-test.bench=^BenchmarkBig$',
      '-test.benchtime=100x',
      '-test.count=1',
      '-test.benchmem',
      '-test.cpuprofile=p0-BenchmarkBig.cpu.pprof',
      '-test.outputdir=/out/base/profiles',
      '-test.timeout=600s',
      '-test.paniconexit0'
    ])
    // The timed runs keep Go's default memory profile rate; only this run records every allocation.
    expect(alloc.argv).toEqual(expect.arrayContaining(['-test.benchtime=25x', '-test.memprofile=p0-BenchmarkBig.alloc.pprof', '-test.memprofilerate=1']))
    expect(plan.phases.slice(0, 4).flatMap((p) => p.runs).some((r) => r.argv.some((a) => a.startsWith('-test.memprofilerate') || a.startsWith('-test.cpuprofile')))).toBe(false)
    for (const r of profiled) {
      expect(r.env[PROBE_ENV.file]).toBeUndefined()
      expect(r.env.GODEBUG).toMatch(/(^|,)gctrace=1$/)
    }
    // Below 4 full iterations a quarter is 0: one op still shows every allocation.
    expect(profiled.find((r) => r.kind === 'alloc' && label(r) === 'base BenchmarkTiny/n=1')?.iterations).toBe(1)
  })

  it('runs the profiled runs of a leaf at one b.N on both sides: the least either side would use', () => {
    const bySide = [
      { iterations: 4000, allocsPerOp: 2 },
      { iterations: 1000, allocsPerOp: 100 }
    ].map(({ iterations, allocsPerOp }, i) =>
      preparedSide(['base', 'head'][i], [preparedPackage('a', [{ name: 'BenchmarkBig', procs: 2, iterations, allocsPerOp }])])
    )
    const profiled = planMeasurements(bySide, cfg, TOOLCHAIN, []).phases[4].runs
    const iterations = (kind: PlannedRun['kind']): number[] => profiled.filter((r) => r.kind === kind).map((r) => r.iterations)
    // CPU: the slower side's full b.N (head calibrated 1000 for the benchtime base needed 4000 for).
    expect(iterations('cpu')).toEqual([1000, 1000])
    // Allocations: a quarter of b.N (base 1000, head 250) and the budget at head's 100 allocs/op (500): 250.
    expect(iterations('alloc')).toEqual([250, 250])
  })
})

describe('allocRunIterations', () => {
  it('takes a quarter of the full b.N, at most the allocation budget, and at least one op', () => {
    expect(allocRunIterations(2000, 2)).toBe(500)
    expect(allocRunIterations(10_000_000, 2)).toBe(ALLOC_RUN_BUDGET / 2)
    expect(allocRunIterations(10_000_000, 0)).toBe(ALLOC_RUN_BUDGET)
    expect(allocRunIterations(10_000_000, undefined)).toBe(ALLOC_RUN_BUDGET)
    expect(allocRunIterations(100, 1e9)).toBe(1)
    expect(allocRunIterations(2, 1)).toBe(1)
  })
})

describe('b.N across sides', () => {
  it('runs a benchmark at the same b.N on every side, the smallest either calibrated', () => {
    const two = [300, 200].map((iterations, i) => preparedSide(['base', 'head'][i], [preparedPackage('a', [{ name: 'BenchmarkBig', procs: 2, iterations }])]))
    const runs = planMeasurements(two, cfg, TOOLCHAIN, []).phases.flatMap((p) => p.runs)
    expect(new Set(runs.filter((r) => r.kind === 'full').map((r) => r.iterations))).toEqual(new Set([200]))
    expect(new Set(runs.filter((r) => r.kind === 'small').map((r) => r.iterations))).toEqual(new Set([50]))
    expect(runs.filter((r) => r.kind === 'full').every((r) => r.argv.includes('-test.benchtime=200x'))).toBe(true)
  })
})
