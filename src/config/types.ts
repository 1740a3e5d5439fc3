// The one typed configuration every stage reads. Built and validated by getConfig / loadConfigFile.
import type { GoroutineRule } from '../parse/goroutine-rules.js'

/** A regression must pass both: grow by more than `relative` (0.1 = 10%) and by at least `absolute` units. */
export interface RelAbs {
  relative: number
  absolute: number
}

export interface Thresholds {
  /** ns/op: what the confidence interval of the slowdown must lie wholly above to fail (see compare/timing.ts). */
  time: { relative: number }
  /** Custom units from b.ReportMetric, and MB/s: same rule as time. */
  custom: { relative: number }
  allocsPerOp: RelAbs
  bytesPerOp: RelAbs
  /** Heap still in use at the end of a run, per op (bytes). */
  retainedBytesPerOp: RelAbs
  /** p99 of stop-the-world GC pauses; absolute is in milliseconds. */
  gcPauseP99: RelAbs
  /** GC cycles per op in the measured run; absolute is in cycles per op. */
  gcCyclesPerOp: RelAbs
}

export interface StatisticsConfig {
  /** Family-wise error of the timing decisions. */
  alpha: number
  /** Fewer samples than this per side: timing is reported but never judged. */
  minSamples: number
  /**
   * Control for comparing many benchmarks at once. 'bonferroni' splits alpha over the comparisons' interval
   * bounds; 'bh' (Benjamini-Hochberg, with false-coverage-rate intervals) keeps the expected share of
   * false alarms among flagged timing changes at alpha; 'none' judges every comparison on its own.
   */
  correction: 'none' | 'bonferroni' | 'bh'
}

export interface CompareConfig {
  thresholds: Thresholds
  statistics: StatisticsConfig
  /** Custom units whose direction the user declares ('higher' is better or 'lower' is better). */
  metricDirections: Record<string, 'higher' | 'lower'>
  /** Benchmarks (regular expressions on `pkg.BenchmarkName`) reported but never failed. */
  ignoreBenchmarks: string[]
  /** Severity of GC-pause findings: pauses are noisy on shared runners. */
  gcPauseSeverity: 'fail' | 'warn'
}

export interface RunConfig {
  /** Module root. */
  dir: string
  /** Package patterns for `go list` / `go test -c`. */
  packages: string[]
  /** Regular expression for benchmark names (as `go test -bench`). */
  bench: string
  count: number
  benchtime: string
  /** Per benchmark process; a run that takes longer is killed and reported. */
  timeoutMs: number
  race: boolean
  /** How long goroutines a benchmark started get to exit after its memory-only runs before the rest count as leaked. */
  settleMs: number
  /**
   * Wall time the timed rounds may take; 0 runs exactly `count` rounds. Otherwise the gate starts with fewer
   * rounds and adds rounds only for benchmarks whose timing decision is still open (jobs/bench/adaptive.ts).
   */
  timeBudgetMs: number
}

/** goleak-style rule: a goroutine matching it is never a leak. One type with the built-in rules. */
export type { GoroutineRule }

export interface TestConfig {
  /** Run the test pass at all (tests under -race with the leak probe). */
  enabled: boolean
  race: boolean
  /** Regular expression for test names, as go test -run. */
  run: string
  /** Per package test binary (go test -timeout); a package that takes longer is a hang. */
  timeoutMs: number
  /** How long goroutines that are finishing get to exit after the tests before the rest count as leaked. */
  settleMs: number
  /** Time bound for re-running a leaking package's tests one at a time to name the test that leaks. */
  narrowBudgetMs: number
  /** -benchtime for the short -race pass over benchmarks ('' skips it). */
  raceBenchtime: string
  ignore: GoroutineRule[]
}

export interface Config {
  run: RunConfig
  compare: CompareConfig
  tests: TestConfig
}
