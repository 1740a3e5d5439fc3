import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestConfig } from '../config/types.js'
import { buildTestBinaries, type BuiltPackage } from '../go/build.js'
import { listTestPackages, readModule } from '../go/packages.js'
import { parseProbeOutput, probeEnv } from '../go/probe-env.js'
import type { ProcessResult } from '../go/process.js'
import type { Toolchain } from '../go/toolchain.js'
import type { LeakGroup, PanicReport, RunError, TestPackageResult, TestRun } from '../model/result.js'
import { parseTestVerbose, type TestVerbose } from '../parse/testv.js'
import { scratchDir } from '../scratch.js'
import type { Shard } from '../config/types.js'
import type { JobDeps } from './deps.js'
import { hangFrom, leakGroups, panicsFrom, racesIn } from './observations.js'
import { PANIC_ON_EXIT0 } from './bench/process.js'
import { raceRunOfBenchmarks, type HungBenchmark } from './race-benchmarks.js'
import { stressStage, type StressSelection } from './stress.js'

export interface TestSideSpec {
  label: string
  moduleDir: string
  packages: string[]
  /** Run the stress stage after the normal pass (when its budget is not 0). */
  stress?: StressSelection
  /** The matrix job's part of the packages (config run.shard). */
  shard?: Shard
}

export interface TestPassResult {
  tests: TestPackageResult[]
  errors: RunError[]
  /** Benchmarks that hung in the -race run: the benchmark job does not wait for them again. */
  hung: HungBenchmark[]
  /** The stress stage's share per package (import path), for the other side to use the same. */
  stressShares?: Record<string, number>
}

export interface TestPassLimits {
  /** The benchmark timeout: -test.timeout does not cover benchmarks, so it bounds their -race run. */
  benchTimeoutMs: number
}

interface ProbeDump {
  goroutines: string
  leakProfile: string | null
}

async function readProbeDump(path: string): Promise<ProbeDump | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  await rm(path, { force: true })
  const p = text === undefined ? undefined : parseProbeOutput(text)
  if (p?.goroutines === undefined) return undefined
  return { goroutines: p.goroutines, leakProfile: p.leakProfile ?? null }
}

