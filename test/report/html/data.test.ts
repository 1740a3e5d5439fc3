// The numbers and bounds behind the page: pruning that keeps a large graph small, the frame budget of the
// page, the goroutine graph of leak groups, the median's interval and the pause distribution.
import { describe, expect, it } from 'vitest'
import type { BenchRun, LeakGroup } from '../../../src/model/result.js'
import { medianInterval, pauseSide } from '../../../src/report/html/charts.js'
import { FrameBudget, MAX_GRAPH_FRAMES, MIN_FRACTION } from '../../../src/report/html/flame-data.js'
import { goroutineFlame } from '../../../src/report/html/graphs.js'
import type { FlameFrame, FlameView, MissingFlame } from '../../../src/report/html/model.js'
import { renderHtmlPage } from '../../../src/report/html/page.js'
import { quantile } from '../../../src/compare/stats.js'
import { seededRng } from '../../helpers/rng.js'
import { sampleReport } from '../sample-report.js'
import { leak } from './pages.js'

/**
 * `chains` groups of one goroutine each, every one with its own stack of `depth` functions: every frame
 * weighs 1/chains of the total, so at 190 chains each passes the 0.5% threshold and the graph has
 * 190 * depth frames. `vary` adds a second goroutine to every third chain on head.
 */
function chains(count: number, depth: number, vary = false): LeakGroup[] {
  return Array.from({ length: count }, (_, i) => {
    const stack = Array.from({ length: depth }, (_, d) => ({ function: `example.com/big.c${i}.f${d}`, file: 'big/f.go', line: d + 1 }))
    return { ...leak(`example.com/big.leaf${i}`, vary && i % 3 === 0 ? 2 : 1), stack, creation: undefined }
  })
}

function* walk(f: FlameFrame): Generator<FlameFrame> {
  yield f
  for (const c of f[3]) yield* walk(c)
}

const isView = (f: FlameView | MissingFlame): f is FlameView => !('missing' in f)

describe('flame graph bounds', () => {
  it('prunes a large graph to at most MAX_GRAPH_FRAMES frames, raising the threshold, and keeps the totals', () => {
    const base = chains(190, 20)
    const head = chains(190, 20)
    const g = goroutineFlame('g', 'big', base, head, new FrameBudget(Infinity))
    expect(isView(g)).toBe(true)
    if (!isView(g)) return
    const frames = [...walk(g.root)]
    expect(frames.length).toBeLessThanOrEqual(MAX_GRAPH_FRAMES)
    expect(g.minFraction).toBeGreaterThan(MIN_FRACTION)
    expect(g.prunedFrames).toBeGreaterThan(0)
    const total = (groups: LeakGroup[]) => groups.reduce((n, x) => n + x.count, 0)
    expect(g.root[1]).toBe(total(base))
    expect(g.root[2]).toBe(total(head))
    // What a frame holds is its children and what was cut below it, never less.
    for (const f of frames) {
      const inChildren = f[3].reduce((n, c) => n + c[2], 0) + (f[4]?.[2] ?? 0)
      expect(inChildren).toBeLessThanOrEqual(f[2] * (1 + 1e-9))
    }
  })

  it('keeps the page bounded: graphs past the frame budget are left out and say why', () => {
    const budget = new FrameBudget(2 * MAX_GRAPH_FRAMES)
    // Each graph: 150 chains 18 deep, under the per-graph bound (2701 frames) but more than a third of the budget.
    const graphs = [1, 2, 3, 4].map((n) => goroutineFlame(`g${n}`, 'big', chains(150, 18), chains(150, 18, true), budget))
    const drawn = graphs.filter(isView)
    expect(drawn).toHaveLength(2)
    expect(drawn.map((g) => [...walk(g.root)].length)).toEqual([1 + 150 * 19, 1 + 150 * 19])
    for (const g of graphs.filter((x) => !isView(x))) expect((g as MissingFlame).missing).toMatch(/^left out to keep this file small/)
    const report = sampleReport()
    const small = renderHtmlPage({ report, benchmarks: [], goroutines: graphs[0], minFraction: MIN_FRACTION, notes: [], version: 't' })
    // A graph of 3000 frames is a few hundred kilobytes, not the megabytes of its profile.
    expect(Buffer.byteLength(small)).toBeLessThan(400_000)
  })

  it('interns function names and clips absurdly long ones', () => {
    const long = `example.com/x.${'a'.repeat(10_000)}`
    const g = goroutineFlame('g', 't', [], [leak(long, 2), leak(long, 3, 'select')], new FrameBudget())
    if (!isView(g)) throw new Error('expected a graph')
    expect(g.functions.filter(([name]) => name.startsWith('example.com/x.'))).toHaveLength(1)
    expect(g.functions.every(([name, file]) => name.length <= 400 && file.length <= 400)).toBe(true)
  })
})

