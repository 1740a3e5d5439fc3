// From what discovery found and what each run showed to a side's RunResult. Pure.
import type { RunConfig } from '../../config/types.js'
import type { Toolchain } from '../../go/toolchain.js'
import { RESULT_SCHEMA_VERSION, type BenchmarkResult, type LeakGroup, type PackageResult, type RunResult } from '../../model/result.js'
import { VERSION } from '../../version.js'
import type { Observation } from './observe.js'
import type { PlannedRun } from './plan.js'
import type { PreparedSide } from './prepare.js'

export interface Observed {
  planned: PlannedRun
  observation: Observation
}

/** Goroutines a benchmark left behind: per signature, the most any small run left. */
function mergeLeaks(known: LeakGroup[] | undefined, groups: LeakGroup[]): LeakGroup[] {
  const bySignature = new Map((known ?? []).map((g) => [g.looseKey, g]))
  for (const g of groups) {
    const seen = bySignature.get(g.looseKey)
    if (!seen) bySignature.set(g.looseKey, g)
    else if (g.count > seen.count) bySignature.set(g.looseKey, { ...g, tests: seen.tests })
  }
  return [...bySignature.values()]
}

function leafResults(side: PreparedSide, sideIndex: number, observed: Observed[]): Map<string, BenchmarkResult> {
  const results = new Map<string, BenchmarkResult>()
  side.packages.forEach((p, pkg) =>
    p.leaves.forEach((l, leaf) => results.set(`${pkg}/${leaf}`, { name: l.name, procs: l.procs, runs: [], ...(l.failure ? { failure: l.failure } : {}) }))
  )
  for (const { planned, observation: o } of observed) {
    if (planned.side !== sideIndex) continue
    const result = results.get(`${planned.pkg}/${planned.leaf}`)
    if (!result) continue
    if (o.leaks) result.leaks = mergeLeaks(result.leaks, o.leaks)
    if (o.kind === 'failed') {
      result.failure ??= o.failure
      continue
    }
    const runs =
      planned.kind === 'small' ? (result.smallRuns ??= []) : planned.kind === 'full' ? result.runs : (result.profileRuns ??= [])
    runs.push({ index: runs.length, ...o.run })
  }
  return results
}

export function assembleSide(side: PreparedSide, sideIndex: number, observed: Observed[], cfg: RunConfig, tc: Toolchain, finishedAt: string): RunResult {
  const mine = observed.filter((o) => o.planned.side === sideIndex)
  const results = leafResults(side, sideIndex, mine)
  const packages: PackageResult[] = side.packages.map((p, pkg) => ({
    importPath: p.built.pkg.importPath,
    dir: p.built.pkg.relDir,
    build: p.built.build,
    benchmarks: [...p.leaves.map((_, leaf) => results.get(`${pkg}/${leaf}`)).filter((b): b is BenchmarkResult => b !== undefined), ...p.topFailures]
  }))
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'go-leak-gate', version: VERSION },
    env: {
      goVersion: tc.goVersion,
      goos: tc.goos,
      goarch: tc.goarch,
      cpu: side.cpu || (mine.find((o) => o.observation.cpu)?.observation.cpu ?? ''),
      gomaxprocs: tc.gomaxprocs,
      race: cfg.race,
      module: side.module.path,
      commit: side.spec.commit,
      benchtime: cfg.benchtime,
      count: cfg.count
    },
    startedAt: side.startedAt,
    finishedAt,
    packages,
    errors: [...side.errors, ...mine.flatMap((o) => o.observation.errors)]
  }
}
