import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunConfig } from '../config/types.js'
import { buildTestBinaries, type BuiltPackage } from '../go/build.js'
import { listTestPackages, readModule, type ModuleInfo } from '../go/packages.js'
import { describeExit, type Runner } from '../go/process.js'
import type { Toolchain } from '../go/toolchain.js'
import {
  RESULT_SCHEMA_VERSION,
  type BenchmarkResult,
  type BenchRun,
  type LeakGroup,
  type LiveSnapshot,
  type PackageResult,
  type RunError,
  type RunResult
} from '../model/result.js'
import { benchmarkPattern, parseBenchOutput } from '../parse/benchfmt.js'
import { leavesUnder, resultOf } from '../parse/bench-select.js'
import { parseGctrace, summarizeGc } from '../parse/gctrace.js'
import { decodeProfile, heapSites } from '../parse/pprof.js'
import { VERSION } from '../version.js'
import { splitBenchRegex } from '../go/benchregex.js'
import { leakGroups } from './observations.js'
import { benchEnv, calibrationBenchtime, failureFrom, failuresOf, leafIterations, stopAfter, tail, testTimeoutFlag } from './bench-process.js'

export interface SideSpec {
  label: string
  moduleDir: string
  /** Result directory: result.json and profiles/ go here. */
  outDir: string
  commit?: string
}

interface Leaf {
  name: string
  /**
   * Iterations every full run does (-test.benchtime=Nx), from the calibration run (see
   * calibrationBenchtime). Fixed N makes the work of a process known exactly (the ramp-up runs of a duration
   * benchtime are never printed), so heap and allocation profiles divide by the true op count.
   */
  iterations: number
  result: BenchmarkResult
  /** Set once the benchmark failed on this side: later rounds skip it. */
  failed: boolean
}

interface PreparedPackage {
  built: BuiltPackage
  leaves: Leaf[]
  /** Benchmarks that failed before any leaf could be named (a top-level that panicked in discovery). */
  topFailures: BenchmarkResult[]
}

export interface PreparedSide {
  spec: SideSpec
  module: ModuleInfo
  packages: PreparedPackage[]
  errors: RunError[]
  cpu: string
  startedAt: string
  binDir: string
}

export interface BenchDeps {
  run: Runner
  toolchain: Toolchain
  /** Progress lines for a human; the CLI prints them to stderr, the action to the log. */
  log: (line: string) => void
}

async function discoverLeaves(
  deps: BenchDeps,
  cfg: RunConfig,
  built: BuiltPackage,
  side: PreparedSide
): Promise<PreparedPackage> {
  const prepared: PreparedPackage = { built, leaves: [], topFailures: [] }
  const binary = built.binary
  if (!binary) return prepared
  const levels = splitBenchRegex(cfg.bench)
  const cwd = built.pkg.dir
  const list = await deps.run({ argv: [binary, `-test.list=${levels[0]}`], cwd, timeoutMs: 60_000 })
  if (list.code !== 0) {
    side.errors.push({
      kind: 'output',
      subject: built.pkg.importPath,
      message: `listing benchmarks failed (${describeExit(list)})`,
      detail: tail(list.stdout + list.stderr)
    })
    return prepared
  }
  const tops = list.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^Benchmark/.test(l))
  const calibration = calibrationBenchtime(cfg.benchtime)
  for (const top of tops) {
    // One process per top-level benchmark names its leaves (sub-benchmarks), so a panic in one top-level
    // cannot hide the others. With a duration benchtime this run also calibrates b.N for each leaf.
    const pattern = [benchmarkPattern(top), ...levels.slice(1)].join('/')
    const argv = [binary, '-test.run=^$', `-test.bench=${pattern}`, `-test.benchtime=${calibration.benchtime}`, '-test.count=1', testTimeoutFlag(cfg)]
    const r = await deps.run({ argv, cwd, env: benchEnv(deps.toolchain), ...stopAfter(cfg) })
    const out = parseBenchOutput(r.stdout, { procs: deps.toolchain.gomaxprocs })
    if (out.config.cpu && !side.cpu) side.cpu = out.config.cpu
    const found = leavesUnder(out, top)
    for (const line of found.results) {
      const iterations = leafIterations(cfg.benchtime, line.iterations)
      prepared.leaves.push({ name: line.name, iterations, failed: false, result: { name: line.name, procs: line.procs, runs: [] } })
    }
    for (const u of found.unreadable) {
      prepared.topFailures.push({ name: u.name, procs: deps.toolchain.gomaxprocs, runs: [], failure: { run: 0, message: u.message, output: tail(r.stdout) } })
    }
    const failed = r.code !== 0 || out.failures.length > 0
    if (failed) {
      // A panic on stderr is not always tied to a name (stdout held the half-printed result line).
      const failures = failuresOf(r, deps.toolchain.gomaxprocs)
      const named = failures.find((f) => f.name.startsWith(top)) ?? failures[0]
      const failure = failureFrom(r, cfg, 0, 'the benchmark failed while being listed', named?.message, side.module.path)
      const name = named?.name.startsWith(top) ? named.name : top
      const leaf = prepared.leaves.find((l) => l.name === name)
      if (leaf) {
        leaf.result.failure = failure
        leaf.failed = true
      } else {
        prepared.topFailures.push({ name, procs: deps.toolchain.gomaxprocs, runs: [], failure })
      }
    }
  }
  return prepared
}

