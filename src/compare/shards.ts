// Merging the shards of a matrix back into one side: each shard measured a disjoint part of the packages
// (go/shard.ts), so one side's results concatenate. The merged results are compared once, so that the
// statistics and the multiple-comparison control see every comparison together, as in one job.
import type { BenchRun, RunResult } from '../model/result.js'

export interface ShardPart {
  /** 1-based, for messages. */
  index: number
  result: RunResult
  /** Where the part's result directory is, relative to the merged one: profile paths move below it. */
  dir: string
}

function moveProfiles(result: RunResult, dir: string): RunResult['packages'] {
  const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`
  // Every file a run names: the memory profile of timed, small and profiled runs, and the CPU profile.
  const moveRun = (r: BenchRun): BenchRun => ({
    ...r,
    ...(r.heap === undefined ? {} : { heap: { ...r.heap, profile: prefix + r.heap.profile } }),
    ...(r.cpuProfile === undefined ? {} : { cpuProfile: prefix + r.cpuProfile })
  })
  const moveRuns = (runs: BenchRun[] | undefined): BenchRun[] | undefined => runs?.map(moveRun)
  return result.packages.map((p) => ({
    ...p,
    benchmarks: p.benchmarks.map((b) => {
      const smallRuns = moveRuns(b.smallRuns)
      const profileRuns = moveRuns(b.profileRuns)
      return { ...b, runs: b.runs.map(moveRun), ...(smallRuns && { smallRuns }), ...(profileRuns && { profileRuns }) }
    })
  }))
}

/** One side of all shards. Throws when there is no part or the parts were measured in ways that cannot mix. */
export function mergeShards(parts: ShardPart[]): RunResult {
  const sorted = [...parts].sort((a, b) => a.index - b.index)
  const first = sorted[0]
  if (first === undefined) throw new RangeError('no shard to merge')
  for (const p of sorted.slice(1)) {
    if (p.result.env.race !== first.result.env.race || p.result.env.module !== first.result.env.module || p.result.env.commit !== first.result.env.commit) {
      throw new RangeError(
        `shard ${p.index} measured ${p.result.env.module} at ${p.result.env.commit ?? 'an unknown commit'}${p.result.env.race ? ' with -race' : ''}, ` +
          `shard ${first.index} ${first.result.env.module} at ${first.result.env.commit ?? 'an unknown commit'}${first.result.env.race ? ' with -race' : ''}: they cannot be merged`
      )
    }
  }
  const seen = new Set<string>()
  const packages: RunResult['packages'] = []
  for (const p of sorted) {
    for (const pkg of moveProfiles(p.result, p.dir)) {
      if (seen.has(pkg.importPath)) continue
      seen.add(pkg.importPath)
      packages.push(pkg)
    }
  }
  const withTests = sorted.filter((p) => p.result.tests !== undefined)
  return {
    ...first.result,
    startedAt: sorted.map((p) => p.result.startedAt).sort()[0],
    finishedAt: sorted.map((p) => p.result.finishedAt).sort().reverse()[0],
    packages,
    ...(withTests.length === 0 ? {} : { tests: withTests.flatMap((p) => p.result.tests ?? []) }),
    errors: sorted.flatMap((p) => p.result.errors)
  }
}

/** Which of shards 1..count are not among the indexes present. */
export function missingShards(present: number[], count: number): number[] {
  const have = new Set(present)
  return Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i))
}
