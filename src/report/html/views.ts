// Everything the page shows about one benchmark, and the goroutine graph of the test pass, assembled from the
// report, both RunResults and the decoded profiles. Pure.

import type { BenchmarkComparison, Report } from '../../model/report.js'
import type { BenchmarkResult, RunResult } from '../../model/result.js'
import { metricChart, pauseSide } from './charts.js'
import type { FrameBudget } from './flame-data.js'
import { benchmarkFlames, goroutineFlame, type BenchProfiles } from './graphs.js'
import type { BenchmarkView, FlameView, MissingFlame } from './model.js'

export function benchmarkOf(r: RunResult, pkg: string, name: string): BenchmarkResult | undefined {
  return r.packages.find((p) => p.importPath === pkg)?.benchmarks.find((b) => b.name === name)
}

/** Benchmarks a finding is about, by package and name. */
export function benchmarksWithFindings(report: Report): Set<string> {
  return new Set(report.findings.map((f) => benchKey(f.pkg, f.subject)))
}

export function benchKey(pkg: string, benchmark: string): string {
  return `${pkg}\u0000${benchmark}`
}

export interface BenchmarkInput {
  /** The benchmark's position in report.comparisons: its id on the page. */
  index: number
  comparison: BenchmarkComparison
  base: BenchmarkResult | undefined
  head: BenchmarkResult | undefined
  profiles: BenchProfiles
  hasFindings: boolean
}

export function benchmarkView(input: BenchmarkInput, budget: FrameBudget): BenchmarkView {
  const { comparison: c, base, head } = input
  const id = `bench-${input.index}`
  const flames: (FlameView | MissingFlame)[] = benchmarkFlames(id, input.profiles, budget)
  // Goroutines a benchmark left behind (the probe after its memory-only runs), when either side had any.
  const baseLeaks = base?.leaks ?? []
  const headLeaks = head?.leaks ?? []
  if (baseLeaks.length + headLeaks.length > 0) {
    flames.push(goroutineFlame(`${id}-goroutines`, 'Goroutines still alive after the benchmark', baseLeaks, headLeaks, budget))
  }
  const baseRuns = base?.runs ?? []
  const headRuns = head?.runs ?? []
  return {
    id,
    pkg: c.pkg,
    benchmark: c.benchmark,
    hasFindings: input.hasFindings,
    // Metrics summarised from pooled values (GC pause quantiles) have no samples to chart.
    metrics: c.metrics.filter((m) => m.baseSamples.length + m.headSamples.length > 0).map(metricChart),
    gc: baseRuns.length + headRuns.length > 0 ? { base: pauseSide(baseRuns), head: pauseSide(headRuns) } : null,
    flames
  }
}

/** The goroutines still alive after each side's test pass, all packages together. */
export function testPassGoroutines(base: RunResult, head: RunResult, budget: FrameBudget): FlameView | MissingFlame {
  const title = 'Goroutines still alive after the tests (the leak probe), base against head'
  if (!base.tests && !head.tests) return { id: 'goroutines-flame', kind: 'goroutines', title, missing: 'the test pass did not run' }
  const leaks = (r: RunResult) => (r.tests ?? []).flatMap((t) => t.leaks)
  return goroutineFlame('goroutines-flame', title, leaks(base), leaks(head), budget)
}
