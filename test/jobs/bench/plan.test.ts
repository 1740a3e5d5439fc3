// The plan of measured runs: made once, before the first run, from the prepared sides.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import { PROBE_ENV } from '../../../src/go/probe-env.js'
import { planMeasurements, SMALL_RUNS, type PlannedRun } from '../../../src/jobs/bench/plan.js'
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
      `memory runs at a quarter of b.N: 2 benchmarks × 2 side(s) × ${SMALL_RUNS}`
    ])
  })

  it('interleaves the sides per benchmark and flips their order every round', () => {
    expect(plan.phases[0].runs.map(label)).toEqual(['base BenchmarkBig', 'head BenchmarkBig', 'base BenchmarkTiny/n=1', 'head BenchmarkTiny/n=1'])
    expect(plan.phases[1].runs.map(label)).toEqual(['head BenchmarkBig', 'base BenchmarkBig', 'head BenchmarkTiny/n=1', 'base BenchmarkTiny/n=1'])
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
    expect(small.map(label)).toEqual(['base BenchmarkBig', 'head BenchmarkBig', 'head BenchmarkBig', 'base BenchmarkBig'])
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
