// CPU attribution in the compare stage, on the recorded 'cpu' case (scripts/record-results.ts: the gate on
// fixtures/gate's slow package, whose head replaces a binary search by a linear scan): the function and line
// named from real CPU profiles, the same for a custom metric that regresses with the time, and what the
// finding says instead of a line when the profiles cannot tell (test/pipeline/attribution.test.ts runs Go).
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resultDirBaseline } from '../../src/baseline/result-dir.js'
import { slowdownFindings } from '../../src/compare/cpu-sites.js'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import type { CompareConfig } from '../../src/config/types.js'
import { exitCodeForReport } from '../../src/exit.js'
import { runProcess } from '../../src/go/process.js'
import type { Finding, Report } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { compareStored } from '../../src/pipeline/compare.js'

const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'recorded-results', 'cpu')
const CPU_PROFILE = join('profiles', 'p0-BenchmarkContains.cpu.pprof')
const CONTAINS = 'example.com/gatefixture/slow.(*Set).Contains'
let work = ''

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'glg-cpu-'))
  await cp(RECORDED, work, { recursive: true })
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function editResult(side: 'base' | 'head', edit: (r: RunResult) => void): Promise<void> {
  const path = join(work, side, 'result.json')
  const r = JSON.parse(await readFile(path, 'utf8')) as RunResult
  edit(r)
  await writeFile(path, JSON.stringify(r))
}

const compare = (config: CompareConfig = DEFAULT_COMPARE): Promise<Report> =>
  compareStored(runProcess, config, resultDirBaseline(join(work, 'base')), resultDirBaseline(join(work, 'head')), work)

/** With ns per key looked up, as the benchmark would report it with b.ReportMetric (128 lookups per op). */
async function compareWithNsPerLookup(): Promise<Report> {
  for (const side of ['base', 'head'] as const) {
    await editResult(side, (r) => {
      for (const run of r.packages[0].benchmarks[0].runs) run.metrics['ns/lookup'] = Number(run.metrics['ns/op']) / 128
    })
  }
  return compare({ ...DEFAULT_COMPARE, metricDirections: { 'ns/lookup': 'lower' } })
}

const finding = (r: Report, metric: string): Finding | undefined => r.findings.find((f) => f.subject === 'BenchmarkContains' && f.metric === metric)
const cpuRoles = (f: Finding | undefined): string[] => (f?.locations ?? []).filter((l) => l.role === 'cpu' || l.role === 'cpu-cum').map((l) => l.function)

