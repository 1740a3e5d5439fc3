// The test pass's leak detection on fixtures/leaks, measured: detection and false-positive rates over repeated
// runs of every package and its fixed twin, what the probe costs a package's test run, and what the overlay
// costs the build.
//
//   npx tsx bench/leaks.ts
//
// Settings (environment):
//   BENCH_LEAK_RUNS           runs per package and side for detection (20)
//   BENCH_LEAK_DEADLOCK_RUNS  runs per side of the packages whose head hangs (deadlock, benchhang): each head run
//                             takes the full 10 s (3)
//   BENCH_LEAK_COST_RUNS      runs per variant and package for the probe's run-time cost (10)
//   BENCH_LEAK_BUILD_RUNS     builds per variant for the overlay's build-time cost (3): without the probe, with
//                             it in a fresh directory (as the gate), with it and the overlay files at old paths
//   BENCH_LEAK_ONLY           comma list of detect, cost, build (all)
//
// Binaries are built once per side with the gate's own code (buildTestBinaries with race and probe, the
// GOEXPERIMENT of leakProfileEnv), then run exactly as src/jobs/test.ts runBinary runs them (same argv, env,
// timeouts, merged output file); what a run shows is computed with the gate's parsers (leakGroups, racesIn,
// hangGroups, parseTestVerbose). The table goes to stdout, progress to stderr, everything to
// bench/out/leaks.json.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TESTS } from '../src/config/defaults.js'
import { makeFixtureRepo } from '../src/fixture-repo.js'
import { buildTestBinaries, type BuiltPackage } from '../src/go/build.js'
import { listTestPackages, readModule, type GoPackage } from '../src/go/packages.js'
import { probeEnv } from '../src/go/probe-env.js'
import { runProcess, type ProcessResult } from '../src/go/process.js'
import { probeToolchain, type Toolchain } from '../src/go/toolchain.js'
import { leakProfileEnv } from '../src/jobs/test.js'
import { hangGroups, leakGroups, racesIn, relativeFrame } from '../src/jobs/observations.js'
import { runningBenchmark } from '../src/jobs/race-benchmarks.js'
import type { HangReport } from '../src/model/result.js'
import { parseTestVerbose } from '../src/parse/testv.js'
import { judge, median, signature, viaBenchmarks, type ExpectedPackage, type Observed, type Side } from './leaks-judge.js'
import { intEnv } from './env.js'

const here = dirname(fileURLToPath(import.meta.url))
const OUT = join(here, 'out', 'leaks.json')

const RUNS = intEnv('BENCH_LEAK_RUNS', 20)
const DEADLOCK_RUNS = Math.min(RUNS, intEnv('BENCH_LEAK_DEADLOCK_RUNS', 3))
const COST_RUNS = intEnv('BENCH_LEAK_COST_RUNS', 10)
const BUILD_RUNS = intEnv('BENCH_LEAK_BUILD_RUNS', 3)
const ONLY = new Set((process.env.BENCH_LEAK_ONLY ?? 'detect,cost,build').split(',').map((s) => s.trim()))

// The gate's test-pass settings this bench reproduces (src/jobs/test.ts with DEFAULT_TESTS, except the timeout,
// which the fixture's expectations fix at 10 s).
const SETTLE_MS = DEFAULT_TESTS.settleMs
const TIMEOUT_MS = 10_000
const RUN_PATTERN = DEFAULT_TESTS.run
const RACE_BENCHTIMES = [DEFAULT_TESTS.raceBenchtime, '100x'].filter((v, i, a) => v !== '' && a.indexOf(v) === i)

const log = (line: string): void => {
  process.stderr.write(`[leaks ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`)
}
const t0 = performance.now()

// ---------------------------------------------------------------------------------------------------------
// One run of a test binary, as src/jobs/test.ts runBinary does it.

interface ProbeDump {
  goroutines: string
  leakProfile: string | null
  settledMs?: number
  numGoroutine?: number
}

interface Run {
  process: ProcessResult
  outcome: Observed['outcome']
  probe?: ProbeDump
}

let runCounter = 0

async function readProbeDump(path: string): Promise<ProbeDump | undefined> {
  try {
    const p = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    if (typeof p.goroutines !== 'string') return undefined
    return {
      goroutines: p.goroutines,
      leakProfile: typeof p.leakProfile === 'string' ? p.leakProfile : null,
      settledMs: typeof p.settledMs === 'number' ? p.settledMs : undefined,
      numGoroutine: typeof p.numGoroutine === 'number' ? p.numGoroutine : undefined
    }
  } catch {
    return undefined
  } finally {
    await rm(path, { force: true })
  }
}

