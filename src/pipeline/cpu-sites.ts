// The compare stage's CPU attribution: for every slowdown finding, the functions whose CPU time per op grew,
// read from both sides' CPU-profiled runs (see compare/cpu-sites.ts), or why none can be named.
import { join } from 'node:path'
import { attributeCpu, slowdownFindings, type CpuRun } from '../compare/cpu-sites.js'
import { benchmarkIndex, cpuProfiledRuns } from '../compare/profiled-runs.js'
import type { SourceDiff } from '../git/source-diff.js'
import type { Finding, Location, Report } from '../model/report.js'
import type { BenchmarkResult, RunResult } from '../model/result.js'
import { decodePprof, ProfileTables, sampleTypeIndex } from '../profile/index.js'
import { readProfileFile, unreadableReason } from './profile-file.js'

/**
 * A side's CPU profiles of one benchmark, decoded with `tables`. One that cannot be read (or holds no CPU
 * samples) is an error of its side and makes the run incomplete (exit 3), as an unreadable memory profile does.
 */
async function cpuRuns(side: 'base' | 'head', dir: string, subject: string, bench: BenchmarkResult, tables: ProfileTables, report: Report): Promise<CpuRun[]> {
  const runs: CpuRun[] = []
  for (const run of cpuProfiledRuns(bench)) {
    const file = join(dir, run.cpuProfile ?? '')
    try {
      const profile = decodePprof(await readProfileFile(file), file, { tables })
      sampleTypeIndex(profile, 'cpu')
      runs.push({ profile, iterations: run.iterations })
    } catch (err) {
      report.errors.push({ side, kind: 'profile', subject, message: `CPU profile unusable, left out of the CPU attribution: ${unreadableReason(file, err)}` })
      report.incomplete = true
    }
  }
  return runs
}

/** The findings of each benchmark, in report order. */
function byBenchmark(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = `${f.pkg}\u0000${f.subject}`
    m.set(key, [...(m.get(key) ?? []), f])
  }
  return m
}

/**
 * Attaches to every slowdown finding the functions whose CPU time grew ('cpu', 'cpu-cum' and 'caller'
 * locations, marked when the PR changed the line), or says in its message why no line is named: the growth
 * is within the profiles' sampling noise, or a side has no CPU profile.
 */
export async function attachCpuSites(report: Report, base: RunResult, head: RunResult, diff?: SourceDiff): Promise<void> {
  const baseIndex = benchmarkIndex(base)
  const headIndex = benchmarkIndex(head)
  for (const [key, findings] of byBenchmark(slowdownFindings(report))) {
    const bb = baseIndex.get(key)
    const hb = headIndex.get(key)
    if (!bb || !hb) continue
    const subject = `${findings[0].pkg}.${findings[0].subject}`
    // One set of tables per benchmark: its two sides must share them to diff; other benchmarks need none of it.
    const tables = new ProfileTables()
    const baseRuns = await cpuRuns('base', report.base.dir, subject, bb, tables, report)
    const headRuns = await cpuRuns('head', report.head.dir, subject, hb, tables, report)
    let locations: Location[] = []
    let unattributed: string | undefined
    if (baseRuns.length === 0 || headRuns.length === 0) {
      const missing = [...(baseRuns.length === 0 ? ['base'] : []), ...(headRuns.length === 0 ? ['head'] : [])]
      unattributed = `not attributed to a line: no CPU profile on ${missing.join(' or ')}`
    } else {
      const a = attributeCpu(baseRuns, headRuns, { modulePath: head.env.module, mapBaseLine: diff?.toHead })
      locations = a.locations
      unattributed = a.unattributed
    }
    if (diff) for (const l of locations) l.inDiff = diff.changedInHead(l.file, l.line)
    for (const f of findings) {
      f.locations.push(...locations.map((l) => ({ ...l })))
      if (unattributed) f.message += `; ${unattributed}`
    }
  }
}
