// The stress stage measured on fixtures/stress: how often one normal test run finds each rare bug against the
// stress stage with the default budget, false positives on the fixed twins, which knobs raise the chance of
// a bug per repetition, and the time the stage adds to the gate on the demo and on the fixture.
//
//   npm run bench:stress
//
// Settings (environment):
//   BENCH_STRESS_RUNS        runs of each bug (head) and of each twin (base), normal and stressed (20)
//   BENCH_STRESS_TWIN_RUNS   stressed runs of the twins, which spend their whole share every time (BENCH_STRESS_RUNS)
//   BENCH_STRESS_KNOB_RUNS   single-repetition processes per knob setting and package (20)
//   BENCH_STRESS_ONLY        comma list of detect, knobs, time (all)
//
// Binaries are built once per side with the gate's code (buildTestBinaries: race and plain, with the probe);
// a normal run is runBinary as the test pass runs it, a stressed run is stressPackage with the share the
// default budget gives each of the fixture's five packages. Table on stdout, progress on stderr, all in
// bench/out/stress.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TESTS } from '../src/config/defaults.js'
import type { TestConfig } from '../src/config/types.js'
import { makeFixtureRepo } from '../src/fixture-repo.js'
import { changedFiles } from '../src/git/source-diff.js'
import { buildTestBinaries, type BuiltPackage } from '../src/go/build.js'
import { listTestPackages, readModule } from '../src/go/packages.js'
import { runProcess } from '../src/go/process.js'
import { probeToolchain } from '../src/go/toolchain.js'
import type { JobDeps } from '../src/jobs/deps.js'
import { hangFrom, leakGroups, panicsFrom, racesIn } from '../src/jobs/observations.js'
import { STRESS_CPUS, stressShares } from '../src/jobs/stress-plan.js'
import { parseTestVerbose } from '../src/parse/testv.js'
import { intEnv } from './env.js'
import { stressPackage, type StressBinaryRun } from '../src/jobs/stress.js'
import { leakProfileEnv, runBinary, runTestPass } from '../src/jobs/test.js'
import type { HangReport, LeakGroup, PanicReport, RaceFinding, TestPackageResult } from '../src/model/result.js'

const here = dirname(fileURLToPath(import.meta.url))
const OUT = join(here, 'out', 'stress.json')

const RUNS = intEnv('BENCH_STRESS_RUNS', 20)
const TWIN_RUNS = intEnv('BENCH_STRESS_TWIN_RUNS', RUNS)
const KNOB_RUNS = intEnv('BENCH_STRESS_KNOB_RUNS', 20)
const ONLY = new Set((process.env.BENCH_STRESS_ONLY ?? 'detect,knobs,time').split(',').map((s) => s.trim()))
const BUGS = ['selecttimeout', 'lockorder', 'wgafter', 'ctxsend', 'lastseen', 'quote', 'status'] as const
const log = (l: string): void => void process.stderr.write(`${l}\n`)

interface Site {
  /** A leak's or hang's wait state; a race's other site; a panic's value. */
  state: string
  /** A leak's or hang's blocking site; a race's first site; a panic's line. */
  blocking: string
}
// The bug each package must show, from fixtures/stress/expectations.json.
const EXPECTED: Record<string, Site & { kind: 'leak' | 'hang' | 'race' | 'panic' }> = {
  selecttimeout: { kind: 'leak', state: 'chan send', blocking: 'selecttimeout/lookup.go:17' },
  lockorder: { kind: 'hang', state: 'sync.Mutex.Lock', blocking: 'lockorder/bank.go:30' },
  wgafter: { kind: 'leak', state: 'chan send', blocking: 'wgafter/collect.go:16' },
  ctxsend: { kind: 'leak', state: 'chan send', blocking: 'ctxsend/stream.go:16' },
  legacy: { kind: 'leak', state: 'chan send', blocking: 'legacy/ping.go:10' },
  lastseen: { kind: 'race', state: 'lastseen/poll.go:23', blocking: 'lastseen/poll.go:15' },
  quote: { kind: 'panic', state: 'runtime error: invalid memory address or nil pointer dereference', blocking: 'quote/price.go:41' },
  // Selected as a dependent: it only imports selecttimeout, whose leak its test shows.
  status: { kind: 'leak', state: 'chan send', blocking: 'selecttimeout/lookup.go:17' }
}
/** The packages the fixture's diff touches: all but the dependent. */
const CHANGED = Object.keys(EXPECTED).filter((d) => d !== 'status')
const site = (f: { file: string; line: number } | undefined): string => (f ? `${f.file}:${f.line}` : '?')

