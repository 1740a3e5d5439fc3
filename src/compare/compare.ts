import type { CompareConfig } from '../config/types.js'
import {
  REPORT_SCHEMA_VERSION,
  type BenchmarkComparison,
  type BenchRef,
  type Finding,
  type FindingKind,
  type MetricComparison,
  type Report,
  type ReportError,
  type Severity,
  type SideInfo
} from '../model/report.js'
import { CPU_TIME_UNIT, isTimeUnit, type BenchmarkResult, type RunResult } from '../model/result.js'
import { compareBenchmark, RETAINED_METRIC, ruleFor } from './benchmarks.js'
import { compareLoadJobs } from './load.js'
import { awaitsDecision, lacksEvidence, regressionFinding } from './metrics.js'
import { adaptiveNotes, machineOf, noiseNotes, noiseSummary, pairingNotes } from './noise.js'
import { applyPolicy, type Origin } from './policy.js'
import { reproduceCommands } from './reproduce.js'
import { applyFloor, scopedConfig, type Scope, type Scoped } from './scope.js'
import { stressFindings } from './stress.js'
import { decideTiming } from './timing.js'
import { hangFinding, leakFindings, testFindings } from './tests.js'

export class ComparisonRefused extends Error {
  override name = 'ComparisonRefused'
}

function sideInfo(r: RunResult, dir: string): SideInfo {
  return {
    commit: r.env.commit,
    goVersion: r.env.goVersion,
    goos: r.env.goos,
    goarch: r.env.goarch,
    cpu: r.env.cpu,
    race: r.env.race,
    count: r.env.count,
    benchtime: r.env.benchtime,
    dir
  }
}

/** Refuses what cannot be compared at all, and notes what makes a comparison weaker. */
function checkComparable(base: RunResult, head: RunResult): string[] {
  if (base.env.race !== head.env.race) {
    throw new ComparisonRefused(
      `base was measured ${base.env.race ? 'with' : 'without'} -race and head ${head.env.race ? 'with' : 'without'}: ` +
        `the race runtime slows code 2-20x and changes memory use, so the two cannot be compared. Measure both sides the same way.`
    )
  }
  const notes: string[] = []
  const differs = (what: string, a: string | number, b: string | number): void => {
    if (a !== b) notes.push(`${what} differs: base ${a}, head ${b}; timing differences may come from that.`)
  }
  differs('Go version', base.env.goVersion, head.env.goVersion)
  differs('GOOS/GOARCH', `${base.env.goos}/${base.env.goarch}`, `${head.env.goos}/${head.env.goarch}`)
  if (base.env.cpu && head.env.cpu) differs('CPU', base.env.cpu, head.env.cpu)
  differs('GOMAXPROCS', base.env.gomaxprocs, head.env.gomaxprocs)
  differs('benchtime', base.env.benchtime, head.env.benchtime)
  return notes
}

interface BenchIndex {
  pkg: string
  bench: BenchmarkResult
}

function indexBenchmarks(r: RunResult): Map<string, BenchIndex> {
  const m = new Map<string, BenchIndex>()
  for (const p of r.packages) for (const b of p.benchmarks) m.set(`${p.importPath}\u0000${b.name}`, { pkg: p.importPath, bench: b })
  return m
}

function findingKind(m: MetricComparison): FindingKind {
  if (m.metric === RETAINED_METRIC) return 'heap-leak'
  if (m.metric.startsWith('gc ')) return 'gc-pause'
  return 'regression'
}

function metricFinding(pkg: string, bench: string, m: MetricComparison, severity: Severity): Finding {
  const how =
    m.method === 'interval'
      ? m.pValue !== null
        ? `; Mann-Whitney U p=${m.pValue.toPrecision(2)} over ${m.baseSamples.length} vs ${m.headSamples.length} runs, as benchstat shows it`
        : ''
      : m.method === 'mann-whitney' || m.method === 'threshold+mann-whitney'
      ? m.pValue !== null
        ? `; Mann-Whitney U over ${m.baseSamples.length || '?'} vs ${m.headSamples.length || '?'} samples`
        : ''
      : ''
  return regressionFinding({ kind: findingKind(m), severity, pkg, subject: bench }, m, `${m.metric} got worse: ${m.reason}${how}`)
}

function isIgnored(pkg: string, bench: string, cfg: CompareConfig): boolean {
  return cfg.ignoreBenchmarks.some((re) => new RegExp(re).test(`${pkg}.${bench}`))
}

function failureFindings(base: Map<string, BenchIndex>, head: Map<string, BenchIndex>): Finding[] {
  const out: Finding[] = []
  for (const [key, h] of head) {
    if (!h.bench.failure) continue
    const b = base.get(key)
    const preexisting = b?.bench.failure !== undefined
    const hang = h.bench.failure.hang
    if (hang) {
      out.push(hangFinding(h.pkg, h.bench.name, hang, b?.bench.failure?.hang !== undefined))
      continue
    }
    out.push({
      kind: 'bench-failure',
      severity: preexisting ? 'info' : 'fail',
      pkg: h.pkg,
      subject: h.bench.name,
      metric: 'failure',
      unit: '',
      base: null,
      head: null,
      change: null,
      pValue: null,
      message: preexisting
        ? `fails on base too: ${h.bench.failure.message}`
        : `fails on head (run ${h.bench.failure.run + 1}): ${h.bench.failure.message}`,
      locations: []
    })
  }
  return out
}

