// Locations that do not depend on luck, and slowdowns with a location: the gate on fixtures/gate's slow
// package names the function and line whose CPU time grew, and on its alloc package names the same
// allocation sites run after run (they come from a run that records every allocation, not from a sampled
// profile). Runs with the `go` the environment selects; npm test runs it on each supported release.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain, type Toolchain } from '../../src/go/toolchain.js'
import type { Finding } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { findBenchmark, loadExpectations, timeMetricOf, type FixtureExpectations } from '../helpers/expectations.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

// Gate runs per package; GLG_DETERMINISM_RUNS raises it for a longer look. Before the exact-allocation run,
// a fresh recording of fixtures/gate found no site at all for BenchmarkEncode's allocs/op at 100x (0.03
// expected samples).
const RUNS = Number(process.env.GLG_DETERMINISM_RUNS ?? 3)

let exp: FixtureExpectations
let repo: FixtureRepo
let toolchain: Toolchain
const outDirs: string[] = []

beforeAll(async () => {
  exp = await loadExpectations('gate')
  repo = await makeFixtureRepo('gate')
  toolchain = await probeToolchain(runProcess)
}, 120_000)

afterAll(async () => {
  await repo?.cleanup()
  for (const d of outDirs) await rm(d, { recursive: true, force: true })
})

