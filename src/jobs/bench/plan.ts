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
import type { PreparedSide } from './prepare.js'
import { benchEnvVars, PANIC_ON_EXIT0, testTimeoutFlag } from './process.js'

/** 'full': timed, at the calibrated b.N; 'small': memory only, at a quarter of it. */
export type RunKind = 'full' | 'small'

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
  /** The memory profile: its name, and the directory -test.outputdir puts it in. */
  profile: string
  profileDir: string
  /** Where the probe writes what it saw. */
  probeFile: string
}

export interface Phase {
  /** The progress line printed when the phase starts. */
  title: string
  runs: PlannedRun[]
}

export interface MeasurementPlan {
  phases: Phase[]
}

/** Small runs per benchmark and side; compare averages them into one point of the growth line. */
export const SMALL_RUNS = 2
// Below 8 full iterations a quarter is too few ops to tell growth from noise.
const MIN_ITERATIONS_FOR_SMALL = 8

/** b.N of the memory-only runs: a quarter of the full runs' (see BenchmarkResult.smallRuns). */
export function smallIterations(full: number): number {
  return Math.floor(full / 4)
}

export function profileFile(pkgIndex: number, leafName: string, run: number, kind: RunKind): string {
  const safe = leafName.replace(/[^A-Za-z0-9._=-]/g, '_').slice(0, 120)
  return `p${pkgIndex}-${safe}.${kind === 'small' ? 's' : ''}${run}.pprof`
}

interface LeafRef {
  side: number
  pkg: number
  leaf: number
  /** b.N of the full runs, the same on every side (see leavesBySide). */
  iterations: number
}

/**
 * The same benchmark on every side, in side order: one key per package and leaf name, in the order the
 * sides first listed them. A leaf that failed while being listed, or a package without a binary, is not
 * measured at all. Every side runs it at the same b.N, the smallest any side calibrated: allocs/op and
 * B/op are exact only at a fixed b.N (setup allocated before the loop is divided by it, and amortised
 * growth depends on it), so sides calibrated apart on a noisy machine would differ in counts the code
 * did not change.
 */
function leavesBySide(sides: PreparedSide[]): LeafRef[][] {
  const groups = groupLeaves(sides)
  return groups.map((refs) => {
    const iterations = Math.min(...refs.map((r) => sides[r.side].packages[r.pkg].leaves[r.leaf].iterations))
    return refs.map((r) => ({ ...r, iterations }))
  })
}

function groupLeaves(sides: PreparedSide[]): Omit<LeafRef, 'iterations'>[][] {
  const keys = new Map<string, Omit<LeafRef, 'iterations'>[]>()
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

function plannedRun(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], ref: LeafRef, round: number, kind: RunKind): PlannedRun {
  const s = sides[ref.side]
  const p = s.packages[ref.pkg]
  const leaf = p.leaves[ref.leaf]
  const profileDir = join(s.spec.outDir, PROFILES_DIR)
  const profile = profileFile(ref.pkg, leaf.name, round, kind)
  const probeFile = join(s.scratch.path, `probe-${ref.pkg}-${kind}-${round}.json`)
  const iterations = kind === 'small' ? smallIterations(ref.iterations) : ref.iterations
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
      `-test.memprofile=${profile}`,
      `-test.outputdir=${profileDir}`,
      testTimeoutFlag(cfg),
      PANIC_ON_EXIT0
    ],
    cwd: p.built.pkg.dir,
    env: { ...benchEnvVars(tc), ...probeEnv({ file: probeFile, settleMs: kind === 'small' ? cfg.settleMs : undefined, rules }) },
    profile,
    profileDir,
    probeFile
  }
}

/** Package import path and leaf name: how a benchmark is named across sides and in a RunResult. */
export function leafKey(sides: PreparedSide[], ref: LeafRef): string {
  const p = sides[ref.side].packages[ref.pkg]
  return `${p.built.pkg.importPath}\u0000${p.leaves[ref.leaf].name}`
}

const inOrder = (round: number, refs: LeafRef[]): LeafRef[] => (round % 2 === 0 ? refs : [...refs].reverse())

/**
 * One timed round: every leaf (or those `keep` accepts) on every side, the sides interleaved so that drift on
 * a shared runner hits both alike; the order of the sides flips every round so neither always runs first
 * after the other's warm caches.
 */
export function planRound(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], round: number, title: string, keep?: (key: string) => boolean): Phase {
  const leaves = leavesBySide(sides).filter((refs) => keep === undefined || keep(leafKey(sides, refs[0])))
  return { title, runs: leaves.flatMap((refs) => inOrder(round, refs).map((ref) => plannedRun(sides, cfg, tc, rules, ref, round, 'full'))) }
}

/** The memory-only runs at a quarter of b.N, interleaved like the timed rounds. */
export function planSmallRuns(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[]): Phase {
  const leaves = leavesBySide(sides)
  const small: PlannedRun[] = []
  for (let round = 0; round < SMALL_RUNS; round++) {
    for (const refs of leaves) {
      for (const ref of inOrder(round, refs)) {
        if (ref.iterations >= MIN_ITERATIONS_FOR_SMALL) {
          small.push(plannedRun(sides, cfg, tc, rules, ref, round, 'small'))
        }
      }
    }
  }
  return { title: `memory runs at a quarter of b.N: ${leaves.length} benchmarks × ${sides.length} side(s) × ${SMALL_RUNS}`, runs: small }
}

/** The timed rounds 0..rounds-1 of every leaf, as planRound. */
export function planRounds(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[], rounds: number): Phase[] {
  const n = leavesBySide(sides).length
  return Array.from({ length: rounds }, (_, round) => planRound(sides, cfg, tc, rules, round, `round ${round + 1}/${rounds}: ${n} benchmarks × ${sides.length} side(s)`))
}

/** Every leaf of every side `count` times, one process each (planRound), then the memory-only runs. */
export function planMeasurements(sides: PreparedSide[], cfg: RunConfig, tc: Toolchain, rules: readonly GoroutineRule[]): MeasurementPlan {
  return { phases: [...planRounds(sides, cfg, tc, rules, cfg.count), planSmallRuns(sides, cfg, tc, rules)] }
}
