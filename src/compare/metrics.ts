import type { CompareConfig, RelAbs } from '../config/types.js'
import type { JudgeMethod, MetricComparison } from '../model/report.js'
import { mannWhitneyU, median, minimumPossibleP } from './stats.js'

/**
 * How a metric is judged.
 * - 'statistical': noisy measurements (time, throughput, custom units): a Mann-Whitney U test and a
 *   minimum effect size, both must hold.
 * - 'threshold': near-deterministic counts (allocs/op, B/op): medians against a relative and an absolute
 *   threshold, no test needed.
 * - 'threshold+test': sampled or machine-dependent quantities (retained heap, GC): thresholds, and, when
 *   there are enough samples, a significant difference too.
 * - 'info': shown, never judged.
 */
export type Rule =
  | { mode: 'statistical'; relative: number }
  | { mode: 'threshold'; limits: RelAbs }
  | { mode: 'threshold+test'; limits: RelAbs }
  | { mode: 'info' }

const METHOD: Record<Rule['mode'], JudgeMethod> = {
  statistical: 'mann-whitney',
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
  const worse = worsening(baseMedian, headMedian, lowerIsBetter)
  const rel = baseMedian === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(baseMedian)

  if (rule.mode === 'statistical') {
    if (!enough) {
      const best = minimumPossibleP(base.length, head.length)
      out.reason = `${base.length} vs ${head.length} samples: at least ${stats.minSamples} per side are needed (best reachable p=${best.toPrecision(2)})`
      return out
    }
    const p = out.pValue ?? 1
    if (p > stats.alpha) {
      out.status = 'unchanged'
      out.reason = `not significant (p=${p.toPrecision(2)} > ${stats.alpha})`
    } else if (Math.abs(rel) < rule.relative) {
      out.status = 'unchanged'
      out.reason = `significant but ${pct(Math.abs(rel))} is under the ${pct(rule.relative)} minimum effect`
    } else {
      out.status = rel > 0 ? 'regression' : 'improvement'
      out.reason = `${pct(Math.abs(rel))} ${rel > 0 ? 'worse' : 'better'}, p=${p.toPrecision(2)}`
    }
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
    out.reason = `median ${fmt(baseMedian)} -> ${fmt(headMedian)} crosses ${pct(relative)} and ${fmt(absolute)} ${input.unit}`
    if (rule.mode === 'threshold+test' && !enough) {
      out.reason +=
        ` (${base.length} vs ${head.length} samples, too few for a significance test: at least ${stats.minSamples} per side are needed, ` +
        `so this noisy metric warns and cannot fail the gate)`
    }
    return out
  }
  out.status = 'unchanged'
  out.reason = `within ${pct(relative)} / ${fmt(absolute)} ${input.unit}`
  return out
}

/**
 * Whether a comparison crossed its thresholds without the significance test its rule asks for (too few
 * samples): a sampled or machine-dependent metric moves that much by chance, so it may warn, never fail.
 */
export function lacksEvidence(m: MetricComparison): boolean {
  return m.method === 'threshold+mann-whitney' && m.pValue === null
}

/**
 * Benjamini-Hochberg over every statistically judged comparison: with 80 benchmarks at alpha 0.05 an
 * unchanged code base would otherwise show about four "significant" timing changes per run.
 */
export function controlFalseDiscoveries(
  family: MetricComparison[],
  stats: CompareConfig['statistics'],
  adjust: (ps: number[]) => number[]
): void {
  if (stats.correction === 'none') return
  // The family is every test that was run, significant or not: adjusting only the winners would undo the point.
  const judged = family.filter((c) => c.pValue !== null && c.status !== 'not-judged')
  if (judged.length < 2) return
  const q = adjust(judged.map((c) => c.pValue ?? 1))
  judged.forEach((c, i) => {
    if (q[i] > stats.alpha && (c.status === 'regression' || c.status === 'improvement')) {
      c.status = 'unchanged'
      c.reason = `p=${(c.pValue ?? 1).toPrecision(2)} but q=${q[i].toPrecision(2)} > ${stats.alpha} after controlling for ${judged.length} comparisons (Benjamini-Hochberg)`
    } else if (c.status === 'regression' || c.status === 'improvement') {
      c.reason += `, q=${q[i].toPrecision(2)}`
    }
  })
}
