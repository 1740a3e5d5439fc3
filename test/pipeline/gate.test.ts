// The whole gate on the real gate fixture: builds, runs base and head interleaved with the machine's Go,
// compares, and must report exactly what fixtures/gate/expectations.json says, and nothing on what it
// says is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { exitCodeForReport } from '../../src/exit.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { readResult } from '../../src/baseline/result-dir.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain } from '../../src/go/toolchain.js'
import type { Finding } from '../../src/model/report.js'
import { loadExpectations, timeMetricOf, type FixtureExpectations } from '../helpers/expectations.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

let repo: FixtureRepo
let exp: FixtureExpectations
let outcome: GateOutcome
let outDir: string

// The metric names the expectations use, as the gate names them. Time is ns/op in the expectations, and
// cpu-ns/op where the benchmark's rounds shared a CPU (auto pairing, the default).
const METRIC: Record<string, string> = { 'retained B/op': 'retained heap' }
const metricOf = (pkgDir: string, name: string, metric: string): string =>
  metric === 'ns/op' ? timeMetricOf(outcome.report, `${exp.module}/${pkgDir}`, name) : (METRIC[metric] ?? metric)

function findingsFor(pkgDir: string, name: string): Finding[] {
  return outcome.report.findings.filter((f) => f.pkg === `${exp.module}/${pkgDir}` && f.subject === name)
}

beforeAll(async () => {
  exp = await loadExpectations('gate')
  repo = await makeFixtureRepo('gate')
  outDir = join(repo.dir, '..', `${repo.dir.split('/').pop()}-out`)
  const toolchain = await probeToolchain(runProcess)
  const config: Config = {
    // 8 rounds: with ns/op and cpu-ns/op judged, 6 vs 6 runs cannot reach the level the fixture's comparisons need.
    run: { ...DEFAULT_RUN, dir: repo.dir, count: 8, benchtime: '20ms', timeoutMs: 120_000 },
    // The custom unit's direction is declared, as a user would: items/op is a cost here.
    compare: { ...DEFAULT_COMPARE, metricDirections: { 'items/op': 'lower' } },
    tests: { ...DEFAULT_TESTS, enabled: false },
      load: DEFAULT_LOAD
  }
  outcome = await gate({ run: runProcess, toolchain, log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
}, 600_000)

afterAll(async () => {
  await repo?.cleanup()
  const { rm } = await import('node:fs/promises')
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('gate on fixtures/gate', () => {
  it('fails, is incomplete because a package stopped building, and exits 3', () => {
    expect(outcome.report.verdict).toBe(exp.verdict)
    expect(outcome.report.incomplete).toBe(exp.incomplete)
    expect(exitCodeForReport(outcome.report)).toBe(3)
  })

  it('reports every expected finding with its benchmark, metric and allocation site', () => {
    for (const b of exp.benchmarks) {
      for (const want of b.findings) {
        if (want.stretch) continue
        const got = findingsFor(b.pkg, b.name).find((f) => f.kind === want.kind && f.metric === metricOf(b.pkg, b.name, want.metric))
        expect(got, `${b.pkg}.${b.name}: ${want.kind} on ${want.metric}`).toBeDefined()
        expect(got?.severity).toBe(want.severity)
        if (want.change && got?.change !== null && got?.change !== undefined) {
          expect(got.change).toBeGreaterThanOrEqual(want.change.min)
        }
        for (const loc of want.locations ?? []) {
          const site = got?.locations.find((l) => l.file === loc.file && l.line === loc.line)
          expect(site, `${b.name}: ${loc.file}:${loc.line} in ${JSON.stringify(got?.locations)}`).toBeDefined()
          expect(site?.function).toBe(loc.function)
          expect(site?.inDiff).toBe(loc.inDiff)
        }
      }
    }
  })

  it('flags nothing that the expectations call unchanged or incidental', () => {
    for (const b of exp.benchmarks) {
      const allowed = new Set([
        ...b.findings.map((f) => `${f.kind}:${metricOf(b.pkg, b.name, f.metric)}`),
        ...(b.incidental ?? []).map((i) => i.metric)
      ])
      for (const f of findingsFor(b.pkg, b.name)) {
        const ok = allowed.has(`${f.kind}:${f.metric}`) || allowed.has(f.metric) || (allowed.has('gc') && f.kind === 'gc-pause')
        expect(ok, `unexpected ${f.severity} ${f.kind} on ${b.pkg}.${b.name} ${f.metric}: ${f.message}`).toBe(true)
      }
    }
  })

  it('names the package that does not build and keeps the compiler message', () => {
    const broken = exp.packages.find((p) => p.builds.head === false)
    const f = outcome.report.findings.find((x) => x.kind === 'build-failure')
    expect(f?.pkg).toBe(broken?.importPath)
    const err = outcome.report.errors.find((e) => e.side === 'head' && e.kind === 'build')
    expect(err?.message).toContain(broken?.buildError?.message)
    expect(err?.message).toContain('broken/size.go:10')
  })

  it('lists benchmarks on one side only without failing them', () => {
    expect(outcome.report.onlyInBase.map((b) => b.benchmark)).toContain('BenchmarkOnlyInBase')
    expect(outcome.report.onlyInHead.map((b) => b.benchmark)).toContain('BenchmarkOnlyInHead')
    expect(outcome.report.findings.some((f) => f.subject.startsWith('BenchmarkOnlyIn'))).toBe(false)
  })

  it('measures sub-benchmarks with hostile names one process each, on both sides', async () => {
    const head = await readResult(join(outDir, 'head'))
    const stable = head.packages.find((p) => p.importPath.endsWith('/stable'))
    const names = stable?.benchmarks.map((b) => b.name) ?? []
    for (const n of ['BenchmarkNames/a|b', 'BenchmarkNames/`code`', 'BenchmarkNames/[link](http://x)', 'BenchmarkNames/dash-8']) {
      expect(names).toContain(n)
      const runs = stable?.benchmarks.find((b) => b.name === n)?.runs ?? []
      // Adaptive sampling (on by default): the first pass, and the rounds it added to this benchmark.
      const adaptive = head.env.adaptive
      expect(adaptive?.firstRounds).toBe(6)
      expect(runs).toHaveLength(6 + (adaptive?.extraRounds[`${stable?.importPath}.${n}`] ?? 0))
      expect(runs.every((r) => r.heap !== undefined && r.gc.forcedCycles > 0)).toBe(true)
    }
  })

  it('records the environment, the commits and every exact command', async () => {
    const base = await readResult(join(outDir, 'base'))
    expect(base.env.commit).toBe(repo.baseSha)
    expect(base.env.goVersion).toMatch(/^go1\.\d+/)
    expect(base.env.gomaxprocs).toBeGreaterThan(0)
    const run = base.packages.find((p) => p.importPath.endsWith('/alloc'))?.benchmarks[0].runs[0]
    expect(run?.command).toEqual(expect.arrayContaining(['-test.run=^$', '-test.bench=^BenchmarkEncode$', '-test.benchmem', '-test.count=1']))
    expect(run?.command.some((a) => /^-test\.benchtime=\d+x$/.test(a))).toBe(true)
  })
})
