import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { worktreeBaseline } from './baseline/worktree.js'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from './config/defaults.js'
import type { Config } from './config/types.js'
import { RETAINED_METRIC } from './compare/benchmarks.js'
import { FIXTURES_DIR, makeFixtureRepo } from './fixture-repo.js'
import type { JobDeps } from './jobs/deps.js'
import type { FindingKind, Report } from './model/report.js'
import { isTimeUnit } from './model/result.js'
import { gate } from './pipeline/gate.js'
import { jsonFile, markdownFile } from './publish/files.js'
import { htmlFile, type ComparedResults } from './publish/html.js'
import { checkOutputs } from './publish/outputs.js'
import { publish, type Sink, type SinkProblem } from './publish/sinks.js'

/** A failing finding the demo's head is built to produce (fixtures/demo/expectations.json). */
export interface ExpectedFinding {
  kind: FindingKind
  pkg: string
  subject: string
  metric?: string
}

interface DemoExpectations {
  module: string
  verdict: 'pass' | 'fail'
  benchmarks: {
    pkg: string
    name: string
    findings?: { kind: FindingKind; severity: string; metric?: string }[]
    /** Side effects of the planted change that a run may or may not show (a leak's heap also slows it). */
    incidental?: { metric: string }[]
  }[]
  tests?: { pkg: string; test: string; finding: { kind: FindingKind; severity: string } }[]
}

// The expectations name the retained-heap metric by its unit, as the fixture sanity tests measure it; the
// report names the metric.
const REPORT_METRIC: Record<string, string> = { 'retained B/op': RETAINED_METRIC }

export interface DemoExpected {
  verdict: 'pass' | 'fail'
  /** Must all show, failing. */
  findings: ExpectedFinding[]
  /** May show, failing or not: neither missing nor unexpected. */
  incidental: ExpectedFinding[]
}

// An incidental 'gc' names every GC metric (pauses, cycles per op); any other name is one metric.
function incidentalFinding(pkg: string, subject: string, metric: string): ExpectedFinding {
  return metric === 'gc' ? { kind: 'gc-pause', pkg, subject } : { kind: 'regression', pkg, subject, metric }
}

export async function readDemoExpectations(): Promise<DemoExpected> {
  const e = JSON.parse(await readFile(join(FIXTURES_DIR, 'demo', 'expectations.json'), 'utf8')) as DemoExpectations
  const pkg = (dir: string): string => `${e.module}/${dir}`
  const findings: ExpectedFinding[] = [
    ...e.benchmarks.flatMap((b) =>
      (b.findings ?? []).filter((f) => f.severity === 'fail').map((f) => ({ kind: f.kind, pkg: pkg(b.pkg), subject: b.name, metric: f.metric === undefined ? undefined : (REPORT_METRIC[f.metric] ?? f.metric) }))
    ),
    ...(e.tests ?? []).filter((t) => t.finding.severity === 'fail').map((t) => ({ kind: t.finding.kind, pkg: pkg(t.pkg), subject: t.test }))
  ]
  const incidental = e.benchmarks.flatMap((b) => (b.incidental ?? []).map((i) => incidentalFinding(pkg(b.pkg), b.name, i.metric)))
  return { verdict: e.verdict, findings, incidental }
}

export interface DemoOutcome {
  /** The run reached the verdict the demo is built to show, with exactly the failing findings it plants. */
  asDesigned: boolean
  /** What differed from the design, one line each; empty when asDesigned. */
  differences: string[]
}

// A planted slowdown is time, whichever clock judged it: ns/op, or cpu-ns/op where base and head shared a
// CPU (auto pairing, the default, which drops the wall time of those runs).
const sameMetric = (expected: string, got: string): boolean => expected === got || (isTimeUnit(expected) && isTimeUnit(got))

const describe = (f: ExpectedFinding): string => `${f.kind} ${f.pkg}.${f.subject}${f.metric ? ` (${f.metric})` : ''}`

