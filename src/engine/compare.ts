import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CompareConfig } from '../config/types.js'
import { attributeGrowth, relativeSites, type ProfiledRun, type SiteMeasure } from '../compare/attribute.js'
import { ComparisonRefused, compareResults, type CompareInput } from '../compare/report.js'
import { readSourceDiff, type SourceDiff } from '../baseline/linemap.js'
import { UsageError } from '../errors.js'
import type { Runner } from '../go/process.js'
import type { Finding, Report } from '../model/report.js'
import type { BenchmarkResult, RunResult } from '../model/result.js'
import { decodeProfile, heapSites } from '../parse/pprof.js'
import { readResult } from './results.js'

function measureFor(f: Finding): SiteMeasure | undefined {
  if (f.kind === 'heap-leak') return 'inuseBytes'
  if (f.kind !== 'regression') return undefined
  if (f.unit === 'allocs/op') return 'allocObjects'
  if (f.unit === 'B/op') return 'allocBytes'
  return undefined
}

function benchmarkOf(r: RunResult, pkg: string, name: string): BenchmarkResult | undefined {
  return r.packages.find((p) => p.importPath === pkg)?.benchmarks.find((b) => b.name === name)
}

/** Decodes each run's memory profile once; a profile that cannot be read is noted and skipped. */
async function profiledRuns(dir: string, result: RunResult, bench: BenchmarkResult, notes: string[]): Promise<ProfiledRun[]> {
  const runs: ProfiledRun[] = []
  for (const run of bench.runs) {
    if (!run.heap) continue
    const file = join(dir, run.heap.profile)
    try {
      const profile = decodeProfile(await readFile(file), file)
      const { sites } = heapSites(profile, { modulePath: result.env.module })
      runs.push({ iterations: run.iterations, sites: relativeSites(sites, result.env.module) })
    } catch (err) {
      notes.push(`memory profile ${file} skipped for attribution: ${(err as Error).message}`)
    }
  }
  return runs
}

/**
 * Attaches the allocation sites responsible to every allocation and retained-heap finding, and marks the
 * lines the pull request changed when the source diff is known.
 */
async function attachAllocationSites(report: Report, base: RunResult, head: RunResult, diff?: SourceDiff): Promise<void> {
  const cache = new Map<string, { base: ProfiledRun[]; head: ProfiledRun[] }>()
  for (const f of report.findings) {
    const measure = measureFor(f)
    if (!measure) continue
    const key = `${f.pkg}\u0000${f.subject}`
    let runs = cache.get(key)
    if (!runs) {
      const bb = benchmarkOf(base, f.pkg, f.subject)
      const hb = benchmarkOf(head, f.pkg, f.subject)
      if (!bb || !hb) continue
      runs = {
        base: await profiledRuns(report.base.dir, base, bb, report.notes),
        head: await profiledRuns(report.head.dir, head, hb, report.notes)
      }
      cache.set(key, runs)
    }
    f.locations = attributeGrowth(runs.base, runs.head, measure, { mapBaseLine: diff?.toHead, modulePath: head.env.module })
    if (diff) for (const l of f.locations) l.inDiff = diff.changedInHead(l.file, l.line)
  }
  if (!diff && report.findings.some((f) => measureFor(f))) {
    report.notes.push('The base and head commits are not both in this repository: allocation sites were matched by function, not by line.')
  }
}

/**
 * Compares two results and attaches allocation sites; a refused comparison (race mode differs) is a
 * usage error. `diff` is the source diff between the sides, when it can be had.
 */
export async function compareWithSites(input: CompareInput, diff: () => Promise<SourceDiff | undefined>): Promise<Report> {
  let report: Report
  try {
    report = compareResults(input)
  } catch (err) {
    if (err instanceof ComparisonRefused) throw new UsageError(err.message)
    throw err
  }
  await attachAllocationSites(report, input.base, input.head, await diff())
  return report
}

export async function compareDirs(baseDir: string, headDir: string, config: CompareConfig, deps: { run: Runner; repoDir: string }): Promise<Report> {
  const [base, head] = await Promise.all([readResult(baseDir), readResult(headDir)])
  return compareWithSites({ base, head, baseDir, headDir, config }, () => readSourceDiff(deps.run, deps.repoDir, base.env.commit, head.env.commit))
}
