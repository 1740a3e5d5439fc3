// The measured runs, planned once before the first starts: which leaf, which side, which round, and the
// exact argv and environment of each process. Running the plan is run.ts; a matrix shard would be a
// slice of it.
import { join } from 'node:path'
import type { RunConfig } from '../../config/types.js'
import { probeEnv } from '../../go/probe-env.js'
import type { Toolchain } from '../../go/toolchain.js'
import { PROFILES_DIR } from '../../baseline/result-dir.js'
import { benchmarkPattern } from '../../parse/benchfmt.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import { seededRng } from '../../compare/rng.js'
import type { PreparedSide } from './prepare.js'
import { benchEnvVars, PANIC_ON_EXIT0, testTimeoutFlag } from './process.js'

/**
 * 'full': timed, at the calibrated b.N; 'small': memory only, at a quarter of it; 'cpu' and 'alloc': made for
 * their profile alone (BenchmarkResult.profileRuns), a CPU profile and one of every allocation.
 */
export type RunKind = 'full' | 'small' | 'cpu' | 'alloc'

export interface PlannedRun {
  /** Indexes into the sides, their packages and the package's leaves. */
  side: number
  pkg: number
  leaf: number
  kind: RunKind
  round: number
  /** b.N the process is started with (-test.benchtime=Nx): its one real result line has exactly this. */
  iterations: number
  /** argv[0] is the test binary; the process runs in the package's source directory. */
  argv: string[]
  cwd: string
  /** Set on top of the inherited environment. */
  env: Record<string, string>
  /** The run's profile (the CPU profile of a 'cpu' run, else the memory profile): its name, and the directory -test.outputdir puts it in. */
  profile: string
  profileDir: string
  /** Where the probe writes what it saw. */
  probeFile: string
  /**
   * A duet run (duet.ts): what starts argv (taskset and its CPUs), its GOMAXPROCS, and its duet; `shared`
   * when both runs of the duet share one CPU, so that its wall time is not its own.
   */
  duet?: { launch: string[]; procs: number; group: number; shared?: boolean }
}

export interface Phase {
  /** The progress line printed when the phase starts. */
  title: string
  runs: PlannedRun[]
}

export interface MeasurementPlan {
  phases: Phase[]
}

/**
 * Small runs per benchmark and side; compare averages them into one point of the growth line. They also
 * give the GC pauses of a benchmark whose timed rounds shared a CPU (a shared run's pauses include the other
 * side's turns, observe.ts), hence 4: the longest pause is judged from statistics.minSamples (4) runs a side.
 */
export const SMALL_RUNS = 4
// Below 8 full iterations a quarter is too few ops to tell growth from noise.
const MIN_ITERATIONS_FOR_SMALL = 8

/** b.N of the memory-only runs: a quarter of the full runs' (see BenchmarkResult.smallRuns). */
export function smallIterations(full: number): number {
  return Math.floor(full / 4)
}

/**
 * Allocations the exact-allocation run may record. Recording one costs a stack walk: 4-5 µs on a busy 2-core
 * machine, where a plain allocation takes tens of ns (alloc.BenchmarkEncode, 2 allocations per op: 8.5-11.6
 * µs/op at -test.memprofilerate=1 against 0.2-0.5 µs/op). 50,000 is about a quarter of a second then.
 */
export const ALLOC_RUN_BUDGET = 50_000

/**
 * b.N of a leaf's exact-allocation run on one side: a quarter of the full runs' b.N (as the small runs, so
 * the run costs at most about a quarter of a timed one when the leaf allocates little), and no more than
 * ALLOC_RUN_BUDGET allocations at the allocs/op its calibration run showed. Every allocation is in its
 * profile, so a few ops are as exact per op as many.
 */
export function allocRunIterations(full: number, allocsPerOp: number | undefined): number {
  const budget = Math.floor(ALLOC_RUN_BUDGET / Math.max(1, allocsPerOp ?? 1))
  return Math.max(1, Math.min(smallIterations(full), budget))
}

const KIND_SUFFIX: Record<RunKind, (run: number) => string> = {
  full: (run) => `${run}`,
  small: (run) => `s${run}`,
  cpu: () => 'cpu',
  alloc: () => 'alloc'
}

