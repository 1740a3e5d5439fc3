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

  it('does not judge p99 from fewer than 10 pauses a side, and never judges p50 or max', () => {
    const base = [benchRun(0, { pauses: [0.1] })]
    const head = [benchRun(0, { pauses: [5] })]
    const m = byMetric(compareGc(base, head, DEFAULT_COMPARE))
    expect(m.get('gc pause p99')?.status).toBe('not-judged')
    expect(m.get('gc pause p99')?.reason).toMatch(/too few GC pauses/)
    expect(m.get('gc pause max')).toMatchObject({ status: 'not-judged', baseMedian: 0.1, headMedian: 5 })
  })

  it('judges GC cycles per op only with at least 3 cycles in the measured runs', () => {
    const few = compareGc(repeat(6, () => ({ cycles: 1 })).map((s, i) => benchRun(i, s)), repeat(6, () => ({ cycles: 2 })).map((s, i) => benchRun(i, s)), DEFAULT_COMPARE)
    expect(byMetric(few).get('gc cycles/op')?.status).toBe('not-judged')
    const many = compareGc(repeat(6, () => ({ cycles: 10 })).map((s, i) => benchRun(i, s)), repeat(6, () => ({ cycles: 30 })).map((s, i) => benchRun(i, s)), DEFAULT_COMPARE)
    expect(byMetric(many).get('gc cycles/op')?.status).toBe('regression')
  })
})
