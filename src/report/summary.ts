// What the markdown and the terminal renderings both say about a Report, computed once: the counts phrase of
// the verdict line, the tally of comparisons, the order of locations.

import type { BenchmarkComparison, Finding, Location, Report, Severity } from '../model/report.js'

/** `3 failing, 1 warning, 2 info`, leaving out what is zero; '' when there are no findings. */
export function countsPhrase(counts: Record<Severity, number>): string {
  const parts: string[] = []
  if (counts.fail > 0) parts.push(`${counts.fail} failing`)
  if (counts.warn > 0) parts.push(`${counts.warn} ${counts.warn === 1 ? 'warning' : 'warnings'}`)
  if (counts.info > 0) parts.push(`${counts.info} info`)
  return parts.join(', ')
}

export function findingsOf(report: Report, severity: Severity): Finding[] {
  return report.findings.filter((f) => f.severity === severity)
}

/**
 * Locations in the order a reader should look at them: the sites that retain the most bytes per op first;
 * locations without a byte delta (goroutine creation sites, race accesses) keep the order compare gave them.
 */
export function rankLocations(locations: Location[]): Location[] {
  return locations
    .map((location, index) => ({ location, index }))
    .sort((a, b) => {
      const da = a.location.deltaPerOp
      const db = b.location.deltaPerOp
      if (da !== undefined && db !== undefined && da !== db) return db - da
      if (da !== undefined && db === undefined) return -1
      if (da === undefined && db !== undefined) return 1
      return a.index - b.index
    })
    .map((entry) => entry.location)
}

export interface ComparisonTally {
  packages: number
  benchmarks: number
  metrics: number
  /** Benchmarks with at least one regressed metric. */
  regressed: number
  /** Benchmarks with an improved metric and none regressed. */
  improved: number
  /** Benchmarks with neither, but a timing decision still open (inconclusive or too noisy). */
  undecided: number
  /** Benchmarks with none of the above (every metric unchanged or not judged). */
  unchanged: number
  onlyInBase: number
  onlyInHead: number
}

export function tallyComparisons(report: Report): ComparisonTally {
  let regressed = 0
  let improved = 0
  let undecided = 0
  let metrics = 0
  for (const comparison of report.comparisons) {
    metrics += comparison.metrics.length
    const statuses = new Set(comparison.metrics.map((m) => m.status))
    if (statuses.has('regression')) regressed++
    else if (statuses.has('improvement')) improved++
    else if (statuses.has('inconclusive') || statuses.has('too-noisy')) undecided++
  }
  const benchmarks = report.comparisons.length
  return {
    packages: new Set(report.comparisons.map((c) => c.pkg)).size,
    benchmarks,
    metrics,
    regressed,
    improved,
    undecided,
    unchanged: benchmarks - regressed - improved - undecided,
    onlyInBase: report.onlyInBase.length,
    onlyInHead: report.onlyInHead.length
  }
}

/** `Compared 12 benchmarks (30 metrics) in 3 packages: 2 regressed, 1 improved, 9 unchanged; 1 only in base.` */
export function tallyPhrase(tally: ComparisonTally): string {
  const s = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  let text =
    `Compared ${s(tally.benchmarks, 'benchmark')} (${s(tally.metrics, 'metric')}) ` +
    `in ${s(tally.packages, 'package')}: ` +
    `${tally.regressed} regressed, ${tally.improved} improved, ` +
    `${tally.undecided > 0 ? `${tally.undecided} undecided (inconclusive or too noisy), ` : ''}${tally.unchanged} unchanged`
  const oneSided: string[] = []
  if (tally.onlyInBase > 0) oneSided.push(`${tally.onlyInBase} only in base`)
  if (tally.onlyInHead > 0) oneSided.push(`${tally.onlyInHead} only in head`)
  if (oneSided.length > 0) text += `; ${oneSided.join(', ')}`
  return `${text}.`
}

/** Comparisons grouped by package, packages and benchmarks in the order compare gave them. */
export function groupByPackage(comparisons: BenchmarkComparison[]): Map<string, BenchmarkComparison[]> {
  const groups = new Map<string, BenchmarkComparison[]>()
  for (const comparison of comparisons) {
    const group = groups.get(comparison.pkg)
    if (group === undefined) groups.set(comparison.pkg, [comparison])
    else group.push(comparison)
  }
  return groups
}

/** Cuts text to at most `max` code points, marking the cut with `…`; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** What a site's delta is counted per: a benchmark's op, or a load job's request. */
export function deltaPer(finding: Finding): 'op' | 'request' {
  return finding.unit.endsWith('/request') ? 'request' : 'op'
}