export async function prepareSide(deps: BenchDeps, cfg: RunConfig, spec: SideSpec): Promise<PreparedSide> {
  const startedAt = new Date().toISOString()
  const module = await readModule(deps.run, deps.toolchain, spec.moduleDir)
  const binDir = await mkdtemp(join(tmpdir(), `glg-bin-${spec.label}-`))
  const side: PreparedSide = { spec, module, packages: [], errors: [], cpu: '', startedAt, binDir }
  deps.log(`[${spec.label}] listing packages with benchmarks in ${spec.moduleDir}`)
  const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, cfg.packages, 'benchmarks')
  deps.log(`[${spec.label}] building ${pkgs.length} test binaries`)
  const built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, binDir, { race: cfg.race, probe: true })
  for (const b of built) {
    if (b.probeError) {
      side.errors.push({
        kind: 'probe',
        subject: b.pkg.importPath,
        message: `measured without go-leak-gate's probe: the package does not build with it (live heap and goroutines unknown)`,
        detail: b.probeError
      })
    }
    if (!b.build.ok) {
      side.errors.push({
        kind: 'build',
        subject: b.pkg.importPath,
        message: `package ${b.pkg.importPath} does not build`,
        detail: b.build.error
      })
    }
    side.packages.push(await discoverLeaves(deps, cfg, b, side))
  }
  const leaves = side.packages.reduce((n, p) => n + p.leaves.length, 0)
  deps.log(`[${spec.label}] ${leaves} benchmarks in ${side.packages.length} packages`)
  return side
}

type RunKind = 'full' | 'small'

/** Goroutines a benchmark left behind: per signature, the most any small run left. */
function recordLeaks(result: BenchmarkResult, groups: LeakGroup[]): void {
  const known = new Map((result.leaks ?? []).map((g) => [g.looseKey, g]))
  for (const g of groups) {
    const seen = known.get(g.looseKey)
    if (!seen) known.set(g.looseKey, g)
    else if (g.count > seen.count) known.set(g.looseKey, { ...g, tests: seen.tests })
  }
  result.leaks = [...known.values()]
}

function profileFile(pkgIndex: number, leafName: string, run: number, kind: RunKind): string {
  const safe = leafName.replace(/[^A-Za-z0-9._=-]/g, '_').slice(0, 120)
  return `p${pkgIndex}-${safe}.${kind === 'small' ? 's' : ''}${run}.pprof`
}

