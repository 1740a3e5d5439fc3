import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { FindingKind, Location, Report, Severity } from '../../src/model/report.js'
import { fixturesRoot } from './fixture-repo.js'

// The machine-readable half of fixtures/EXPECTATIONS.md: what each fixture's head changes and what the gate
// must report about it. fixtures/<name>/expectations.json follows these types.

export type Side = 'base' | 'head'

export interface FixtureExpectations {
  fixture: string
  module: string
  /** Toolchain, benchtime and count the numbers were measured and the timing ratios validated with. */
  validated: { go: string; benchtime: string[]; count: number; machine: string }
  verdict: 'pass' | 'fail'
  /** True when part of the head run cannot complete (a package that does not build). */
  incomplete: boolean
  packages: PackageExpectation[]
  benchmarks: BenchmarkExpectation[]
}

export interface PackageExpectation {
  /** Directory relative to the module root. */
  dir: string
  importPath: string
  builds: Record<Side, boolean>
  buildError?: BuildErrorExpectation
  /** Findings about the package as a whole (subject: the package), such as a build failure. */
  findings?: FindingExpectation[]
}

export interface BuildErrorExpectation {
  side: Side
  /** Module-relative file and position the compiler names. */
  file: string
  line: number
  column: number
  message: string
}

export interface BenchmarkExpectation {
  /** Package directory relative to the module root. */
  pkg: string
  /** Full name as Go prints it, without the -GOMAXPROCS suffix. */
  name: string
  sides: Side[]
  /** What the head changes for this benchmark, in words ('nothing' when the code is the same). */
  change: string
  /**
   * Values that do not depend on timing, as -benchmem and b.ReportMetric print them at the validated
   * benchtime. B/op can pick up a few bytes of background allocation at small b.N: compare with a floor.
   */
  deterministic?: Record<string, Partial<Record<Side, number>>>
  /** Bounds on median(head) / median(base) for timing metrics, and the ratio measured. */
  ratios?: Record<string, { min?: number; max?: number; measured: number }>
  /**
   * Heap still reachable per op: growth of inuse_space between two runs of different b.N, divided by
   * the extra ops. `where` says where it is visible: at process exit (heap profile) or only while the
   * benchmark runs (gctrace's live heap), when the retaining object dies with the benchmark.
   */
  retained?: {
    perOp: Record<Side, number>
    constantBytes?: Partial<Record<Side, number>>
    where: 'exit' | 'during-run'
  }
  /** Findings the gate must report with its default configuration unless `requires` says otherwise. */
  findings: FindingExpectation[]
  /** Changes the gate may report or not: a test must fail on neither. */
  incidental?: { metric: string; why: string }[]
  /**
   * Where the head's CPU profile puts a slowdown ('cpu' locations of its ns/op finding), at a benchtime long
   * enough for the CPU-profiled run to hold that many samples beyond sampling noise.
   */
  cpu?: {
    benchtime: string
    why: string
    /** Why `locations` lists more than one line: the gate names at least one of them and no other. */
    lines?: string
    locations: LocationExpectation[]
  }
  /** How the benchmark fails, on the side that fails. */
  failure?: { side: Side; kind: 'fatal' | 'panic'; message: string; location: LocationExpectation }
}

export interface FindingExpectation {
  kind: FindingKind
  severity: Severity
  metric: string
  /** Which way the metric moved on head ('up' for failures and build errors). */
  direction: 'up' | 'down'
  /** Bounds on the relative change (head - base) / base, when base is not zero. */
  change?: { min: number; max?: number }
  /** Configuration the finding needs, e.g. a declared direction for a custom unit. */
  requires?: { metricDirections?: Record<string, 'higher' | 'lower'> }
  locations?: LocationExpectation[]
  /** Set when a first version of the gate may miss this finding, with the reason. */
  stretch?: string
}

export interface LocationExpectation {
  /** Module-relative path on the side named, or `$GOROOT/src/...` for the standard library. */
  file: string
  line: number
  /** Function as pprof and Go stack traces name it. */
  function: string
  role: Location['role']
  side: Side
  /** Whether the head's commit changed this line. */
  inDiff: boolean
  /** Text that line contains, so a test notices when the line moved. */
  code: string
}

export async function loadExpectations(name: string): Promise<FixtureExpectations> {
  const text = await readFile(join(fixturesRoot, name, 'expectations.json'), 'utf8')
  return JSON.parse(text) as FixtureExpectations
}

export function findBenchmark(exp: FixtureExpectations, pkg: string, name: string): BenchmarkExpectation {
  const found = exp.benchmarks.find((b) => b.pkg === pkg && b.name === name)
  if (!found) throw new Error(`${exp.fixture}/expectations.json has no benchmark ${pkg}.${name}`)
  return found
}

/**
 * The time metric a report judged a benchmark on: ns/op, or cpu-ns/op when its timed rounds shared a CPU
 * (auto pairing, the default, drops the wall time of shared runs). Under load, auto alternates a benchmark
 * whose calibration run spent little time on a CPU, so which one it is depends on the run: the report says.
 */
export function timeMetricOf(report: Pick<Report, 'comparisons'>, importPath: string, name: string): 'ns/op' | 'cpu-ns/op' {
  const c = report.comparisons.find((x) => x.pkg === importPath && x.benchmark === name)
  if (!c) throw new Error(`the report has no comparison of ${importPath}.${name}`)
  return c.metrics.some((m) => m.metric === 'ns/op') ? 'ns/op' : 'cpu-ns/op'
}
