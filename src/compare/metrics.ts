import type { CompareConfig, RelAbs } from '../config/types.js'
import type { Finding, FindingKind, JudgeMethod, MetricComparison, Severity } from '../model/report.js'
import { mannWhitneyU, median, minimumPossibleP } from './stats.js'

/**
 * How a metric is judged.
 * - 'statistical': noisy measurements (time, throughput, custom units): a confidence interval of the
 *   change against the threshold, decided over all such comparisons at once (timing.ts). The
 *   Mann-Whitney p-value is still reported, as benchstat would show it.
 * - 'threshold': near-deterministic counts (allocs/op, B/op): medians against a relative and an absolute
 *   threshold, no test needed. `exact`: a count the code fixes at a given b.N, so an increase in every run
 *   is reported even under the thresholds.
 * - 'threshold+test': sampled or machine-dependent quantities (retained heap, GC): thresholds, and, when
 *   there are enough samples, a significant difference too.
 * - 'info': shown, never judged.
 */
export type Rule =
  | { mode: 'statistical'; relative: number }
  | { mode: 'threshold'; limits: RelAbs; exact?: boolean }
  | { mode: 'threshold+test'; limits: RelAbs }
  | { mode: 'info' }

const METHOD: Record<Rule['mode'], JudgeMethod> = {
  statistical: 'interval',
  threshold: 'threshold',
  'threshold+test': 'threshold+mann-whitney',
  info: 'none'
}

export interface MetricInput {
  metric: string
  unit: string
  lowerIsBetter: boolean | null
  base: number[]
  head: number[]
  rule: Rule
  /** head / base of the runs of each round, for a statistical rule whose rounds pair up. */
  ratios?: number[]
}

const AWAITING_DECISION = 'awaiting the decision over all noisy comparisons'

/** Whether a noisy comparison had enough samples and waits for decideTiming (timing.ts). */
export function awaitsDecision(m: MetricComparison): boolean {
  return m.method === 'interval' && m.status === 'not-judged' && m.reason === AWAITING_DECISION
}

export function relativeChange(base: number | null, head: number | null): number | null {
  if (base === null || head === null || base === 0) return null
  return (head - base) / Math.abs(base)
}

/** Positive when head is worse, in the metric's own units. */
function worsening(base: number, head: number, lowerIsBetter: boolean): number {
  return lowerIsBetter ? head - base : base - head
}