async function gateOn(pkg: string, benchtime: string, count: number): Promise<GateOutcome & { outDir: string }> {
  const outDir = join(repo.dir, '..', `${repo.dir.split('/').pop()}-out-${outDirs.length}`)
  outDirs.push(outDir)
  const config: Config = {
    run: { ...DEFAULT_RUN, dir: repo.dir, packages: [`./${pkg}`], count, benchtime, timeoutMs: 120_000 },
    compare: DEFAULT_COMPARE,
    tests: { ...DEFAULT_TESTS, enabled: false },
    load: DEFAULT_LOAD
  }
  return { ...(await gate({ run: runProcess, toolchain, log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)), outDir }
}

const findingOf = (o: GateOutcome, pkg: string, name: string, metric: string): Finding | undefined =>
  o.report.findings.find((f) => f.pkg === `${exp.module}/${pkg}` && f.subject === name && f.metric === metric)

describe('a slowdown with a location: slow.BenchmarkContains', () => {
  const want = (): NonNullable<ReturnType<typeof findBenchmark>['cpu']> => {
    const cpu = findBenchmark(exp, 'slow', 'BenchmarkContains').cpu
    if (!cpu) throw new Error('fixtures/gate/expectations.json: slow.BenchmarkContains has no cpu expectation')
    return cpu
  }
  const outcomes: (GateOutcome & { outDir: string })[] = []
  let outcome: GateOutcome & { outDir: string }

  beforeAll(async () => {
    // A CPU profile is a sample: the line is named in every run, not in a lucky one.
    for (let i = 0; i < RUNS; i++) outcomes.push(await gateOn('slow', want().benchtime, 4))
    outcome = outcomes[0]
  }, 900_000)

  it('names the function and line whose own CPU time grew, marked as changed by the PR, in every run', () => {
    for (const o of outcomes) {
      const f = findingOf(o, 'slow', 'BenchmarkContains', timeMetricOf(o.report, `${exp.module}/slow`, 'BenchmarkContains'))
      expect(f?.severity).toBe('fail')
      // The loop's time falls on its header (line 14) and its body (line 15) in shares the CPU decides run
      // by run (expectations.json says what was seen); every line with a quarter of the growth is named. So
      // at least one of the loop's lines is named in every run, and no line outside it.
      const named = f?.locations.filter((l) => l.role === 'cpu') ?? []
      const why = `${f?.message} ${JSON.stringify(f?.locations)}`
      expect(named.length, why).toBeGreaterThan(0)
      for (const l of named) {
        const loc = want().locations.find((x) => x.file === l.file && x.line === l.line && x.function === l.function)
        expect(loc, why).toBeDefined()
        expect(l, why).toMatchObject({ inDiff: loc?.inDiff, deltaUnit: 'ns' })
      }
      // Head's linear scan costs over ten µs of CPU per op more than the binary search.
      expect(named.reduce((sum, l) => sum + (l.deltaPerOp ?? 0), 0)).toBeGreaterThan(5_000)
      // The benchmark function contains everything it calls: naming it would say nothing.
      expect(f?.locations.some((l) => l.function.endsWith('.BenchmarkContains'))).toBe(false)
      expect(f?.message).not.toContain('too small to attribute')
    }
  })

  it('took the CPU profile in one extra run per side at one b.N, apart from the timed runs', async () => {
    for (const side of ['base', 'head']) {
      const result = JSON.parse(await readFile(join(outcome.outDir, side, 'result.json'), 'utf8')) as RunResult
      const bench = result.packages[0].benchmarks.find((b) => b.name === 'BenchmarkContains')
      const cpu = bench?.profileRuns?.filter((r) => r.cpuProfile !== undefined) ?? []
      expect(cpu).toHaveLength(1)
      expect(cpu[0].cpuProfile).toMatch(/^profiles\/p\d+-BenchmarkContains\.cpu\.pprof$/)
      expect(cpu[0].iterations).toBe(Number(want().benchtime.slice(0, -1)))
      expect(bench?.runs.every((r) => r.cpuProfile === undefined && !r.command.some((a) => a.startsWith('-test.cpuprofile')))).toBe(true)
    }
  })

  it('gives the go tool pprof -diff_base line of the two CPU profiles', () => {
    const r = outcome.report.reproduce.find((x) => x.title.startsWith('CPU profile diff for BenchmarkContains'))
    const profile = /p\d+-BenchmarkContains\.cpu\.pprof/.source
    expect(r?.command).toMatch(new RegExp(`^go tool pprof -top -diff_base=\\S+/base/profiles/${profile} \\S+/head/profiles/${profile}$`))
  })
})

describe('allocation sites that do not depend on luck: alloc.BenchmarkEncode', () => {
  const runs: GateOutcome[] = []

  beforeAll(async () => {
    // 2000x: the extra 128 B per op is 256 KB in a timed run, half a sample at Go's default profile rate.
    for (let i = 0; i < RUNS; i++) runs.push(await gateOn('alloc', '2000x', 3))
  }, 900_000)

  /** What this test compares of an allocation finding: every place it points at. */
  const sites = (o: GateOutcome, metric: string): string[] => {
    const f = findingOf(o, 'alloc', 'BenchmarkEncode', metric)
    return (f?.locations ?? []).map((l) => `${f?.kind} ${l.role} ${l.function} ${l.file}:${l.line} ${String(l.inDiff)}`).sort()
  }

  it('names the allocation sites the expectations list, in every run', () => {
    const f = findBenchmark(exp, 'alloc', 'BenchmarkEncode').findings.find((x) => x.metric === 'allocs/op')
    for (const o of runs) {
      const got = findingOf(o, 'alloc', 'BenchmarkEncode', 'allocs/op')
      for (const loc of f?.locations ?? []) {
        expect(got?.locations, JSON.stringify(got?.locations)).toContainEqual(expect.objectContaining({ file: loc.file, line: loc.line, function: loc.function, role: loc.role, inDiff: loc.inDiff }))
      }
      // Exactly one allocation more per op, counted rather than estimated.
      expect(got?.locations.find((l) => l.role === 'allocation')?.deltaPerOp).toBeCloseTo(1, 2)
    }
  })

  it('gives the same locations (kind, file, line, function, role) run after run, for allocs/op and B/op', () => {
    for (const metric of ['allocs/op', 'B/op']) {
      const first = sites(runs[0], metric)
      expect(first.length, metric).toBeGreaterThan(0)
      for (const o of runs.slice(1)) expect(sites(o, metric), metric).toEqual(first)
    }
  })
})
