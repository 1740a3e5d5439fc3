// attributeCpu on CPU profiles built frame by frame, where each rule has its own stack: a library function
// called from the module, runtime time under a module line, a module function whose callees grew, the GC
// under no module frame, and a growth of a few samples. test/pipeline/cpu-attribution.test.ts and
// attribution.test.ts cover real Go profiles.
import { describe, expect, it } from 'vitest'
import { attributeCpu, type CpuRun } from '../../src/compare/cpu-sites.js'
import { ProfileTables, type CompactProfile } from '../../src/profile/index.js'

const MODULE = 'example.com/m'
const PERIOD = 10_000_000
const N = 1000

/** A frame: function, file, line. Stacks are written outermost first, as a reader of a flame graph sees them. */
type Frame = [string, string, number]
const runN: Frame = ['testing.(*B).runN', 'testing/benchmark.go', 200]
const bench: Frame = [`${MODULE}/p.BenchmarkLoad`, `${MODULE}/p/load_test.go`, 12]
const load: Frame = [`${MODULE}/p.Load`, `${MODULE}/p/load.go`, 8]
const parseSplit: Frame = [`${MODULE}/p.Parse`, `${MODULE}/p/parse.go`, 20]
const parseMake: Frame = [`${MODULE}/p.Parse`, `${MODULE}/p/parse.go`, 21]
const parseOwn: Frame = [`${MODULE}/p.Parse`, `${MODULE}/p/parse.go`, 23]
const split: Frame = ['strings.Split', 'strings/strings.go', 300]
const mallocgc: Frame = ['runtime.mallocgc', 'runtime/malloc.go', 1000]
const gcWorker: Frame = ['runtime.gcBgMarkWorker', 'runtime/mgc.go', 1400]
const trim: Frame = [`${MODULE}/p.trim`, `${MODULE}/p/parse.go`, 40]

/** A CPU profile of `samples` per stack, over N ops. */
function profile(tables: ProfileTables, stacks: [Frame[], number][]): CpuRun {
  const leaves: number[] = []
  const values: number[] = []
  for (const [frames, samples] of stacks) {
    let node = 0
    for (const [name, file, line] of frames) node = tables.child(node, tables.frameId(tables.functionId(name, file, name), line))
    leaves.push(node)
    values.push(samples)
  }
  const p: CompactProfile = {
    source: 'synthetic',
    tables,
    sampleTypes: [
      { type: 'samples', unit: 'count' },
      { type: 'cpu', unit: 'nanoseconds' }
    ],
    defaultSampleType: '',
    period: PERIOD,
    timeNanos: 0,
    durationNanos: 0,
    stacks: Int32Array.from(leaves),
    values: [Float64Array.from(values), Float64Array.from(values, (v) => v * PERIOD)],
    labelSets: [[]]
  }
  return { profile: p, iterations: N }
}

const perOp = (samples: number): number => (samples * PERIOD) / N

