// The gate: obtain the baseline -> measure head (and the base, when it comes as a tree, interleaved)
// -> compare. Publishing the report is the caller's (publish/): the action, the CLI and the demo each
// hand it their sinks.
import { join } from 'node:path'
import type { BaselineSource, Baseline } from '../baseline/source.js'
import type { Config } from '../config/types.js'
import { currentCommit } from '../git/git.js'
import { readSourceDiff } from '../git/source-diff.js'
import type { JobDeps } from '../jobs/deps.js'
import type { BaselineInfo, Report } from '../model/report.js'
import type { RunResult } from '../model/result.js'
import { compareWithSites } from './compare.js'
import { measureTrees, type MeasuredTree } from './measure.js'

export interface GateOutcome {
  report: Report
  base: RunResult
  head: RunResult
  /** Where each side's profiles are (a stored base's is its download directory): the HTML report reads them. */
  dirs: { base: string; head: string }
}

interface Sides {
  base: { result: RunResult; dir: string }
  head: { result: RunResult; dir: string }
}

/** Head is the working tree at config.run.dir; a tree baseline is measured with it, on this runner. */
async function measureHead(deps: JobDeps, config: Config, baseline: Baseline, outDir: string): Promise<Sides> {
  const head: MeasuredTree = { label: 'head', moduleDir: config.run.dir, commit: await currentCommit(deps.run, config.run.dir), outDir: join(outDir, 'head') }
  if (baseline.kind === 'stored') {
    const [result] = await measureTrees(deps, config, [head])
    return { base: { result: baseline.result, dir: baseline.dir }, head: { result, dir: head.outDir } }
  }
  const base: MeasuredTree = { ...baseline.tree, outDir: join(outDir, 'base'), skipTests: baseline.storedTests !== undefined }
  const [baseResult, headResult] = await measureTrees(deps, config, [base, head])
  if (baseline.storedTests !== undefined) withStoredTests(baseResult, baseline.storedTests)
  return { base: { result: baseResult, dir: base.outDir }, head: { result: headResult, dir: head.outDir } }
}

/** The base's test pass taken from a stored result: its tests and the notes of its probe. */
function withStoredTests(base: RunResult, stored: RunResult): void {
  base.tests = stored.tests
  base.errors.push(...stored.errors.filter((e) => e.kind === 'probe' || e.subject === 'tests'))
}

/** Head was measured from the working tree, uncommitted edits included: diff the base commit against it. */
async function compareSides(deps: JobDeps, config: Config, sides: Sides, baseline: Baseline): Promise<Report> {
  const { base, head } = sides
  const timingsComparable = baseline.kind === 'stored' ? baseline.timingsComparable : true
  const report = await compareWithSites(
    { base: base.result, head: head.result, baseDir: base.dir, headDir: head.dir, config: config.compare, timingsComparable },
    () => readSourceDiff(deps.run, config.run.dir, base.result.env.commit, 'worktree')
  )
  if (baseline.info !== undefined) report.baseline = baseline.info
  return report
}

export async function gate(deps: JobDeps, config: Config, source: BaselineSource, outDir: string): Promise<GateOutcome> {
  return withBaseline(deps, source, async (baseline) => {
    const sides = await measureHead(deps, config, baseline, outDir)
    const report = await compareSides(deps, config, sides, baseline)
    return { report, base: sides.base.result, head: sides.head.result, dirs: { base: sides.base.dir, head: sides.head.dir } }
  })
}

export interface MeasuredSides extends Sides {
  info?: BaselineInfo
  timingsComparable: boolean
}

/** A shard of a matrix: both sides measured and written, judged later by the aggregate job over all shards. */
export async function measureBoth(deps: JobDeps, config: Config, source: BaselineSource, outDir: string): Promise<MeasuredSides> {
  return withBaseline(deps, source, async (baseline) => ({
    ...(await measureHead(deps, config, baseline, outDir)),
    info: baseline.info,
    timingsComparable: baseline.kind === 'stored' ? baseline.timingsComparable !== false : true
  }))
}

async function withBaseline<T>(deps: JobDeps, source: BaselineSource, use: (baseline: Baseline) => Promise<T>): Promise<T> {
  deps.log(`baseline: ${source.describe}`)
  const baseline = await source.obtain(deps.run)
  try {
    return await use(baseline)
  } finally {
    if (baseline.kind === 'tree') await baseline.release()
  }
}

/** `go-leak-gate run`: the working tree alone (tests, then benchmarks), written to outDir. */
export async function measureWorkingTree(deps: JobDeps, config: Config, outDir: string): Promise<RunResult> {
  const commit = await currentCommit(deps.run, config.run.dir)
  const [result] = await measureTrees(deps, config, [{ label: 'run', moduleDir: config.run.dir, commit, outDir }])
  return result
}