/**
 * `probe`: the probe's environment (the gate sets it for every binary built with the probe, except in the
 * race pass over benchmarks). Everything else is the gate's: GORACE with atexit_sleep_ms=0, -test.timeout
 * last, the process timeout 30 s beyond it with SIGQUIT first (at it for the race pass over benchmarks,
 * which -test.timeout does not cover), stdout and stderr merged into one file in write order.
 */
async function runBinary(built: BuiltPackage, args: string[], probe: boolean, work: string): Promise<Run> {
  const id = runCounter++
  const probePath = join(work, `probe-${id}.json`)
  const gorace = [process.env.GORACE, 'atexit_sleep_ms=0'].filter(Boolean).join(' ')
  const env: NodeJS.ProcessEnv = { ...process.env, GORACE: gorace }
  delete env.GO_LEAK_GATE_PROBE
  // The probe's settle wait and the goroutine rules it waits by, as the gate passes them.
  if (probe) Object.assign(env, probeEnv({ file: probePath, settleMs: SETTLE_MS, rules: DEFAULT_TESTS.ignore }))
  const argv = [built.binary ?? '', ...args, `-test.timeout=${Math.max(1, Math.round(TIMEOUT_MS / 1000))}s`]
  const p = await runProcess({
    argv,
    cwd: built.pkg.dir,
    env,
    timeoutMs: probe ? TIMEOUT_MS + 30_000 : TIMEOUT_MS,
    quitGraceMs: 5_000,
    mergedOutputFile: join(work, `out-${id}.txt`)
  })
  await rm(join(work, `out-${id}.txt`), { force: true })
  const timedOut = p.timedOut || /^panic: test timed out after/m.test(p.stdout)
  const crashed = !timedOut && (p.signal !== null || /^(panic|fatal error): /m.test(p.stdout))
  const outcome = timedOut ? 'timeout' : crashed ? 'crash' : p.code === 0 ? 'pass' : 'fail'
  return { process: p, outcome, probe: probe ? await readProbeDump(probePath) : undefined }
}

/** What testPackage in src/jobs/test.ts derives from the package's tests run (narrowing left out). */
function observeTests(r: Run, modulePath: string): Observed {
  const text = r.process.stdout
  const verbose = parseTestVerbose(text)
  let hang: HangReport | undefined
  let leaks: Observed['leaks'] = []
  if (r.outcome === 'timeout') {
    const at = text.search(/^panic: test timed out after|^SIGQUIT: quit/m)
    const message = verbose.timeout?.message ?? `the package's tests did not finish within ${TIMEOUT_MS / 1000}s`
    hang = { test: verbose.timeout?.running?.[0], message, groups: hangGroups(at >= 0 ? text.slice(at) : text, modulePath) }
  } else if (r.probe) {
    leaks = leakGroups(r.probe.goroutines, r.probe.leakProfile, modulePath, DEFAULT_TESTS.ignore)
  }
  return {
    outcome: r.outcome,
    exitCode: r.process.code,
    probeDump: r.probe !== undefined,
    leaks,
    races: racesIn(text, 'test', modulePath),
    panics: verbose.crashes.map((c) => ({ test: c.test, value: c.crash.value, frames: c.crash.frames.map((f) => relativeFrame(f, modulePath)) })),
    hang,
    failedTests: verbose.tests.filter((t) => t.outcome === 'fail').map((t) => t.name)
  }
}

/** The race pass over benchmarks: races, and a benchmark that never ends (SIGQUIT's dump), as the gate sees them. */
function observeBenchmarks(r: Run, modulePath: string): Observed {
  const text = r.process.stdout
  const verbose = parseTestVerbose(text)
  const running = runningBenchmark(text)
  const at = text.search(/^SIGQUIT: quit/m)
  const hang: HangReport | undefined =
    r.outcome === 'timeout' ? { test: running, message: 'the benchmarks did not finish', groups: hangGroups(at >= 0 ? text.slice(at) : text, modulePath) } : undefined
  return {
    ...(hang ? { hang } : {}),
    outcome: r.outcome,
    exitCode: r.process.code,
    probeDump: false,
    leaks: [],
    races: racesIn(text, 'benchmark', modulePath),
    panics: [],
    failedTests: verbose.tests.filter((t) => t.outcome === 'fail').map((t) => t.name)
  }
}

// ---------------------------------------------------------------------------------------------------------

