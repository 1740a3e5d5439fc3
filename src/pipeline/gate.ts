// The gate: obtain the baseline -> measure head (and the base, when it comes as a tree, interleaved)
// -> compare. Publishing the report is the caller's (publish/): the action, the CLI and the demo each
// hand it their sinks.
import { join } from 'node:path'
import type { BaselineSource, Baseline } from '../baseline/source.js'
import type { Config } from '../config/types.js'
import { currentCommit } from '../git/git.js'
import { readSourceDiff } from '../git/source-diff.js'
import type { JobDeps } from '../jobs/deps.js'
import type { Report } from '../model/report.js'
import type { RunResult } from '../model/result.js'
import { compareWithSites } from './compare.js'
import { measureTrees, type MeasuredTree } from './measure.js'

export interface GateOutcome {
  report: Report
  base: RunResult
  head: RunResult
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
  const base: MeasuredTree = { ...baseline.tree, outDir: join(outDir, 'base') }
  const [baseResult, headResult] = await measureTrees(deps, config, [base, head])
  return { base: { result: baseResult, dir: base.outDir }, head: { result: headResult, dir: head.outDir } }
}

/** Head was measured from the working tree, uncommitted edits included: diff the base commit against it. */
function compareSides(deps: JobDeps, config: Config, sides: Sides): Promise<Report> {
  const { base, head } = sides
  return compareWithSites({ base: base.result, head: head.result, baseDir: base.dir, headDir: head.dir, config: config.compare }, () =>
    readSourceDiff(deps.run, config.run.dir, base.result.env.commit, 'worktree')
  )
}

export async function gate(deps: JobDeps, config: Config, source: BaselineSource, outDir: string): Promise<GateOutcome> {
  deps.log(`baseline: ${source.describe}`)
  const baseline = await source.obtain(deps.run)
  try {
    const sides = await measureHead(deps, config, baseline, outDir)
    const report = await compareSides(deps, config, sides)
    return { report, base: sides.base.result, head: sides.head.result }
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
