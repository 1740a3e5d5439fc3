// Report: the comparison of a base and a head RunResult. Written as report.json; a published contract.
import type { PolicyClass } from '../config/types.js'
import type { MetricValue } from './metric-value.js'

/**
 * 2: values and samples may be `+Inf`, `-Inf` or `NaN` (see MetricValue); method 'non-finite'. Later in 2
 * (optional fields, so reports written before still read): noisy metrics decided on a confidence interval
 * (method 'interval', `interval`, `ratios`, `settle`, `warnOnly`), the statuses 'inconclusive' and
 * 'too-noisy', and the report's `noise`; a finding's `decision` (the policy and overrides that applied).
 */
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
  /** How noisy the measurement was: what the decisions on time had to see through. */
  noise?: NoiseSummary
  /** Which baseline head was compared with (the action sets it; absent from the CLI's compare). */
  baseline?: BaselineInfo
  /** Load jobs, base and head, each with its figures and what was compared; absent when none ran. */
  loads?: LoadJobReport[]
}

export interface NoiseSummary {
  /** Comparisons decided on an interval. */
  comparisons: number
  /** Median and largest per-round spread (robust sigma of the log ratio head/base) over those comparisons. */
  medianSpread: number | null
  maxSpread: number | null
  /** Where the largest spread was. */
  noisiest?: BenchRef & { metric: string }
  inconclusive: number
  tooNoisy: number
  /** Share of the machine's CPU other processes used while each side was measured (0..1), when known. */
  otherCpu?: { base?: number; head?: number }
  /** Of that, the share the hypervisor gave to other machines (steal), when known. */
  steal?: { base?: number; head?: number }
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
  /** Set when the configuration decided more than the defaults would: a policy that warned or ignored it, an override. */
  decision?: PolicyDecision
}

/**
 * What the configuration decided about a finding. A finding the policy ignores keeps its place in the report
 * with severity 'info' and `policy: 'ignore'`: it is out of the verdict, never lost.
 */
export interface PolicyDecision {
  /** The policy class of the finding ('allocs', 'race', 'stress', ...; see the `policy` option). */
  class: PolicyClass
  /** What the policy did to it: warned instead of failing, or ignored. Absent: judged as measured. */
  policy?: 'warn' | 'ignore'
  /** Its severity before the policy. */
  judged?: Severity
  /** Where the action came from: 'policy', 'gc.pauseSeverity' or 'overrides[i]'. */
  policySource?: string
  /** The threshold the metric was judged against, and where it came from ('thresholds' or 'overrides[i]'). */
  threshold?: { key: string; relative: number; absolute: number; source: string }
  /** The overrides that matched the finding's package or benchmark, in order. */
  overrides?: number[]
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
/** 'interval': a confidence interval of the change compared with a threshold (compare/timing.ts). */
export type JudgeMethod = 'interval' | 'mann-whitney' | 'threshold' | 'threshold+mann-whitney' | 'non-finite' | 'none'

/**
 * 'inconclusive': the interval straddles the threshold (more rounds would settle it); 'too-noisy': so much
 * spread per round that even unchanged code could not be told apart in a useful number of rounds. Neither
 * fails the gate, neither is a pass.
 */
export type MetricStatus = 'regression' | 'improvement' | 'unchanged' | 'inconclusive' | 'too-noisy' | 'not-judged'

/** The interval a noisy metric was decided on, as relative changes (positive = worse). */
export interface ChangeInterval {
  method: 'signed-rank' | 'mann-whitney'
  estimate: number
  low: number
  high: number
  /** Probability with which the lower bound (the one that fails) may err: alpha split over the comparisons. */
  tail: number
  /** Probability with which the upper bound (the one that passes) may err: alpha, per comparison. */
  passTail: number
  /** Paired rounds (signed-rank) or the smaller side's runs (mann-whitney). */
  rounds: number
  /** The threshold the interval was compared with. */
  threshold: number
  /** Robust standard deviation per round of the log ratio: the noise the decision had to see through. */
  spread: number
}

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
  /** head / base per round, for metrics whose rounds pair up (runs of the same index ran back to back). */
  ratios?: number[]
  interval?: ChangeInterval
  /** For an inconclusive decision: about how many more rounds would settle it (null: none would). */
  settle?: { moreRounds: number | null }
  /** Set when a regression warns instead of failing: why (an exact increase under the thresholds). */
  warnOnly?: string
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
