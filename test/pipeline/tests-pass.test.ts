// The test pass end to end on fixtures/leaks: head leaks, races, hangs and panics where base has the fixed
// twins. The gate must report exactly what fixtures/leaks/expectations.json lists, with the wait state,
// the blocking and creation sites and the test that leaked, and nothing on the fixed twins.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config } from '../../src/config/types.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { runTestPass } from '../../src/jobs/test.js'
import { runProcess } from '../../src/go/process.js'
import { PROBE_FILE } from '../../src/go/probe-source.js'
import { probeToolchain } from '../../src/go/toolchain.js'
import type { Finding } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

interface Site {
  file: string
  line: number
  function: string
}
interface Expected {
  dir: string
  importPath: string
  findings: {
    kind: string
    severity: string
    sides: string[]
    state?: string
    count?: number
    perTest?: Record<string, number>
    blocking?: Site
    creation?: Site
    leakProfile?: boolean
    subject?: string
    test?: string
    value?: string
    access?: { op: string; stack: Site[] }
    previous?: { op: string; stack: Site[] }
    blocked?: { state: string; stack: Site[] }[]
    stack?: Site[]
  }[]
}

let repo: FixtureRepo
let outDir: string
let outcome: GateOutcome
let expected: { packages: Expected[] }
let base: RunResult
let head: RunResult

const at = (s: Site): string => `${s.file}:${s.line}`
const sites = (f: Finding | undefined): string[] => (f?.locations ?? []).map((l) => `${l.file}:${l.line}`)

beforeAll(async () => {
  expected = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'fixtures', 'leaks', 'expectations.json'), 'utf8')) as { packages: Expected[] }
  repo = await makeFixtureRepo('leaks')
  outDir = `${repo.dir}-out`
  const toolchain = await probeToolchain(runProcess)
  const config: Config = {
    // The benchmarks of this fixture exist for the race pass only: measure none of them. The benchmark
    // timeout bounds that pass's runs too (benchhang's head waits it out).
    run: { ...DEFAULT_RUN, dir: repo.dir, bench: '^$', count: 1, timeoutMs: 10_000 },
    compare: DEFAULT_COMPARE,
    tests: { ...DEFAULT_TESTS, timeoutMs: 10_000, raceBenchtime: '100x', ignore: [] },
      load: DEFAULT_LOAD
  }
  outcome = await gate({ run: runProcess, toolchain, log: () => {} }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
  base = outcome.base
  head = outcome.head
}, 600_000)