/** b.N of the memory-only runs: a quarter of the full runs' (see BenchmarkResult.smallRuns). */
export function smallIterations(full: number): number {
  return Math.floor(full / 4)
}

/** What the probe wrote, or undefined when it wrote nothing usable (it is not built into every binary). */
async function readProbe(path: string): Promise<{ live: LiveSnapshot; dump: string } | undefined> {
  try {
    const p = JSON.parse(await readFile(path, 'utf8')) as { heapAllocBytes?: unknown; heapObjects?: unknown; numGoroutine?: unknown; goroutines?: unknown }
    // Finite: JSON.parse makes Infinity of 1e999, which result.json cannot hold.
    const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
    if (!finite(p.heapAllocBytes) || !finite(p.heapObjects) || !finite(p.numGoroutine)) return undefined
    return { live: { heapBytes: p.heapAllocBytes, heapObjects: p.heapObjects, goroutines: p.numGoroutine }, dump: typeof p.goroutines === 'string' ? p.goroutines : '' }
  } catch {
    return undefined
  } finally {
    await rm(path, { force: true })
  }
}

async function measureOnce(
  deps: BenchDeps,
  cfg: RunConfig,
  side: PreparedSide,
  pkgIndex: number,
  leaf: Leaf,
  round: number,
  kind: RunKind
): Promise<void> {
  const pkg = side.packages[pkgIndex]
  const binary = pkg.built.binary
  if (!binary || leaf.failed) return
  const profDir = join(side.spec.outDir, 'profiles')
  const profName = profileFile(pkgIndex, leaf.name, round, kind)
  const probePath = join(side.binDir, `probe-${pkgIndex}-${kind}-${round}.json`)
  const iterations = kind === 'small' ? smallIterations(leaf.iterations) : leaf.iterations
  const argv = [
    binary,
    '-test.run=^$',
    `-test.bench=${benchmarkPattern(leaf.name)}`,
    `-test.benchtime=${iterations}x`,
    '-test.count=1',
    '-test.benchmem',
    `-test.memprofile=${profName}`,
    `-test.outputdir=${profDir}`,
    testTimeoutFlag(cfg)
  ]
  const cwd = pkg.built.pkg.dir
  // Full runs are timed: the probe must not wait there. Small runs give finishing goroutines the settle
  // time, so what is left at their end is what the benchmark leaked.
  const settle = kind === 'small' ? { GO_LEAK_GATE_SETTLE: `${cfg.settleMs}ms` } : {}
  const env = { ...benchEnv(deps.toolchain), GO_LEAK_GATE_PROBE: probePath, ...settle }
  const r = await deps.run({ argv, cwd, env, ...stopAfter(cfg) })
  const probe = await readProbe(probePath)
  const live = probe?.live
  if (kind === 'small' && probe) recordLeaks(leaf.result, leakGroups(probe.dump, null, side.module.path, []))
  const out = parseBenchOutput(r.stdout, { procs: deps.toolchain.gomaxprocs })
  if (out.config.cpu && !side.cpu) side.cpu = out.config.cpu
  const outcome = resultOf(out, leaf.name, iterations)
  const line = outcome.kind === 'result' ? outcome.line : undefined
  if (!line || r.code !== 0 || out.failures.length > 0) {
    const parsed = failuresOf(r, deps.toolchain.gomaxprocs)[0]?.message ?? (outcome.kind === 'unreadable' ? outcome.message : undefined)
    const why = line ? 'the benchmark process failed' : 'the benchmark printed no result line'
    leaf.result.failure = failureFrom(r, cfg, round, why, parsed, side.module.path)
    leaf.failed = true
    return
  }
  const gc = parseGctrace(r.stderr)
  const runs = kind === 'small' ? (leaf.result.smallRuns ??= []) : leaf.result.runs
  const run: BenchRun = {
    index: runs.length,
    command: ['./' + relTestBinary(binary), ...argv.slice(1)],
    cwd: pkg.built.pkg.relDir,
    iterations: line.iterations,
    metrics: line.metrics,
    gc: summarizeGc(gc.cycles),
    ...(live ? { live } : {}),
    wallMs: Math.round(r.wallMs)
  }
  try {
    const data = await readFile(join(profDir, profName))
    const sites = heapSites(decodeProfile(data, profName))
    run.heap = {
      inuseBytes: sites.totals.inuseBytes,
      inuseObjects: sites.totals.inuseObjects,
      profile: `profiles/${profName}`
    }
  } catch (err) {
    side.errors.push({
      kind: 'profile',
      subject: `${pkg.built.pkg.importPath}.${leaf.name}`,
      message: `memory profile ${profName} unusable: ${err instanceof Error ? err.message : String(err)}`
    })
  }
  runs.push(run)
}