async function git(cwd: string, args: string[]): Promise<void> {
  const r = await runProcess({ argv: ['git', ...args], cwd, timeoutMs: 60_000 })
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
}

interface SideSetup {
  side: Side
  dir: string
  pkgs: GoPackage[]
  built: BuiltPackage[]
  buildMs: number
}

async function buildSide(tc: Toolchain, side: Side, dir: string, outDir: string, probe: boolean): Promise<{ built: BuiltPackage[]; ms: number; pkgs: GoPackage[] }> {
  const pkgs = await listTestPackages(runProcess, tc, dir, ['./...'], 'tests')
  const env = leakProfileEnv(tc)
  const start = performance.now()
  let built = await buildTestBinaries(runProcess, tc, dir, pkgs, outDir, { race: true, probe, env })
  if (env && built.length > 0 && built.every((b) => !b.build.ok)) {
    log(`[${side}] the toolchain refused GOEXPERIMENT=${env.GOEXPERIMENT}: building without it, as the gate does`)
    built = await buildTestBinaries(runProcess, tc, dir, pkgs, outDir + '-plain', { race: true, probe })
  }
  return { built, ms: performance.now() - start, pkgs }
}

interface CellStats {
  pkg: string
  side: Side
  via: 'tests' | 'benchmarks'
  label: string
  expected: string
  runs: number
  detected: number
  /** Runs where every expected goroutine leak seen was also confirmed by the goroutineleak profile. */
  confirmedRuns: number
  leakExpected: number
  profileExpected: boolean | null
  falsePositiveRuns: number
  anomalyRuns: number
  wallMs: number[]
  settledMs: number[]
  signatures: Record<string, number>
  unexpectedExamples: Record<string, number>
  missedExamples: Record<string, number>
  anomalyExamples: Record<string, number>
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1
}

