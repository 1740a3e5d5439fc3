// RunResult: what one side (base or head) measured. Written as result.json; a published contract.
// Bump RESULT_SCHEMA_VERSION on any incompatible change and keep result.schema.json in step: the schema is
// also what makes a result from elsewhere (an artifact, a fork) safe to compare, so it types every field
// the code reads.
import type { MetricValue } from './metric-value.js'

export type { MetricValue, NonFinite } from './metric-value.js'

/**
 * 2: metric values may be the strings `+Inf`, `-Inf` and `NaN` (as Go printed them; version 1 wrote null),
 * and every field is typed and bounded. A version 1 reader refuses them by version instead of by a schema
 * error deep inside. Also new in 2, with the same shape: what a race's `key` and a leak group's `key` and
 * `looseKey` hold (sites and call paths; creation site and own function), so a version 1 result's races and
 * leaks would not match a version 2 result's.
 */
export const RESULT_SCHEMA_VERSION = 2

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION
  tool: { name: 'go-leak-gate'; version: string }
  env: RunEnv
  startedAt: string
  finishedAt: string
  packages: PackageResult[]
  /** The test pass (tests under -race with the leak probe); absent when it was not run. */
  tests?: TestPackageResult[]
  /** Problems that stopped part of the run (build failures, missing tools, corrupt profiles). */
  errors: RunError[]
  /** Load jobs: a service under traffic, round by round (see jobs/load); absent when none ran. */
  loads?: LoadJobResult[]
}

export interface RunEnv {
  goVersion: string
  goos: string
  goarch: string
  /** CPU model as the benchmark output's `cpu:` line names it (empty when Go did not print one). */
  cpu: string
  gomaxprocs: number
  /** Whether the test binaries were built with -race. Never compare a race run with a non-race one. */
  race: boolean
  /** Module path from go.mod. */
  module: string
  /** Commit the measured tree was at, when it is a git checkout. */
  commit?: string
  /** The options that shape the numbers; a comparison warns when the two sides differ. */
  benchtime: string
  count: number
  /** What adaptive sampling (run.timeBudget) chose: rounds per benchmark beyond the first pass, and why it stopped. */
  adaptive?: AdaptiveRecord
  /** How base and head shared the timed rounds, when duet or shared pairing was asked for (run.pairing). */
  pairing?: PairingRecord
  /** Share of the machine's CPU (0..1) that other processes used while the timed rounds ran, when known. */
  otherCpu?: number
  /** Share of the vCPUs' time (0..1) the hypervisor gave to other machines (steal) in the same span, when known; part of otherCpu. */
  cpuSteal?: number
}

export type PairingRecord =
  /** Each side pinned to its CPUs, with GOMAXPROCS equal to their number. */
  | { used: 'duet'; cpus: [number[], number[]] }
  /**
   * Both sides pinned to this one CPU with GOMAXPROCS 1, started together: time is judged on CPU time,
   * and the timed runs carry no wall-time units (ns/op, MB/s).
   */
  | {
      used: 'shared'
      cpu: number
      /** 'auto' when auto pairing chose it: then `alternated` lists the benchmarks it did not share, and why. */
      asked?: 'auto'
      alternated?: AlternatedBenchmark[]
    }
  /** Duet, shared or auto pairing (`asked`; duet when absent, as in results from before shared) could not run here: why. */
  | { used: 'alternate'; asked?: 'duet' | 'shared' | 'auto'; why: string }

/** A benchmark auto pairing did not share: it mostly waits (its calibration run's CPU share), or that run gave no CPU time. */
export interface AlternatedBenchmark {
  /** `importPath.Name`. */
  benchmark: string
  why: 'waits' | 'unknown'
  cpuShare?: number
}

export interface AdaptiveRecord {
  /** The budget the rounds had, in ms: the time budget, or `factor` x what count rounds cost at the first pass's pace. */
  budgetMs: number
  /** run.adaptive, when the budget was relative to the fixed count's cost. */
  factor?: number
  usedMs: number
  firstRounds: number
  /**
   * Round counts after which the judge looked (planned; a budget may end them early). Its length K divides
   * the failing bound's level (alpha / (m x K)); absent in results from before the looks were planned.
   */
  looks?: number[]
  /** Extra rounds per benchmark (`importPath.Name`), only those that got any. */
  extraRounds: Record<string, number>
  stopped: 'settled' | 'budget' | 'max-rounds'
}

export interface PackageResult {
  importPath: string
  /** Directory relative to the module root ('.' for the root package). */
  dir: string
  build: BuildInfo
  benchmarks: BenchmarkResult[]
}

