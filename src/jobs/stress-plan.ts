// The stress stage's decisions, apart from the processes it starts: which packages, how much time each, and
// how each process varies the scheduling. Pure, so base and head get the same plan from the same inputs.
import { posix } from 'node:path'

/** GOMAXPROCS values the processes cycle through: one per process, so a finding names the one it needed. */
export const STRESS_CPUS = [1, 2, 4, 8] as const

/** Leaks accumulate within a process: beyond this many repetitions a dump of them says nothing more. */
export const MAX_COUNT = 64
/** A process aims at about this long (or a quarter of the package's share, if that is less). */
const TARGET_PROCESS_MS = 3_000
const MIN_TARGET_PROCESS_MS = 300
/** How much the count may grow from one process of a mode to the next, while its cost is still being learnt. */
const GROWTH = 8
/**
 * -test.timeout of a stress process: this many times what the process should take, and at least
 * MIN_HANG_MS. A repetition that deadlocks then costs a few seconds instead of the package's whole timeout,
 * while a shared runner that slows a process several-fold does not make a hang of it.
 */
const HANG_FACTOR = 10
export const MIN_HANG_MS = 3_000

export interface StressKnobs {
  cpu: number
  race: boolean
  /** -test.shuffle seed: the order of the tests, a different one in every process. */
  shuffle: number
}

export type StressMode = 'race' | 'plain'

/**
 * The knobs of process i. The build modes alternate (the race runtime changes timing and yields more), and
 * GOMAXPROCS cycles so that each value meets both modes within eight processes.
 */
export function stressKnobs(process: number, modes: readonly StressMode[]): StressKnobs {
  const cpu = STRESS_CPUS[process % STRESS_CPUS.length]
  const cycle = Math.floor(process / STRESS_CPUS.length)
  const race = modes.length > 0 && modes[(process + cycle) % modes.length] === 'race'
  return { cpu, race, shuffle: process + 1 }
}

/**
 * Repetitions for the next process: as many as fit the target time at the cost per repetition seen so far,
 * growing at most GROWTH-fold from the previous count, so a cheap package gets many repetitions per process
 * and a slow one gets one.
 */
export function nextCount(perRepetitionMs: number, previousCount: number, shareMs: number): number {
  const target = Math.max(MIN_TARGET_PROCESS_MS, Math.min(TARGET_PROCESS_MS, shareMs / 4))
  const fit = Math.floor(target / Math.max(perRepetitionMs, 0.001))
  return Math.max(1, Math.min(MAX_COUNT, previousCount * GROWTH, fit))
}

export function hangTimeoutMs(expectedMs: number, packageTimeoutMs: number): number {
  return Math.min(packageTimeoutMs, Math.max(MIN_HANG_MS, Math.ceil(expectedMs * HANG_FACTOR)))
}

/** An equal share of the budget per package: the base gets the same share for the same package. */
export function budgetShare(budgetMs: number, packages: number): number {
  return packages > 0 ? Math.floor(budgetMs / packages) : 0
}

/**
 * Packages whose directory holds a changed file (testdata below it counts too), by module-relative
 * directory. `changed` undefined (no diff known) or `all` selects every package.
 */
export function selectStressPackages(relDirs: string[], changed: readonly string[] | undefined, all: boolean): Set<string> {
  if (all || changed === undefined) return new Set(relDirs)
  const touched = new Set<string>()
  for (const file of changed) {
    let dir = posix.dirname(file)
    // A change under pkg/testdata (or deeper inside it) concerns pkg's tests.
    const td = dir.split('/').indexOf('testdata')
    if (td >= 0) dir = dir.split('/').slice(0, td).join('/') || '.'
    touched.add(dir === '' ? '.' : dir)
  }
  return new Set(relDirs.filter((d) => touched.has(d)))
}
