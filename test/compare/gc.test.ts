// GC pauses and cycles: p99 judged with thresholds and a test, p50 and max shown, cycles per op judged
// only when the runs saw enough cycles to mean something.
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import { compareGc } from '../../src/compare/gc.js'
import { benchRun, repeat } from './build-result.js'

const byMetric = (ms: ReturnType<typeof compareGc>) => new Map(ms.map((m) => [m.metric, m]))

describe('compareGc', () => {
  it('flags a p99 pause that grew past the threshold and the floor, significantly', () => {
    const base = repeat(10, () => ({ pauses: [0.1, 0.1, 0.12] })).map((s, i) => benchRun(i, s))
    const head = repeat(10, () => ({ pauses: [2, 2.2, 2.5] })).map((s, i) => benchRun(i, s))
    const p99 = byMetric(compareGc(base, head, DEFAULT_COMPARE)).get('gc pause p99')
    expect(p99).toMatchObject({ status: 'regression', method: 'threshold+mann-whitney' })
    expect(p99?.pValue).toBeLessThan(0.05)
  })

  it('does not judge p99 from fewer than 10 pauses a side nor max from fewer than minSamples runs, and never judges p50', () => {
    const base = [benchRun(0, { pauses: [0.1] })]
    const head = [benchRun(0, { pauses: [5] })]
    const m = byMetric(compareGc(base, head, DEFAULT_COMPARE))
    expect(m.get('gc pause p99')?.status).toBe('not-judged')
    expect(m.get('gc pause p99')?.reason).toMatch(/too few GC pauses/)
    expect(m.get('gc pause max')).toMatchObject({ status: 'not-judged', baseMedian: 0.1, headMedian: 5 })
    expect(m.get('gc pause p50')?.status).toBe('not-judged')
  })

  // Issue 8 section 2: the longest pause has a threshold of its own (thresholds.gcPauseMax), judged on each
  // run's longest pause so that one hiccup of the machine is one sample among the runs, not the verdict.
  it('flags the longest pause per run when it doubles and grows by more than 1 ms in every run, not one outlier', () => {
    const base = repeat(6, () => ({ pauses: [0.1, 0.2, 0.5] })).map((s, i) => benchRun(i, s))
    const longer = repeat(6, () => ({ pauses: [0.1, 0.2, 3] })).map((s, i) => benchRun(i, s))
    expect(byMetric(compareGc(base, longer, DEFAULT_COMPARE)).get('gc pause max')).toMatchObject({ status: 'regression', baseMedian: 0.5, headMedian: 3 })
    const oneHiccup = repeat(6, (i) => ({ pauses: [0.1, 0.2, i === 3 ? 9 : 0.5] })).map((s, i) => benchRun(i, s))
    expect(byMetric(compareGc(base, oneHiccup, DEFAULT_COMPARE)).get('gc pause max')?.status).toBe('unchanged')
    const lenient = { ...DEFAULT_COMPARE, thresholds: { ...DEFAULT_COMPARE.thresholds, gcPauseMax: { relative: 10, absolute: 1 } } }
    expect(byMetric(compareGc(base, longer, lenient)).get('gc pause max')?.status).toBe('unchanged')
  })

  it('judges pauses from the runs it is given for them, and cycles per op from the timed runs', () => {
    // Timed runs that shared a CPU carry no pauses; the memory runs, which alternate, do.
    const timed = (cycles: number) => repeat(6, () => ({ cycles, pauses: [] as number[] })).map((s, i) => benchRun(i, s))
    const memory = (pause: number) => repeat(4, () => ({ pauses: [0.1, 0.2, pause] })).map((s, i) => benchRun(i, s))
    const m = byMetric(compareGc(timed(10), timed(30), DEFAULT_COMPARE, { base: memory(0.5), head: memory(3) }))
    expect(m.get('gc pause max')).toMatchObject({ status: 'regression', baseMedian: 0.5, headMedian: 3 })
    expect(m.get('gc cycles/op')?.status).toBe('regression')
    // Without them, the timed runs' (none here) are all there is.
    expect(byMetric(compareGc(timed(10), timed(10), DEFAULT_COMPARE)).get('gc pause max')?.baseMedian).toBeNull()
  })

  it('judges GC cycles per op only with at least 3 cycles in the measured runs', () => {
    const few = compareGc(repeat(6, () => ({ cycles: 1 })).map((s, i) => benchRun(i, s)), repeat(6, () => ({ cycles: 2 })).map((s, i) => benchRun(i, s)), DEFAULT_COMPARE)
    expect(byMetric(few).get('gc cycles/op')?.status).toBe('not-judged')
    const many = compareGc(repeat(6, () => ({ cycles: 10 })).map((s, i) => benchRun(i, s)), repeat(6, () => ({ cycles: 30 })).map((s, i) => benchRun(i, s)), DEFAULT_COMPARE)
    expect(byMetric(many).get('gc cycles/op')?.status).toBe('regression')
  })
})
