import type { CompareConfig } from '../config/types.js'
import type { MetricComparison } from '../model/report.js'
import type { BenchRun } from '../model/result.js'
import { judgeMetric, relativeChange } from './metrics.js'
import { mannWhitneyU, quantile } from './stats.js'

// A GC-per-op figure from a run that saw only a couple of cycles is mostly rounding.
const MIN_MEASURED_CYCLES = 3

function pooledPauses(runs: BenchRun[]): number[] {
  return runs.flatMap((r) => r.gc.stwPausesMs)
}

function pauseQuantile(metric: string, q: number, base: number[], head: number[]): MetricComparison<number> {
  const b = base.length ? quantile(base, q) : null
  const h = head.length ? quantile(head, q) : null
  return {
    metric,
    unit: 'ms',
    lowerIsBetter: true,
    baseSamples: [],
    headSamples: [],
    baseMedian: b,
    headMedian: h,
    change: relativeChange(b, h),
    pValue: null,
    status: 'not-judged',
    method: 'none',
    reason: 'informational'
  }
}

/**
 * The longest pause of each run that paused, judged as a sampled metric: thresholds on the median over runs
 * and a Mann-Whitney test. The pooled maximum would be one sample, moved by any hiccup of the machine.
 */
function pauseMax(baseRuns: BenchRun[], headRuns: BenchRun[], cfg: CompareConfig): MetricComparison<number> {
  const maxima = (runs: BenchRun[]): number[] => runs.filter((r) => r.gc.stwPausesMs.length > 0).map((r) => Math.max(...r.gc.stwPausesMs))
  const base = maxima(baseRuns)
  const head = maxima(headRuns)
  const m = judgeMetric({ metric: 'gc pause max', unit: 'ms', lowerIsBetter: true, base, head, rule: { mode: 'threshold+test', limits: cfg.thresholds.gcPauseMax } }, cfg.statistics)
  const min = cfg.statistics.minSamples
  // Unlike a count, a maximum from a few runs is all outlier: below minSamples runs a side it is only shown.
  if (m.baseMedian !== null && m.headMedian !== null && (base.length < min || head.length < min)) {
    m.status = 'not-judged'
    m.method = 'none'
    m.pValue = null
    m.reason = `too few runs with GC pauses to judge the longest pause (${base.length} vs ${head.length}; ${min} per side needed)`
  } else if (m.baseMedian !== null) m.reason += " (median over runs of each run's longest pause)"
  return m
}

/**
 * Stop-the-world pause distribution (p50, p99, max) pooled over all runs of a benchmark (`pauseRuns`: the
 * timed runs and the memory runs), and GC cycles per op in the measured b.N run. p50 is shown, never
 * judged: it hides exactly the tail that users feel.
 */
export function compareGc(baseRuns: BenchRun[], headRuns: BenchRun[], cfg: CompareConfig, pauseRuns: { base: BenchRun[]; head: BenchRun[] } = { base: baseRuns, head: headRuns }): MetricComparison[] {
  const base = pooledPauses(pauseRuns.base)
  const head = pooledPauses(pauseRuns.head)
  const p50 = pauseQuantile('gc pause p50', 0.5, base, head)
  const max = pauseMax(pauseRuns.base, pauseRuns.head, cfg)
  const p99 = pauseQuantile('gc pause p99', 0.99, base, head)
  const { relative, absolute } = cfg.thresholds.gcPauseP99
  if (p99.baseMedian !== null && p99.headMedian !== null && base.length >= 10 && head.length >= 10) {
    const delta = p99.headMedian - p99.baseMedian
    const rel = p99.baseMedian > 0 ? delta / p99.baseMedian : delta > 0 ? Infinity : 0
    // Pauses within one process are not independent; the test only guards against a p99 moved by
    // a handful of outliers when the distributions are otherwise the same.
    p99.pValue = mannWhitneyU(base, head).pValue
    p99.method = 'threshold+mann-whitney'
    if (delta > absolute && rel > relative && p99.pValue <= cfg.statistics.alpha) {
      p99.status = 'regression'
      p99.reason = `p99 pause ${p99.baseMedian.toPrecision(3)} -> ${p99.headMedian.toPrecision(3)} ms over ${base.length}/${head.length} pauses`
    } else {
      p99.status = 'unchanged'
      p99.reason = `within ${Math.round(relative * 100)}% / ${absolute} ms or not significant`
    }
  } else if (p99.baseMedian !== null && p99.headMedian !== null) {
    p99.reason = `too few GC pauses to judge (${base.length} vs ${head.length}; 10 per side needed)`
  }

  const perOp = (runs: BenchRun[]): number[] =>
    runs.filter((r) => r.iterations > 0).map((r) => r.gc.measuredCycles / r.iterations)
  const cycles = judgeMetric(
    {
      metric: 'gc cycles/op',
      unit: 'cycles/op',
      lowerIsBetter: true,
      base: perOp(baseRuns),
      head: perOp(headRuns),
      rule: { mode: 'threshold+test', limits: cfg.thresholds.gcCyclesPerOp }
    },
    cfg.statistics
  )
  const measured = (runs: BenchRun[]): number => Math.max(0, ...runs.map((r) => r.gc.measuredCycles))
  if (measured(baseRuns) < MIN_MEASURED_CYCLES && measured(headRuns) < MIN_MEASURED_CYCLES) {
    cycles.status = 'not-judged'
    cycles.reason = `fewer than ${MIN_MEASURED_CYCLES} GC cycles in the measured runs`
  }
  return [p50, p99, max, cycles]
}