function relTestBinary(binary: string): string {
  return binary.split('/').pop() ?? binary
}

/**
 * Runs every benchmark of every side `count` times, one process each, interleaving the sides
 * (base, head, base, head, ...) so that drift on a shared runner hits both alike. The order of the
 * sides flips every round so neither always runs first after the other's warm caches.
 */
export async function measureSides(deps: BenchDeps, cfg: RunConfig, sides: PreparedSide[]): Promise<void> {
  for (const s of sides) await mkdir(join(s.spec.outDir, 'profiles'), { recursive: true })
  const keys = new Map<string, { side: number; pkg: number; leaf: Leaf }[]>()
  sides.forEach((s, si) =>
    s.packages.forEach((p, pi) =>
      p.leaves.forEach((leaf) => {
        const key = `${p.built.pkg.importPath}\u0000${leaf.name}`
        const list = keys.get(key) ?? []
        list.push({ side: si, pkg: pi, leaf })
        keys.set(key, list)
      })
    )
  )
  for (let round = 0; round < cfg.count; round++) {
    deps.log(`round ${round + 1}/${cfg.count}: ${keys.size} benchmarks × ${sides.length} side(s)`)
    for (const entries of keys.values()) {
      const ordered = round % 2 === 0 ? entries : [...entries].reverse()
      for (const e of ordered) await measureOnce(deps, cfg, sides[e.side], e.pkg, e.leaf, round, 'full')
    }
  }
  deps.log(`memory runs at a quarter of b.N: ${keys.size} benchmarks × ${sides.length} side(s) × ${SMALL_RUNS}`)
  for (let round = 0; round < SMALL_RUNS; round++) {
    for (const entries of keys.values()) {
      const ordered = round % 2 === 0 ? entries : [...entries].reverse()
      for (const e of ordered) {
        // Below 8 full iterations a quarter is too few ops to tell growth from noise.
        if (e.leaf.iterations >= 8) await measureOnce(deps, cfg, sides[e.side], e.pkg, e.leaf, round, 'small')
      }
    }
  }
}

/** Small runs per benchmark and side; compare averages them into one point of the growth line. */
const SMALL_RUNS = 2

export function finishSide(side: PreparedSide, cfg: RunConfig, tc: Toolchain): RunResult {
  const packages: PackageResult[] = side.packages.map((p) => ({
    importPath: p.built.pkg.importPath,
    dir: p.built.pkg.relDir,
    build: p.built.build,
    benchmarks: [...p.leaves.map((l) => l.result), ...p.topFailures]
  }))
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'go-leak-gate', version: VERSION },
    env: {
      goVersion: tc.goVersion,
      goos: tc.goos,
      goarch: tc.goarch,
      cpu: side.cpu,
      gomaxprocs: tc.gomaxprocs,
      race: cfg.race,
      module: side.module.path,
      commit: side.spec.commit,
      benchtime: cfg.benchtime,
      count: cfg.count
    },
    startedAt: side.startedAt,
    finishedAt: new Date().toISOString(),
    packages,
    errors: side.errors
  }
}

export async function cleanupSide(side: PreparedSide): Promise<void> {
  await rm(side.binDir, { recursive: true, force: true })
}