/**
 * Whether a demo report is the one the demo exists to show. The demo head fails the gate on purpose, so
 * a failing verdict is success here; a pass, an incomplete run, a planted finding that did not show or a
 * failing finding nobody planted is not. The expectations' incidental effects (a retained heap also costs
 * time and GC work, by an amount that depends on the machine) may show or not. A goroutine leak may be named by the package when narrowing
 * could not name the test, so its subject is matched loosely.
 */
export function judgeDemo(report: Report, expected: DemoExpected): DemoOutcome {
  const differences: string[] = []
  if (report.incomplete) differences.push(`the run did not complete (${report.errors.length} errors)`)
  if (report.verdict !== expected.verdict) differences.push(`verdict ${report.verdict}, the demo is built to ${expected.verdict}`)
  const failing = report.findings.filter((f) => f.severity === 'fail')
  const matches = (e: ExpectedFinding, f: Report['findings'][number]): boolean =>
    f.kind === e.kind && f.pkg === e.pkg && (f.subject === e.subject || (e.kind === 'goroutine-leak' && (f.subject === e.pkg || f.subject.split(', ').includes(e.subject)))) && (e.metric === undefined || sameMetric(e.metric, f.metric))
  for (const e of expected.findings) if (!failing.some((f) => matches(e, f))) differences.push(`missing: ${describe(e)}`)
  for (const f of failing) {
    if (!expected.findings.some((e) => matches(e, f)) && !expected.incidental.some((e) => matches(e, f))) differences.push(`unexpected: ${describe({ kind: f.kind, pkg: f.pkg, subject: f.subject, metric: f.metric })}`)
  }
  return { asDesigned: differences.length === 0, differences }
}

/**
 * Builds the demo repository, gates it, and publishes the report to report.md, report.json and report.html
 * in the work directory and to `sinks` (the terminal). The work directory is kept: the report is meant to
 * be read.
 */
export async function runDemo(
  deps: JobDeps,
  outDir: string | undefined,
  sinks: Sink[]
): Promise<{ report: Report; markdownPath: string; htmlPath: string; outcome: DemoOutcome; failed: SinkProblem[] }> {
  const work = outDir ?? (await mkdtemp(join(tmpdir(), 'go-leak-gate-demo-')))
  const markdownPath = join(work, 'report.md')
  const results = join(work, 'results')
  const htmlPath = join(work, 'report.html')
  let compared: ComparedResults | undefined
  const html = htmlFile(htmlPath, htmlPath, async () => {
    if (compared === undefined) throw new Error('the demo did not get as far as comparing')
    return compared
  })
  const outputs = await checkOutputs(results, [markdownFile(markdownPath), jsonFile(join(work, 'report.json')), html, ...sinks])
  const repoDir = join(work, 'repo')
  await rm(repoDir, { recursive: true, force: true })
  deps.log(`building the demo repository in ${repoDir}`)
  const repo = await makeFixtureRepo(deps.run, 'demo', repoDir)
  const config: Config = {
    // The default adaptive rounds, priced on count 8 short runs: the demo's slowdowns settle within a
    // few looks and the unchanged benchmarks pass early, so it finishes in well under a minute.
    run: { ...DEFAULT_RUN, dir: repo.dir, count: 8, benchtime: '100ms', timeoutMs: 120_000 },
    compare: DEFAULT_COMPARE,
    // The test pass too: the demo's head also leaks a goroutine (notify), found with no code change. Its
    // bugs show on every run, so a short stress stage shows the stage without the default minute per side.
    tests: { ...DEFAULT_TESTS, timeoutMs: 120_000, stress: { budgetMs: 8_000, all: false } },
      load: DEFAULT_LOAD
  }
  const { report, base, head } = await gate(deps, config, worktreeBaseline(repo.dir, repo.baseSha, deps.log), results)
  compared = { base, head, baseDir: join(results, 'base'), headDir: join(results, 'head') }
  const failed = [...outputs.problems, ...(await publish(report, outputs.ready))]
  return { report, markdownPath, htmlPath, outcome: judgeDemo(report, await readDemoExpectations()), failed }
}