describe('attributeCpu', () => {
  const tables = new ProfileTables()
  const under = [runN, bench, load]
  const base = profile(tables, [
    [[...under, parseSplit, split], 20],
    [[...under, parseMake, mallocgc], 10],
    [[...under, parseOwn], 30],
    [[...under, parseOwn, trim], 30],
    [[runN, gcWorker], 10]
  ])
  const head = profile(tables, [
    [[...under, parseSplit, split], 220],
    [[...under, parseMake, mallocgc], 110],
    [[...under, parseOwn], 31],
    [[...under, parseOwn, trim], 32],
    [[runN, gcWorker], 300]
  ])
  const a = attributeCpu([base], [head], { modulePath: MODULE })
  const rows = a.locations.map((l) => [l.role, l.function, `${l.file}:${l.line}`, Math.round(l.deltaPerOp ?? 0)])

  it('names own growth by function, the module line that called a library function, and cumulative growth', () => {
    expect(rows).toEqual([
      // strings.Split grew 200 samples, from Parse's call at line 20.
      ['cpu', 'strings.Split', 'strings/strings.go:300', perOp(200)],
      ['caller', `${MODULE}/p.Parse`, 'p/parse.go:20', perOp(200)],
      // Time in the runtime counts at the module line that called into it: Parse's allocation at line 21,
      // with that line's growth (Parse's own grew one sample more, at line 23).
      ['cpu', `${MODULE}/p.Parse`, 'p/parse.go:21', perOp(100)],
      // Load's own time did not change; with its callees it grew by all of the above, at its one call.
      ['cpu-cum', `${MODULE}/p.Load`, 'p/load.go:8', perOp(303)]
    ])
    expect(a.unattributed).toBeUndefined()
    expect(a.head.samples).toBe(693)
    expect(a.base.samples).toBe(100)
  })

  it('names neither the benchmark function, which contains everything, nor a growth of a few samples, nor the GC', () => {
    const named = new Set(a.locations.map((l) => l.function))
    expect(named.has(bench[0])).toBe(false)
    // trim grew 2 samples of 32: within its sampling noise.
    expect(named.has(trim[0])).toBe(false)
    // The GC worker grew most of all, but under no module frame: nobody's line.
    expect(named.has(gcWorker[0])).toBe(false)
  })

  it('names every line that carries a quarter of a function’s growth, as a loop’s header and body share it', () => {
    const t = new ProfileTables()
    const header: Frame = [`${MODULE}/p.Contains`, `${MODULE}/p/set.go`, 14]
    const body: Frame = [`${MODULE}/p.Contains`, `${MODULE}/p/set.go`, 15]
    const ret: Frame = [`${MODULE}/p.Contains`, `${MODULE}/p/set.go`, 18]
    const b = profile(t, [[[...under, header], 10], [[...under, body], 10], [[...under, ret], 10]])
    const split = profile(t, [[[...under, header], 130], [[...under, body], 110], [[...under, ret], 30]])
    const named = attributeCpu([b], [split], { modulePath: MODULE }).locations.filter((l) => l.role === 'cpu')
    // 120 and 100 samples more of 240: both lines, most first, each with its own growth; line 18 grew 20.
    expect(named.map((l) => [l.line, Math.round(l.deltaPerOp ?? 0)])).toEqual([
      [14, perOp(120)],
      [15, perOp(100)]
    ])
    // 200 of 220 on one line: that line alone.
    const one = profile(t, [[[...under, header], 30], [[...under, body], 210], [[...under, ret], 10]])
    expect(attributeCpu([b], [one], { modulePath: MODULE }).locations.filter((l) => l.role === 'cpu').map((l) => l.line)).toEqual([15])
  })

  it('says the growth is too small when all of it is within the sampling noise', () => {
    const t = new ProfileTables()
    const b = profile(t, [[[...under, parseOwn], 20]])
    const h = profile(t, [[[...under, parseOwn], 26]])
    const small = attributeCpu([b], [h], { modulePath: MODULE })
    // 6 samples more against 3·√(20 + 26) ≈ 20.3 samples of noise, at 10 µs of CPU per op each.
    expect(small.locations).toEqual([])
    expect(small.unattributed).toBe(
      'too small to attribute to a line: the CPU profiles show base 200µs (20 samples), head 260µs (26 samples) of CPU per op, a difference within their sampling noise (±203µs)'
    )
  })

  it('says when the growth is the runtime’s own work, under no function of the module', () => {
    const t = new ProfileTables()
    const b = profile(t, [[[...under, parseOwn], 100], [[runN, gcWorker], 10]])
    const h = profile(t, [[[...under, parseOwn], 100], [[runN, gcWorker], 200]])
    const gc = attributeCpu([b], [h], { modulePath: MODULE })
    expect(gc.locations).toEqual([])
    expect(gc.unattributed).toMatch(/none of which grew beyond its sampling noise, most of it under no function of the module \(the runtime’s own work: GC, scheduling\)$/)
  })
})