export function profileFile(pkgIndex: number, leafName: string, run: number, kind: RunKind): string {
  const safe = leafName.replace(/[^A-Za-z0-9._=-]/g, '_').slice(0, 120)
  return `p${pkgIndex}-${safe}.${KIND_SUFFIX[kind](run)}.pprof`
}

interface LeafRef {
  side: number
  pkg: number
  leaf: number
}

/**
 * The same benchmark on every side, in side order: one key per package and leaf name, in the order the
 * sides first listed them. A leaf that failed while being listed, or a package without a binary, is not
 * measured at all.
 */
export function leavesBySide(sides: PreparedSide[]): LeafRef[][] {
  const keys = new Map<string, LeafRef[]>()
  sides.forEach((s, side) =>
    s.packages.forEach((p, pkg) => {
      if (!p.built.binary) return
      p.leaves.forEach((l, leaf) => {
        if (l.failure) return
        const key = `${p.built.pkg.importPath}\u0000${l.name}`
        const list = keys.get(key) ?? []
        list.push({ side, pkg, leaf })
        keys.set(key, list)
      })
    })
  )
  return [...keys.values()]
}

/**
 * b.N of a leaf's timed runs, the same on every side: the smallest any side calibrated. allocs/op and B/op
 * are exact only at a fixed b.N (setup allocated before the loop is divided by it, and amortised growth
 * depends on it), so sides calibrated apart on a noisy machine would differ in counts the code did not
 * change.
 */
function timedIterations(sides: PreparedSide[], refs: LeafRef[]): number {
  return Math.min(...refs.map((r) => sides[r.side].packages[r.pkg].leaves[r.leaf].iterations))
}

/** Package import path and leaf name: how a benchmark is named across sides and in a RunResult. */
export function leafKey(sides: PreparedSide[], ref: LeafRef): string {
  const p = sides[ref.side].packages[ref.pkg]
  return `${p.built.pkg.importPath}\u0000${p.leaves[ref.leaf].name}`
}

const inOrder = (round: number, refs: LeafRef[]): LeafRef[] => (round % 2 === 0 ? refs : [...refs].reverse())

/** The profiling flags of a run of each kind: the timed and small runs keep Go's default memory profile rate. */
function profileFlags(kind: RunKind, profile: string): string[] {
  if (kind === 'cpu') return [`-test.cpuprofile=${profile}`]
  if (kind === 'alloc') return [`-test.memprofile=${profile}`, '-test.memprofilerate=1']
  return [`-test.memprofile=${profile}`]
}

function plannedRun(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], ref: LeafRef, round: number, kind: RunKind, iterations: number): PlannedRun {
  const s = sides[ref.side]
  const p = s.packages[ref.pkg]
  const leaf = p.leaves[ref.leaf]
  const profileDir = join(s.spec.outDir, PROFILES_DIR)
  const profile = profileFile(ref.pkg, leaf.name, round, kind)
  const probeFile = join(s.scratch.path, `probe-${ref.pkg}-${kind}-${round}.json`)
  // The probe is there for what a timed or small run leaves behind; a profiled run needs none of it.
  const probe = kind === 'full' || kind === 'small' ? probeEnv({ file: probeFile, settleMs: kind === 'small' ? cfg.settleMs : undefined, rules }) : {}
  return {
    ...ref,
    kind,
    round,
    iterations,
    argv: [
      p.built.binary ?? '',
      '-test.run=^$',
      `-test.bench=${benchmarkPattern(leaf.name)}`,
      `-test.benchtime=${iterations}x`,
      '-test.count=1',
      '-test.benchmem',
      ...profileFlags(kind, profile),
      `-test.outputdir=${profileDir}`,
      testTimeoutFlag(cfg),
      PANIC_ON_EXIT0
    ],
    cwd: p.built.pkg.dir,
    env: { ...benchEnvVars(tc), ...probe },
    profile,
    profileDir,
    probeFile
  }
}

/**
 * b.N of a leaf's profiled runs, the same on every side: the least any side would use. For the CPU run that
 * is the slower side's full b.N (with a duration benchtime the faster side calibrated a larger one), so
 * neither side's run takes longer than one of its timed runs and `go tool pprof -diff_base` on the two
 * raw profiles compares the same work.
 */
