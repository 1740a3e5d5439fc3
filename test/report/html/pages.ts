// Pages built through the generator directly, for the tests that need what the demo does not have: hostile
// names everywhere a name can go, a CPU profile, a goroutine group that vanished on head.
import type { LeakGroup } from '../../../src/model/result.js'
import { decodePprof, ProfileTables } from '../../../src/profile/index.js'
import { FrameBudget, MIN_FRACTION } from '../../../src/report/html/flame-data.js'
import { goroutineFlame, type BenchProfiles } from '../../../src/report/html/graphs.js'
import type { HtmlReportData } from '../../../src/report/html/model.js'
import { renderHtmlPage } from '../../../src/report/html/page.js'
import { benchmarkView, benchmarksWithFindings, benchKey } from '../../../src/report/html/views.js'
import { recorded } from '../../profile/oracle.js'
import { HOSTILE, HOSTILE_NAMES, sampleReport } from '../sample-report.js'

export function leak(fn: string, count: number, state = 'chan receive'): LeakGroup {
  const frame = { function: fn, file: `leaky/${fn}.go`, line: 7 }
  return {
    key: `${state} | ${fn}`,
    looseKey: `${state} | ${fn}`,
    state,
    count,
    blocking: frame,
    creation: { function: 'example.com/shop/leaky.Start', file: 'leaky/start.go', line: 3 },
    stack: [frame, { function: 'example.com/shop/leaky.loop', file: 'leaky/loop.go', line: 12 }],
    tests: [],
    detectors: ['probe']
  }
}

/** Recorded Go 1.26 CPU profiles of a base and a head, as one run per side. */
export function cpuProfiles(): BenchProfiles {
  const tables = new ProfileTables()
  const run = (name: string) => [{ profile: decodePprof(recorded('go1.26', name), name, { tables }), iterations: 1000 }]
  return { tables, base: { heap: [], cpu: run('cpu-base.pprof') }, head: { heap: [], cpu: run('cpu-head.pprof') } }
}

/**
 * The sample report (its findings, and a comparison for every hostile name) as a page. The first benchmark
 * gets the recorded CPU profiles; the test-pass goroutine graph has hostile function names, one group that
 * only the base had (so only the negated view shows it) and one that only head has.
 */
export function hostilePage(): { html: string; data: HtmlReportData } {
  const report = sampleReport()
  const budget = new FrameBudget()
  const flagged = benchmarksWithFindings(report)
  const none = (): BenchProfiles => ({ tables: new ProfileTables(), base: { heap: [], cpu: [] }, head: { heap: [], cpu: [] } })
  const benchmarks = report.comparisons.map((comparison, index) =>
    benchmarkView(
      {
        index,
        comparison,
        base: undefined,
        head: undefined,
        profiles: index === 0 ? cpuProfiles() : none(),
        hasFindings: flagged.has(benchKey(comparison.pkg, comparison.benchmark))
      },
      budget
    )
  )
  const goroutines = goroutineFlame(
    'goroutines-flame',
    'Goroutines still alive after the tests',
    [leak('example.com/shop/leaky.vanished', 3), leak(HOSTILE, 1)],
    [leak('<img src=x onerror=alert(1)>', 4, 'select'), leak(HOSTILE, 1)],
    budget
  )
  const data: HtmlReportData = { report, benchmarks, goroutines, minFraction: MIN_FRACTION, notes: [`a note naming ${HOSTILE}`], version: '0.0.0-test' }
  return { html: renderHtmlPage(data), data }
}

export { HOSTILE, HOSTILE_NAMES }
