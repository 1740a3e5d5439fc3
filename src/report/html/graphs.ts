// The flame graphs of the report, from decoded profiles and the leak probe's stacks. Pure: the caller reads
// and decodes the files (write.ts), so these functions only merge, scale and diff.

import { allocationProfiledRuns, cpuProfiledRuns } from '../../compare/profiled-runs.js'
import type { BenchmarkResult, BenchRun, LeakGroup } from '../../model/result.js'
import { perOpMean, ProfileTables, type CompactProfile, type StackProfile } from '../../profile/index.js'
import { boundedFlameGraph, flameView, type FrameBudget } from './flame-data.js'
import type { FlameKind, FlameView, MissingFlame } from './model.js'

/** Which profile file of a run a graph reads. */
export type ProfileField = 'heap' | 'cpu'

export function profilePath(run: BenchRun, field: ProfileField): string | undefined {
  return field === 'heap' ? run.heap?.profile : run.cpuProfile
}

/**
 * The runs whose `field` profile the graphs of a benchmark read: the CPU-profiled runs for CPU; for the
 * heap, the exact-allocation run when there is one (a sampled profile may miss a small site), else the
 * timed runs' sampled profiles.
 */
export function runsWithProfile(bench: BenchmarkResult, field: ProfileField): BenchRun[] {
  return field === 'cpu' ? cpuProfiledRuns(bench) : allocationProfiledRuns(bench).runs
}

interface BenchFlameSpec {
  kind: Exclude<FlameKind, 'goroutines'>
  title: string
  field: ProfileField
  sampleType: string
  unit: string
  /** Shown instead of the graph when no run on either side has the profile. */
  absent: string
}

// One entry per graph of a benchmark; a new kind of profile is one more entry (and its ProfileField).
export const BENCH_FLAMES: BenchFlameSpec[] = [
  {
    kind: 'heap-inuse',
    title: 'Heap in use at exit (inuse_space), per op',
    field: 'heap',
    sampleType: 'inuse_space',
    unit: 'B/op',
    absent: 'no heap profile recorded'
  },
  {
    kind: 'heap-alloc',
    title: 'Heap allocations (alloc_space), per op',
    field: 'heap',
    sampleType: 'alloc_space',
    unit: 'B/op',
    absent: 'no heap profile recorded'
  },
  { kind: 'cpu', title: 'CPU, per op', field: 'cpu', sampleType: 'cpu', unit: 'ns/op', absent: 'no CPU profile recorded' }
]

/** The decoded profiles of one benchmark's runs, per side and field, all decoded with `tables`. */
export interface BenchProfiles {
  tables: ProfileTables
  base: Record<ProfileField, { profile: CompactProfile; iterations: number }[]>
  head: Record<ProfileField, { profile: CompactProfile; iterations: number }[]>
}

function perOpNote(base: number, head: number): string {
  return `mean per op over the runs with a profile (base ${base}, head ${head}); widths from head, colour from head − base`
}

/** The benchmark's flame graphs in BENCH_FLAMES order; a graph whose profiles are missing says so. */
export function benchmarkFlames(id: string, profiles: BenchProfiles, budget: FrameBudget): (FlameView | MissingFlame)[] {
  return BENCH_FLAMES.map((spec) => {
    const header = { id: `${id}-${spec.kind}`, kind: spec.kind, title: spec.title }
    const baseRuns = profiles.base[spec.field]
    const headRuns = profiles.head[spec.field]
    if (baseRuns.length === 0 && headRuns.length === 0) return { ...header, missing: spec.absent }
    const opts = { sampleTypes: [spec.sampleType] }
    let base: StackProfile
    let head: StackProfile
    try {
      base = perOpMean(profiles.tables, baseRuns, opts)
      head = perOpMean(profiles.tables, headRuns, opts)
    } catch (err) {
      // A profile of another kind under the expected name (no such sample type): say so, draw the rest.
      return { ...header, missing: `cannot be drawn: ${(err as Error).message}` }
    }
    const graph = boundedFlameGraph(base, head, spec.sampleType)
    return flameView({ ...header, unit: spec.unit, note: perOpNote(baseRuns.length, headRuns.length) }, graph, budget)
  })
}

/**
 * The goroutines of leak groups as a stack profile: each group's count at its stack's leaf. The probe keeps
 * the goroutine's own frames only, so the group's creation site goes below them (`created by F`, where the
 * goroutine came from) and its wait state above them (`[chan receive]`, what it waits on), as a reader of
 * a goroutine dump sees them.
 */
function leakStacks(tables: ProfileTables, groups: LeakGroup[], source: string): StackProfile {
  const leaves: [number, number][] = []
  const frame = (name: string, file: string, line: number): number => tables.frameId(tables.functionId(name, file, name), line)
  for (const g of groups) {
    let node = 0
    if (g.creation) node = tables.child(node, frame(`created by ${g.creation.function}`, g.creation.file, g.creation.line))
    // Stacks are innermost first; the trie runs from the outermost frame.
    for (let i = g.stack.length - 1; i >= 0; i--) {
      const f = g.stack[i]
      node = tables.child(node, frame(f.function, f.file, f.line))
    }
    node = tables.child(node, frame(`[${g.state}]`, '', 0))
    leaves.push([node, g.count])
  }
  const values = new Float64Array(tables.nodeCount)
  for (const [node, count] of leaves) values[node] += count
  return { tables, sampleTypes: [{ type: 'goroutines', unit: 'count' }], values: [values], sources: [source] }
}

/** A differential flame graph of the goroutines still alive on each side, from the leak probe's groups. */
export function goroutineFlame(id: string, title: string, base: LeakGroup[], head: LeakGroup[], budget: FrameBudget): FlameView | MissingFlame {
  if (base.length === 0 && head.length === 0) return { id, kind: 'goroutines', title, missing: 'no goroutine was left behind on either side' }
  const tables = new ProfileTables()
  const graph = boundedFlameGraph(leakStacks(tables, base, 'base'), leakStacks(tables, head, 'head'), 'goroutines')
  const count = (groups: LeakGroup[]): number => groups.reduce((n, g) => n + g.count, 0)
  const note = `goroutines left behind, base ${count(base)}, head ${count(head)}; each group drawn with the stack of its first goroutine`
  return flameView({ id, kind: 'goroutines', title, unit: 'goroutines', note }, graph, budget)
}
