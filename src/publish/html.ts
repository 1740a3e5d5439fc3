// The HTML report as a sink: read each benchmark's profiles from the result directories, build the page
// (src/report/html, pure) and write it. A profile that cannot be read is named on the page; the rest of the
// page is still written.

import { readFile, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { Report } from '../model/report.js'
import type { BenchmarkResult, RunResult } from '../model/result.js'
import { decodePprof, MAX_PROFILE_BYTES, ProfileTables, type CompactProfile } from '../profile/index.js'
import { VERSION } from '../version.js'
import { fileProblem, fsProblem, writeTextFile } from './paths.js'
import type { Sink } from './sinks.js'
import { FrameBudget, MIN_FRACTION } from '../report/html/flame-data.js'
import { profilePath, runsWithProfile, type BenchProfiles, type ProfileField } from '../report/html/graphs.js'
import type { BenchmarkView } from '../report/html/model.js'
import { renderHtmlPage } from '../report/html/page.js'
import { benchKey, benchmarkOf, benchmarksWithFindings, benchmarkView, testPassGoroutines } from '../report/html/views.js'

export interface HtmlReportPaths {
  /** The result directories the report compared (report.base.dir and report.head.dir, resolved). */
  baseDir: string
  headDir: string
}

const FIELDS: ProfileField[] = ['heap', 'cpu']

type SideRuns = BenchProfiles['base']

/**
 * Reads and decodes one side's profiles of a benchmark with `tables`. result.json may come from an
 * untrusted run (the fork workflow), so a path must stay inside its result directory.
 */
async function sideProfiles(dir: string, side: string, bench: BenchmarkResult | undefined, tables: ProfileTables, notes: string[]): Promise<SideRuns> {
  const out: SideRuns = { heap: [], cpu: [] }
  const root = resolve(dir)
  for (const field of FIELDS) {
    for (const run of bench ? runsWithProfile(bench, field) : []) {
      const rel = profilePath(run, field)
      if (rel === undefined) continue
      const file = resolve(root, rel)
      if (!file.startsWith(root + sep)) {
        notes.push(`${side} ${field} profile ${rel} is outside the result directory ${dir}: skipped`)
        continue
      }
      try {
        const size = (await stat(file)).size
        if (size > MAX_PROFILE_BYTES) throw new Error(`it is larger than ${MAX_PROFILE_BYTES} bytes`)
        const profile: CompactProfile = decodePprof(await readFile(file), file, { tables })
        out[field].push({ profile, iterations: run.iterations })
      } catch (err) {
        notes.push(`${side} ${field} profile ${file} could not be read, the graphs leave it out: ${(err as Error).message}`)
      }
    }
  }
  return out
}

/** The page of a report, reading profiles from the result directories. */
export async function buildHtmlReport(report: Report, base: RunResult, head: RunResult, paths: HtmlReportPaths): Promise<string> {
  const notes: string[] = []
  const budget = new FrameBudget()
  const withFindings = benchmarksWithFindings(report)
  const views: BenchmarkView[] = new Array(report.comparisons.length)
  // Benchmarks with findings take the frame budget first: when the page cannot hold every graph, the
  // ones left out are of benchmarks nothing is wrong with.
  const order = report.comparisons
    .map((c, index) => ({ c, index, flagged: withFindings.has(benchKey(c.pkg, c.benchmark)) }))
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.index - b.index)
  for (const { c, index, flagged } of order) {
    // One set of tables per benchmark: base and head must share them to diff, and the next benchmark's
    // profiles need none of this one's functions.
    const tables = new ProfileTables()
    const bb = benchmarkOf(base, c.pkg, c.benchmark)
    const hb = benchmarkOf(head, c.pkg, c.benchmark)
    const profiles: BenchProfiles = {
      tables,
      base: await sideProfiles(paths.baseDir, 'base', bb, tables, notes),
      head: await sideProfiles(paths.headDir, 'head', hb, tables, notes)
    }
    views[index] = benchmarkView({ index, comparison: c, base: bb, head: hb, profiles, hasFindings: flagged }, budget)
  }
  const goroutines = testPassGoroutines(base, head, budget)
  return renderHtmlPage({ report, benchmarks: views, goroutines, minFraction: MIN_FRACTION, notes, version: VERSION })
}

/** The results a report compared, with the directories their profile paths are relative to. */
export interface ComparedResults extends HtmlReportPaths {
  base: RunResult
  head: RunResult
}

/** Writes the HTML report of `report` to `out`, reading the profiles the results name. */
export async function writeHtmlReport(report: Report, base: RunResult, head: RunResult, paths: HtmlReportPaths & { out: string }): Promise<{ path: string; bytes: number }> {
  const html = await buildHtmlReport(report, base, head, paths)
  await writeTextFile(paths.out, html)
  return { path: paths.out, bytes: Buffer.byteLength(html) }
}

/**
 * The HTML report sink. The page needs the two results and their profiles as well as the report: `results`
 * yields them when the sink is written (after the gate for `gate`, read back from the directories for
 * `compare`).
 */
export function htmlFile(path: string, name: string, results: () => Promise<ComparedResults>): Sink {
  return {
    name,
    check: () => fileProblem(path),
    write: async (report) => {
      const r = await results()
      await writeHtmlReport(report, r.base, r.head, { baseDir: r.baseDir, headDir: r.headDir, out: path }).catch((err: unknown) => {
        throw new Error(fsProblem(err))
      })
    }
  }
}
