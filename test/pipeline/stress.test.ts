// The stress stage end to end on fixtures/stress: bugs that show in a fraction of runs (head) beside their
// fixed twins (base), a rare leak both sides have, and a package the diff does not touch that only imports
// a buggy one. With a budget smaller than the default (CI stays fast; the default budget is measured in
// bench/stress.ts), every bug is found with its sites (blocking and creation, the race's two accesses, the
// panic's line), in every one of the repeated runs, and the twins are never flagged.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readResult } from '../../src/baseline/result-dir.js'
import { worktreeBaseline } from '../../src/baseline/worktree.js'
import { DEFAULT_COMPARE, DEFAULT_LOAD, DEFAULT_RUN, DEFAULT_TESTS } from '../../src/config/defaults.js'
import type { Config, TestConfig } from '../../src/config/types.js'
import { runProcess } from '../../src/go/process.js'
import { probeToolchain, type Toolchain } from '../../src/go/toolchain.js'
import { runTestPass } from '../../src/jobs/test.js'
import type { Finding } from '../../src/model/report.js'
import type { RaceFinding, TestPackageResult } from '../../src/model/result.js'
import { gate, type GateOutcome } from '../../src/pipeline/gate.js'
import { makeFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js'

interface Site {
  file: string
  line: number
  function: string
}
interface Expected {
  dir: string
  importPath: string
  test: string
  kind: 'goroutine-leak' | 'hang' | 'race' | 'panic'
  severity: string
  /** 'dependent': the diff does not touch it; it imports a changed package (`via`). */
  selected?: 'dependent'
  via?: string[]
  state?: string
  blocking?: Site
  creation?: Site
  creations?: Site[]
  /** A race's two accesses. */
  sites?: Site[]
  /** A panic's first line and innermost module frame. */
  value?: string
  panic?: Site
}

// Two fifths of the default budget over seven changed packages and a dependent: 3.2 s for each changed one,
// 1.6 s for the dependent (just above the least a dependent gets), a few hundred repetitions of these tests.
// On a machine whose two cores are shared with other builds two seconds each missed ctxsend (it needs -race
// and two goroutines running at once) in one run of six.
const BUDGET_MS = Number(process.env.GLG_STRESS_BUDGET_MS ?? 24_000)
const RUNS = Number(process.env.GLG_STRESS_RUNS ?? 3)

let repo: FixtureRepo
let outDir: string
let outcome: GateOutcome
let expected: Expected[]
let toolchain: Toolchain
// lockorder deadlocks in about one normal run in sixty: at the default test timeout (10 minutes) such a run
// alone would pass this file's time limit. A minute is a hundred times what the normal pass takes here.
const TEST_TIMEOUT_MS = 60_000
const tests = (): TestConfig => ({ ...DEFAULT_TESTS, timeoutMs: TEST_TIMEOUT_MS, raceBenchtime: '', narrowBudgetMs: 0, stress: { budgetMs: BUDGET_MS, all: false } })
const at = (s: Site | undefined): string => (s ? `${s.file}:${s.line}` : '?')
const sites = (f: Finding, role: string): string[] => f.locations.filter((l) => l.role === role).map((l) => `${l.file}:${l.line}`)

beforeAll(async () => {
  expected = (JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'fixtures', 'stress', 'expectations.json'), 'utf8')) as { packages: Expected[] }).packages
  repo = await makeFixtureRepo('stress')
  outDir = `${repo.dir}-out`
  toolchain = await probeToolchain(runProcess)
  const config: Config = { run: { ...DEFAULT_RUN, dir: repo.dir, bench: '^$', count: 1 }, compare: DEFAULT_COMPARE, tests: tests(), load: DEFAULT_LOAD }
  outcome = await gate({ run: runProcess, toolchain, log: (l) => process.env.GLG_STRESS_LOG && console.error(new Date().toISOString(), l) }, config, worktreeBaseline(repo.dir, repo.baseSha), outDir)
}, 600_000)