function errorKey(e: { kind: string; subject: string }): string {
  return `${e.kind}\u0000${e.subject}`
}

/** Build failures become findings; an error the base already had is pre-existing, not the PR's doing. */
function errorFindings(base: RunResult, head: RunResult): { findings: Finding[]; newHeadErrors: number } {
  const baseKeys = new Set(base.errors.map(errorKey))
  const findings: Finding[] = []
  let newHeadErrors = 0
  const seen = new Set<string>()
  for (const e of head.errors) {
    // The bench pass and the test pass build the same package: one broken package is one finding.
    if (seen.has(errorKey(e))) continue
    seen.add(errorKey(e))
    const preexisting = baseKeys.has(errorKey(e))
    // A package measured without the probe still has all its numbers: that is a note, not a gap.
    if (!preexisting && e.kind !== 'probe') newHeadErrors++
    if (e.kind !== 'build') continue
    findings.push({
      kind: 'build-failure',
      severity: preexisting ? 'warn' : 'fail',
      pkg: e.subject,
      subject: e.subject,
      metric: 'build',
      unit: '',
      base: null,
      head: null,
      change: null,
      pValue: null,
      message: preexisting ? `does not build on base either: ${e.message}` : `${e.message} on head; its benchmarks were not measured`,
      locations: []
    })
  }
  return { findings, newHeadErrors }
}

export function countFindings(findings: Finding[]): Report['counts'] {
  const counts: Report['counts'] = { fail: 0, warn: 0, info: 0, byKind: {} }
  for (const f of findings) {
    counts[f.severity]++
    counts.byKind[f.kind] = (counts.byKind[f.kind] ?? 0) + 1
  }
  return counts
}

export interface CompareInput {
  base: RunResult
  head: RunResult
  baseDir: string
  headDir: string
  config: CompareConfig
  /**
   * False when the base was measured on another machine (a stored baseline): timings then only warn, since
   * another runner alone moves them by more than any threshold. Deterministic metrics still fail.
   * Default true.
   */
  timingsComparable?: boolean
  /**
   * Looks over which the timing decisions spend alpha (jobs/bench/adaptive.ts): by default the head's
   * planned adaptive looks, 1 for a fixed count.
   */
  looks?: number
}

export const TIMINGS_NOT_COMPARABLE_NOTE =
  'Timings (ns/op, custom metrics, GC pauses) only warn here: the baseline was measured on another machine, and a different runner alone moves them by more than the thresholds.'

/** Metrics that depend on the machine, not only on the code: time, throughput, custom units, GC pauses. */
function isTiming(kind: FindingKind, m: MetricComparison): boolean {
  return kind === 'gc-pause' || (kind === 'regression' && m.unit !== 'allocs/op' && m.unit !== 'B/op')
}

/**
 * Compares two results. Pure: the caller loads the results, and attaches allocation sites afterwards
 * (attributeGrowth) for the findings that need them.
 */