function expectedText(p: ExpectedPackage, side: Side, via: 'tests' | 'benchmarks'): string {
  const fs = p.findings.filter((f) => f.sides.includes(side) && viaBenchmarks(f) === (via === 'benchmarks'))
  if (fs.length === 0) return 'nothing'
  return fs
    .map((f) => {
      if (f.kind === 'goroutine-leak') return `${f.count}x [${f.state}] ${f.blocking?.file}:${f.blocking?.line}`
      if (f.kind === 'race') return `race ${f.subject} ${f.access?.stack[0].file}:${f.access?.stack[0].line}`
      if (f.kind === 'hang') return `hang ${f.test}`
      return `panic ${f.test} ${f.stack?.[0].file}:${f.stack?.[0].line}`
    })
    .join('; ')
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s
}
function table(header: string[], rows: string[][], right: Set<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => (right.has(i) ? lpad(c, widths[i]) : pad(c, widths[i]))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

// ---------------------------------------------------------------------------------------------------------

async function detection(sides: Record<Side, SideSetup>, expected: ExpectedPackage[], modulePath: string, work: string): Promise<CellStats[]> {
  const cells = new Map<string, CellStats>()
  const cellFor = (p: ExpectedPackage, side: Side, via: 'tests' | 'benchmarks', label: string): CellStats => {
    const key = `${p.dir} ${side} ${label}`
    let c = cells.get(key)
    if (!c) {
      const leak = p.findings.find((f) => f.kind === 'goroutine-leak' && f.sides.includes(side))
      c = {
        pkg: p.dir,
        side,
        via,
        label,
        expected: expectedText(p, side, via),
        runs: 0,
        detected: 0,
        confirmedRuns: 0,
        leakExpected: 0,
        profileExpected: via === 'tests' && leak ? (leak.leakProfile ?? null) : null,
        falsePositiveRuns: 0,
        anomalyRuns: 0,
        wallMs: [],
        settledMs: [],
        signatures: {},
        unexpectedExamples: {},
        missedExamples: {},
        anomalyExamples: {}
      }
      cells.set(key, c)
    }
    return c
  }
  const record = (c: CellStats, p: ExpectedPackage, o: Observed, run: Run): void => {
    const j = judge(p, c.side, c.via, o)
    c.runs++
    if (j.detected) c.detected++
    if (j.confirmed.length > 0 && j.confirmed.every(Boolean)) c.confirmedRuns++
    if (j.confirmed.length > 0) c.leakExpected++
    if (j.unexpected.length > 0) c.falsePositiveRuns++
    if (j.anomalies.length > 0) c.anomalyRuns++
    for (const u of j.unexpected) bump(c.unexpectedExamples, u)
    for (const m of j.missed) bump(c.missedExamples, m)
    for (const a of j.anomalies) bump(c.anomalyExamples, a)
    bump(c.signatures, signature(o))
    c.wallMs.push(Math.round(run.process.wallMs))
    if (run.probe?.settledMs !== undefined) c.settledMs.push(run.probe.settledMs)
  }

  const binFor = (side: Side, importPath: string) => sides[side].built.find((b) => b.pkg.importPath === importPath)
  // Packages whose head hangs (a test until -test.timeout, a benchmark until SIGQUIT) wait 10 s a run: fewer runs.
  const hangs = (p: ExpectedPackage): boolean => p.outcome.head === 'timeout' || p.benchOutcome?.head === 'timeout'
  const totalRuns = expected.reduce((n, p) => n + 2 * (hangs(p) ? DEADLOCK_RUNS : RUNS) * (1 + (p.benchmarks.length > 0 ? RACE_BENCHTIMES.length : 0)), 0)
  let done = 0
  for (let i = 0; i < RUNS; i++) {
    // Base and head alternate, the order flipping every round, as the gate's own rounds do.
    const order: Side[] = i % 2 === 0 ? ['base', 'head'] : ['head', 'base']
    for (const p of expected) {
      if (hangs(p) && i >= DEADLOCK_RUNS) continue
      for (const side of order) {
        const b = binFor(side, p.importPath)
        if (!b?.binary) throw new Error(`${p.importPath} did not build on ${side}: ${b?.build.error ?? 'not listed'}`)
        if (!b.probe) throw new Error(`${p.importPath} was built without the probe on ${side}: ${b.probeError ?? ''}`)
        const r = await runBinary(b, ['-test.v', `-test.run=${RUN_PATTERN}`, '-test.count=1'], true, work)
        record(cellFor(p, side, 'tests', 'tests'), p, observeTests(r, modulePath), r)
        done++
        if (p.benchmarks.length > 0) {
          for (const bt of RACE_BENCHTIMES) {
            // The race pass over benchmarks: no probe (so no settle wait), races only.
            const rb = await runBinary(b, ['-test.run=^$', '-test.bench=.', `-test.benchtime=${bt}`, '-test.v'], false, work)
            record(cellFor(p, side, 'benchmarks', `race bench ${bt}`), p, observeBenchmarks(rb, modulePath), rb)
            done++
          }
        }
      }
    }
    log(`detection: round ${i + 1}/${RUNS} done (${done}/${totalRuns} runs)`)
  }
  return [...cells.values()]
}

// ---------------------------------------------------------------------------------------------------------

type Variant = 'active' | 'inactive' | 'none'

interface CostRow {
  pkg: string
  runs: number
  medianMs: Record<Variant, number>
  wallMs: Record<Variant, number[]>
  /** Probe active minus probe compiled in but off: the settle wait, the dumps, the leak profile, two GCs. */
  activeCostMs: number
  /** Probe compiled in but off minus no probe at all: the TestMain wrapper. */
  inactiveCostMs: number
  totalCostMs: number
  settledMsMedian: number
  goroutinesLeftMedian: number
}

async function cost(base: SideSetup, noProbe: BuiltPackage[], expected: ExpectedPackage[], work: string): Promise<CostRow[]> {
  const rows: CostRow[] = []
  const variants: Variant[] = ['active', 'inactive', 'none']
  for (const p of expected) {
    const withProbe = base.built.find((b) => b.pkg.importPath === p.importPath)
    const without = noProbe.find((b) => b.pkg.importPath === p.importPath)
    if (!withProbe?.binary || !without?.binary) throw new Error(`${p.importPath}: missing binary for the cost runs`)
    if (without.probe) throw new Error(`${p.importPath}: the no-probe build has the probe`)
    const wall: Record<Variant, number[]> = { active: [], inactive: [], none: [] }
    const settled: number[] = []
    const left: number[] = []
    for (let i = 0; i < COST_RUNS; i++) {
      // Rotate the order every run so that no variant always goes first (or right after another).
      const order = variants.map((_, k) => variants[(k + i) % variants.length])
      for (const v of order) {
        const r = await runBinary(v === 'none' ? without : withProbe, ['-test.v', `-test.run=${RUN_PATTERN}`, '-test.count=1'], v === 'active', work)
        if (r.outcome !== 'pass') throw new Error(`${p.importPath} (${v}) did not pass on base: ${r.outcome}\n${r.process.stdout.slice(-2000)}`)
        wall[v].push(r.process.wallMs)
        if (v === 'active') {
          if (!r.probe) throw new Error(`${p.importPath}: the active probe wrote no dump`)
          if (r.probe.settledMs !== undefined) settled.push(r.probe.settledMs)
          if (r.probe.numGoroutine !== undefined) left.push(r.probe.numGoroutine)
        }
      }
    }
    const med = { active: median(wall.active), inactive: median(wall.inactive), none: median(wall.none) }
    rows.push({
      pkg: p.dir,
      runs: COST_RUNS,
      medianMs: med,
      wallMs: { active: wall.active.map(Math.round), inactive: wall.inactive.map(Math.round), none: wall.none.map(Math.round) },
      activeCostMs: med.active - med.inactive,
      inactiveCostMs: med.inactive - med.none,
      totalCostMs: med.active - med.none,
      settledMsMedian: median(settled),
      goroutinesLeftMedian: median(left)
    })
    log(`cost: ${p.dir} active ${med.active.toFixed(0)} ms, inactive ${med.inactive.toFixed(0)} ms, none ${med.none.toFixed(0)} ms`)
  }
  return rows
}

// ---------------------------------------------------------------------------------------------------------

/**
 * CPU time (user + system) of every child process this one has waited for, their own waited-for children
 * included (cutime + cstime of /proc/self/stat): the go command, its compiles and links. Less sensitive
 * than wall time to other work on a shared machine. Linux only; undefined elsewhere.
 */
async function childCpuMs(): Promise<number | undefined> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8')
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // rest[0] is field 3 (state): cutime and cstime are fields 16 and 17.
    return ((Number(rest[13]) + Number(rest[14])) * 1000) / CLK_TCK
  } catch {
    return undefined
  }
}
let CLK_TCK = 100

