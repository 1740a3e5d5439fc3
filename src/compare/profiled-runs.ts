// Which runs of a benchmark hold the profile a question needs. The runs made for a profile
// (BenchmarkResult.profileRuns) are preferred; results written before they existed still have the timed
// runs' sampled memory profiles.
import type { BenchmarkResult, BenchRun, RunResult } from '../model/result.js'

/** Benchmarks by package and name: a lookup per finding must not scan every package (a result may be huge). */
export function benchmarkIndex(r: RunResult): Map<string, BenchmarkResult> {
  const m = new Map<string, BenchmarkResult>()
  for (const p of r.packages) for (const b of p.benchmarks) m.set(`${p.importPath}\u0000${b.name}`, b)
  return m
}

/** Runs with a CPU profile. */
export function cpuProfiledRuns(b: BenchmarkResult): BenchRun[] {
  return [...b.runs, ...(b.profileRuns ?? [])].filter((r) => r.cpuProfile !== undefined)
}

/** Whether a run's memory profile holds every allocation (-test.memprofilerate=1) rather than a sample. */
export function isExactHeap(r: BenchRun): boolean {
  return r.heap?.memProfileRate === 1
}

/**
 * The runs whose memory profiles say where allocations and retained heap come from: the exact-allocation
 * runs when the result has them, since a sampled profile (Go's default rate) may miss a small site
 * altogether; otherwise the timed runs' sampled profiles.
 */
export function allocationProfiledRuns(b: BenchmarkResult): { runs: BenchRun[]; exact: boolean } {
  const exact = [...b.runs, ...(b.profileRuns ?? [])].filter(isExactHeap)
  if (exact.length > 0) return { runs: exact, exact: true }
  return { runs: b.runs.filter((r) => r.heap !== undefined), exact: false }
}