export function compareResults({ base, head, baseDir, headDir, config, timingsComparable = true, looks }: CompareInput): Report {
  const notes = checkComparable(base, head)
  const b = indexBenchmarks(base)
  const h = indexBenchmarks(head)
  const comparisons: BenchmarkComparison[] = []
  const onlyInBase: BenchRef[] = []
  const onlyInHead: BenchRef[] = []
  const module = head.env.module
  // One configuration per package and benchmark: the overrides that match them laid over the file's.
  const scopes = new Map<string, Scoped>()
  const scoped = (scope: Scope): Scoped => {
    const key = `${scope.pkg}\u0000${scope.benchmark ?? ''}`
    let s = scopes.get(key)
    if (!s) scopes.set(key, (s = scopedConfig(config, scope, module)))
    return s
  }
  const ofBench = (c: { pkg: string; benchmark: string }): Scoped => scoped({ pkg: c.pkg, benchmark: c.benchmark })
  for (const [key, hb] of h) {
    const bb = b.get(key)
    if (!bb) {
      if (!hb.bench.failure) onlyInHead.push({ pkg: hb.pkg, benchmark: hb.bench.name })
      continue
    }
    if (hb.bench.runs.length === 0 || bb.bench.runs.length === 0) continue
    // Runs pair up by round only when base and head were measured here, interleaved.
    comparisons.push(compareBenchmark(hb.pkg, bb.bench, hb.bench, ofBench({ pkg: hb.pkg, benchmark: hb.bench.name }).config, timingsComparable))
  }
  for (const [key, bb] of b) if (!h.has(key) && !bb.bench.failure) onlyInBase.push({ pkg: bb.pkg, benchmark: bb.bench.name })

  const noisy = comparisons.flatMap((c) =>
    c.metrics.filter(awaitsDecision).map((m) => {
      const rule = ruleFor(m.unit, ofBench(c).config)
      return { m, threshold: rule.mode === 'statistical' ? rule.relative : 0 }
    })
  )
  const level = decideTiming(noisy, config.statistics, looks ?? head.env.adaptive?.looks?.length ?? 1)
  for (const c of comparisons) {
    const t = ofBench(c).config.thresholds
    for (const m of c.metrics) {
      const time = isTimeUnit(m.unit)
      applyFloor(m, time ? t.time : t.custom, time ? 'thresholds.time' : 'thresholds.custom')
    }
  }

  const findings: Finding[] = []
  // The policy decides last, on each finding as judged; `from` says what the finding is about.
  const decide = (list: Finding[], origin: Origin, bench: boolean): Finding[] => {
    for (const f of list) applyPolicy(f, origin, scoped(bench ? { pkg: f.pkg, benchmark: f.subject } : { pkg: f.pkg }))
    return list
  }
  for (const c of comparisons) {
    const ignored = isIgnored(c.pkg, c.benchmark, config)
    for (const m of c.metrics) {
      if (m.status !== 'regression') continue
      // One slowdown, one finding: CPU time that regressed along with ns/op would only be a second row.
      if (m.unit === CPU_TIME_UNIT && c.metrics.some((x) => x.unit === 'ns/op' && x.status === 'regression')) continue
      const kind = findingKind(m)
      // GC findings are judged 'fail' here: their default, gc.pauseSeverity, is the policy's (compare/scope.ts).
      const judged: Severity = ignored ? 'info' : 'fail'
      let severity: Severity = judged === 'fail' && (lacksEvidence(m) || m.warnOnly !== undefined) ? 'warn' : judged
      if (!timingsComparable && severity === 'fail' && isTiming(kind, m)) severity = 'warn'
      findings.push(...decide([metricFinding(c.pkg, c.benchmark, m, severity)], 'benchmark', true))
    }
  }
  for (const [key, hb] of h) {
    const bb = b.get(key)
    if (!hb.bench.leaks?.length || !bb) continue
    const baseProbed = (bb.bench.smallRuns ?? []).some((r) => r.live !== undefined)
    const limits = ofBench({ pkg: hb.pkg, benchmark: hb.bench.name }).config.thresholds.goroutines
    findings.push(...decide(leakFindings(hb.pkg, hb.bench.leaks, bb.bench.leaks, baseProbed, undefined, hb.bench.name, limits), 'benchmark', true))
  }
  findings.push(...decide(failureFindings(b, h), 'benchmark', true))
  findings.push(...decide(testFindings(base, head, (pkg) => scoped({ pkg }).config.thresholds.goroutines), 'tests', false))
  const stress = stressFindings(base, head)
  findings.push(...decide(stress.findings, 'stress', false))
  notes.push(...stress.notes)
  const errs = errorFindings(base, head)
  findings.push(...decide(errs.findings, 'errors', false))
  // A base without loads did not run them (switched off, or a baseline from before): nothing there is new.
  // GC findings of load jobs are judged 'fail' too, for the policy to decide as for benchmarks.
  const loadConfig: CompareConfig = { ...config, gcPauseSeverity: 'fail' }
  const loads = head.loads !== undefined || base.loads !== undefined ? compareLoadJobs(base.loads, head.loads ?? [], loadConfig, module) : undefined
  if (loads) findings.push(...decide(loads.findings, 'load', false))

  const toReportError = (side: 'base' | 'head') => (e: RunResult['errors'][number]): ReportError => ({
    side,
    kind: e.kind,
    subject: e.subject,
    message: e.detail ? `${e.message}\n${e.detail}` : e.message
  })
  const errors: ReportError[] = [...base.errors.map(toReportError('base')), ...head.errors.map(toReportError('head'))]
  if (!timingsComparable) notes.push(TIMINGS_NOT_COMPARABLE_NOTE)
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: findings.some((f) => f.severity === 'fail') ? 'fail' : 'pass',
    // Nothing compared while head had errors is no pass: the gate could not look at anything. A probe note
    // (a test binary that exited before the probe looked) takes nothing from the test pass's findings.
    incomplete: errs.newHeadErrors > 0 || (head.errors.some((e) => e.kind !== 'probe') && comparisons.length === 0),
    counts: countFindings(findings),
    base: sideInfo(base, baseDir),
    head: sideInfo(head, headDir),
    findings,
    comparisons,
    onlyInBase,
    onlyInHead,
    notes,
    errors,
    reproduce: [],
    noise: noiseSummary(comparisons, machineOf(base, head)),
    ...(loads ? { loads: loads.jobs } : {})
  }
  notes.push(...noiseNotes(report), ...pairingNotes(head), ...adaptiveNotes(head, level))
  report.reproduce = [...stress.reproduce, ...reproduceCommands(report, base, head)]
  return report
}