type BuildVariant = 'plain' | 'probe' | 'probe-reused'

interface BuildCost {
  runs: number
  ms: Record<BuildVariant, number[]>
  medianMs: Record<BuildVariant, number>
  /** CPU of the go command and its children per build. */
  cpuMs: Record<BuildVariant, number[]>
  medianCpuMs: Record<BuildVariant, number>
  /** Median with the overlay (fresh output directory, as every gate run) minus without. */
  addedMs: number
  binaries: number
}

async function buildCost(tc: Toolchain, base: SideSetup, root: string): Promise<BuildCost> {
  const ms: Record<BuildVariant, number[]> = { plain: [], probe: [], 'probe-reused': [] }
  const cpu: Record<BuildVariant, number[]> = { plain: [], probe: [], 'probe-reused': [] }
  const variants: BuildVariant[] = ['plain', 'probe', 'probe-reused']
  const reused = join(root, 'buildcost-reused')
  // probe-reused writes the overlay's backing files to the same paths every time (same content too), into a
  // directory without binaries: it tells a cost of the overlay itself from a cache miss caused by the fresh
  // paths of a new work directory.
  await buildSide(tc, 'base', base.dir, reused, true)
  let binaries = 0
  for (let i = 0; i < BUILD_RUNS; i++) {
    const order = variants.map((_, k) => variants[(k + i) % variants.length])
    for (const v of order) {
      // A fresh output directory each time, as every gate run has (the overlay's backing files live there).
      const out = v === 'probe-reused' ? reused : join(root, `buildcost-${i}-${v}`)
      if (v === 'probe-reused') {
        // Keep the overlay, drop the binaries: go test -c does not relink a binary already up to date at -o.
        for (const e of await readdir(reused)) if (e !== 'overlay') await rm(join(reused, e), { recursive: true, force: true })
      }
      const cpu0 = await childCpuMs()
      const r = await buildSide(tc, 'base', base.dir, out, v !== 'plain')
      const cpu1 = await childCpuMs()
      if (r.built.some((b) => !b.build.ok || b.probe !== (v !== 'plain'))) throw new Error(`build (${v}) failed: ${r.built.find((b) => !b.build.ok)?.build.error ?? 'probe missing'}`)
      binaries = r.built.length
      ms[v].push(Math.round(r.ms))
      // buildSide also runs go list (not timed in r.ms): its CPU is in this figure, the same for every variant.
      if (cpu0 !== undefined && cpu1 !== undefined) cpu[v].push(Math.round(cpu1 - cpu0))
      if (v !== 'probe-reused') await rm(out, { recursive: true, force: true })
      log(`build cost: ${v} ${(r.ms / 1000).toFixed(1)} s wall, ${((cpu[v].at(-1) ?? NaN) / 1000).toFixed(1)} s CPU`)
    }
  }
  const medianMs = { plain: median(ms.plain), probe: median(ms.probe), 'probe-reused': median(ms['probe-reused']) }
  const medianCpuMs = { plain: median(cpu.plain), probe: median(cpu.probe), 'probe-reused': median(cpu['probe-reused']) }
  return { runs: BUILD_RUNS, ms, medianMs, cpuMs: cpu, medianCpuMs, addedMs: medianMs.probe - medianMs.plain, binaries }
}