export interface BuildInfo {
  ok: boolean
  /** argv of the build, so a user can repeat it. */
  command: string[]
  /** Compiler output when the build failed. */
  error?: string
}

export interface BenchmarkResult {
  /** Full name without the -GOMAXPROCS suffix: `BenchmarkFoo/size=10`. */
  name: string
  /** GOMAXPROCS suffix the benchmark ran with (1 when Go printed none). */
  procs: number
  runs: BenchRun[]
  /**
   * Runs at a quarter of the measured b.N, for memory only: live heap that grows with the work done shows
   * as a slope between these and the full runs, while a one-off warm-up (a cache, a pool, a lazy table)
   * is the same at both sizes and cancels out.
   */
  smallRuns?: BenchRun[]
  /**
   * Runs made for their profiles, whose timing is not used: one with a CPU profile (`cpuProfile`), so the
   * timed runs stay unprofiled, and one that records every allocation (`heap.memProfileRate` 1), so the
   * allocation sites do not depend on which allocations a sampled profile happened to catch. Each is at
   * the same b.N on both sides (see jobs/bench/plan.ts), so their profiles also diff raw in `go tool pprof`.
   */
  profileRuns?: BenchRun[]
  /** Goroutines still alive at the end of the small runs, after the settle time (the leak probe). */
  leaks?: LeakGroup[]
  /** Set when the benchmark failed, panicked or produced no result line in some run. */
  failure?: BenchFailure
}

export interface BenchFailure {
  /** The first failing run's index. */
  run: number
  message: string
  /** Set when the benchmark did not finish in time: its goroutines from the SIGQUIT dump, grouped. */
  hang?: HangReport
  /** Output of the failing run (stdout and stderr, trimmed to a bounded size). */
  output: string
}

/**
 * CPU time per op: the user + system CPU time of all the benchmark process's threads (getrusage, read by the
 * probe) from the package's init to the end of the benchmarks, divided by b.N. Unlike ns/op it does not
 * count the time the process waited for a CPU while other processes ran, which is most of the noise on a
 * shared runner; it does count the GC's and the other goroutines' CPU. A benchmark that got slower by
 * waiting (a lock, a sleep, I/O) shows in ns/op only.
 */
export const CPU_TIME_UNIT = 'cpu-ns/op'

/** The two time metrics, judged alike (the time threshold, the time policy class, CPU attribution). */
export function isTimeUnit(unit: string): boolean {
  return unit === 'ns/op' || unit === CPU_TIME_UNIT
}

export interface BenchRun {
  /** Position of this run among the benchmark's runs (0-based). */
  index: number
  /** argv of the test binary run, and the directory it ran in (relative to the module root). */
  command: string[]
  cwd: string
  iterations: number
  /**
   * Every unit the result line reported: `ns/op`, `B/op`, `allocs/op`, `MB/s`, custom units. A value Go printed
   * as `+Inf`, `-Inf` or `NaN` is kept as that text. A timed run also has CPU_TIME_UNIT, which the gate
   * measured itself (see there), unless the benchmark reports a unit of that name.
   */
  metrics: Record<string, MetricValue>
  gc: GcSummary
  heap?: HeapSnapshot
  /** CPU profile path relative to the result directory (-test.cpuprofile), on a run of `profileRuns`. */
  cpuProfile?: string
  /** What the probe saw after the benchmark ended (absent when the probe could not be built in). */
  live?: LiveSnapshot
  wallMs: number
}

export interface LiveSnapshot {
  /** runtime.MemStats.HeapAlloc after two forced GCs at process end: exact, unlike the sampled profile. */
  heapBytes: number
  heapObjects: number
  /** Goroutines still alive at the end, the probe's own included. */
  goroutines: number
}

export interface GcSummary {
  /**
   * Stop-the-world pauses (sweep termination and mark termination, in ms) of the cycles the
   * program triggered itself. Forced cycles (testing's runtime.GC between runs) are counted apart.
   */
  stwPausesMs: number[]
  /** Cycles triggered by allocation, over the whole process. */
  cycles: number
  /** Cycles triggered by allocation during the final, measured b.N run. */
  measuredCycles: number
  forcedCycles: number
  /** Live heap after the last cycle of the measured run (MB, from gctrace's H2). */
  liveHeapMB?: number
}

export interface HeapSnapshot {
  /** Heap still in use at the end of the process, after testing's forced GC (-test.memprofile). */
  inuseBytes: number
  inuseObjects: number
  /** Memory profile path relative to the result directory. */
  profile: string
  /**
   * -test.memprofilerate the profile was written at. 1: every allocation is in it, exactly. Absent: Go's
   * default (one sample per 512 KiB allocated on average), an estimate that may miss a small site.
   */
  memProfileRate?: number
}

