// Report: the comparison of a base and a head RunResult. Written as report.json; a published contract.
import type { MetricValue } from './metric-value.js'

/** 2: values and samples may be `+Inf`, `-Inf` or `NaN` (see MetricValue); method 'non-finite'. */
export const REPORT_SCHEMA_VERSION = 2

export type Verdict = 'pass' | 'fail'
export type Severity = 'fail' | 'warn' | 'info'
export type FindingKind =
  | 'regression'
  | 'heap-leak'
  | 'gc-pause'
  | 'goroutine-leak'
  | 'race'
  | 'hang'
  | 'fd-leak'
  | 'panic'
  | 'bench-failure'
  | 'build-failure'

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  verdict: Verdict
  /** True when part of the head run could not complete (see errors): the verdict covers only what ran. */
  incomplete: boolean
  counts: Record<Severity, number> & { byKind: Partial<Record<FindingKind, number>> }
  base: SideInfo
  head: SideInfo
  findings: Finding[]
  /** Every benchmark comparison, failing or not, for the collapsible sections. */
  comparisons: BenchmarkComparison[]
  /** Benchmarks measured on one side only: listed, never failed. */
  onlyInBase: BenchRef[]
  onlyInHead: BenchRef[]
  /** Comparison-level notes: option mismatches, metrics that could not be judged. */
  notes: string[]
  errors: ReportError[]
  /** Commands a developer can paste to reproduce. */
  reproduce: Reproduce[]
  /** Which baseline head was compared with (the action sets it; absent from the CLI's compare). */
  baseline?: BaselineInfo
  /** Load jobs, base and head, each with its figures and what was compared; absent when none ran. */
  loads?: LoadJobReport[]
}

export interface BaselineInfo {
  /** 'auto': the stored test pass (leaks, races, hangs) with benchmarks measured here beside head. */
  source: 'same-runner' | 'stored' | 'auto' | 'path'
  /** One sentence for the report: what was compared with, and why timings only warn when they do. */
  description: string
  commit?: string
  /** The push run that recorded a stored baseline. */
  runId?: number
  runUrl?: string
  recordedAt?: string
  ageSeconds?: number
  /** Go version, GOOS/GOARCH, CPU and GOMAXPROCS the base was measured with. */
  machine?: string
  /** Whether the stored run measured the pull request's base commit (else the newest push run). */
  matchesBase?: boolean
}

export interface SideInfo {
  commit?: string
  goVersion: string
  goos: string
  goarch: string
  cpu: string
  race: boolean
  count: number
  benchtime: string
  /** Result directory, as given to compare. */
  dir: string
}

export interface BenchRef {
  pkg: string
  benchmark: string
}

export interface Finding {
  kind: FindingKind
  severity: Severity
  pkg: string
  /** Benchmark (or later: test, load job) the finding is about. */
  subject: string
  metric: string
  unit: string
  /** Medians; `+Inf`, `-Inf` or `NaN` when that is what the benchmark printed. */
  base: MetricValue | null
  head: MetricValue | null
  /** Relative change (head - base) / base; null when base is 0 or missing. */
  change: number | null
  pValue: number | null
  /** One line that says what got worse and why the gate believes it. */
  message: string
  locations: Location[]
}

export interface Location {
  file: string
  line: number
  function: string
  /**
   * What this location is to the finding. 'cpu': the function's own CPU time per op grew, at this line
   * (time in the runtime counts at the module line that called it); 'cpu-cum': its CPU time with its
   * callees' grew; 'caller': the module's call that led to an allocation or CPU site outside the module.
   */
  role: 'allocation' | 'caller' | 'creation' | 'blocking' | 'access' | 'previous-access' | 'panic' | 'benchmark' | 'cpu' | 'cpu-cum'
  /** For allocation and CPU sites: how much more this site retains, allocates or spends per op on head than on base. */
  deltaPerOp?: number
  /** Unit of deltaPerOp: bytes, allocated objects (for allocs/op findings), or CPU nanoseconds. */
  deltaUnit?: 'B' | 'objects' | 'ns'
  /** Whether the line is part of the pull request's diff (set by the publisher when it knows the diff). */
  inDiff?: boolean
}

/** 'non-finite': decided by values Go printed as +Inf, -Inf or NaN, which no test or threshold can compare. */
export type JudgeMethod = 'mann-whitney' | 'threshold' | 'threshold+mann-whitney' | 'non-finite' | 'none'

export type MetricStatus = 'regression' | 'improvement' | 'unchanged' | 'not-judged'

/** V is number for a comparison of finite samples only (what statistics and thresholds work on). */
export interface MetricComparison<V extends MetricValue = MetricValue> {
  metric: string
  unit: string
  /** Whether lower values are better for this metric; null when unknown (custom units). */
  lowerIsBetter: boolean | null
  baseSamples: V[]
  headSamples: V[]
  baseMedian: V | null
  headMedian: V | null
  change: number | null
  pValue: number | null
  status: MetricStatus
  /** How the status was decided: a significance test, thresholds on medians, both, or not at all. */
  method: JudgeMethod
  /** Why a metric was not judged or what crossed which threshold. */
  reason: string
}

export interface BenchmarkComparison {
  pkg: string
  benchmark: string
  metrics: MetricComparison[]
}

export interface ReportError {
  side: 'base' | 'head'
  kind: string
  subject: string
  message: string
}

export interface Reproduce {
  title: string
  command: string
}

/** A load job of the report: each side's figures, and what was compared when both sides completed. */
export interface LoadJobReport {
  name: string
  base?: LoadSideSummary
  head?: LoadSideSummary
  /** Per-round medians, head against base (latency, errors, GC pauses, allocations per request). */
  metrics: MetricComparison<number>[]
  /** Goroutines, live heap and descriptors, round after round: growth that continues or stops. */
  growth: LoadGrowthComparison[]
  /** Why part of the job was not compared (a side failed, the base has no such job). */
  notes: string[]
}

export interface LoadSideSummary {
  service: { package?: string; race: boolean; leakProfile: boolean }
  traffic: { kind: 'embedded' | 'command'; concurrency?: number; rate?: number }
  wallMs: number
  /** Set when the job could not complete. 'config': a mistake in the configuration (exit code 2 on head). */
  error?: { kind: 'config' | 'run'; phase: string; message: string }
  /** The first line of the panic or fatal error the service died of. */
  crash?: string
  notes: string[]
  rounds: LoadRoundSummary[]
  /** After readiness, the warm-up and each round. */
  snapshots: LoadCurvePoint[]
}

export interface LoadRoundSummary {
  round: number
  requests: number | null
  errors: number | null
  /** Requests per second. */
  throughput: number | null
  latencyMs?: { p50: number; p99: number }
}

export interface LoadCurvePoint {
  phase: 'ready' | 'warmup' | 'round'
  round: number
  requestsBefore: number | null
  goroutines: number
  heapAllocBytes: number
  fds: number | null
  rssBytes: number | null
}

export type LoadGrowthMetric = 'goroutines' | 'heap' | 'fds'

export interface LoadGrowthComparison {
  metric: LoadGrowthMetric
  base?: LoadGrowth
  head?: LoadGrowth
}

/** One quantity after the warm-up and after each round, judged as a leak or not. */
export interface LoadGrowth {
  values: number[]
  /** What each round added. */
  deltas: number[]
  /** Least-squares growth per request (or per round), over all points. */
  slope: number
  per: 'request' | 'round'
  leaking: boolean
  /** Why it is or is not a leak, in a few words. */
  reason: string
}