// ---------------------------------------------------------------------------------------------------------

function fmtMs(n: number): string {
  return Number.isFinite(n) ? n.toFixed(0) : '-'
}
function fmtSigned(n: number): string {
  return Number.isFinite(n) ? (n >= 0 ? '+' : '') + n.toFixed(0) : '-'
}

async function main(): Promise<void> {
  const expectations = JSON.parse(await readFile(join(here, '..', 'fixtures', 'leaks', 'expectations.json'), 'utf8')) as { module: string; validated: unknown; packages: ExpectedPackage[] }
  const expected = expectations.packages
  const tc = await probeToolchain(runProcess)
  const tick = await runProcess({ argv: ['getconf', 'CLK_TCK'], cwd: here, timeoutMs: 10_000 })
  if (tick.code === 0 && Number(tick.stdout.trim()) > 0) CLK_TCK = Number(tick.stdout.trim())
  const load0 = loadavg()
  log(`${tc.goVersion} ${tc.goos}/${tc.goarch}, GOMAXPROCS ${tc.gomaxprocs}, load ${load0.map((x) => x.toFixed(2)).join(' ')}`)
  const root = await mkdtemp(join(tmpdir(), 'glg-bench-leaks-'))
  const work = join(root, 'work')
  await mkdir(work, { recursive: true })
  try {
    const repo = await makeFixtureRepo(runProcess, 'leaks', join(root, 'head'))
    const baseDir = join(root, 'base')
    await git(repo.dir, ['worktree', 'add', '--quiet', '--detach', baseDir, repo.baseSha])
    const module = await readModule(runProcess, tc, repo.dir)
    const sides = {} as Record<Side, SideSetup>
    for (const [side, dir] of [['base', baseDir], ['head', repo.dir]] as [Side, string][]) {
      const r = await buildSide(tc, side, dir, join(root, `bin-${side}`), true)
      sides[side] = { side, dir, pkgs: r.pkgs, built: r.built, buildMs: r.ms }
      const failed = r.built.filter((b) => !b.build.ok || !b.probe)
      log(`[${side}] built ${r.built.length} test binaries with -race and the probe in ${(r.ms / 1000).toFixed(1)} s${failed.length ? `; FAILED: ${failed.map((b) => b.pkg.relDir).join(', ')}` : ''}`)
    }
    const listed = new Set(sides.head.pkgs.map((p) => p.importPath))
    const missing = expected.filter((p) => !listed.has(p.importPath))
    if (missing.length) throw new Error(`expected packages not listed: ${missing.map((p) => p.dir).join(', ')}`)

    const result: Record<string, unknown> = {
      when: new Date().toISOString(),
      toolchain: tc,
      loadavgStart: load0,
      settings: {
        runs: RUNS,
        deadlockRuns: DEADLOCK_RUNS,
        costRuns: COST_RUNS,
        buildRuns: BUILD_RUNS,
        settleMs: SETTLE_MS,
        timeoutMs: TIMEOUT_MS,
        run: RUN_PATTERN,
        raceBenchtimes: RACE_BENCHTIMES,
        goexperiment: leakProfileEnv(tc)?.GOEXPERIMENT ?? null
      },
      setupBuildMs: { base: Math.round(sides.base.buildMs), head: Math.round(sides.head.buildMs) }
    }
    const out: string[] = []
    out.push(`go-leak-gate test pass on fixtures/leaks — ${tc.goVersion} ${tc.goos}/${tc.goarch}, ${tc.numCPU} CPUs, GOMAXPROCS ${tc.gomaxprocs}, GOEXPERIMENT=${leakProfileEnv(tc)?.GOEXPERIMENT ?? '(none)'}`)
    out.push(`first builds (-race, probe, every package): base ${(sides.base.buildMs / 1000).toFixed(1)} s, head ${(sides.head.buildMs / 1000).toFixed(1)} s`)

    if (ONLY.has('detect')) {
      const started = performance.now()
      const cells = await detection(sides, expected, module.path, work)
      const ms = performance.now() - started
      result.detection = { elapsedMs: Math.round(ms), cells }
      out.push('')
      out.push(`1. Detection over repeated runs: ${RUNS} runs per package and side (deadlock and benchhang: ${DEADLOCK_RUNS}, each head run waits out 10 s), base and head alternating; ${(ms / 1000).toFixed(0)} s`)
      out.push(`   argv: PKG.test -test.v -test.run=${RUN_PATTERN} -test.count=1 -test.timeout=10s, env GO_LEAK_GATE_PROBE=<file> GO_LEAK_GATE_SETTLE=${SETTLE_MS}ms GORACE=atexit_sleep_ms=0;`)
      out.push(`   race bench rows: PKG.test -test.run=^$ -test.bench=. -test.benchtime=N -test.v -test.timeout=10s, no probe (${DEFAULT_TESTS.raceBenchtime} is the gate's default raceBenchtime, 100x the expectations' flags)`)
      const rows = cells.map((c) => {
        const flips = Object.keys(c.signatures).length
        const prof =
          c.profileExpected === null ? '-' : `${c.confirmedRuns}/${c.leakExpected} (want ${c.profileExpected ? 'yes' : 'no'})`
        return [
          c.pkg,
          c.side,
          c.label,
          c.expected,
          String(c.runs),
          `${c.detected}/${c.runs}`,
          `${c.falsePositiveRuns}/${c.runs}`,
          `${c.anomalyRuns}`,
          prof,
          flips === 1 ? 'stable' : `${flips} outcomes`,
          fmtMs(median(c.wallMs))
        ]
      })
      out.push(
        table(['package', 'side', 'run', 'expected finding', 'runs', 'detected', 'false pos.', 'other', 'goroutineleak confirmed', 'runs agree', 'median ms'], rows, new Set([4, 5, 6, 7, 10]))
      )
      const leakCells = cells.filter((c) => c.expected !== 'nothing')
      const det = leakCells.reduce((a, c) => [a[0] + c.detected, a[1] + c.runs], [0, 0])
      const fpBase = cells.filter((c) => c.side === 'base').reduce((a, c) => [a[0] + c.falsePositiveRuns, a[1] + c.runs], [0, 0])
      const fpAll = cells.reduce((a, c) => [a[0] + c.falsePositiveRuns, a[1] + c.runs], [0, 0])
      out.push('')
      out.push(`   detected exactly: ${det[0]}/${det[1]} runs with an expected finding (${((100 * det[0]) / Math.max(1, det[1])).toFixed(1)}%)`)
      out.push(`   false positives: base ${fpBase[0]}/${fpBase[1]} runs, all runs ${fpAll[0]}/${fpAll[1]}`)
      const notes: string[] = []
      for (const c of cells) {
        const id = `${c.pkg} ${c.side} ${c.label}`
        for (const [k, n] of Object.entries(c.missedExamples)) notes.push(`   MISSED   ${id}: ${k} (${n}/${c.runs} runs)`)
        for (const [k, n] of Object.entries(c.unexpectedExamples)) notes.push(`   UNEXPECTED ${id}: ${k} (${n}/${c.runs} runs)`)
        for (const [k, n] of Object.entries(c.anomalyExamples)) notes.push(`   OTHER    ${id}: ${k} (${n}/${c.runs} runs)`)
        if (Object.keys(c.signatures).length > 1) {
          notes.push(`   FLIP     ${id}: ${Object.keys(c.signatures).length} different outcomes over ${c.runs} runs:`)
          for (const [s, n] of Object.entries(c.signatures)) notes.push(`              ${n}x  ${s.length > 400 ? s.slice(0, 400) + '…' : s}`)
        }
      }
      out.push(notes.length ? notes.join('\n') : '   every run of every package and side showed the same thing as the others, and exactly what expectations.json lists')
      out.push(`   settle time the probe waited (median of runs): ` + cells.filter((c) => c.settledMs.length).map((c) => `${c.pkg}/${c.side} ${median(c.settledMs).toFixed(0)}`).join(', ') + ' ms')
    }

    if (ONLY.has('cost')) {
      const started = performance.now()
      const noProbe = await buildSide(tc, 'base', sides.base.dir, join(root, 'bin-base-noprobe'), false)
      log(`[base] built ${noProbe.built.length} test binaries without the probe in ${(noProbe.ms / 1000).toFixed(1)} s`)
      const rows = await cost(sides.base, noProbe.built, expected, work)
      const ms = performance.now() - started
      result.cost = { elapsedMs: Math.round(ms), noProbeFirstBuildMs: Math.round(noProbe.ms), rows }
      out.push('')
      out.push(`2. What the probe costs a package's test run (base side, fixed packages): ${COST_RUNS} runs per variant, the three alternating; wall ms of the test binary, median`)
      out.push(`   active = probe built in and GO_LEAK_GATE_PROBE set (settle ${SETTLE_MS}ms); inactive = built in, GO_LEAK_GATE_PROBE unset; none = built without the overlay`)
      const fmtRow = (r: CostRow) => [
        r.pkg,
        fmtMs(r.medianMs.none),
        fmtMs(r.medianMs.inactive),
        fmtMs(r.medianMs.active),
        fmtSigned(r.inactiveCostMs),
        fmtSigned(r.activeCostMs),
        fmtSigned(r.totalCostMs),
        r.settledMsMedian.toFixed(1),
        String(r.goroutinesLeftMedian)
      ]
      const hdr = ['package', 'none', 'inactive', 'active', 'inactive-none', 'active-inactive', 'active-none', 'probe settled ms', 'goroutines at dump']
      const regular = rows.filter((r) => r.pkg !== 'background')
      const bg = rows.filter((r) => r.pkg === 'background')
      out.push(table(hdr, regular.map(fmtRow), new Set([1, 2, 3, 4, 5, 6, 7, 8])))
      const sum = (f: (r: CostRow) => number) => regular.reduce((a, r) => a + f(r), 0)
      out.push(
        `   ${regular.length} packages that leave no goroutine: median added per package ${fmtSigned(median(regular.map((r) => r.totalCostMs)))} ms (probe active vs none), ` +
          `${fmtSigned(median(regular.map((r) => r.activeCostMs)))} ms active vs inactive, ${fmtSigned(median(regular.map((r) => r.inactiveCostMs)))} ms inactive vs none; ` +
          `summed over the packages ${fmtSigned(sum((r) => r.totalCostMs))} ms on ${fmtMs(sum((r) => r.medianMs.none))} ms`
      )
      out.push('')
      out.push('   background keeps its janitor goroutine (sleeping) for the whole process, so the probe waits out the full settle time:')
      out.push(table(hdr, bg.map(fmtRow), new Set([1, 2, 3, 4, 5, 6, 7, 8])))
    }

    if (ONLY.has('build')) {
      const started = performance.now()
      const b = await buildCost(tc, sides.base, root)
      result.build = { elapsedMs: Math.round(performance.now() - started), ...b }
      out.push('')
      out.push(
        `3. Build cost of the overlay: all ${b.binaries} base packages, -race -trimpath, GOEXPERIMENT as the test pass sets it on both variants, warm cache, fresh output directory each time, ${b.runs} builds each, alternating`
      )
      const rowOf = (label: string, v: BuildVariant): string[] => [
        label,
        b.ms[v].join(', '),
        fmtMs(b.medianMs[v]),
        v === 'plain' ? '' : fmtSigned(b.medianMs[v] - b.medianMs.plain),
        b.cpuMs[v].join(', '),
        fmtMs(b.medianCpuMs[v]),
        v === 'plain' ? '' : fmtSigned(b.medianCpuMs[v] - b.medianCpuMs.plain)
      ]
      out.push(
        table(
          ['variant', 'wall ms', 'median', 'vs without', 'CPU ms (go + children)', 'median', 'vs without'],
          [
            rowOf('without probe', 'plain'),
            rowOf('with probe (-overlay), fresh dir: what the gate does', 'probe'),
            rowOf('with probe, overlay files at the same paths as before', 'probe-reused')
          ],
          new Set([2, 3, 5, 6])
        )
      )
      out.push(
        `   added by the overlay: ${fmtSigned(b.addedMs)} ms wall (${((100 * b.addedMs) / b.medianMs.plain).toFixed(0)}%), ` +
          `${fmtSigned(b.medianCpuMs.probe - b.medianCpuMs.plain)} ms CPU (${((100 * (b.medianCpuMs.probe - b.medianCpuMs.plain)) / b.medianCpuMs.plain).toFixed(0)}%) per side`
      )
    }

    const load1 = loadavg()
    result.loadavgEnd = load1
    result.elapsedMs = Math.round(performance.now() - t0)
    out.push('')
    out.push(`load average at start ${load0.map((x) => x.toFixed(2)).join(' ')}, at end ${load1.map((x) => x.toFixed(2)).join(' ')}; total ${((performance.now() - t0) / 1000).toFixed(0)} s`)
    await mkdir(dirname(OUT), { recursive: true })
    await writeFile(OUT, JSON.stringify(result, null, 2) + '\n')
    out.push(`JSON: ${OUT}`)
    process.stdout.write(out.join('\n') + '\n')
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/leaks: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exitCode = 1
})