function profiledIterations(sides: PreparedSide[], refs: LeafRef[], kind: 'cpu' | 'alloc'): number {
  const leaves = refs.map((r) => sides[r.side].packages[r.pkg].leaves[r.leaf])
  return Math.min(...leaves.map((l) => (kind === 'cpu' ? l.iterations : allocRunIterations(l.iterations, l.allocsPerOp))))
}

/**
 * The order of `n` leaves in a timed round: shuffled (Fisher-Yates) by a generator seeded with `seed` and
 * the round, or as listed without a seed.
 *
 * Why shuffle: in a fixed order a benchmark sits at the same moment of every round, so a load that repeats
 * with the rounds' rhythm meets the same side of it round after round, and pairing cannot cancel that. Two
 * gates on one machine running the same suite are such a load for each other (bench:power's two streams):
 * there one unchanged benchmark read +12% in all 21 rounds (a false alarm, twice), and another -11% in all 6.
 * A shuffled order puts each benchmark at another moment every round, which turns that into per-round noise
 * the interval sees. The seed is drawn once per job and logged: roundOrder(n, round, seed) gives any round's
 * order again.
 */
export function roundOrder(n: number, round: number, seed?: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  if (seed === undefined) return order
  const next = seededRng(seed ^ Math.imul(round + 1, 0x9e3779b1))
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

/**
 * One timed round: every leaf (or those `keep` accepts) on every side, the sides interleaved (base, head,
 * base, head, ...) so that drift on a shared runner hits both alike; the order of the sides flips every
 * round so neither always runs first after the other's warm caches. With a `seed` the leaves come in the
 * round's shuffled order (roundOrder).
 */
export function planRound(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], round: number, title: string, keep?: (key: string) => boolean, seed?: number): Phase {
  const kept = leavesBySide(sides).filter((refs) => keep === undefined || keep(leafKey(sides, refs[0])))
  const leaves = roundOrder(kept.length, round, seed).map((i) => kept[i])
  return {
    title,
    runs: leaves.flatMap((refs) => {
      const iterations = timedIterations(sides, refs)
      return inOrder(round, refs).map((ref) => plannedRun(sides, cfg, tc, rules, ref, round, 'full', iterations))
    })
  }
}

/** The timed rounds 0..rounds-1 of every leaf, as planRound. */
export function planRounds(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], rounds: number, seed?: number): Phase[] {
  const n = leavesBySide(sides).length
  return Array.from({ length: rounds }, (_, round) => planRound(sides, cfg, tc, rules, round, `round ${round + 1}/${rounds}: ${n} benchmarks × ${sides.length} side(s)`, undefined, seed))
}

/**
 * What follows the timed rounds: the memory-only runs at a quarter of b.N, interleaved like them, and last
 * the runs made for a profile, whose timing is not used.
 */
export function planAfterRounds(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[]): Phase[] {
  const leaves = leavesBySide(sides)
  const small: PlannedRun[] = []
  for (let round = 0; round < SMALL_RUNS; round++) {
    for (const refs of leaves) {
      const full = timedIterations(sides, refs)
      if (full < MIN_ITERATIONS_FOR_SMALL) continue
      for (const ref of inOrder(round, refs)) small.push(plannedRun(sides, cfg, tc, rules, ref, round, 'small', smallIterations(full)))
    }
  }
  const profiled = leaves.flatMap((refs) =>
    (['cpu', 'alloc'] as const).flatMap((kind) => {
      const iterations = profiledIterations(sides, refs, kind)
      return refs.map((ref) => plannedRun(sides, cfg, tc, rules, ref, 0, kind, iterations))
    })
  )
  return [
    { title: `memory runs at a quarter of b.N: ${leaves.length} benchmarks × ${sides.length} side(s) × ${SMALL_RUNS}`, runs: small },
    { title: `profiled runs (CPU, every allocation): ${leaves.length} benchmarks × ${sides.length} side(s) × 2`, runs: profiled }
  ]
}

/** Every leaf of every side `count` times, one process each (planRound), then planAfterRounds. */
export function planMeasurements(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[]): MeasurementPlan {
  return { phases: [...planRounds(sides, cfg, tc, rules, cfg.count), ...planAfterRounds(sides, cfg, tc, rules)] }
}