export interface RunError {
  /** 'probe': the package was measured without the probe (see go/overlay.ts); its numbers are still good. */
  kind: 'build' | 'toolchain' | 'profile' | 'output' | 'timeout' | 'internal' | 'probe' | 'load'
  /** What the error is about: a package import path, a benchmark name, a file. */
  subject: string
  message: string
  detail?: string
}

/** A frame of Go code: `example.com/mod/pkg.(*T).Method`, module-relative file (binaries use -trimpath). */
export interface Frame {
  function: string
  file: string
  line: number
}

export interface TestPackageResult {
  importPath: string
  dir: string
  build: BuildInfo
  /** Whether the leak probe was built in (see go/overlay.ts). */
  probe: boolean
  /** The runs of this package's test binary: the whole package, its benchmarks under -race, single tests. */
  runs: TestRun[]
  tests: { name: string; outcome: 'pass' | 'fail' | 'skip' }[]
  races: RaceFinding[]
  leaks: LeakGroup[]
  hang?: HangReport
  panics: PanicReport[]
  /** Why the probe saw nothing although it was built in (the binary exited first). */
  probeMissing?: string
  /** Re-running tests one at a time to find who leaked: how many ran, and whether the time bound cut it. */
  narrowing?: { ran: number; of: number; cut: boolean }
  /** The stress stage on this package, when it was selected (see jobs/stress.ts). */
  stress?: StressResult
}

/** How one stress process ran the package's test binary: enough to run it again the same way. */
export interface StressRun {
  /** 0-based index of the process among the package's stress processes. */
  process: number
  /** -test.count of the process: how many repetitions of the tests it ran. */
  count: number
  /** -test.cpu of the process: GOMAXPROCS. */
  cpu: number
  /** -test.shuffle seed. */
  shuffle: number
  race: boolean
  /** Repetitions the package had run under stress before this process. */
  repetitionsBefore: number
}

export interface StressLeak extends LeakGroup {
  /**
   * Repetitions that left goroutines of this kind: distinct goroutines that created them (each repetition of
   * a test runs in a goroutine of its own). count / leakingRepetitions is the leak per repetition.
   */
  leakingRepetitions: number
}

export interface StressResult {
  /** This package's share of the budget, the same on base and head. */
  budgetMs: number
  wallMs: number
  processes: number
  /** Repetitions of the package's tests over all its stress processes. */
  repetitions: number
  /** Set when the package stopped before its budget because it showed a leak, hang or panic (not a race). */
  stoppedBy?: 'leak' | 'hang' | 'panic'
  /** Leaks the normal test pass had not seen: from the first process that showed them. */
  leaks: (StressLeak & { found: StressRun })[]
  hang?: HangReport & { found: StressRun }
  /** Races the normal test pass had not seen, each from the first process that showed it (absent in results from before races were collected). */
  races?: (RaceFinding & { found: StressRun })[]
  /** Panics the normal test pass had not seen. */
  panics?: (PanicReport & { found: StressRun })[]
  /**
   * Why it was stressed: 'changed' (the diff touches it), 'dependent' (its code or tests import a changed
   * package, named in `via`), 'all' (every package: no diff known, or stress-all).
   */
  reason?: 'changed' | 'dependent' | 'all'
  via?: string[]
}

export interface TestRun {
  purpose: 'tests' | 'race-benchmarks' | 'narrow' | 'stress'
  command: string[]
  outcome: 'pass' | 'fail' | 'timeout' | 'crash'
  exitCode: number | null
  wallMs: number
}

export interface RaceAccess {
  kind: 'read' | 'write'
  goroutine: string
  frames: Frame[]
}

export interface RaceFinding {
  /**
   * Identity for deduplication and for matching base with head: the two accesses' code sites with their
   * call paths, in a fixed order, without the access kinds (see parse/race raceKey).
   */
  key: string
  /** Where it was seen: a test's name, a benchmark's name, or '' outside any. */
  in: string
  via: 'test' | 'benchmark' | 'load'
  /** How many reports of this race collapsed into this one (the detector may show one race twice). */
  count: number
  access: RaceAccess
  previous: RaceAccess
  goroutines: { id: string; state: string; createdAt?: Frame }[]
  report: string
}

export interface LeakGroup {
  /**
   * Which goroutine it is: its own function and its creation site, line included; not the wait state or
   * the blocking site, which depend on the moment the dump caught it (see parse/goroutine-leaks).
   */
  key: string
  /** The same without the line, to match base and head when lines moved. */
  looseKey: string
  /** The most specific state its goroutines were seen in (waiting rather than runnable), with `blocking`. */
  state: string
  /** Longest wait Go reported ('[chan send, 3 minutes]'), when it did. */
  waitMinutes?: number
  count: number
  blocking?: Frame
  creation?: Frame
  stack: Frame[]
  /** Tests that leave this behind when run alone (see narrowing); empty when not narrowed. */
  tests: string[]
  /** 'probe': alive after the settle time; 'goroutineleak': the runtime proved it unreachable. */
  detectors: ('probe' | 'goroutineleak')[]
}

