// Before measuring: the packages with benchmarks, their test binaries (with the probe), and each
// benchmark's leaves (sub-benchmarks) with the b.N every measured run will use.
import type { RunConfig } from '../../config/types.js'
import { buildTestBinaries, type BuiltPackage } from '../../go/build.js'
import { listTestPackages, readModule, type ModuleInfo } from '../../go/packages.js'
import { describeExit } from '../../go/process.js'
import type { BenchFailure, BenchmarkResult, RunError } from '../../model/result.js'
import { benchmarkPattern, parseBenchOutput } from '../../parse/benchfmt.js'
import { leavesUnder } from '../../parse/bench-select.js'
import { splitBenchRegex } from '../../go/benchregex.js'
import { scratchDir, type ScratchDir } from '../../scratch.js'
import { parseProbeOutput, probeEnv } from '../../go/probe-env.js'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { JobDeps } from '../deps.js'
import type { HungBenchmark } from '../race-benchmarks.js'
import { benchEnv, calibrationBenchtime, exitedMessage, failureFrom, failuresOf, leafIterations, PANIC_ON_EXIT0, stopAfter, tail, testTimeoutFlag } from './process.js'

export interface SideSpec {
  label: string
  moduleDir: string
  /** Result directory: result.json and profiles/ go here. */
  outDir: string
  commit?: string
  hung?: HungBenchmark[]
}

export interface Leaf {
  name: string
  procs: number
  /**
   * Iterations every full run does (-test.benchtime=Nx), from the calibration run (see
   * calibrationBenchtime). Fixed N makes the work of a process known exactly (the ramp-up runs of a duration
   * benchtime are never printed), so heap and allocation profiles divide by the true op count.
   */
  iterations: number
  /** allocs/op of the calibration run (at its b.N, so with the benchmark's setup spread over fewer ops). */
  allocsPerOp?: number
  /**
   * The calibration run of its top-level benchmark: its CPU time (the probe's) over the process's wall
   * time. Absent without the probe or when the run was too short to tell. Auto pairing reads it.
   */
  cpuShare?: number
  /** Set when the benchmark already failed while being listed: it is never measured. */
  failure?: BenchFailure
}

export interface PreparedPackage {
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
  /** Test binaries and probe outputs; removed by cleanupSide. */
  scratch: ScratchDir
}

/** The top-level benchmark a (sub-)benchmark name belongs to. */
export function topLevelOf(name: string): string {
  return name.split('/')[0]
}

/** Below this much wall time the process's start and the probe's own work say more than the benchmark. */
const MIN_SHARE_WALL_NS = 5e6

async function readCpuShare(file: string, wallMs: number): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  await rm(file, { force: true })
  const probe = text === undefined ? undefined : parseProbeOutput(text)
  const wallNs = wallMs * 1e6
  if (probe?.cpuNs === undefined || !(wallNs >= MIN_SHARE_WALL_NS)) return undefined
  return probe.cpuNs / wallNs
}