describe('the goroutine graph', () => {
  it('stands each group on its creation site and tops it with its wait state', () => {
    const g = goroutineFlame('g', 't', [leak('example.com/shop/leaky.old', 3)], [leak('example.com/shop/leaky.recv', 4, 'select')], new FrameBudget())
    if (!isView(g)) throw new Error('expected a graph')
    const names = (f: FlameFrame): string[] => [g.functions[f[0]][0], ...(f[3].length === 1 ? names(f[3][0]) : [])]
    expect(g.root[3]).toHaveLength(1)
    expect(names(g.root[3][0])).toEqual(['created by example.com/shop/leaky.Start', 'example.com/shop/leaky.loop'])
    const loop = g.root[3][0][3][0]
    const byName = new Map(loop[3].map((c) => [g.functions[c[0]][0], c]))
    expect(byName.get('example.com/shop/leaky.old')?.slice(1, 3)).toEqual([3, 0])
    const recv = byName.get('example.com/shop/leaky.recv')
    expect(recv?.slice(1, 3)).toEqual([0, 4])
    expect(g.functions[recv?.[3][0][0] ?? -1][0]).toBe('[select]')
  })

  it('says so when no goroutine was left on either side', () => {
    expect(goroutineFlame('g', 't', [], [], new FrameBudget())).toEqual({ id: 'g', kind: 'goroutines', title: 't', missing: 'no goroutine was left behind on either side' })
  })
})

describe('the median and its interval', () => {
  it('is [x(1), x(8)] of ten samples, with the coverage benchstat reports', () => {
    const xs = [10, 3, 7, 1, 9, 4, 8, 2, 6, 5]
    expect(medianInterval(xs)).toEqual({ lo: 2, hi: 9, confidence: 1 - 22 / 1024 })
  })

  it('is the whole range, with its lower coverage, when too few samples reach 95%', () => {
    expect(medianInterval([5, 1, 3, 2, 4])).toEqual({ lo: 1, hi: 5, confidence: 1 - 2 / 32 })
    expect(medianInterval([6, 1, 3, 2, 4, 5])).toEqual({ lo: 1, hi: 6, confidence: 1 - 2 / 64 })
    expect(medianInterval([7])).toEqual({ lo: 7, hi: 7, confidence: 0 })
    expect(medianInterval([])).toBeNull()
  })

  it('narrows as the sample grows, always covering the median', () => {
    const rng = seededRng(7)
    let width = Infinity
    for (const n of [10, 30, 100, 300]) {
      const xs = Array.from({ length: n }, () => rng())
      const ci = medianInterval(xs)
      expect(ci?.confidence).toBeGreaterThanOrEqual(0.95)
      expect(ci?.lo).toBeLessThanOrEqual(quantile(xs, 0.5))
      expect(ci?.hi).toBeGreaterThanOrEqual(quantile(xs, 0.5))
      expect((ci?.hi ?? 0) - (ci?.lo ?? 0)).toBeLessThan(width)
      width = (ci?.hi ?? 0) - (ci?.lo ?? 0)
    }
  })
})

describe('the GC pause distribution', () => {
  const run = (pauses: number[]): BenchRun =>
    ({ index: 0, command: [], cwd: '.', iterations: 1, metrics: {}, wallMs: 1, gc: { stwPausesMs: pauses, cycles: 0, measuredCycles: 0, forcedCycles: 0 } }) as BenchRun

  it('keeps every pause when there are few, pooled over runs and sorted', () => {
    const s = pauseSide([run([0.3, 0.1]), run([0.2])])
    expect(s).toEqual({ quantiles: [0.1, 0.2, 0.3], count: 3, p50: 0.2, p99: 0.3, max: 0.3 })
  })

  it('embeds quantiles of thousands of pauses, with the same p99 and max', () => {
    const rng = seededRng(3)
    const pauses = Array.from({ length: 5000 }, () => rng() * rng())
    const s = pauseSide([run(pauses)])
    expect(s.count).toBe(5000)
    expect(s.quantiles).toHaveLength(201)
    expect(s.p99).toBe(quantile(pauses, 0.99))
    expect(s.max).toBe(Math.max(...pauses))
    expect(s.quantiles[200]).toBe(s.max)
  })
})
