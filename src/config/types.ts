// The one typed configuration every stage reads. Built and validated by getConfig / loadConfigFile.
import type { GoroutineRule } from '../parse/goroutine-rules.js'

/** A regression must pass both: grow by more than `relative` (0.1 = 10%) and by at least `absolute` units. */
export interface RelAbs {
  relative: number
  absolute: number
}

/** The thresholds of a benchmark's metrics, as `overrides` may replace them per package or benchmark. */
export interface BenchThresholds {
  /**
   * ns/op: what the confidence interval of the slowdown must lie wholly above to fail (see compare/timing.ts);
   * absolute: the least the median must grow, in ns/op, for a decided slowdown to count.
   */
  time: RelAbs
  /** Custom units from b.ReportMetric, and MB/s: same rule as time; absolute in the metric's own unit. */
  custom: RelAbs
  allocsPerOp: RelAbs
  bytesPerOp: RelAbs
  /** Heap still in use at the end of a run, per op (bytes). */
  retainedBytesPerOp: RelAbs
  /** p99 of stop-the-world GC pauses; absolute is in milliseconds. */
  gcPauseP99: RelAbs
  /** The longest stop-the-world pause of each run (the median over runs is judged); absolute in milliseconds. */
  gcPauseMax: RelAbs
  /** GC cycles per op in the measured run; absolute is in cycles per op. */
  gcCyclesPerOp: RelAbs
  /** Goroutines a test pass or benchmark leaves blocked, beyond those of the same kind the base leaves. */
  goroutines: RelAbs
}

export interface Thresholds extends BenchThresholds {
  load: LoadThresholds
}

/** What a finding of one class does to the verdict: fail it, warn without failing, or be reported as ignored. */
export type PolicyAction = 'fail' | 'warn' | 'ignore'

/**
 * The classes of finding a policy names. Finer than the report's kinds: a regression of time, of allocations
 * and of a load job are different decisions. Stress findings (leaks and hangs shown under stress) are one class.
 */
export const POLICY_CLASSES = [
  'time',
  'custom',
  'allocs',
  'bytes',
  'retained',
  'gc',
  'goroutines',
  'race',
  'hang',
  'panic',
  'benchFailure',
  'buildFailure',
  'load',
  'fds',
  'stress'
] as const
export type PolicyClass = (typeof POLICY_CLASSES)[number]
export type Policy = Partial<Record<PolicyClass, PolicyAction>>

/** Thresholds and policy for the benchmarks and packages that match; later overrides win over earlier ones. */
export interface Override {
  /** A Go package pattern ('example.com/m/legacy/...', './internal/...') or glob ('example.com/m/gen*'), on import paths. */
  package?: string
  /** A regular expression on the benchmark's name (without the package); such an override applies to benchmarks only. */
  benchmark?: string
  thresholds: { [M in keyof BenchThresholds]?: Partial<RelAbs> }
  policy: Policy
}

/** What counts as growth of one quantity of a load job, round after round (see compare/load-growth.ts). */
export interface GrowthFloor {
  /** The least growth per request that is a leak (0.002 goroutines: one per 500 requests). */
  perRequest: number
  /** The same per round, when the request count is unknown (a run: command that does not say). */
  perRound: number
  /** The least a round must add to count as grown, whatever the traffic (1 goroutine; some KiB of heap). */
  minRoundGrowth: number
}

/** Load jobs, head against base: regressions of the rounds' medians, and the floors of a leak. */
export interface LoadThresholds {
  /** Median latency of a round, in ms. */
  latencyP50: RelAbs
  /** 99th percentile latency of a round, in ms. */
  latencyP99: RelAbs
  /** Errors per request (answers of 400 and above, and requests that got none). */
  errorRate: RelAbs
  /** 99th percentile stop-the-world GC pause of a round, in ms. */
  gcPauseP99: RelAbs
  allocsPerRequest: RelAbs
  bytesPerRequest: RelAbs
  goroutines: GrowthFloor
  heap: GrowthFloor
  fds: GrowthFloor
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
  /** Severity of GC-pause findings: pauses are noisy on shared runners. The policy's `gc` wins when given. */
  gcPauseSeverity: 'fail' | 'warn'
  /** Per class of finding: fail (the default), warn or ignore; `gc` defaults to gcPauseSeverity. */
  policy: Policy
  /** Per package or benchmark pattern: other thresholds and policy. */
  overrides: Override[]
}