function fmt(x: number): string {
  if (Number.isInteger(x) || Math.abs(x) >= 100) return String(Math.round(x))
  return x.toPrecision(3)
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

export function judgeMetric(input: MetricInput, stats: CompareConfig['statistics']): MetricComparison<number> {
  const { base, head, rule, lowerIsBetter } = input
  const baseMedian = base.length ? median(base) : null
  const headMedian = head.length ? median(head) : null
  const out: MetricComparison<number> = {
    metric: input.metric,
    unit: input.unit,
    lowerIsBetter,
    baseSamples: base,
    headSamples: head,
    baseMedian,
    headMedian,
    change: relativeChange(baseMedian, headMedian),
    pValue: null,
    status: 'not-judged',
    method: METHOD[rule.mode],
    reason: ''
  }
  if (baseMedian === null || headMedian === null) {
    out.reason = 'no samples on one side'
    return out
  }
  if (rule.mode === 'info') {
    out.reason = 'informational'
    return out
  }
  if (lowerIsBetter === null) {
    out.reason = `direction of '${input.unit}' unknown: declare it in metricDirections to judge it`
    return out
  }
  const enough = base.length >= stats.minSamples && head.length >= stats.minSamples
  if (enough || rule.mode === 'statistical') {
    out.pValue = base.length && head.length ? mannWhitneyU(base, head).pValue : null
  }
  // An exact count (allocs/op, B/op at a fixed b.N) is compared at its cleanest run: what the runtime
  // allocates in the background (a memory-profile bucket, a timer) only ever adds to a run's count, so
  // the smallest value of each side is the code's own and a few inflated runs on one side cannot move it.
  const clean = rule.mode === 'threshold' && rule.exact === true
  const baseRef = clean ? Math.min(...base) : baseMedian
  const headRef = clean ? Math.min(...head) : headMedian
  const what = clean ? 'least of the runs' : 'median'
  const worse = worsening(baseRef, headRef, lowerIsBetter)
  const rel = baseRef === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(baseRef)

  if (rule.mode === 'statistical') {
    if (!enough) {
      const best = minimumPossibleP(base.length, head.length)
      out.reason = `${base.length} vs ${head.length} samples: at least ${stats.minSamples} per side are needed (best reachable p=${best.toPrecision(2)})`
      return out
    }
    // Decided with every other noisy comparison of the report (timing.ts): the level depends on how many.
    if (input.ratios) out.ratios = input.ratios
    out.reason = AWAITING_DECISION
    return out
  }

  const { relative, absolute } = rule.limits
  const crosses = (delta: number, r: number): boolean => delta > 0 && delta >= absolute && r > relative
  if (crosses(worse, rel) || crosses(-worse, -rel)) {
    const direction = worse > 0 ? 'regression' : 'improvement'
    if (rule.mode === 'threshold+test' && enough && (out.pValue ?? 1) > stats.alpha) {
      out.status = 'unchanged'
      out.reason = `median moved ${fmt(headMedian - baseMedian)} but not significantly (p=${(out.pValue ?? 1).toPrecision(2)})`
      return out
    }
    out.status = direction
    out.reason = `${what} ${fmt(baseRef)} -> ${fmt(headRef)} crosses ${pct(relative)} and ${fmt(absolute)} ${input.unit}`
    if (rule.mode === 'threshold+test' && !enough) {
      out.reason +=
        ` (${base.length} vs ${head.length} samples, too few for a significance test: at least ${stats.minSamples} per side are needed, ` +
        `so this noisy metric warns and cannot fail the gate)`
    }
    return out
  }
  if (rule.mode === 'threshold' && rule.exact === true && repeatsInEveryRun(base, head, lowerIsBetter)) {
    // allocs/op and B/op are exact at a fixed b.N: head worse than base in every run, with no overlap, is a
    // change of the code, not noise, however small against the base (2000 -> 2001 allocs/op is one more
    // allocation per op). The thresholds decide that it does not fail; it must still be seen.
    out.status = 'regression'
    out.warnOnly = `under the ${pct(relative)} / ${fmt(absolute)} ${input.unit} thresholds, but worse in every run`
    out.reason = `median ${fmt(baseMedian)} -> ${fmt(headMedian)}, worse in all ${head.length} head runs than in any of the ${base.length} base runs (${out.warnOnly.split(',')[0]})`
    return out
  }
  out.status = 'unchanged'
  out.reason = `within ${pct(relative)} / ${fmt(absolute)} ${input.unit}`
  return out
}

/** Whether every head value is worse than every base value: an exact count that moved, not noise. */
function repeatsInEveryRun(base: number[], head: number[], lowerIsBetter: boolean): boolean {
  if (base.length === 0 || head.length === 0) return false
  return lowerIsBetter ? Math.min(...head) > Math.max(...base) : Math.max(...head) < Math.min(...base)
}

/**
 * Whether a comparison crossed its thresholds without the significance test its rule asks for (too few
 * samples): a sampled or machine-dependent metric moves that much by chance, so it may warn, never fail.
 */
export function lacksEvidence(m: MetricComparison): boolean {
  return m.method === 'threshold+mann-whitney' && m.pValue === null
}

/** The finding for a metric that regressed: its numbers as the comparison has them, no locations yet. */
export function regressionFinding(at: { kind: FindingKind; severity: Severity; pkg: string; subject: string }, m: MetricComparison, message: string): Finding {
  return { ...at, metric: m.metric, unit: m.unit, base: m.baseMedian, head: m.headMedian, change: m.change, pValue: m.pValue, message, locations: [] }
}
