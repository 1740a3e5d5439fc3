// The same report judged three ways (and the gate once more without its pairing), for bench/power.ts.
// Pure: reads report.json's comparisons, which keep every sample, the per-round ratios and the gate's own
// decision.
import { DEFAULT_COMPARE } from '../src/config/defaults.js'
import { decideTiming } from '../src/compare/timing.js'
import type { MetricComparison, Report } from '../src/model/report.js'

/** 'gate-reported': what the gate fails or warns about (an exact count under the thresholds warns). */
export type Judge = 'gate' | 'gate-reported' | 'gate-unpaired' | 'ratio200' | 'mw-raw'
export const JUDGES: Judge[] = ['gate', 'gate-reported', 'gate-unpaired', 'ratio200', 'mw-raw']

/** What the head changed on purpose: benchmark name -> the metric and the change. */
export const INJECTED: Record<string, { unit: string; change: string }> = {
  BenchmarkIntegrateRepeated: { unit: 'ns/op', change: '+5% time' },
  BenchmarkWordsRepeated: { unit: 'ns/op', change: '+10% time' },
  BenchmarkCollatzRepeated: { unit: 'ns/op', change: '+20% time' },
  BenchmarkChain2: { unit: 'allocs/op', change: '+1 alloc/op at 2' },
  BenchmarkChain50: { unit: 'allocs/op', change: '+1 alloc/op at 50' },
  BenchmarkChain2000: { unit: 'allocs/op', change: '+1 alloc/op at 2000' }
}

/** Metrics the injection moves as a side effect (one more node costs time too): not false alarms. */
const INCIDENTAL = new Set(['BenchmarkChain2', 'BenchmarkChain50', 'BenchmarkChain2000'])

const JUDGED_UNITS = new Set(['ns/op', 'cpu-ns/op', 'allocs/op', 'B/op'])
/** The gate judges time twice (wall and CPU time per op); a slowdown caught by either is caught, as time. */
const asTime = (unit: string): string => (unit === 'cpu-ns/op' ? 'ns/op' : unit)

function worse(m: MetricComparison): boolean {
  const b = m.baseMedian
  const h = m.headMedian
  return typeof b === 'number' && typeof h === 'number' && (m.lowerIsBetter === false ? h < b : h > b)
}

/** The gate's decisions again, with the per-round ratios removed: the unpaired Mann-Whitney interval. */
function unpairedStatuses(report: Report): Map<MetricComparison, MetricComparison['status']> {
  const copies = new Map<MetricComparison, MetricComparison>()
  for (const c of report.comparisons) {
    for (const m of c.metrics) {
      if (m.method !== 'interval' || m.status === 'not-judged') continue
      const copy: MetricComparison = { ...m, status: 'not-judged' }
      delete copy.ratios
      copies.set(m, copy)
    }
  }
  decideTiming([...copies.values()].map((m) => ({ m, threshold: DEFAULT_COMPARE.thresholds.time.relative })), DEFAULT_COMPARE.statistics)
  return new Map([...copies].map(([orig, copy]) => [orig, copy.status]))
}

/** Which (benchmark, unit) each judge fails, as `Name unit`. */
export function failuresByJudge(report: Report): Record<Judge, Set<string>> {
  const out: Record<Judge, Set<string>> = { gate: new Set(), 'gate-reported': new Set(), 'gate-unpaired': new Set(), ratio200: new Set(), 'mw-raw': new Set() }
  for (const f of report.findings) {
    // By metric: the retained-heap finding's unit is B/op too, but it is another detector.
    if (!JUDGED_UNITS.has(f.metric)) continue
    if (f.severity === 'fail') out.gate.add(`${f.subject} ${asTime(f.unit)}`)
    if (f.severity !== 'info') out['gate-reported'].add(`${f.subject} ${asTime(f.unit)}`)
  }
  const unpaired = unpairedStatuses(report)
  for (const c of report.comparisons) {
    for (const m of c.metrics) {
      if (!JUDGED_UNITS.has(m.metric)) continue
      const key = `${c.benchmark} ${asTime(m.unit)}`
      const gateOwn = out.gate.has(key)
      // Exact counts are the same rule with or without pairing.
      if (m.method === 'interval' ? unpaired.get(m) === 'regression' : gateOwn) out['gate-unpaired'].add(key)
      // The other tools see what go test prints: wall time, not the gate's CPU time, unless the runs had no
      // wall time of their own (shared pairing): then the same CPU-time samples, so all judge the same data.
      if (m.unit === 'cpu-ns/op' && c.metrics.some((x) => x.unit === 'ns/op')) continue
      const b = m.baseMedian
      const h = m.headMedian
      // The most used benchmark action's default: alert when head is 200% of base or more.
      if (typeof b === 'number' && typeof h === 'number' && b > 0 && h / b >= 2 && m.lowerIsBetter !== false) out.ratio200.add(key)
      // benchstat read naively: any p < 0.05 in the worse direction, no correction, no threshold.
      if (m.pValue !== null && m.pValue < 0.05 && worse(m)) out['mw-raw'].add(key)
    }
  }
  return out
}

/** Failures that are neither injected nor incidental to an injection: false alarms. */
export function falseAlarms(failed: Set<string>): string[] {
  return [...failed].filter((key) => {
    const [name, unit] = key.split(' ')
    return !(INJECTED[name]?.unit === unit) && !INCIDENTAL.has(name)
  })
}
