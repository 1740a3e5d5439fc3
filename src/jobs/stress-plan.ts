// The stress stage's decisions, apart from the processes it starts: which packages, how much time each, and
// how each process varies the scheduling. Pure, so base and head get the same plan from the same inputs.
import { posix } from 'node:path'
import type { ImportNode } from '../go/packages.js'

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

/** Module-relative directories of the packages the changed files belong to (testdata counts for its package). */
export function touchedDirs(changed: readonly string[]): Set<string> {
  const touched = new Set<string>()
  for (const file of changed) {
    let dir = posix.dirname(file)
    // A change under pkg/testdata (or deeper inside it) concerns pkg's tests.
    const td = dir.split('/').indexOf('testdata')
    if (td >= 0) dir = dir.split('/').slice(0, td).join('/') || '.'
    touched.add(dir === '' ? '.' : dir)
  }
  return touched
}

/**
 * Packages whose directory holds a changed file, by module-relative directory. `changed` undefined (no diff
 * known) or `all` selects every package.
 */
export function selectStressPackages(relDirs: string[], changed: readonly string[] | undefined, all: boolean): Set<string> {
  if (all || changed === undefined) return new Set(relDirs)
  const touched = touchedDirs(changed)
  return new Set(relDirs.filter((d) => touched.has(d)))
}

/** Why a package is stressed: the diff touches it, or its code or its tests import one the diff touches. */
export interface StressReason {
  /** 'all': every package is stressed (no diff known, or stress-all). */
  reason: 'changed' | 'dependent' | 'all'
  /** For a dependent: the changed packages it reaches through its imports (import paths, sorted). */
  via: string[]
  /** For a dependent: the fewest import steps to a changed package (1: it imports one directly). */
  depth: number
}

/**
 * The module's packages whose test binary links in a changed package: through the package's own imports,
 * transitively, or through its tests' imports (a test's imports are not followed further than the package
 * they name, which is linked in whole). Changed packages themselves are not in the result.
 */
export function dependentsOf(graph: readonly ImportNode[], changed: ReadonlySet<string>): Map<string, StressReason> {
  const byPath = new Map(graph.map((n) => [n.importPath, n]))
  // What each package's code (not its tests) links in of the changed ones, and how far away.
  const reach = new Map<string, Map<string, number>>()
  const reachOf = (path: string, onPath: Set<string>): Map<string, number> => {
    const known = reach.get(path)
    if (known) return known
    const out = new Map<string, number>()
    if (changed.has(path)) out.set(path, 0)
    const node = byPath.get(path)
    // go list reports an import cycle as an error; the guard keeps a broken module from looping here.
    if (node && !onPath.has(path)) {
      onPath.add(path)
      for (const imp of node.imports) for (const [c, d] of reachOf(imp, onPath)) out.set(c, Math.min(out.get(c) ?? Infinity, d + 1))
      onPath.delete(path)
    }
    reach.set(path, out)
    return out
  }
  const result = new Map<string, StressReason>()
  for (const n of graph) {
    if (changed.has(n.importPath)) continue
    const all = new Map(reachOf(n.importPath, new Set()))
    for (const imp of n.testImports) {
      if (imp === n.importPath) continue
      for (const [c, d] of reachOf(imp, new Set())) all.set(c, Math.min(all.get(c) ?? Infinity, d + 1))
    }
    if (all.size > 0) result.set(n.importPath, { reason: 'dependent', via: [...all.keys()].sort(), depth: Math.min(...all.values()) })
  }
  return result
}

/**
 * A dependent gets at least this much of the budget, or is left out: a second or less is a few processes,
 * most of it their start and the probe.
 */
export const MIN_DEPENDENT_SHARE_MS = 1_500

export interface StressShares {
  /** Share per stressed package (import path). */
  shares: Map<string, number>
  /** Dependents the budget had no room for, closest first. */
  leftOut: string[]
}

/**
 * Shares of the budget: a changed package gets twice a dependent's share, and dependents together at most
 * half of the budget when there are changed packages too (many importers must not starve the code that
 * changed). Dependents are kept closest first (direct importers before transitive ones) while each still
 * gets MIN_DEPENDENT_SHARE_MS.
 */
export function stressShares(budgetMs: number, changed: readonly string[], dependents: ReadonlyMap<string, StressReason>): StressShares {
  const order = [...dependents].sort(([a, x], [b, y]) => x.depth - y.depth || (a < b ? -1 : a > b ? 1 : 0)).map(([p]) => p)
  const shares = new Map<string, number>()
  if (changed.length === 0) {
    const kept = order.slice(0, Math.max(1, Math.floor(budgetMs / MIN_DEPENDENT_SHARE_MS)))
    for (const p of kept) shares.set(p, budgetShare(budgetMs, kept.length))
    return { shares, leftOut: order.slice(kept.length) }
  }
  const c = changed.length
  // Dependents' pool at the 2:1 weights, capped at half the budget.
  const fits = (d: number): number => Math.min(budgetMs / 2, (budgetMs * d) / (2 * c + d))
  let d = order.length
  while (d > 0 && fits(d) / d < MIN_DEPENDENT_SHARE_MS) d--
  const pool = d > 0 ? fits(d) : 0
  for (const p of changed) shares.set(p, budgetShare(budgetMs - pool, c))
  for (const p of order.slice(0, d)) shares.set(p, budgetShare(pool, d))
  return { shares, leftOut: order.slice(d) }
}