interface Seen {
  leaks: LeakGroup[]
  hang?: HangReport
  races: RaceFinding[]
  panics: PanicReport[]
}

/** Whether a run showed its package's bug (at the right sites), or anything else (a false positive on a twin). */
function judge(dir: string, seen: Seen): { bug: boolean; other: boolean } {
  const e = EXPECTED[dir]
  const isBug = (s: string, b: string): boolean => s === e.state && b === e.blocking
  const moduleSite = (fs: RaceFinding['access']['frames']): string => site(fs.find((f) => f.function.startsWith('example.com/')))
  const raceIsBug = (r: RaceFinding): boolean => [moduleSite(r.access.frames), moduleSite(r.previous.frames)].sort().join(' ') === [e.state, e.blocking].sort().join(' ')
  const panicIsBug = (p: PanicReport): boolean => p.value.startsWith(e.state) && p.frames.some((f) => site(f) === e.blocking)
  const leakIsBug = (g: LeakGroup): boolean => e.kind === 'leak' && isBug(g.state, site(g.blocking))
  const hangIsBug = e.kind === 'hang' && (seen.hang?.groups.some((g) => isBug(g.state, site(g.blocking))) ?? false)
  const bug = { leak: seen.leaks.some(leakIsBug), hang: hangIsBug, race: e.kind === 'race' && seen.races.some(raceIsBug), panic: e.kind === 'panic' && seen.panics.some(panicIsBug) }[e.kind]
  const other =
    seen.leaks.some((g) => !leakIsBug(g)) ||
    (seen.hang !== undefined && !hangIsBug) ||
    seen.races.some((r) => e.kind !== 'race' || !raceIsBug(r)) ||
    seen.panics.some((p) => e.kind !== 'panic' || !panicIsBug(p))
  return { bug, other }
}

/** What one process of the package's test binary showed, read as the test pass reads it. */
function seenIn(text: string, timedOut: boolean, probe: { goroutines: string; leakProfile: string | null } | undefined, modulePath: string, cfg: TestConfig): Seen {
  const races = racesIn(text, 'test', modulePath)
  const panics = panicsFrom(parseTestVerbose(text).crashes, modulePath)
  if (timedOut) return { leaks: [], hang: hangFrom(text, modulePath, [], 'timeout'), races, panics: [] }
  return { leaks: probe ? leakGroups(probe.goroutines, probe.leakProfile, modulePath, cfg.ignore) : [], races, panics }
}

interface Side {
  label: 'base' | 'head'
  modulePath: string
  race: Map<string, BuiltPackage>
  plain: Map<string, BuiltPackage>
}

async function buildSide(deps: JobDeps, label: Side['label'], moduleDir: string, work: string): Promise<Side> {
  const module = await readModule(deps.run, deps.toolchain, moduleDir)
  const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, ['./...'], 'tests')
  const env = leakProfileEnv(deps.toolchain)
  const byDir = (b: BuiltPackage[]) => new Map(b.filter((x) => x.binary).map((x) => [x.pkg.relDir, x]))
  const race = byDir(await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, label, 'race'), { race: true, probe: true, env }))
  const plain = byDir(await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, label, 'plain'), { race: false, probe: true, env }))
  return { label, modulePath: module.path, race, plain }
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`${what} missing`)
  return v
}

/** One normal run of the package: the test pass's process, as src/jobs/test.ts runs it. */
async function normalRun(deps: JobDeps, cfg: TestConfig, built: BuiltPackage, modulePath: string, work: string): Promise<Seen> {
  const r = await runBinary(deps, cfg, built, ['-test.v', `-test.run=${cfg.run}`, '-test.count=1'], 'tests', work)
  return seenIn(r.process.stdout, r.record.outcome === 'timeout', r.probe, modulePath, cfg)
}

function stressRunner(deps: JobDeps, cfg: TestConfig, work: string): StressBinaryRun {
  return (b, args, o) => runBinary(deps, { ...cfg, timeoutMs: o.timeoutMs, ignore: o.ignore }, b, args, 'stress', work, undefined, o.env)
}