describe('CPU attribution of a recorded slowdown', () => {
  it('names the function and line whose own CPU time per op grew, with a pprof -diff_base line', async () => {
    const report = await compare()
    const f = finding(report, 'ns/op')
    expect(f?.severity).toBe('fail')
    const site = f?.locations.find((l) => l.role === 'cpu')
    expect(site).toMatchObject({ file: 'slow/set.go', line: 15, function: CONTAINS, deltaUnit: 'ns' })
    expect(site?.deltaPerOp).toBeGreaterThan(5_000)
    expect(f?.message).not.toContain('attribute')
    expect(report.errors).toEqual([])
    const diff = report.reproduce.find((r) => r.title.startsWith('CPU profile diff for BenchmarkContains'))
    expect(diff?.title).toContain('both at b.N=40000')
    expect(diff?.command).toBe(`go tool pprof -top -diff_base=${join(work, 'base', CPU_PROFILE)} ${join(work, 'head', CPU_PROFILE)}`)
  })

  it('gives a custom metric that regresses with the time the same locations', async () => {
    const report = await compareWithNsPerLookup()
    const custom = finding(report, 'ns/lookup')
    expect(custom?.severity).toBe('fail')
    expect(cpuRoles(custom)).toContain(CONTAINS)
    expect(custom?.locations).toEqual(finding(report, 'ns/op')?.locations)
  })

  it('names no line when the growth is within the sampling noise, and says so with the figures', async () => {
    // Head's CPU profile is base's, over 10% fewer ops: 11% more CPU per op, a few samples' worth.
    await copyFile(join(work, 'base', CPU_PROFILE), join(work, 'head', CPU_PROFILE))
    await editResult('head', (r) => {
      for (const run of r.packages[0].benchmarks[0].profileRuns ?? []) if (run.cpuProfile) run.iterations = 36_000
    })
    const report = await compare()
    const f = finding(report, 'ns/op')
    expect(f?.severity).toBe('fail')
    expect(cpuRoles(f)).toEqual([])
    expect(f?.message).toMatch(/; too small to attribute to a line: the CPU profiles show base \S+ \(\d+ samples\), head \S+ \(\d+ samples\) of CPU per op, a difference within their sampling noise \(±\S+\)$/)
    expect(report.errors).toEqual([])
  })

  it('says when the profiles show no more CPU per op on head, as when the extra time was spent waiting', async () => {
    // The sides' CPU profiles swapped: head's profiled run used less CPU per op than base's.
    await copyFile(join(work, 'head', CPU_PROFILE), join(work, 'swap.pprof'))
    await copyFile(join(work, 'base', CPU_PROFILE), join(work, 'head', CPU_PROFILE))
    await copyFile(join(work, 'swap.pprof'), join(work, 'base', CPU_PROFILE))
    const f = finding(await compare(), 'ns/op')
    expect(cpuRoles(f)).toEqual([])
    expect(f?.message).toMatch(/; not attributed to a line: the CPU profiles show base \S+ \(\d+ samples\), head \S+ \(\d+ samples\) of CPU per op, no more on head than on base$/)
  })

  it('says which side has no CPU profile, and an unreadable one is an error that makes the run incomplete', async () => {
    await editResult('head', (r) => {
      const b = r.packages[0].benchmarks[0]
      b.profileRuns = (b.profileRuns ?? []).filter((x) => x.cpuProfile === undefined)
    })
    const without = finding(await compare(), 'ns/op')
    expect(without?.message).toMatch(/; not attributed to a line: no CPU profile on head$/)
    expect(cpuRoles(without)).toEqual([])

    await cp(join(RECORDED, 'head', 'result.json'), join(work, 'head', 'result.json'))
    await rm(join(work, 'head', CPU_PROFILE))
    const report = await compare()
    expect(report.errors.map((e) => [e.side, e.kind, e.message])).toEqual([
      ['head', 'profile', `CPU profile unusable, left out of the CPU attribution: ${join(work, 'head', CPU_PROFILE)} is missing (result.json names it)`]
    ])
    expect(exitCodeForReport(report)).toBe(3)
    expect(finding(report, 'ns/op')?.message).toMatch(/no CPU profile on head$/)
  })
})

describe('slowdownFindings', () => {
  it('takes ns/op, and other metrics but allocations only when the same benchmark got slower', async () => {
    const report = await compareWithNsPerLookup()
    const ns = finding(report, 'ns/op')
    if (!ns) throw new Error('the recorded case has no ns/op finding')
    // An allocation regression of the same benchmark is the memory profiles' to explain, never the CPU's.
    const allocs: Finding = { ...ns, metric: 'allocs/op', unit: 'allocs/op', locations: [] }
    const findings = [...report.findings, allocs]
    expect(slowdownFindings({ findings, comparisons: report.comparisons }).map((f) => f.unit)).toEqual(['ns/op', 'ns/lookup'])
    // A custom metric that regressed while the time did not: the CPU profiles say nothing about it.
    const timeUnchanged = report.comparisons.map((c) => ({ ...c, metrics: c.metrics.map((m) => (m.unit === 'ns/op' ? { ...m, status: 'unchanged' as const } : m)) }))
    const rest = findings.filter((f) => f.unit !== 'ns/op')
    expect(slowdownFindings({ findings: rest, comparisons: timeUnchanged })).toEqual([])
  })
})