export function seconds(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`
}

export interface BinaryRun {
  process: ProcessResult
  record: TestRun
  probe?: ProbeDump
}

let runCounter = 0

/**
 * The race runtime sleeps a second before every exit (atexit_sleep_ms=1000) to let reports flush; our
 * output is read after the process is gone, so that second is pure waiting, even for -test.list.
 */
function raceEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GORACE: [process.env.GORACE, 'atexit_sleep_ms=0'].filter(Boolean).join(' ') }
}

/**
 * Runs a test binary with stdout and stderr merged in order, and the probe on when the binary has it.
 * `benchTimeoutMs` bounds a run of benchmarks, which -test.timeout does not cover.
 */
export async function runBinary(
  deps: JobDeps,
  cfg: TestConfig,
  built: BuiltPackage,
  args: string[],
  purpose: TestRun['purpose'],
  work: string,
  benchTimeoutMs?: number,
  extraEnv: Record<string, string> = {}
): Promise<BinaryRun> {
  const id = runCounter++
  const probePath = join(work, `probe-${id}.json`)
  // The race pass over benchmarks looks for races only: no probe, so no settle wait either.
  const probe = built.probe && purpose !== 'race-benchmarks'
  const env: NodeJS.ProcessEnv = { ...raceEnv(), ...extraEnv, ...(probe ? probeEnv({ file: probePath, settleMs: cfg.settleMs, rules: cfg.ignore }) : {}) }
  const argv = [built.binary ?? '', ...args, `-test.timeout=${seconds(cfg.timeoutMs)}`, PANIC_ON_EXIT0]
  // -test.timeout panics with a goroutine dump; our SIGQUIT later is a backstop for a binary that ignores it.
  const p = await deps.run({
    argv,
    cwd: built.pkg.dir,
    env,
    timeoutMs: benchTimeoutMs ?? cfg.timeoutMs + 30_000,
    quitGraceMs: 5_000,
    mergedOutputFile: join(work, `out-${id}.txt`)
  })
  await rm(join(work, `out-${id}.txt`), { force: true })
  const timedOut = p.timedOut || /^panic: test timed out after/m.test(p.stdout)
  const crashed = !timedOut && (p.signal !== null || /^(panic|fatal error): /m.test(p.stdout))
  const record: TestRun = {
    purpose,
    command: ['./' + (built.binary?.split('/').pop() ?? 'pkg.test'), ...argv.slice(1)],
    outcome: timedOut ? 'timeout' : crashed ? 'crash' : p.code === 0 ? 'pass' : 'fail',
    exitCode: p.code,
    wallMs: Math.round(p.wallMs)
  }
  return { process: p, record, probe: probe ? await readProbeDump(probePath) : undefined }
}

/**
 * A test binary that stopped in the middle of a test with a non-zero code and nothing that explains it (no
 * panic, no timeout, no signal): os.Exit, or log.Fatal, which calls it, in the code under test. It ends the
 * binary like a panic does, and the tests after it never run. No stack: os.Exit prints none.
 */
function exitInTest(run: TestRun, verbose: TestVerbose): PanicReport | undefined {
  const code = run.exitCode
  if (run.outcome !== 'fail' || code === null || code === 0 || verbose.crashes.length > 0 || verbose.unfinished === undefined) return undefined
  const { test, lastLine } = verbose.unfinished
  return {
    test,
    value: `os.Exit(${code}) during the test: the test binary exited without a panic (os.Exit, or log.Fatal, which calls it), so the tests after it did not run`,
    frames: [],
    ...(lastLine !== undefined ? { output: lastLine } : {})
  }
}

/** Re-runs the package's tests one at a time, within the time bound, to name the tests that leak. */
async function narrowLeaks(deps: JobDeps, cfg: TestConfig, built: BuiltPackage, leaks: LeakGroup[], modulePath: string, work: string, result: TestPackageResult): Promise<void> {
  const list = await deps.run({ argv: [built.binary ?? '', `-test.list=${cfg.run}`], cwd: built.pkg.dir, env: raceEnv(), timeoutMs: 60_000 })
  const tests = list.stdout.split('\n').map((l) => l.trim()).filter((l) => /^Test/.test(l))
  const started = performance.now()
  let ran = 0
  for (const t of tests) {
    if (performance.now() - started > cfg.narrowBudgetMs) break
    const r = await runBinary(deps, cfg, built, ['-test.v', `-test.run=^${t}$`, '-test.count=1'], 'narrow', work)
    result.runs.push(r.record)
    ran++
    if (!r.probe) continue
    const found = new Set(leakGroups(r.probe.goroutines, r.probe.leakProfile, modulePath, cfg.ignore).map((g) => g.looseKey))
    for (const g of leaks) if (found.has(g.looseKey) && !g.tests.includes(t)) g.tests.push(t)
  }
  result.narrowing = { ran, of: tests.length, cut: ran < tests.length }
}

async function testPackage(
  deps: JobDeps,
  cfg: TestConfig,
  built: BuiltPackage,
  modulePath: string,
  work: string,
  limits: TestPassLimits,
  hung: HungBenchmark[]
): Promise<TestPackageResult> {
  const result: TestPackageResult = {
    importPath: built.pkg.importPath,
    dir: built.pkg.relDir,
    build: built.build,
    probe: built.probe,
    runs: [],
    tests: [],
    races: [],
    leaks: [],
    panics: []
  }
  if (!built.binary) return result
  const whole = await runBinary(deps, cfg, built, ['-test.v', `-test.run=${cfg.run}`, '-test.count=1'], 'tests', work)
  result.runs.push(whole.record)
  const text = whole.process.stdout
  const verbose = parseTestVerbose(text)
  result.tests = verbose.tests
  const exited = exitInTest(whole.record, verbose)
  result.panics = [...panicsFrom(verbose.crashes, modulePath), ...(exited ? [exited] : [])]
  result.races = racesIn(text, 'test', modulePath)
  if (whole.record.outcome === 'timeout') {
    const message = verbose.timeout?.message ?? `the package's tests did not finish within ${seconds(cfg.timeoutMs)}`
    result.hang = hangFrom(text, modulePath, verbose.timeout?.running ?? [], message)
  } else if (whole.probe) {
    result.leaks = leakGroups(whole.probe.goroutines, whole.probe.leakProfile, modulePath, cfg.ignore)
  } else if (built.probe) {
    // os.Exit in a test, a fatal error or a signal ended the binary before the probe could look.
    result.probeMissing = `the test binary ended (${whole.record.outcome}, exit code ${whole.record.exitCode ?? 'none'}) before the probe ran: goroutine leaks unknown`
  }

  if (cfg.race && cfg.raceBenchtime !== '') {
    const bench = await raceRunOfBenchmarks(
      built.pkg.importPath,
      modulePath,
      limits.benchTimeoutMs,
      () => deps.run({ argv: [built.binary ?? '', '-test.list=^Benchmark'], cwd: built.pkg.dir, env: raceEnv(), timeoutMs: Math.min(60_000, limits.benchTimeoutMs) }),
      (args) => runBinary(deps, cfg, built, [...args, `-test.benchtime=${cfg.raceBenchtime}`, '-test.v'], 'race-benchmarks', work, limits.benchTimeoutMs)
    )
    result.runs.push(...bench.runs)
    result.races.push(...bench.races)
    hung.push(...bench.hung)
  }

  if (result.leaks.length > 0 && cfg.narrowBudgetMs > 0) {
    await narrowLeaks(deps, cfg, built, result.leaks, modulePath, work, result)
  }
  return result
}