async function discoverLeaves(deps: JobDeps, cfg: RunConfig, built: BuiltPackage, side: PreparedSide): Promise<PreparedPackage> {
  const prepared: PreparedPackage = { built, leaves: [], topFailures: [] }
  const binary = built.binary
  if (!binary) return prepared
  // A benchmark that hung in the test pass's -race run is reported from there and never started again:
  // waiting out the same hang would cost the timeout again and say nothing new. That run runs every
  // benchmark, so one the selection leaves out is reported too: the gate did wait for it.
  const hung = (side.spec.hung ?? []).filter((h) => h.importPath === built.pkg.importPath)
  for (const h of hung) prepared.topFailures.push({ name: h.name, procs: deps.toolchain.gomaxprocs, runs: [], failure: h.failure })
  const levels = splitBenchRegex(cfg.bench)
  const cwd = built.pkg.dir
  const list = await deps.run({ argv: [binary, `-test.list=${levels[0]}`], cwd, timeoutMs: Math.min(60_000, cfg.timeoutMs) })
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
  for (const [t, top] of tops.entries()) {
    if (hung.some((h) => topLevelOf(h.name) === top)) continue
    // One process per top-level benchmark names its leaves (sub-benchmarks), so a panic in one top-level
    // cannot hide the others. With a duration benchtime this run also calibrates b.N for each leaf.
    const pattern = [benchmarkPattern(top), ...levels.slice(1)].join('/')
    // -test.benchmem costs nothing here and tells how many allocations the exact-allocation run will record.
    const argv = [binary, '-test.run=^$', `-test.bench=${pattern}`, `-test.benchtime=${calibration.benchtime}`, '-test.count=1', '-test.benchmem', testTimeoutFlag(cfg), PANIC_ON_EXIT0]
    // With the probe (no settle wait): its CPU and wall time say how busy the benchmark keeps the CPUs.
    const probeFile = join(side.scratch.path, `calibrate-${built.pkg.relDir.replace(/[^A-Za-z0-9._-]/g, '_')}-${t}.json`)
    const env = built.probe ? { ...benchEnv(deps.toolchain), ...probeEnv({ file: probeFile, rules: [] }) } : benchEnv(deps.toolchain)
    const r = await deps.run({ argv, cwd, env, ...stopAfter(cfg.timeoutMs) })
    const cpuShare = built.probe ? await readCpuShare(probeFile, r.wallMs) : undefined
    const out = parseBenchOutput(r.stdout, { procs: deps.toolchain.gomaxprocs })
    if (out.config.cpu && !side.cpu) side.cpu = out.config.cpu
    const found = leavesUnder(out, top)
    for (const line of found.results) {
      const allocs = line.metrics['allocs/op']
      prepared.leaves.push({
        name: line.name,
        procs: line.procs,
        iterations: leafIterations(cfg.benchtime, line.iterations),
        ...(typeof allocs === 'number' && Number.isFinite(allocs) ? { allocsPerOp: allocs } : {}),
        ...(cpuShare !== undefined ? { cpuShare } : {})
      })
    }
    for (const u of found.unreadable) {
      prepared.topFailures.push({ name: u.name, procs: deps.toolchain.gomaxprocs, runs: [], failure: { run: 0, message: u.message, output: tail(r.stdout) } })
    }
    const failed = r.code !== 0 || out.failures.length > 0
    if (failed) {
      // A panic on stderr is not always tied to a name (stdout held the half-printed result line).
      const failures = failuresOf(r, deps.toolchain.gomaxprocs)
      const named = failures.find((f) => f.name.startsWith(top)) ?? failures[0]
      const failure = failureFrom(r, cfg, 0, 'the benchmark failed while being listed', named?.message ?? exitedMessage(r), side.module.path)
      const name = named?.name.startsWith(top) ? named.name : top
      const leaf = prepared.leaves.find((l) => l.name === name)
      if (leaf) leaf.failure = failure
      else prepared.topFailures.push({ name, procs: deps.toolchain.gomaxprocs, runs: [], failure })
    }
  }
  return prepared
}

export async function prepareSide(deps: JobDeps, cfg: RunConfig, spec: SideSpec): Promise<PreparedSide> {
  const startedAt = new Date().toISOString()
  const module = await readModule(deps.run, deps.toolchain, spec.moduleDir)
  const scratch = await scratchDir(`bin-${spec.label}`)
  const side: PreparedSide = { spec, module, packages: [], errors: [], cpu: '', startedAt, scratch }
  try {
    deps.log(`[${spec.label}] listing packages with benchmarks in ${spec.moduleDir}`)
    const pkgs = await listTestPackages(deps.run, deps.toolchain, module.dir, cfg.packages, 'benchmarks', cfg.shard)
    deps.log(`[${spec.label}] building ${pkgs.length} test binaries`)
    const built = await buildTestBinaries(deps.run, deps.toolchain, module.dir, pkgs, scratch.path, { race: cfg.race, probe: true })
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
  } catch (err) {
    await scratch.remove()
    throw err
  }
  const leaves = side.packages.reduce((n, p) => n + p.leaves.length, 0)
  deps.log(`[${spec.label}] ${leaves} benchmarks in ${side.packages.length} packages`)
  return side
}

export async function cleanupSide(side: PreparedSide): Promise<void> {
  await side.scratch.remove()
}
