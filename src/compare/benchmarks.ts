import type { CompareConfig } from '../config/types.js'
import type { BenchmarkComparison, MetricComparison } from '../model/report.js'
import { CPU_TIME_UNIT, isTimeUnit, type BenchmarkResult, type BenchRun, type MetricValue } from '../model/result.js'
import { compareGc } from './gc.js'
import { judgeMetric, type Rule } from './metrics.js'
import { judgeMetricValues } from './nonfinite.js'
import { mean } from './stats.js'

export const RETAINED_METRIC = 'retained heap'

/** Whether lower is better for a unit; null when the gate cannot know (and so does not judge it). */
export function unitDirection(unit: string, declared: Record<string, 'higher' | 'lower'>): boolean | null {
  const d = declared[unit]
  if (d) return d === 'lower'
  if (isTimeUnit(unit) || unit === 'B/op' || unit === 'allocs/op') return true
  // Throughput: anything per second.
  if (/\/s$/.test(unit)) return false
  // Cost per unit of work: time, bytes or allocations per something.
  if (/^(ns|us|µs|ms|s|sec|B|KB|KiB|MB|MiB|bytes|allocs)\//.test(unit)) return true
  return null
}

export function ruleFor(unit: string, cfg: CompareConfig): Rule {
  const t = cfg.thresholds
  // CPU time is time: the same threshold, judged the same way, each on its own interval.
  if (isTimeUnit(unit)) return { mode: 'statistical', relative: t.time.relative }
  if (unit === 'allocs/op') return { mode: 'threshold', limits: t.allocsPerOp, exact: true }
  if (unit === 'B/op') return { mode: 'threshold', limits: t.bytesPerOp, exact: true }
  return { mode: 'statistical', relative: t.custom.relative }
}

function unitsOf(runs: BenchRun[]): string[] {
  const units = new Set<string>()
  for (const r of runs) for (const u of Object.keys(r.metrics)) units.add(u)
  return [...units]
}

const UNIT_ORDER = ['ns/op', CPU_TIME_UNIT, 'B/op', 'allocs/op', 'MB/s']

function byUnitOrder(a: string, b: string): number {
  const ia = UNIT_ORDER.indexOf(a)
  const ib = UNIT_ORDER.indexOf(b)
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
}

/** Fallback for results without the probe: sampled in-use bytes at exit divided by the ops. */
export function retainedPerOp(runs: BenchRun[]): number[] {
  return runs.filter((r) => r.heap && r.iterations > 0).map((r) => (r.heap?.inuseBytes ?? 0) / r.iterations)
}

/**
 * Live-heap growth per op, one sample per full run: (live heap after N ops - live heap after N/4 ops) /
 * (N - N/4), with the small runs averaged into one point. A warm-up (a cache filled once, a pool, a lazy
 * table) is the same at both sizes and cancels; memory kept per op does not. Undefined without probe data.
 */
export function heapGrowthPerOp(b: BenchmarkResult): number[] | undefined {
  const small = (b.smallRuns ?? []).filter((r) => r.live && r.iterations > 0)
  const full = b.runs.filter((r) => r.live)
  if (small.length === 0 || full.length === 0) return undefined
  const smallLive = mean(small.map((r) => r.live?.heapBytes ?? 0))
  const smallOps = mean(small.map((r) => r.iterations))
  const samples = full.filter((r) => r.iterations > smallOps).map((r) => ((r.live?.heapBytes ?? 0) - smallLive) / (r.iterations - smallOps))
  return samples.length > 0 ? samples : undefined
}

function retainedMetric(base: BenchmarkResult, head: BenchmarkResult, cfg: CompareConfig): MetricComparison {
  const bg = heapGrowthPerOp(base)
  const hg = heapGrowthPerOp(head)
  const growth = bg !== undefined && hg !== undefined
  const m = judgeMetric(
    {
      metric: RETAINED_METRIC,
      unit: 'B/op',
      lowerIsBetter: true,
      base: growth ? bg : retainedPerOp(base.runs),
      head: growth ? hg : retainedPerOp(head.runs),
      rule: { mode: 'threshold+test', limits: cfg.thresholds.retainedBytesPerOp }
    },
    cfg.statistics
  )
  // Growth is ~0 on an unchanged side (and may come out slightly negative): a ratio to it means nothing.
  if (m.baseMedian !== null && Math.abs(m.baseMedian) < 1) m.change = null
  m.reason += growth
    ? ' (live heap growth per op between b.N/4 and b.N)'
    : ' (in-use heap at exit / b.N: no probe data, so a one-off warm-up is not told apart)'
  return m
}

/** Every metric of one benchmark present on both sides. The caller applies the multiple-comparison control. */
export function compareBenchmark(
  pkg: string,
  base: BenchmarkResult,
  head: BenchmarkResult,
  cfg: CompareConfig,
  paired = true
): BenchmarkComparison {
  const metrics: MetricComparison[] = []
  const units = [...new Set([...unitsOf(base.runs), ...unitsOf(head.runs)])].sort(byUnitOrder)
  for (const unit of units) {
    // Own properties only: a unit named `constructor` on one side must not find Object's on the other.
    const samples = (runs: BenchRun[]): MetricValue[] => runs.flatMap((r) => (Object.hasOwn(r.metrics, unit) ? [r.metrics[unit]] : []))
    const rule = ruleFor(unit, cfg)
    const ratios = rule.mode === 'statistical' && paired ? roundRatios(base.runs, head.runs, unit) : undefined
    metrics.push(
      judgeMetricValues(
        {
          metric: unit,
          unit,
          lowerIsBetter: unitDirection(unit, cfg.metricDirections),
          base: samples(base.runs),
          head: samples(head.runs),
          rule,
          ...(ratios ? { ratios } : {})
        },
        cfg.statistics
      )
    )
  }
  metrics.push(retainedMetric(base, head, cfg))
  // Pauses from the memory runs too: they alternate, so they are the pauses of a benchmark whose timed
  // rounds shared a CPU (and more of them for any other).
  const pauseRuns = (b: BenchmarkResult): BenchRun[] => [...b.runs, ...(b.smallRuns ?? [])]
  metrics.push(...compareGc(base.runs, head.runs, cfg, { base: pauseRuns(base), head: pauseRuns(head) }))
  return { pkg, benchmark: base.name, metrics }
}

/**
 * head / base of the runs with the same index, which ran in the same round one after the other (see
 * jobs/bench/plan.ts); undefined unless every run of both sides pairs up with a positive finite value, since a
 * partial pairing would silently drop the rounds that went wrong.
 */
export function roundRatios(baseRuns: BenchRun[], headRuns: BenchRun[], unit: string): number[] | undefined {
  if (baseRuns.length !== headRuns.length || baseRuns.length === 0) return undefined
  const byIndex = new Map(baseRuns.map((r) => [r.index, r]))
  const ratios: number[] = []
  for (const h of headRuns) {
    const b = byIndex.get(h.index)
    const hv = Object.hasOwn(h.metrics, unit) ? h.metrics[unit] : undefined
    const bv = b && Object.hasOwn(b.metrics, unit) ? b.metrics[unit] : undefined
    if (typeof hv !== 'number' || typeof bv !== 'number' || !(hv > 0) || !(bv > 0) || !Number.isFinite(hv) || !Number.isFinite(bv)) return undefined
    ratios.push(hv / bv)
  }
  return ratios
}
