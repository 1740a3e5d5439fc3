// Judging a metric some of whose runs printed +Inf, -Inf or NaN. Such a value is no measurement that a test or
// a threshold can weigh (the U test would rank it, a median would average it), but it is not nothing either:
// a ratio whose denominator fell to zero, or a float that overflowed, is a change the code made. So the
// infinite and NaN runs are counted per side and the verdict rests on those counts alone.
import type { CompareConfig } from '../config/types.js'
import type { MetricComparison } from '../model/report.js'
import { finiteValues, metricNumber, NON_FINITE, toMetricValue, type MetricValue, type NonFinite } from '../model/metric-value.js'
import { judgeMetric, type MetricInput } from './metrics.js'

export interface ValuesInput extends Omit<MetricInput, 'base' | 'head'> {
  base: MetricValue[]
  head: MetricValue[]
}

/** Judges a metric: by judgeMetric when every value is finite, by its non-finite values otherwise. */
export function judgeMetricValues(input: ValuesInput, stats: CompareConfig['statistics']): MetricComparison {
  const base = finiteValues(input.base)
  const head = finiteValues(input.head)
  if (base !== undefined && head !== undefined) return judgeMetric({ ...input, base, head }, stats)
  return judgeNonFinite(input)
}

type Counts = Record<NonFinite, number>

function count(values: MetricValue[]): Counts {
  const c: Counts = { '+Inf': 0, '-Inf': 0, NaN: 0 }
  for (const v of values) if (typeof v === 'string') c[v]++
  return c
}

/**
 * The middle value with infinities ordered as numbers are; NaN on a side makes its median NaN (NaN has no
 * place in an order).
 */
export function medianValue(values: MetricValue[]): MetricValue | null {
  if (values.length === 0) return null
  if (values.includes('NaN')) return 'NaN'
  const sorted = values.map(metricNumber).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const mid = Math.floor(sorted.length / 2)
  return toMetricValue(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)
}

/**
 * Values that are worse than any finite one: NaN always (the metric stopped being a number), +Inf unless
 * higher is known to be better, -Inf unless lower is. With the direction unknown, an infinity either way is
 * worse: the metric divided by zero where it did not before.
 */
function worseKinds(lowerIsBetter: boolean | null): NonFinite[] {
  return NON_FINITE.filter((k) => k === 'NaN' || (k === '+Inf' ? lowerIsBetter !== false : lowerIsBetter !== true))
}

function describe(c: Counts, runs: number): string {
  const parts = NON_FINITE.filter((k) => c[k] > 0).map((k) => `${k} in ${c[k]} of ${runs} runs`)
  return parts.length > 0 ? parts.join(', ') : `finite in all ${runs} runs`
}

function judgeNonFinite(input: ValuesInput): MetricComparison {
  const { base, head, lowerIsBetter } = input
  const b = count(base)
  const h = count(head)
  const out: MetricComparison = {
    metric: input.metric,
    unit: input.unit,
    lowerIsBetter,
    baseSamples: base,
    headSamples: head,
    baseMedian: medianValue(base),
    headMedian: medianValue(head),
    change: null,
    pValue: null,
    status: 'not-judged',
    method: 'non-finite',
    reason: ''
  }
  const sides = `head ${describe(h, head.length)}; base ${describe(b, base.length)}`
  if (base.length === 0 || head.length === 0) {
    out.reason = `no samples on one side (${sides})`
    return out
  }
  const worse = worseKinds(lowerIsBetter)
  const appeared = worse.filter((k) => h[k] > 0 && b[k] === 0)
  const gone = worse.filter((k) => b[k] > 0 && h[k] === 0)
  if (appeared.length > 0) {
    out.status = 'regression'
    out.reason = `${sides}: the benchmark now reports ${appeared.join(' and ')} (a division by zero or an overflow), which no finite value can be compared with`
  } else if (gone.length > 0) {
    out.status = 'improvement'
    out.reason = `${sides}: no more ${gone.join(' or ')}`
  } else {
    out.reason = `${sides}: values that are not finite cannot be compared`
  }
  return out
}
