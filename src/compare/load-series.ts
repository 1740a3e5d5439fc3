// The series a load job's analysis works on, read out of its result: the snapshots after the warm-up
// and after each round, the requests each round sent, and per goroutine group how many there were.
import type { LoadGrowthMetric } from '../model/report.js'
import type { LeakGroup, LoadJobResult, LoadSnapshot } from '../model/result.js'
import { judgeGrowth, type Growth, type GrowthFloor } from './load-growth.js'

export type GrowthMetric = LoadGrowthMetric

export const GROWTH_UNITS: Record<GrowthMetric, string> = { goroutines: ' goroutines', heap: ' B', fds: ' descriptors' }

/** The warm-up snapshot and one per round, in order; the snapshot at readiness is not measured against. */
export function measuredSnapshots(r: LoadJobResult): LoadSnapshot[] {
  return r.snapshots.filter((s) => s.phase !== 'ready')
}

/** Requests of each round; null for a round whose count is unknown. */
export function roundWork(r: LoadJobResult): (number | null)[] {
  return r.phases.filter((p) => p.phase === 'round').map((p) => p.requests)
}

function valueOf(s: LoadSnapshot, metric: GrowthMetric): number | null {
  return metric === 'goroutines' ? s.goroutines : metric === 'heap' ? s.heapAllocBytes : s.fds
}

/** The growth of one quantity over the rounds; undefined when it was not measured (no /proc for fds). */
export function growthOf(r: LoadJobResult, metric: GrowthMetric, floor: GrowthFloor): Growth | undefined {
  const snaps = measuredSnapshots(r)
  const values = snaps.map((s) => valueOf(s, metric)).filter((v): v is number => v !== null)
  if (values.length === 0 || values.length < snaps.length) return undefined
  return judgeGrowth(values, roundWork(r), floor, GROWTH_UNITS[metric])
}

export interface GroupGrowth {
  /** The group as the last snapshot shows it (its stack, sites and detectors). */
  group: LeakGroup
  growth: Growth
}

/** Per goroutine group (matched by looseKey): its count after the warm-up and after each round. */
export function groupGrowths(r: LoadJobResult, floor: GrowthFloor): GroupGrowth[] {
  const snaps = measuredSnapshots(r)
  const byKey = new Map<string, { group: LeakGroup; counts: number[] }>()
  snaps.forEach((s, i) => {
    for (const g of s.groups) {
      const entry = byKey.get(g.looseKey) ?? { group: g, counts: new Array<number>(snaps.length).fill(0) }
      entry.group = g
      entry.counts[i] += g.count
      byKey.set(g.looseKey, entry)
    }
  })
  const work = roundWork(r)
  return [...byKey.values()].map((e) => ({ group: e.group, growth: judgeGrowth(e.counts, work, floor, ' goroutines') }))
}

/** Requests sent in the rounds from snapshot `from` (an index into measuredSnapshots) to the last. */
export function requestsBetween(r: LoadJobResult, from: number): number | null {
  const work = roundWork(r).slice(from)
  return work.every((w): w is number => w !== null) ? work.reduce((a, b) => a + b, 0) : null
}

/** Descriptor targets that grew from one snapshot to another, largest growth first. */
export function grownTargets(before: LoadSnapshot, after: LoadSnapshot): { target: string; added: number }[] {
  return Object.entries(after.fdTargets)
    .map(([target, n]) => ({ target, added: n - (before.fdTargets[target] ?? 0) }))
    .filter((t) => t.added > 0)
    .sort((a, b) => b.added - a.added || a.target.localeCompare(b.target))
}
