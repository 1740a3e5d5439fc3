// Regressions of a load job, judged as benchmark metrics are (compare/metrics.ts judgeMetric): one
// sample per round and side, medians against thresholds, and a Mann-Whitney U test once there are
// enough rounds. Errors are counted exactly (thresholds only). Allocations per request are not exact
// under load, unlike allocs/op: under -race sync.Pool drops a quarter of what is put back, and GC
// timing empties pools, so they move by an allocation or two between rounds and need the test too.
import type { LoadThresholds, StatisticsConfig } from '../config/types.js'
import type { MetricComparison } from '../model/report.js'
import type { LoadJobResult, LoadPhase } from '../model/result.js'
import { judgeMetric, type Rule } from './metrics.js'
import { quantile } from './stats.js'

interface MetricSpec {
  metric: string
  unit: string
  lowerIsBetter: boolean
  sample: (p: LoadPhase) => number | undefined
  rule: (t: LoadThresholds) => Rule
}

const perRequest = (p: LoadPhase, v: number | undefined): number | undefined =>
  v !== undefined && p.requests !== null && p.requests > 0 ? v / p.requests : undefined

export const LATENCY_P50 = 'latency p50'
export const LATENCY_P99 = 'latency p99'
export const GC_PAUSE_P99 = 'gc pause p99'

const SPECS: MetricSpec[] = [
  { metric: LATENCY_P50, unit: 'ms', lowerIsBetter: true, sample: (p) => p.latencyMs?.p50, rule: (t) => ({ mode: 'threshold+test', limits: t.latencyP50 }) },
  { metric: LATENCY_P99, unit: 'ms', lowerIsBetter: true, sample: (p) => p.latencyMs?.p99, rule: (t) => ({ mode: 'threshold+test', limits: t.latencyP99 }) },
  { metric: 'errors/request', unit: 'errors/request', lowerIsBetter: true, sample: (p) => perRequest(p, p.errors ?? undefined), rule: (t) => ({ mode: 'threshold', limits: t.errorRate }) },
  {
    metric: GC_PAUSE_P99,
    unit: 'ms',
    lowerIsBetter: true,
    sample: (p) => (p.gcPausesMs.length > 0 ? quantile(p.gcPausesMs, 0.99) : undefined),
    rule: (t) => ({ mode: 'threshold+test', limits: t.gcPauseP99 })
  },
  { metric: 'allocs/request', unit: 'allocs/request', lowerIsBetter: true, sample: (p) => perRequest(p, p.mallocs), rule: (t) => ({ mode: 'threshold+test', limits: t.allocsPerRequest }) },
  { metric: 'B/request', unit: 'B/request', lowerIsBetter: true, sample: (p) => perRequest(p, p.allocBytes), rule: (t) => ({ mode: 'threshold+test', limits: t.bytesPerRequest }) },
  { metric: 'throughput', unit: 'requests/s', lowerIsBetter: false, sample: (p) => p.throughput ?? undefined, rule: () => ({ mode: 'info' }) }
]

function samples(r: LoadJobResult, spec: MetricSpec): number[] {
  return r.phases
    .filter((p) => p.phase === 'round')
    .map(spec.sample)
    .filter((v): v is number => v !== undefined && Number.isFinite(v))
}

/** Every metric the two sides of a job both measured. */
export function compareLoadMetrics(base: LoadJobResult, head: LoadJobResult, thresholds: LoadThresholds, statistics: StatisticsConfig): MetricComparison<number>[] {
  const out: MetricComparison<number>[] = []
  for (const spec of SPECS) {
    const b = samples(base, spec)
    const h = samples(head, spec)
    if (b.length === 0 && h.length === 0) continue
    out.push(judgeMetric({ metric: spec.metric, unit: spec.unit, lowerIsBetter: spec.lowerIsBetter, base: b, head: h, rule: spec.rule(thresholds) }, statistics))
  }
  return out
}