/**
 * The goroutineleak profile (the runtime proves a blocked goroutine unreachable) is an experiment in
 * Go 1.26 that must be switched on when the test binary is built, and on by default from Go 1.27.
 * Only the test pass uses it: benchmark binaries keep the runtime users ship.
 */
export function leakProfileEnv(tc: Toolchain): Record<string, string> | undefined {
  if (tc.minor !== 26) return undefined
  const current = process.env.GOEXPERIMENT
  return { GOEXPERIMENT: current ? `${current},goroutineleakprofile` : 'goroutineleakprofile' }
}

/** The test pass of one side: every package with tests, under -race, with the leak probe. */
export async function runTestPass(deps: JobDeps, cfg: TestConfig, side: TestSideSpec, limits: TestPassLimits = { benchTimeoutMs: cfg.timeoutMs }): Promise<TestPassResult> {
  const module = await readModule(deps.run, deps.toolchain, side.moduleDir)
  const scratch = await scratchDir(`test-${side.label}`)
  const work = scratch.path
  const errors: RunError[] = []
  const hung: HungBenchmark[] = []
  try {
    const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, side.packages, 'tests', side.shard)
    deps.log(`[${side.label}] building ${pkgs.length} test binaries${cfg.race ? ' with -race' : ''}`)
    let env = leakProfileEnv(deps.toolchain)
    let built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, 'bin'), { race: cfg.race, probe: true, env })
    if (env && built.every((b) => !b.build.ok) && built.length > 0) {
      // A toolchain that refuses the experiment: build as usual, the probe's dump still finds leaks.
      env = undefined
      built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, join(work, 'bin-plain'), { race: cfg.race, probe: true })
    }
    const tests: TestPackageResult[] = []
    for (const b of built) {
      if (!b.build.ok) {
        errors.push({ kind: 'build', subject: b.pkg.importPath, message: `package ${b.pkg.importPath} does not build for the test pass`, detail: b.build.error })
      } else if (b.probeError) {
        errors.push({ kind: 'probe', subject: b.pkg.importPath, message: `tested without go-leak-gate's probe: goroutine leaks cannot be checked here`, detail: b.probeError })
      }
      deps.log(`[${side.label}] testing ${b.pkg.importPath}`)
      const t = await testPackage(deps, cfg, b, module.path, work, limits, hung)
      if (t.probeMissing) errors.push({ kind: 'probe', subject: b.pkg.importPath, message: t.probeMissing })
      tests.push(t)
    }
    if (side.stress === undefined || cfg.stress.budgetMs <= 0) return { tests, errors, hung }
    const stressInput = { label: side.label, moduleDir: module.dir, modulePath: module.path, built, results: tests, selection: side.stress, binDir: join(work, 'bin-stress'), buildEnv: env }
    const stressShares = await stressStage(deps, cfg, stressInput, (b, args, o) => runBinary(deps, { ...cfg, timeoutMs: o.timeoutMs, ignore: o.ignore }, b, args, 'stress', work, undefined, o.env))
    return { tests, errors, hung, stressShares }
  } finally {
    await scratch.remove()
  }
}