/** Which part of the packages a matrix job measures: index 1..count. 1/1 is all of them. */
export interface Shard {
  index: number
  count: number
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
  /**
   * Adaptive rounds with a budget relative to the fixed count: up to this many times what `count` rounds
   * take (timed on the first pass), spent on the undecided benchmarks; 0 is off. With timeBudgetMs too,
   * the smaller budget holds.
   */
  adaptive: number
  /**
   * How base and head share a timed round: 'alternate' runs them one after the other; 'duet' starts them
   * together, each pinned to its own CPUs; 'shared' starts them together on one CPU; 'auto' (the default)
   * shares except for the benchmarks that mostly wait (jobs/bench/duet.ts).
   */
  pairing: 'alternate' | 'duet' | 'shared' | 'auto'
  /** The part of the packages this job measures, for a matrix of jobs (1/1: all of them). */
  shard: Shard
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
  stress: StressConfig
}

/** The stress stage: the test binaries of the changed packages re-run with varied scheduling. */
export interface StressConfig {
  /** Time per side for all stressed packages together; 0 switches the stage off. */
  budgetMs: number
  /** Stress every package with tests, not only those the diff touches. */
  all: boolean
}

/** The config file's `load:` list (src/config/load-jobs.ts) and whether to run it. */
export interface LoadConfig {
  enabled: boolean
  jobs: LoadJobConfig[]
}

export interface LoadRequest {
  method: string
  /** A path on the service ('/work?n=1') or an absolute loopback URL; placeholders allowed. */
  url: string
  headers: Record<string, string>
  body?: string
  /** Share of the traffic, relative to the other requests' weights. */
  weight: number
}

/** The embedded generator: node:http with keep-alive, loopback only. */
export interface EmbeddedTraffic {
  kind: 'embedded'
  requests: LoadRequest[]
  /** Requests per round; when unset, durationMs bounds a round instead. */
  count?: number
  durationMs?: number
  concurrency: number
  /** Requests per second over all connections; unset: as fast as the service answers. */
  rate?: number
  /** Per request. */
  timeoutMs: number
}

/** A user command, run as written through `bash -c` once per round, with the service's address in its environment. */
export interface CommandTraffic {
  kind: 'command'
  run: string
  /** How many requests one run sends, when known: growth is then judged per request instead of per round. */
  requests?: number
  /** Per run of the command. */
  timeoutMs: number
}

export interface ServiceConfig {
  /** A Go package of the module (`./cmd/api`), built by the gate for each side. */
  package?: string
  /** Or the argv of a start command, run from the module root. */
  command?: string[]
  /** Build with -race (package services only): a race under traffic becomes a race finding. */
  race: boolean
  args: string[]
  env: Record<string, string>
  /** A fixed port; unset: a free one the gate picks. */
  port?: number
  /** Between SIGTERM and SIGKILL. */
  stopGraceMs: number
}

export interface LoadJobConfig {
  name: string
  service: ServiceConfig
  ready: { url: string; timeoutMs: number }
  /** The net/http/pprof index, e.g. '/debug/pprof/' or 'http://127.0.0.1:{pprofPort}/debug/pprof/'. */
  pprof: { url: string }
  traffic: EmbeddedTraffic | CommandTraffic
  /** Warm-up traffic before the first measured snapshot: requests, or a duration, or runs of a command. */
  warmup: { count?: number; durationMs?: number }
  rounds: number
  /** After each round's traffic: the longest wait for finishing goroutines and connections to go. */
  cooldownMs: number
  /** Goroutines that are never leaks (goleak-style rules). */
  ignore: GoroutineRule[]
}

export interface Config {
  run: RunConfig
  compare: CompareConfig
  tests: TestConfig
  load: LoadConfig
}
