// The numbers behind the benchmark charts: each side's samples with the median and its confidence interval,
// and the distribution of GC stop-the-world pauses.

import { median, quantile } from '../../compare/stats.js'
import type { MetricComparison } from '../../model/report.js'
import type { BenchRun, MetricValue } from '../../model/result.js'
import type { MetricChart, PauseSide, SampleSide } from './model.js'

/** The confidence level of the median's interval, as benchstat's default. */
export const CONFIDENCE = 0.95
// The most values a chart embeds: a benchmark rarely has more than 100 runs, a GC trace can have thousands
// of pauses, and the shape of a distribution needs no more than this many quantiles.
const MAX_SAMPLES = 1000
const MAX_PAUSES = 201

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function binomialHalfCdf(n: number, k: number): number {
  let term = 0.5 ** n
  let sum = term
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i
    sum += term
  }
  return sum
}

/**
 * The distribution-free confidence interval of the median from order statistics, as benchstat computes it:
 * [x(k), x(n-1-k)] of the sorted sample covers the median with probability 1 - 2 P(B <= k), B ~ Bin(n, 1/2);
 * the narrowest such interval with at least `level` coverage. Below 6 samples no interval reaches 95%:
 * the whole range is returned with the coverage it has, which the page shows.
 */
export function medianInterval(samples: readonly number[], level = CONFIDENCE): { lo: number; hi: number; confidence: number } | null {
  const n = samples.length
  if (n === 0) return null
  const sorted = [...samples].sort((a, b) => a - b)
  let k = 0
  while (k + 1 <= (n - 1) / 2 && 1 - 2 * binomialHalfCdf(n, k + 1) >= level) k++
  // A single value covers nothing; its "interval" is the value itself.
  const confidence = n === 1 ? 0 : 1 - 2 * binomialHalfCdf(n, k)
  return { lo: sorted[k], hi: sorted[n - 1 - k], confidence }
}

function side(samples: number[], center: number | null): SampleSide {
  const kept = samples.length <= MAX_SAMPLES ? samples : samples.slice(0, MAX_SAMPLES)
  return { samples: kept, median: center, interval: medianInterval(samples) }
}

const finite = (values: readonly MetricValue[]): number[] => values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
const finiteOrNull = (v: MetricValue | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** A metric's samples as a chart. +Inf, -Inf and NaN cannot be drawn: the title says how many were left out. */
export function metricChart(m: MetricComparison): MetricChart {
  const base = finite(m.baseSamples)
  const head = finite(m.headSamples)
  const left = m.baseSamples.length - base.length + m.headSamples.length - head.length
  return {
    metric: left > 0 ? `${m.metric} (${left} non-finite sample${left === 1 ? '' : 's'} not drawn)` : m.metric,
    unit: m.unit,
    base: side(base, finiteOrNull(m.baseMedian)),
    head: side(head, finiteOrNull(m.headMedian)),
    change: m.change,
    pValue: m.pValue,
    status: m.status
  }
}

/** One side's pauses over all runs: sorted, or quantiles of them when there are many. */
export function pauseSide(runs: BenchRun[]): PauseSide {
  const all = runs.flatMap((r) => r.gc.stwPausesMs).filter((p) => Number.isFinite(p))
  all.sort((a, b) => a - b)
  const count = all.length
  if (count === 0) return { quantiles: [], count, p50: null, p99: null, max: null }
  const quantiles = count <= MAX_PAUSES ? all : Array.from({ length: MAX_PAUSES }, (_, i) => quantile(all, i / (MAX_PAUSES - 1)))
  return { quantiles, count, p50: median(all), p99: quantile(all, 0.99), max: all[count - 1] }
}
