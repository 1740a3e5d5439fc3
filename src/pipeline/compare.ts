// The compare stage: two RunResults in, a Report out, with the allocation sites responsible attached to
// every allocation and retained-heap finding (read from the sides' memory profiles), and the functions
// whose CPU time grew to every slowdown (from their CPU profiles, see cpu-sites.ts).
import { join } from 'node:path'
import { attributeGrowth, relativeSites, type ProfiledRun, type SiteMeasure, type SiteValues } from '../compare/attribute.js'
import { ComparisonRefused, compareResults, type CompareInput } from '../compare/compare.js'
import { UsageError } from '../errors.js'
import type { StoredBaselineSource } from '../baseline/source.js'
import type { CompareConfig } from '../config/types.js'
import { readSourceDiff, type SourceDiff } from '../git/source-diff.js'
import type { Runner } from '../go/process.js'
import type { Finding, Report } from '../model/report.js'
import type { BenchmarkResult, RunResult } from '../model/result.js'
import { decodePprof, heapSitesOf } from '../profile/index.js'
import { allocationProfiledRuns, benchmarkIndex } from '../compare/profiled-runs.js'
import { attachCpuSites } from './cpu-sites.js'
import { readProfileFile, unreadableReason } from './profile-file.js'

function measureFor(f: Finding): SiteMeasure | undefined {
  if (f.kind === 'heap-leak') return 'inuseBytes'
  if (f.kind !== 'regression') return undefined
  if (f.unit === 'allocs/op') return 'allocObjects'
  if (f.unit === 'B/op') return 'allocBytes'
  return undefined
}

interface Side {
  side: 'base' | 'head'
  dir: string
  result: RunResult
}

/** Sites of each profile file decoded so far in this compare; undefined for one that could not be read. */
type DecodedSites = Map<string, SiteValues[] | undefined>

/**
 * The memory profiles that say where a benchmark allocates (see allocationProfiledRuns), each distinct file
 * decoded once per compare through the profile engine. A profile that cannot be read is skipped and
 * reported as an error (once): the allocation sites of the finding then rest on fewer runs, so the run
 * counts as incomplete (exit 3).
 */
async function profiledRuns(s: Side, pkg: string, bench: BenchmarkResult, report: Report, decoded: DecodedSites): Promise<ProfiledRun[]> {
  const runs: ProfiledRun[] = []
  for (const run of allocationProfiledRuns(bench).runs) {
    if (!run.heap) continue
    const file = join(s.dir, run.heap.profile)
    if (!decoded.has(file)) {
      try {
        const { sites } = heapSitesOf(decodePprof(await readProfileFile(file), file), { modulePath: s.result.env.module })
        decoded.set(file, relativeSites(sites, s.result.env.module))
      } catch (err) {
        decoded.set(file, undefined)
        const why = unreadableReason(file, err)
        report.errors.push({ side: s.side, kind: 'profile', subject: `${pkg}.${bench.name}`, message: `memory profile unusable, left out of the allocation sites: ${why}` })
        report.incomplete = true
      }
    }
    const sites = decoded.get(file)
    if (sites) runs.push({ iterations: run.iterations, sites })
  }
  return runs
}

/**
 * Attaches the allocation sites responsible to every allocation and retained-heap finding, and marks the
 * lines the pull request changed when the source diff is known.
 */
async function attachAllocationSites(report: Report, base: RunResult, head: RunResult, diff?: SourceDiff): Promise<void> {
  const cache = new Map<string, { base: ProfiledRun[]; head: ProfiledRun[] }>()
  const decoded: DecodedSites = new Map()
  const baseIndex = benchmarkIndex(base)
  const headIndex = benchmarkIndex(head)
  for (const f of report.findings) {
    const measure = measureFor(f)
    if (!measure) continue
    const key = `${f.pkg}\u0000${f.subject}`
    let runs = cache.get(key)
    if (!runs) {
      const bb = baseIndex.get(key)
      const hb = headIndex.get(key)
      if (!bb || !hb) continue
      runs = {
        base: await profiledRuns({ side: 'base', dir: report.base.dir, result: base }, f.pkg, bb, report, decoded),
        head: await profiledRuns({ side: 'head', dir: report.head.dir, result: head }, f.pkg, hb, report, decoded)
      }
      cache.set(key, runs)
    }
    f.locations = attributeGrowth(runs.base, runs.head, measure, { mapBaseLine: diff?.toHead, modulePath: head.env.module })
    if (diff) for (const l of f.locations) l.inDiff = diff.changedInHead(l.file, l.line)
  }
  if (!diff && report.findings.some((f) => measureFor(f))) {
    report.notes.push('The base and head commits are not both in this repository: allocation sites were matched by function, not by line.')
  }
  const sampled = sampledSides(report, baseIndex, headIndex)
  if (sampled.length > 0) {
    report.notes.push(
      `The ${sampled.join(' and ')} result has no run that recorded every allocation (written by an older go-leak-gate): its allocation sites come from sampled memory profiles, which can miss a small site.`
    )
  }
}

/** The sides whose attributed benchmarks had only sampled memory profiles to attribute from. */
function sampledSides(report: Report, baseIndex: Map<string, BenchmarkResult>, headIndex: Map<string, BenchmarkResult>): string[] {
  const keys = new Set(report.findings.filter((f) => measureFor(f)).map((f) => `${f.pkg}\u0000${f.subject}`))
  const sampled = (index: Map<string, BenchmarkResult>): boolean =>
    [...keys].some((k) => {
      const b = index.get(k)
      return b !== undefined && !allocationProfiledRuns(b).exact
    })
  return [...(sampled(baseIndex) ? ['base'] : []), ...(sampled(headIndex) ? ['head'] : [])]
}

/**
 * Marks the lines of the load jobs' findings that the pull request changed: their blocking, creation,
 * race and allocation sites are module-relative lines of head already (a job's subject is its name).
 */
function markLoadLines(report: Report, diff: SourceDiff | undefined): void {
  if (!diff || !report.loads?.length) return
  const jobs = new Set(report.loads.map((j) => j.name))
  for (const f of report.findings) {
    if (!jobs.has(f.subject) || f.locations.some((l) => l.inDiff !== undefined)) continue
    for (const l of f.locations) l.inDiff = diff.changedInHead(l.file, l.line)
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
  const sourceDiff = await diff()
  await attachAllocationSites(report, input.base, input.head, sourceDiff)
  await attachCpuSites(report, input.base, input.head, sourceDiff)
  markLoadLines(report, sourceDiff)
  return report
}

/**
 * `go-leak-gate compare`: both sides measured before. The source diff comes from the repository at
 * repoDir when it has both commits.
 */
export async function compareStored(run: Runner, config: CompareConfig, base: StoredBaselineSource, head: StoredBaselineSource, repoDir: string): Promise<Report> {
  const [b, h] = await Promise.all([base.obtain(run), head.obtain(run)])
  return compareWithSites({ base: b.result, head: h.result, baseDir: b.dir, headDir: h.dir, config }, () =>
    readSourceDiff(run, repoDir, b.result.env.commit, h.result.env.commit)
  )
}