function emptyResult(dir: string, wallMs: number): TestPackageResult {
  return { importPath: dir, dir, build: { ok: true, command: [] }, probe: true, runs: [{ purpose: 'tests', command: [], outcome: 'pass', exitCode: 0, wallMs }], tests: [], races: [], leaks: [], panics: [] }
}

interface DetectRow {
  pkg: string
  side: string
  normal: { found: number; other: number; runs: number }
  stressed: { found: number; other: number; runs: number; repetitions: number[]; wallMs: number[]; foundAt: number[] }
}

async function detect(deps: JobDeps, cfg: TestConfig, sides: Side[], work: string): Promise<DetectRow[]> {
  // The shares the stage gives the fixture: seven changed packages and one dependent.
  const { shares } = stressShares(DEFAULT_TESTS.stress.budgetMs, CHANGED, new Map([['status', { reason: 'dependent', via: ['selecttimeout'], depth: 1 }]]))
  const rows: DetectRow[] = []
  for (const side of sides) {
    for (const dir of Object.keys(EXPECTED)) {
      const runs = side.label === 'base' && dir !== 'legacy' ? TWIN_RUNS : RUNS
      const row: DetectRow = { pkg: dir, side: side.label, normal: { found: 0, other: 0, runs }, stressed: { found: 0, other: 0, runs, repetitions: [], wallMs: [], foundAt: [] } }
      const race = must(side.race.get(dir), `${side.label} ${dir} race binary`)
      const plain = side.plain.get(dir)
      for (let i = 0; i < runs; i++) {
        const n = await normalRun(deps, cfg, race, side.modulePath, work)
        const nj = judge(dir, n)
        row.normal.found += Number(nj.bug)
        row.normal.other += Number(nj.other)
        // The normal pass found nothing here (as in the runs where stress matters): stress on its own.
        const t0 = performance.now()
        const s = await stressPackage(stressRunner(deps, cfg, work), cfg, { binaries: { race, ...(plain ? { plain } : {}) }, result: emptyResult(dir, 1_000) }, { shareMs: must(shares.get(dir), `${dir} share`), modulePath: side.modulePath })
        const sj = judge(dir, { leaks: s.leaks, hang: s.hang, races: s.races ?? [], panics: s.panics ?? [] })
        row.stressed.found += Number(sj.bug)
        row.stressed.other += Number(sj.other)
        row.stressed.repetitions.push(s.repetitions)
        row.stressed.wallMs.push(Math.round(performance.now() - t0))
        const at = s.hang?.found ?? s.leaks[0]?.found ?? s.races?.[0]?.found ?? s.panics?.[0]?.found
        if (at) row.stressed.foundAt.push(at.repetitionsBefore + at.count)
        log(`[${side.label}] ${dir} run ${i + 1}/${runs}: normal ${nj.bug ? 'found' : '-'}, stress ${sj.bug ? `found by repetition ${at ? at.repetitionsBefore + at.count : '?'}` : '-'}${sj.other || nj.other ? ' OTHER' : ''} (${s.repetitions} reps, ${s.wallMs} ms)`)
      }
      rows.push(row)
    }
  }
  return rows
}

interface KnobRow {
  pkg: string
  race: boolean
  cpu: number
  hits: number
  runs: number
}

/** The chance of each bug per repetition under each setting: single-repetition processes, nothing else varied. */
async function knobs(deps: JobDeps, cfg: TestConfig, head: Side, work: string): Promise<KnobRow[]> {
  const rows: KnobRow[] = []
  const quick = { ...cfg, settleMs: 100 }
  for (const dir of BUGS) {
    for (const race of [true, false]) {
      for (const cpu of STRESS_CPUS) {
        const built = must((race ? head.race : head.plain).get(dir), `${dir} binary`)
        let hits = 0
        for (let i = 0; i < KNOB_RUNS; i++) {
          const r = await runBinary(deps, { ...quick, timeoutMs: 3_000 }, built, ['-test.v', `-test.run=${cfg.run}`, '-test.count=1', `-test.cpu=${cpu}`], 'stress', work)
          hits += Number(judge(dir, seenIn(r.process.stdout, r.record.outcome === 'timeout', r.probe, head.modulePath, quick)).bug)
        }
        rows.push({ pkg: dir, race, cpu, hits, runs: KNOB_RUNS })
        log(`knob ${dir} ${race ? 'race' : 'plain'} cpu=${cpu}: ${hits}/${KNOB_RUNS}`)
      }
    }
  }
  return rows
}