afterAll(async () => {
  await repo?.cleanup()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

/** The role and site a finding of the expected kind must point at. */
function keySite(e: Expected): [string, string] {
  if (e.kind === 'race') return ['access', at(e.sites?.[0])]
  if (e.kind === 'panic') return ['panic', at(e.panic)]
  return ['blocking', at(e.blocking)]
}

/** The finding of the expected kind in the package, from the normal pass or the stress stage. */
function findingFor(findings: Finding[], e: Expected): Finding | undefined {
  const [role, site] = keySite(e)
  // A race's two accesses may come in either order.
  const roles = e.kind === 'race' ? ['access', 'previous-access'] : [role]
  return findings.find((f) => f.pkg === e.importPath && f.kind === e.kind && (e.kind === 'hang' || f.locations.some((l) => roles.includes(l.role) && at(l) === site)))
}

const raceAt = (r: RaceFinding): string[] => [r.access.frames, r.previous.frames].map((fs) => at(fs.find((f) => f.function.startsWith('example.com/'))))

/** Whether one side's test pass saw the expected bug (its normal run or its stress stage). */
function sawIt(t: TestPackageResult | undefined, e: Expected): boolean {
  if (!t) return false
  if (e.kind === 'hang') {
    const hang = t.hang ?? t.stress?.hang
    return hang?.groups.some((g) => g.state === e.state && g.blocking !== undefined && at(g.blocking) === at(e.blocking)) ?? false
  }
  if (e.kind === 'race') {
    const want = (e.sites ?? []).map(at).sort()
    return [...t.races, ...(t.stress?.races ?? [])].some((r) => JSON.stringify(raceAt(r).sort()) === JSON.stringify(want))
  }
  if (e.kind === 'panic') {
    return [...t.panics, ...(t.stress?.panics ?? [])].some((p) => p.value.startsWith(e.value ?? '?') && p.frames.some((f) => at(f) === at(e.panic)))
  }
  return [...t.leaks, ...(t.stress?.leaks ?? [])].some((g) => g.state === e.state && g.blocking !== undefined && at(g.blocking) === at(e.blocking) && g.creation !== undefined && e.creation !== undefined && at(g.creation) === at(e.creation))
}

describe('the stress stage in the gate', () => {
  it('fails the gate on each rare bug, at its blocking and creation sites, its two racing accesses, its panic line', () => {
    expect(outcome.report.verdict).toBe('fail')
    for (const e of expected.filter((x) => x.severity === 'fail')) {
      const f = findingFor(outcome.report.findings, e)
      expect(f, `${e.dir}: ${JSON.stringify(outcome.report.findings.filter((x) => x.pkg === e.importPath))}`).toBeDefined()
      if (!f) continue
      expect(f.severity, e.dir).toBe('fail')
      if (e.kind === 'race') {
        expect([...sites(f, 'access'), ...sites(f, 'previous-access')].sort(), e.dir).toEqual((e.sites ?? []).map(at).sort())
        continue
      }
      if (e.kind === 'panic') {
        expect(sites(f, 'panic'), e.dir).toEqual([at(e.panic)])
        expect(f.message, e.dir).toContain(e.value)
        continue
      }
      expect(sites(f, 'blocking'), e.dir).toContain(at(e.blocking))
      // A hang's group of goroutines stuck at one site shows the first one's creation site.
      const creations = (e.creations ?? (e.creation ? [e.creation] : [])).map(at)
      expect(sites(f, 'creation').filter((s) => creations.includes(s)).length, `${e.dir}: ${sites(f, 'creation').join(' ')}`).toBeGreaterThan(0)
    }
  })

  it('reports the rare leak the base has too as pre-existing, never failing', () => {
    const e = expected.find((x) => x.dir === 'legacy')
    if (!e) throw new Error('legacy missing from expectations.json')
    const found = outcome.report.findings.filter((f) => f.pkg === e.importPath)
    expect(found.length).toBeGreaterThan(0)
    for (const f of found) expect(f.severity, f.message).toBe('info')
  })

  it('stresses the same packages on both sides with the same share, and says how many repetitions each got', () => {
    const share = (r: typeof outcome.base) => new Map((r.tests ?? []).filter((t) => t.stress).map((t) => [t.importPath, t.stress?.budgetMs]))
    expect([...share(outcome.base).keys()].sort()).toEqual(expected.map((e) => e.importPath).sort())
    // A package whose normal pass already hung (lockorder, about one run in sixty) or panicked (quote, about
    // one in four) is not stressed again on that side: that is its finding. Every other package gets the
    // base's share.
    const hungOnHead = new Set((outcome.head.tests ?? []).filter((t) => t.hang !== undefined || t.probeMissing !== undefined).map((t) => t.importPath))
    expect(share(outcome.head)).toEqual(new Map([...share(outcome.base)].filter(([p]) => !hungOnHead.has(p))))
    for (const t of outcome.base.tests ?? []) {
      // Every twin ran its budget out: nothing stopped it early (legacy's rare leak is on both sides).
      if (!t.importPath.endsWith('/legacy')) expect(t.stress?.stoppedBy, t.importPath).toBeUndefined()
      if (!t.importPath.endsWith('/legacy')) expect(t.stress?.repetitions, t.importPath).toBeGreaterThan(20)
    }
    const notes = outcome.report.notes.filter((n) => n.startsWith('Stress on '))
    expect(notes).toHaveLength(2)
    for (const e of expected) expect(notes[0]).toMatch(new RegExp(`${e.importPath} \\(${e.selected ? `imports changed ${e.via?.join(', ')}` : 'changed'}\\) \\d+ repetitions? in \\d+ process`))
  })

  it('stresses a package the diff does not touch when it imports a changed one, with a smaller share', () => {
    const dependent = expected.filter((e) => e.selected === 'dependent')
    expect(dependent.length).toBeGreaterThan(0)
    const base = new Map((outcome.base.tests ?? []).map((t) => [t.importPath, t.stress]))
    for (const e of dependent) {
      const s = base.get(e.importPath)
      expect(s?.reason, e.dir).toBe('dependent')
      expect(s?.via, e.dir).toEqual(e.via)
      for (const c of expected.filter((x) => !x.selected)) {
        expect(base.get(c.importPath)?.reason, c.dir).toBe('changed')
        expect(s?.budgetMs ?? Infinity, `${e.dir} against ${c.dir}`).toBeLessThan(base.get(c.importPath)?.budgetMs ?? 0)
      }
    }
  })

  it('never flags a fixed twin: the base shows no leak or hang but the pre-existing one', () => {
    for (const t of outcome.base.tests ?? []) {
      if (t.importPath.endsWith('/legacy')) continue
      expect(t.leaks, t.importPath).toEqual([])
      expect(t.hang, t.importPath).toBeUndefined()
      expect(t.stress?.leaks, t.importPath).toEqual([])
      expect(t.stress?.hang, t.importPath).toBeUndefined()
      expect([t.races, t.panics, t.stress?.races, t.stress?.panics], t.importPath).toEqual([[], [], [], []])
    }
    expect(outcome.report.findings.filter((f) => f.severity !== 'info' && !expected.some((e) => e.importPath === f.pkg && e.severity === 'fail'))).toEqual([])
  })

  it('says how a stress finding was found and gives go test and dlv test lines that run it the same way', () => {
    const stressed = outcome.report.findings.filter((f) => f.metric.endsWith('under stress') && f.severity === 'fail')
    expect(stressed.length).toBeGreaterThan(0)
    for (const f of stressed) {
      expect(f.message).toMatch(/GOMAXPROCS \d+, shuffle seed \d+, with(out)? -race/)
      expect(f.message).toMatch(/Reproduce: go test (-race )?-run '\^Test\w+\$' -count=\d+ -cpu=\d+ -shuffle=\d+ \.\/\w+/)
      const commands = outcome.report.reproduce.filter((r) => r.title.endsWith(`(${f.pkg})`)).map((r) => r.command)
      expect(commands.some((c) => c.startsWith('dlv test ./') && /-test\.cpu=\d+ -test\.shuffle=\d+/.test(c)), f.pkg).toBe(true)
    }
  })

  it('counts a leak per repetition, not per goroutine accumulated over the repetitions of a process', () => {
    for (const t of outcome.head.tests ?? []) {
      for (const g of t.stress?.leaks ?? []) {
        expect(g.leakingRepetitions).toBeGreaterThanOrEqual(1)
        expect(g.leakingRepetitions).toBeLessThanOrEqual(g.found.count)
        // Each of these bugs leaves at most its workers (3 for wgafter, 1 elsewhere) per repetition.
        expect(g.count / g.leakingRepetitions, t.importPath).toBeLessThanOrEqual(3)
      }
    }
    for (const f of outcome.report.findings.filter((x) => x.kind === 'goroutine-leak' && x.metric.endsWith('under stress'))) {
      expect(f.head, f.message).toBeLessThanOrEqual(3)
    }
  })
})

describe('the results the stress stage writes', () => {
  it('match the result schema, with races and panics under stress too', async () => {
    for (const side of ['base', 'head']) await expect(readResult(join(outDir, side))).resolves.toBeDefined()
    // Whichever pass caught them in this run, a result with head's races and panics under stress must validate.
    const found = { process: 0, count: 8, cpu: 2, shuffle: 1, race: true, repetitionsBefore: 0 }
    const head = structuredClone(outcome.head)
    for (const t of head.tests ?? []) {
      const races = [...t.races, ...(t.stress?.races ?? [])].map((r) => ({ ...r, found }))
      const panics = [...t.panics, ...(t.stress?.panics ?? [])].map((p) => ({ ...p, found }))
      t.stress = { budgetMs: 1, wallMs: 1, processes: 1, repetitions: 8, leaks: [], ...t.stress, races, panics, stoppedBy: panics.length > 0 ? 'panic' : t.stress?.stoppedBy }
    }
    expect((head.tests ?? []).some((t) => (t.stress?.races?.length ?? 0) > 0 && t.importPath.endsWith('/lastseen'))).toBe(true)
    const dir = `${outDir}-edited`
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'result.json'), JSON.stringify(head))
    await expect(readResult(dir)).resolves.toBeDefined()
    await rm(dir, { recursive: true, force: true })
  })
})

describe('the stress stage, run again', () => {
  it(`finds every rare bug on head in each of ${RUNS} runs`, async () => {
    const missed: string[] = []
    for (let run = 1; run < RUNS; run++) {
      // The diff's files: the dependent is found from the import graph, as in the gate.
      const changed = expected.filter((e) => !e.selected).map((e) => `${e.dir}/x.go`)
      const r = await runTestPass({ run: runProcess, toolchain, log: () => {} }, tests(), { label: 'head', moduleDir: repo.dir, packages: ['./...'], stress: { changed } })
      for (const e of expected) if (!sawIt(r.tests.find((t) => t.importPath === e.importPath), e)) missed.push(`run ${run + 1}: ${e.dir}`)
    }
    // Run 1 is the gate's.
    for (const e of expected) if (!sawIt((outcome.head.tests ?? []).find((t) => t.importPath === e.importPath), e)) missed.push(`run 1: ${e.dir}`)
    expect(missed).toEqual([])
  }, 600_000)
})