afterAll(async () => {
  await repo?.cleanup()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

function findingsOf(pkg: string, kind: string): Finding[] {
  return outcome.report.findings.filter((f) => f.pkg === pkg && f.kind === kind)
}

describe('test pass on fixtures/leaks', () => {
  it('reports every leak with its wait state, count, blocking and creation site, and the tests that leak it', () => {
    for (const p of expected.packages) {
      for (const want of p.findings.filter((f) => f.kind === 'goroutine-leak')) {
        const got = findingsOf(p.importPath, 'goroutine-leak').find((f) => f.metric === `goroutines [${want.state}]`)
        expect(got, `${p.dir}: ${want.state}`).toBeDefined()
        expect(got?.severity, p.dir).toBe(want.severity)
        expect(got?.head, p.dir).toBe(want.count)
        if (want.blocking) expect(sites(got), p.dir).toContain(at(want.blocking))
        if (want.creation) expect(sites(got), p.dir).toContain(at(want.creation))
        const group = head.tests?.find((t) => t.importPath === p.importPath)?.leaks.find((g) => g.state === want.state)
        expect(group?.tests.sort(), p.dir).toEqual(Object.keys(want.perTest ?? {}).sort())
        if (want.leakProfile) expect(group?.detectors, p.dir).toContain('goroutineleak')
      }
    }
  })

  it('reports each race once with both accesses, in the test and in the RunParallel benchmark, pre-existing ones as info', () => {
    for (const p of expected.packages) {
      for (const want of p.findings.filter((f) => f.kind === 'race')) {
        const got = findingsOf(p.importPath, 'race')
        expect(got.map((f) => f.subject), p.dir).toContain(want.subject)
        // c.n++ from four goroutines is one race however many ways the detector reported it.
        expect(got.filter((x) => x.subject === want.subject), p.dir).toHaveLength(1)
        const f = got.find((x) => x.subject === want.subject)
        expect(f?.severity, p.dir).toBe(want.severity)
        expect(sites(f), p.dir).toContain(at(want.access?.stack[0] as Site))
        expect(sites(f), p.dir).toContain(at(want.previous?.stack[0] as Site))
      }
    }
  })

  it('reports the hang with the test and who waits on what', () => {
    const p = expected.packages.find((x) => x.findings.some((f) => f.kind === 'hang')) as Expected
    const want = p.findings.find((f) => f.kind === 'hang')
    const [f] = findingsOf(p.importPath, 'hang')
    expect(f).toMatchObject({ severity: 'fail', subject: want?.test })
    for (const b of want?.blocked ?? []) expect(sites(f)).toContain(at(b.stack[0]))
    const hang = head.tests?.find((t) => t.importPath === p.importPath)?.hang
    expect(hang?.groups.map((g) => g.state)).toEqual(expect.arrayContaining((want?.blocked ?? []).map((b) => b.state)))
    // Goroutines stuck at the same line are one group, however they were started.
    const sitesSeen = hang?.groups.map((g) => `${g.state} ${g.blocking?.file}:${g.blocking?.line}`) ?? []
    expect(new Set(sitesSeen).size).toBe(sitesSeen.length)
  })

  it('reports a benchmark that blocks forever, measured or not, with the user’s blocking line first and nothing of the gate', () => {
    const p = expected.packages.find((x) => x.dir === 'benchhang') as Expected
    const want = p.findings.find((f) => f.kind === 'hang')
    const [f] = findingsOf(p.importPath, 'hang')
    expect(f).toMatchObject({ severity: 'fail', subject: want?.test })
    const blocked = want?.blocked?.[0]
    expect(f.locations[0]).toMatchObject({ role: 'blocking', file: blocked?.stack[0].file, line: blocked?.stack[0].line })
    expect(f.message).toContain(`Waiting: 1× [${blocked?.state}] at ${blocked?.stack[0].function} (${at(blocked?.stack[0] as Site)})`)
    // The -race run of the test pass found it (bench '^$' measures nothing); the benchmark job reports it.
    const races = head.tests?.find((t) => t.importPath === p.importPath)?.runs.filter((r) => r.purpose === 'race-benchmarks')
    expect(races?.map((r) => r.outcome)).toEqual(['timeout'])
    const bench = head.packages.find((x) => x.importPath === p.importPath)?.benchmarks.find((b) => b.name === want?.test)
    expect(bench?.runs).toEqual([])
    const hang = bench?.failure?.hang
    expect(hang?.test).toBe(want?.test)
    expect(hang?.groups[0]).toMatchObject({ state: blocked?.state, blocking: { file: blocked?.stack[0].file, line: blocked?.stack[0].line } })
    expect(hang?.groups[0].stack.filter((s) => s.function.startsWith(p.importPath)).map(at)).toEqual(blocked?.stack.map(at))
    // Nothing anywhere in the test pass's results or findings points into the probe.
    const hangs = [...(head.tests ?? []).map((t) => t.hang), ...head.packages.flatMap((x) => x.benchmarks.map((b) => b.failure?.hang))]
    const frames = [
      ...hangs.flatMap((h) => (h?.groups ?? []).flatMap((g) => [g.blocking, g.creation, ...g.stack])),
      ...(head.tests ?? []).flatMap((t) => [
        ...t.leaks.flatMap((g) => [g.blocking, g.creation, ...g.stack]),
        ...t.races.flatMap((r) => [...r.access.frames, ...r.previous.frames, ...r.goroutines.map((g) => g.createdAt)]),
        ...t.panics.flatMap((x) => x.frames)
      ])
    ]
    const shown = [...frames, ...outcome.report.findings.flatMap((x) => x.locations)].filter((x) => x !== undefined)
    expect(shown.length).toBeGreaterThan(100)
    for (const x of shown) {
      expect(x.file, JSON.stringify(x)).not.toContain(PROBE_FILE)
      expect(x.function, JSON.stringify(x)).not.toMatch(/\.glg[A-Z]/)
    }
  })

  it('gives go test and dlv lines that run exactly the failing test', () => {
    const cmds = outcome.report.reproduce.map((r) => r.command)
    expect(cmds).toContain(`go test -race -count=1 -v '-run=^TestQuotaBadName$' ./unbufsend`)
    expect(cmds).toContain(`dlv test ./unbufsend -- '-test.run=^TestQuotaBadName$'`)
    expect(cmds).toContain(`go test -race '-run=^$' '-bench=^BenchmarkGet$' -benchtime=100x ./racebench`)
  })

  it('reports the panic with its value, test and line', () => {
    const p = expected.packages.find((x) => x.findings.some((f) => f.kind === 'panic')) as Expected
    const want = p.findings.find((f) => f.kind === 'panic')
    const [f] = findingsOf(p.importPath, 'panic')
    expect(f).toMatchObject({ severity: 'fail', subject: want?.test })
    expect(f.message).toContain(want?.value)
    expect(sites(f)).toContain(at(want?.stack?.[0] as Site))
  })

  it('fails on nothing else, and finds nothing on the fixed twins of the base', () => {
    const listed = new Set(expected.packages.flatMap((p) => p.findings.filter((f) => f.severity === 'fail').map((f) => `${p.importPath} ${f.kind}`)))
    for (const f of outcome.report.findings.filter((x) => x.severity === 'fail')) {
      expect(listed.has(`${f.pkg} ${f.kind}`), `unexpected ${f.kind} in ${f.pkg}: ${f.message}`).toBe(true)
    }
    for (const t of base.tests ?? []) {
      const p = expected.packages.find((x) => x.importPath === t.importPath)
      const baseRaces = (p?.findings ?? []).filter((f) => f.kind === 'race' && f.sides.includes('base'))
      expect(t.races.map((r) => r.in), t.importPath).toEqual(baseRaces.map((f) => f.subject))
      expect(t.panics, t.importPath).toEqual([])
      expect(t.hang, t.importPath).toBeUndefined()
      const leaks = t.leaks.filter((g) => !g.stack.some((f) => f.function.includes('background.janitor')))
      expect(leaks, t.importPath).toEqual([])
    }
  })

  it('keeps the pre-existing background goroutine as info, and an ignore rule silences it', async () => {
    const bg = outcome.report.findings.find((f) => f.pkg.endsWith('/background'))
    expect(bg?.severity).toBe('info')
    const toolchain = await probeToolchain(runProcess)
    const janitor = head.tests?.find((t) => t.importPath.endsWith('/background'))?.leaks[0]?.blocking?.function
    expect(janitor).toMatch(/background\.janitor$/)
    const cfg = { ...DEFAULT_TESTS, raceBenchtime: '', narrowBudgetMs: 0, ignore: [{ anyFunction: janitor }] }
    const again = await runTestPass({ run: runProcess, toolchain, log: () => {} }, cfg, { label: 'head', moduleDir: repo.dir, packages: ['./background'] })
    expect(again.tests).toHaveLength(1)
    expect(again.tests[0].leaks).toEqual([])
  })
})
