// Proves that fixtures/leaks does what its expectations.json (and the leaks section of fixtures/EXPECTATIONS.md)
// says, with plain `go test -race` test binaries and a goroutine check of this test's own (a TestMain added
// through -overlay that dumps every goroutine after m.Run), without any code from src/.
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LocationExpectation, Side } from './helpers/expectations.js'
import { addWorktree, fixturesRoot, git, listFiles, makeFixtureRepo, readHeadDelete } from './helpers/fixture-repo.js'
import { fixtureToolchain, type ProcessResult, runGo, runProcess } from './helpers/go-run.js'
import { type Goroutine, type StackFrame, parseGoroutines, parseRaceReports, sections } from './helpers/leak-dump.js'
import {
  type GoroutineLeakExpectation,
  type LeakPackageExpectation,
  type RaceAccess,
  allLocations,
  loadLeakExpectations
} from './helpers/leak-expectations.js'
import { leakProbeOverlay } from './helpers/leak-probe.js'

const exp = await loadLeakExpectations()
const SIDES: Side[] = ['base', 'head']
// Each side's goroutine check runs this often: the goroutines found must be the same every time.
const RUNS = 5
const TIMEOUT = ['-test.count=1', '-test.timeout=10s']
const BENCH = ['-test.run=^$', '-test.bench=.', '-test.benchtime=100x']
// The race runtime sleeps 1 s before every exit (atexit_sleep_ms=1000) to let other threads report. No run
// here needs that, and the test starts about 150 processes.
const RACE_ENV = { GORACE: 'atexit_sleep_ms=0' }
// `go test` builds with -trimpath here as the gate does: files print as `example.com/leakfixture/<file>`.
const MODULE_PREFIX = `${exp.module}/`
const goVersion = (await runGo(['env', 'GOVERSION'], fixturesRoot)).stdout.trim()
// An experiment in Go 1.26 (on by default from Go 1.27, where the variable is not needed).
const LEAK_ENV: Record<string, string> = /^go1\.26(\.|$)/.test(goVersion)
  ? { GOEXPERIMENT: 'goroutineleakprofile' }
  : {}

/** Runs at most n of the given tasks at a time: the machine has two cores and -race is heavy. */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const queue: (() => void)[] = []
  return async (task) => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      queue.shift()?.()
    }
  }
}
const limit = limiter(2)

function rel(file: string): string {
  return file.startsWith(MODULE_PREFIX) ? file.slice(MODULE_PREFIX.length) : file
}
const inModule = (f: StackFrame) => f.file.startsWith(MODULE_PREFIX)
const show = (f: { function: string; file: string; line: number }) => `${f.function} ${rel(f.file)}:${f.line}`
const moduleFrames = (frames: StackFrame[]) => frames.filter(inModule).map(show)
/** The goroutine that runs the probe itself (goroutine 1, in TestMain). */
const isProbe = (g: Goroutine) => g.frames.some((f) => f.function.endsWith('.leakcheckRun'))

/** What identifies a goroutine left behind: state, top function, module frames and creation site. */
function signature(g: Goroutine): string {
  const created = g.createdBy ? show(g.createdBy) : '-'
  return `[${g.state}] top ${g.frames[0]?.function} | ${moduleFrames(g.frames).join(' < ')} | created by ${created}`
}
function expectedSignature(f: GoroutineLeakExpectation): string {
  const frames = [f.blocking, ...f.callers].map(show).join(' < ')
  return `[${f.state}] top ${f.topFunction} | ${frames} | created by ${show(f.creation)}`
}
function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of keys) out[k] = (out[k] ?? 0) + 1
  return out
}

const leakFindings = (pkg: LeakPackageExpectation) =>
  pkg.findings.filter((f): f is GoroutineLeakExpectation => f.kind === 'goroutine-leak')
/** Packages whose tests end normally on both sides: the ones the goroutine check can run after m.Run. */
const endsNormally = (p: LeakPackageExpectation, s: Side) => p.outcome[s] === 'pass' || p.outcome[s] === 'race'
const checkable = exp.packages.filter((p) => SIDES.every((s) => endsNormally(p, s)))