export interface HangReport {
  /** The test or benchmark that was running. */
  test?: string
  message: string
  /** Goroutines grouped by wait state and blocking site: who waits on what. */
  groups: { state: string; count: number; blocking?: Frame; creation?: Frame; stack: Frame[] }[]
}

export interface PanicReport {
  test?: string
  value: string
  frames: Frame[]
  /** For a test binary that exited without a panic (os.Exit): the last line the test printed. */
  output?: string
}

/** One load job on one side: the service it started, the traffic phases, a snapshot after each. */
export interface LoadJobResult {
  name: string
  service: {
    /** The Go package the gate built, or undefined for a start command. */
    package?: string
    /** argv the service ran with (the binary's path relative to nothing: it lived in a temporary directory). */
    command: string[]
    race: boolean
    build?: BuildInfo
    /** Whether /debug/pprof/goroutineleak answered (Go 1.27, or 1.26 built with the experiment). */
    leakProfile: boolean
    /** How the service ended when the gate stopped it. */
    stop?: { killed: boolean; exitCode: number | null; signal: string | null }
  }
  traffic: { kind: 'embedded' | 'command'; concurrency?: number; rate?: number }
  /** The warm-up and then each round, in order. */
  phases: LoadPhase[]
  /** After readiness, after the warm-up, after each round. */
  snapshots: LoadSnapshot[]
  /** Race reports the service printed (built with -race). */
  races: RaceFinding[]
  /** Set when the job could not complete; phases and snapshots keep what was measured before. */
  error?: LoadJobFailure
  /** The service died by itself: its panic or fatal error, when it printed one. */
  crash?: PanicReport
  /** Notes that weaken the numbers (stderr cut, /proc unreadable). */
  notes: string[]
  wallMs: number
}

export interface LoadJobFailure {
  /** 'config': a mistake in the configuration (exit code 2); 'run': the run could not complete (3). */
  kind: 'config' | 'run'
  phase: string
  message: string
  detail?: string
}

export interface LatencySummary {
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
}

export interface LoadPhase {
  phase: 'warmup' | 'round'
  /** 0 for the warm-up, 1.. for the rounds. */
  round: number
  /** Requests sent; for a command, what the config says one run sends (null when unknown). */
  requests: number | null
  errors: number | null
  errorKinds?: Record<string, number>
  durationMs: number
  /** Requests per second; null when the request count is unknown. */
  throughput: number | null
  /** In milliseconds, of the exchanges that got an answer (embedded generator only). */
  latencyMs?: LatencySummary
  /** Stop-the-world GC pauses during the traffic (gctrace; forced cycles left out), in ms. */
  gcPausesMs: number[]
  gcCycles: number
  /** runtime.MemStats Mallocs and TotalAlloc growth over the traffic. */
  mallocs?: number
  allocBytes?: number
  /** A run: command's exit code and the end of its output. */
  command?: { exitCode: number | null; output: string }
}

export interface LoadSnapshot {
  phase: 'ready' | 'warmup' | 'round'
  round: number
  /** Requests sent before this snapshot, warm-up included; null when unknown. */
  requestsBefore: number | null
  goroutines: number
  /** Goroutines grouped by wait state, blocking and creation site; the largest groups. */
  groups: LeakGroup[]
  /** runtime.MemStats after a forced GC (heap?gc=1): exact, unlike the sampled profile. */
  heapAllocBytes: number
  heapObjects: number
  /** Allocation sites of the heap profile (inuse after that GC, estimated from samples), largest first. */
  heapSites: LoadHeapSite[]
  rssBytes: number | null
  fds: number | null
  /** Open descriptors by target: 'tcp 127.0.0.1:41234 CLOSE_WAIT', 'file /tmp/x', 'pipe'. */
  fdTargets: Record<string, number>
  /** Goroutines the goroutineleak profile reported, when the service has it. */
  leakedGoroutines?: number
  /** Profiles written next to result.json, relative to its directory. */
  profiles?: { goroutine?: string; heap?: string }
}

export interface LoadHeapSite {
  function: string
  file: string
  line: number
  inuseBytes: number
  inuseObjects: number
  allocBytes: number
  allocObjects: number
  /** The first frame up the stack inside the module, when the allocating frame is outside it. */
  caller?: Frame
}