/** Wall time of one side's test pass with and without the stress stage (the gate runs two sides). */
async function timeAdded(deps: JobDeps, fixture: string, work: string): Promise<{ fixture: string; side: string; withoutMs: number; withMs: number; stressed: number }[]> {
  const repo = await makeFixtureRepo(deps.run, fixture, join(work, `time-${fixture}`))
  const out = []
  const cfg = { ...DEFAULT_TESTS, raceBenchtime: '' }
  const files = await changedFiles(deps.run, repo.dir, repo.baseSha, 'worktree')
  for (const [side, off] of [['head', true], ['head', false]] as const) {
    const t0 = performance.now()
    const r = await runTestPass(deps, off ? { ...cfg, stress: { ...cfg.stress, budgetMs: 0 } } : cfg, { label: side, moduleDir: repo.dir, packages: ['./...'], stress: { changed: files } })
    const ms = Math.round(performance.now() - t0)
    out.push({ fixture, side, withoutMs: off ? ms : 0, withMs: off ? 0 : ms, stressed: r.tests.filter((t) => t.stress).length })
    log(`time ${fixture} ${off ? 'without' : 'with'} stress: ${ms} ms`)
  }
  return [{ fixture, side: 'head', withoutMs: out[0].withoutMs, withMs: out[1].withMs, stressed: out[1].stressed }]
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${n}/${d}`
}

async function main(): Promise<void> {
  const toolchain = await probeToolchain(runProcess)
  const deps: JobDeps = { run: runProcess, toolchain, log }
  const work = await mkdtemp(join(tmpdir(), 'glg-bench-stress-'))
  const started = new Date().toISOString()
  const load0 = loadavg()[0]
  try {
    const cfg: TestConfig = { ...DEFAULT_TESTS, timeoutMs: 10_000 }
    const out: Record<string, unknown> = { started, go: toolchain.goVersion, loadavgAtStart: load0, runs: RUNS, twinRuns: TWIN_RUNS, knobRuns: KNOB_RUNS }
    if (ONLY.has('detect') || ONLY.has('knobs')) {
      const repo = await makeFixtureRepo(runProcess, 'stress', join(work, 'repo'))
      await runProcess({ argv: ['git', 'worktree', 'add', '--quiet', '--detach', join(work, 'base-tree'), repo.baseSha], cwd: repo.dir, timeoutMs: 60_000 })
      const head = await buildSide(deps, 'head', repo.dir, work)
      const base = await buildSide(deps, 'base', join(work, 'base-tree'), work)
      if (ONLY.has('knobs')) out.knobs = await knobs(deps, cfg, head, work)
      if (ONLY.has('detect')) out.detect = await detect(deps, cfg, [head, base], work)
    }
    if (ONLY.has('time')) out.time = [...(await timeAdded(deps, 'demo', work)), ...(await timeAdded(deps, 'stress', work))]
    out.loadavgAtEnd = loadavg()[0]
    await mkdir(dirname(OUT), { recursive: true })
    await writeFile(OUT, JSON.stringify(out, null, 2))
    const lines: string[] = []
    for (const r of (out.detect as DetectRow[] | undefined) ?? []) {
      const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0)
      lines.push(`| ${r.side} | ${r.pkg} | ${pct(r.normal.found, r.normal.runs)} | ${pct(r.stressed.found, r.stressed.runs)} | ${r.normal.other + r.stressed.other} | ${med(r.stressed.repetitions)} | ${med(r.stressed.wallMs)} | ${med(r.stressed.foundAt) || '-'} |`)
    }
    if (lines.length) console.log(['| side | package | one normal run | stress, default budget | other findings | median repetitions | median ms | median repetition found |', '|---|---|---|---|---|---|---|---|', ...lines].join('\n'))
    for (const k of (out.knobs as KnobRow[] | undefined) ?? []) console.log(`knob ${k.pkg} ${k.race ? 'race' : 'plain'} cpu=${k.cpu}: ${k.hits}/${k.runs}`)
    for (const t of (out.time as { fixture: string; withoutMs: number; withMs: number; stressed: number }[] | undefined) ?? []) {
      console.log(`time ${t.fixture}: one side's test pass ${t.withoutMs} ms without stress, ${t.withMs} ms with (${t.stressed} packages stressed)`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