describe('fixture leaks', () => {
  const tree: Record<Side, string> = { base: '', head: '' }
  let root = ''
  let baseSha = ''
  let headSha = ''
  // The hangs last the whole -test.timeout (a test) or until this test's SIGQUIT (a benchmark), by package.
  const hangRuns = new Map<string, Promise<ProcessResult>>()

  const bin = (kind: 'plain' | 'leak', side: Side, dir: string) => join(root, `${kind}-${side}`, `${dir}.test`)
  const run = (kind: 'plain' | 'leak', side: Side, dir: string, args: string[]) =>
    limit(() =>
      runProcess(bin(kind, side, dir), args, { cwd: join(tree[side], dir), env: RACE_ENV, timeoutMs: 60_000 })
    )

  async function build(side: Side, kind: 'plain' | 'leak'): Promise<void> {
    const out = join(root, `${kind}-${side}`) + '/'
    const args = ['test', '-c', '-race', '-trimpath', '-o', out]
    let env: Record<string, string> = {}
    if (kind === 'plain') args.push('./...')
    else {
      const probes = join(root, `probes-${side}`)
      await mkdir(probes, { recursive: true })
      const replace: Record<string, string> = {}
      for (const pkg of checkable) {
        Object.assign(replace, await leakProbeOverlay(join(tree[side], pkg.dir), probes, pkg.dir))
      }
      const overlay = join(root, `overlay-${side}.json`)
      await writeFile(overlay, JSON.stringify({ Replace: replace }))
      // The probe is this test's code, not the fixture's: nothing for vet to check (overlays and vet work
      // together on Go 1.26.8; skipping it only saves time).
      args.push('-vet=off', `-overlay=${overlay}`, ...checkable.map((p) => `./${p.dir}`))
      env = LEAK_ENV
    }
    const r = await runGo(args, tree[side], env)
    if (r.code !== 0) throw new Error(`go ${args.join(' ')} on ${side}: ${r.stderr}`)
  }

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'glg-leaks-')))
    const repo = await makeFixtureRepo('leaks', { root })
    ;({ baseSha, headSha } = repo)
    tree.head = repo.dir
    tree.base = join(root, 'base')
    await addWorktree(repo.dir, repo.baseSha, tree.base)
    await Promise.all(SIDES.map((side) => build(side, 'plain')))
    // The hangs last seconds: start them now, next to the goroutine-check builds. testing does not time
    // benchmarks out, so a benchmark's hang ends with SIGQUIT, which makes Go print every goroutine.
    for (const pkg of exp.packages) {
      const cwd = join(tree.head, pkg.dir)
      if (pkg.outcome.head === 'timeout') hangRuns.set(pkg.dir, runProcess(bin('plain', 'head', pkg.dir), TIMEOUT, { cwd, env: RACE_ENV }))
      const benchHang = pkg.findings.find((f) => f.kind === 'hang' && f.flags !== undefined)
      if (benchHang?.kind === 'hang' && pkg.benchOutcome?.head === 'timeout') {
        const args = [...TIMEOUT, ...(benchHang.flags ?? [])]
        hangRuns.set(pkg.dir, runProcess(bin('plain', 'head', pkg.dir), args, { cwd, env: RACE_ENV, quitAfterMs: 3_000 }))
      }
    }
    await Promise.all(SIDES.map((side) => build(side, 'leak')))
  })

  afterAll(async () => {
    await Promise.all(hangRuns.values())
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('runs the Go release the environment selects (npm test sets GOTOOLCHAIN to each supported one)', () => {
    expect(['go1.27.3', 'go1.27.3+auto', 'auto', 'path', 'local', ''].map((v) => fixtureToolchain({ GOTOOLCHAIN: v }))).toEqual([
      'go1.27.3',
      'local',
      'local',
      'local',
      'local',
      'local'
    ])
    const selected = fixtureToolchain()
    if (selected === 'local') expect(goVersion).toMatch(/^go1\.\d+/)
    else expect(goVersion).toBe(selected)
  })

  it('the head overlay holds only changed files, and the module has exactly the expected packages', async () => {
    const base = await listFiles(join(fixturesRoot, 'leaks', 'base'))
    for (const file of await listFiles(join(fixturesRoot, 'leaks', 'head'))) {
      expect(base, `head/${file} has no base`).toContain(file)
      const [b, h] = await Promise.all(SIDES.map((s) => readFile(join(fixturesRoot, 'leaks', s, file), 'utf8')))
      expect(h, `head/${file} is identical to base/${file}`).not.toBe(b)
    }
    expect(await readHeadDelete('leaks')).toEqual([])
    expect(await readFile(join(tree.base, 'go.mod'), 'utf8')).toBe(`module ${exp.module}\n\ngo 1.21\n`)
    expect(await git(tree.head, ['rev-parse', 'HEAD^'])).toBe(baseSha)
    for (const side of SIDES) {
      const listed = (await runGo(['list', './...'], tree[side])).stdout.trim().split('\n')
      const helpers = listed.filter((p) => p.startsWith(`${MODULE_PREFIX}internal/`))
      expect(helpers, 'test helpers').toEqual([`${MODULE_PREFIX}internal/settle`])
      const packages = listed.filter((p) => !helpers.includes(p)).sort()
      expect(packages, side).toEqual(exp.packages.map((p) => p.importPath).sort())
    }
  })

  it('every location and cause line holds the code it quotes, and inDiff matches the head commit', async () => {
    const diff = await git(tree.head, ['diff', '--unified=0', baseSha, headSha])
    const changed: Record<Side, Set<string>> = { base: new Set(), head: new Set() }
    let file = ''
    for (const line of diff.split('\n')) {
      const header = /^\+\+\+ b\/(.+)$/.exec(line)
      if (header) file = header[1]
      const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!hunk) continue
      for (let i = 0; i < Number(hunk[2] ?? 1); i++) changed.base.add(`${file}:${Number(hunk[1]) + i}`)
      for (let i = 0; i < Number(hunk[4] ?? 1); i++) changed.head.add(`${file}:${Number(hunk[3]) + i}`)
    }
    const lineOf = async (side: Side, f: string, n: number) =>
      (await readFile(join(tree[side], f), 'utf8')).split('\n')[n - 1]
    const locations: LocationExpectation[] = allLocations(exp)
    expect(locations.length).toBeGreaterThan(30)
    for (const loc of locations) {
      expect(await lineOf(loc.side, loc.file, loc.line), `${loc.side} ${loc.file}:${loc.line}`).toContain(loc.code)
      expect(changed[loc.side].has(`${loc.file}:${loc.line}`), `${loc.file}:${loc.line} inDiff`).toBe(
        loc.side === 'head' && loc.inDiff
      )
    }
    for (const pkg of exp.packages) {
      for (const f of pkg.findings) {
        if (f.sides.includes('base')) expect(f.cause, `${pkg.dir}: pre-existing, so no cause`).toEqual([])
        else expect(f.cause.length, `${pkg.dir}: a new finding has a cause`).toBeGreaterThan(0)
        for (const c of f.cause) {
          expect(await lineOf(c.side, c.file, c.line), `cause ${c.side} ${c.file}:${c.line}`).toContain(c.code)
          const where = `${c.side} ${c.file}:${c.line}`
          expect(changed[c.side].has(`${c.file}:${c.line}`), `cause ${where} in the diff`).toBe(true)
        }
      }
    }
  })

  it('each side lists exactly the expected tests and benchmarks', async () => {
    for (const side of SIDES) {
      for (const pkg of exp.packages) {
        const r = await run('plain', side, pkg.dir, ['-test.list=.'])
        expect(r.code, r.stderr).toBe(0)
        expect(r.stdout.trim().split('\n'), `${side} ${pkg.dir}`).toEqual([...pkg.tests, ...pkg.benchmarks])
      }
    }
  })

  it('base: every package passes under -race, benchmarks included: no panic, no hang, no race but the pre-existing ones', async () => {
    const runs = exp.packages.flatMap((pkg) => [
      { pkg, args: TIMEOUT, races: pkg.outcome.base === 'race' },
      ...(pkg.benchmarks.length > 0 ? [{ pkg, args: [...TIMEOUT, ...BENCH], races: pkg.benchOutcome?.base === 'race' }] : [])
    ])
    expect(runs.filter((r) => r.races).map((r) => r.pkg.dir)).toEqual(['visits'])
    const results = await Promise.all(runs.map(({ pkg, args }) => run('plain', 'base', pkg.dir, args)))
    runs.forEach(({ pkg, args, races }, i) => {
      const out = results[i].stdout + results[i].stderr
      const label = `base ${pkg.dir} ${args.join(' ')}`
      expect(results[i].code, `${label}\n${out}`).toBe(races ? 1 : 0)
      if (races) expect(out, label).toContain('WARNING: DATA RACE')
      else expect(out, label).not.toContain('WARNING: DATA RACE')
      expect(out, label).not.toMatch(/^panic: /m)
      expect(results[i].stdout.trim().split('\n').at(-1), label).toBe(races ? 'FAIL' : 'PASS')
    })
  })

  it('head: the packages expected to pass do pass, leaks and all (a leak does not fail go test)', async () => {
    const passing = exp.packages.filter((p) => p.outcome.head === 'pass')
    expect(passing.length).toBeGreaterThanOrEqual(10)
    const results = await Promise.all(passing.map((pkg) => run('plain', 'head', pkg.dir, TIMEOUT)))
    passing.forEach((pkg, i) => {
      const out = results[i].stdout + results[i].stderr
      expect(results[i].code, `head ${pkg.dir}\n${out}`).toBe(0)
      expect(out, pkg.dir).not.toContain('WARNING: DATA RACE')
    })
  })

  const races = exp.packages.flatMap((pkg) =>
    pkg.findings.flatMap((f) => (f.kind === 'race' ? f.sides.map((side) => ({ pkg, f, side })) : []))
  )
  for (const { pkg, f, side } of races) {
    it(`${side}: ${pkg.dir}.${f.subject} reports the expected data race`, async () => {
      const r = await run('plain', side, pkg.dir, [...TIMEOUT, ...f.flags])
      expect(r.code, r.stdout + r.stderr).toBe(1)
      expect(r.stdout).toContain(f.failLine)
      expect(r.stdout).toContain('race detected during execution of test')
      const reports = parseRaceReports(r.stderr)
      expect(reports.length, r.stderr).toBeGreaterThanOrEqual(1)
      const report = reports[0]
      const check = (got: typeof report.access, want: RaceAccess, label: string) => {
        expect(want.op === 'either' ? ['read', 'write'] : [want.op], label).toContain(got.op)
        expect(moduleFrames(got.frames), label).toEqual(want.stack.map(show))
        const created = report.created.get(got.goroutine)
        const statuses = want.goroutineStatus === 'either' ? ['running', 'finished'] : [want.goroutineStatus]
        expect(statuses, `${label} goroutine status`).toContain(created?.status)
        expect(moduleFrames(created?.frames ?? []), `${label} created at`).toEqual(want.createdAt.map(show))
      }
      check(report.access, f.access, 'access')
      check(report.previous, f.previous, 'previous access')
      // Every report is this same race (a read-modify-write can add a second one with the same frames).
      for (const other of reports) expect(moduleFrames(other.access.frames)[0]).toBe(show(f.access.stack[0]))
    })
  }

  const hangs = exp.packages.flatMap((pkg) => pkg.findings.flatMap((f) => (f.kind === 'hang' ? [{ pkg, f }] : [])))
  for (const { pkg, f } of hangs) {
    it(`head: ${pkg.dir}.${f.test} hangs until ${f.flags ? 'SIGQUIT' : '-test.timeout'}, blocked where expected`, async () => {
      const hang = hangRuns.get(pkg.dir)
      if (!hang) throw new Error(`the hang run of ${pkg.dir} was not started`)
      const r = await hang
      expect(r.code, r.stdout + r.stderr).toBe(2)
      expect(r.stderr.split('\n')[0]).toBe(f.message)
      // Without -test.v the name is printed, with its -GOMAXPROCS suffix, when the benchmark starts.
      if (f.flags) expect(r.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^${f.test}(-\\d+)?$`))
      else expect(r.stderr).toMatch(new RegExp(`running tests:\\n\\t\\t${f.test} \\(\\d`))
      const blocked = parseGoroutines(r.stderr).filter((g) => g.frames.some(inModule))
      const got = blocked.map((g) => ({
        state: g.state,
        stack: moduleFrames(g.frames),
        createdBy: g.createdBy?.function,
        creation: g.createdBy && inModule(g.createdBy) ? show(g.createdBy) : undefined
      }))
      const want = f.blocked.map((b) => ({
        state: b.state,
        stack: b.stack.map(show),
        createdBy: b.createdBy,
        creation: b.creation ? show(b.creation) : undefined
      }))
      const order = (xs: typeof got) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      expect(order(got)).toEqual(order(want))
    })
  }

  const panics = exp.packages.flatMap((pkg) =>
    pkg.findings.flatMap((f) => (f.kind === 'panic' ? [{ pkg, f }] : []))
  )
  for (const { pkg, f } of panics) {
    it(`head: ${pkg.dir}.${f.test} panics with the expected value at the expected line`, async () => {
      const r = await run('plain', 'head', pkg.dir, TIMEOUT)
      expect(r.code, r.stdout + r.stderr).toBe(f.exitCode)
      expect(r.stdout).toContain(`--- FAIL: ${f.test} `)
      expect(r.stderr.split('\n')).toContain(f.printed)
      expect(f.printed.startsWith(`panic: ${f.value}`)).toBe(true)
      const panicking = parseGoroutines(r.stderr).find((g) => g.state === 'running' && g.frames.some(inModule))
      expect(moduleFrames(panicking?.frames ?? [])).toEqual(f.stack.map(show))
    })
  }

  // The goroutine check: each side RUNS times; the goroutines left after m.Run must be exactly the expected
  // ones (the head's new leaks plus what both sides have), identical on every run.
  const dumps: Record<Side, Map<string, ProcessResult[]>> = { base: new Map(), head: new Map() }
  it(`goroutines left after the tests: exactly the expected ones, the same in ${RUNS} runs per side`, async () => {
    const jobs = SIDES.flatMap((side) =>
      checkable.flatMap((pkg) => Array.from({ length: RUNS }, () => ({ side, pkg })))
    )
    const results = await Promise.all(jobs.map(({ side, pkg }) => run('leak', side, pkg.dir, TIMEOUT)))
    jobs.forEach(({ side, pkg }, i) => dumps[side].set(pkg.dir, [...(dumps[side].get(pkg.dir) ?? []), results[i]]))
    for (const side of SIDES) {
      for (const pkg of checkable) {
        const want: Record<string, number> = {}
        for (const f of leakFindings(pkg).filter((f) => f.sides.includes(side))) want[expectedSignature(f)] = f.count
        for (const [n, r] of (dumps[side].get(pkg.dir) ?? []).entries()) {
          const label = `${side} ${pkg.dir} run ${n + 1}`
          expect(r.code, `${label}\n${r.stdout}${r.stderr}`).toBe(pkg.outcome[side] === 'race' ? 1 : 0)
          const [stacks] = sections(r.stdout, 'STACKS')
          expect(stacks, `${label}: no dump`).toBeDefined()
          const left = parseGoroutines(stacks).filter((g) => !isProbe(g))
          expect(tally(left.map(signature)), label).toEqual(want)
        }
      }
    }
  })

  it('the goroutineleak profile (GOEXPERIMENT) reports exactly the leaks expected to be unreachable', () => {
    expect(dumps.head.size, 'runs the goroutine check first').toBe(checkable.length)
    for (const side of SIDES) {
      for (const pkg of checkable) {
        const want: Record<string, number> = {}
        for (const f of leakFindings(pkg).filter((f) => f.sides.includes(side) && f.leakProfile)) {
          want[expectedSignature(f)] = f.count
        }
        const total = Object.values(want).reduce((a, b) => a + b, 0)
        for (const r of dumps[side].get(pkg.dir) ?? []) {
          const [profile] = sections(r.stdout, 'LEAKPROFILE')
          // Count() reports the last detection: 0 before the first WriteTo, the number found after it.
          const header = `=== LEAKPROFILE count-before=0 count-after=${total}`
          expect(profile?.split('\n')[0], `${side} ${pkg.dir}`).toBe(header)
          const leaked = parseGoroutines(profile).filter((g) => g.leaked)
          expect(tally(leaked.map(signature)), `${side} ${pkg.dir}`).toEqual(want)
        }
      }
    }
  })

  it('each leak comes from the tests named for it: each test run alone leaves the expected goroutines', async () => {
    const jobs = SIDES.flatMap((side) =>
      checkable
        .filter((pkg) => leakFindings(pkg).some((f) => f.sides.includes(side)))
        .flatMap((pkg) => ['', ...pkg.tests].map((test) => ({ side, pkg, test })))
    )
    const results = await Promise.all(
      jobs.map(({ side, pkg, test }) => run('leak', side, pkg.dir, [...TIMEOUT, `-test.run=^${test}$`]))
    )
    jobs.forEach(({ side, pkg, test }, i) => {
      const [stacks] = sections(results[i].stdout, 'STACKS')
      const left = tally(parseGoroutines(stacks ?? '').filter((g) => !isProbe(g)).map(signature))
      const want: Record<string, number> = {}
      for (const f of leakFindings(pkg).filter((f) => f.sides.includes(side))) {
        const n = test === '' ? f.withoutTests : (f.perTest[test] ?? f.withoutTests)
        if (n > 0) want[expectedSignature(f)] = n
      }
      expect(left, `${side} ${pkg.dir} -test.run=^${test}$`).toEqual(want)
    })
    // What each test adds, plus what is there without tests, is what a run of the whole package leaves.
    for (const pkg of checkable) {
      for (const f of leakFindings(pkg)) {
        const added = Object.values(f.perTest).reduce((sum, n) => sum + n - f.withoutTests, 0)
        expect(added + f.withoutTests, `${pkg.dir}: perTest adds up to count`).toBe(f.count)
      }
    }
  })
})
