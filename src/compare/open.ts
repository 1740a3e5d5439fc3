// Which benchmarks adaptive sampling should measure again: those with a noisy metric whose interval still
// straddles its threshold, or that had too few rounds to reach the level. Settled ones (regression,
// improvement, unchanged) stop; too-noisy ones stop too, since the rounds they would need do not fit.
// `looks` is the number of planned looks: each look judges at the level the final report will use.
import type { CompareConfig } from '../config/types.js'
import type { RunResult } from '../model/result.js'
import { compareResults } from './compare.js'

export function openDecisions(results: RunResult[], config: CompareConfig, looks = 1): Set<string> {
  const [base, head] = results
  const open = new Set<string>()
  if (!base || !head) return open
  const report = compareResults({ base, head, baseDir: '', headDir: '', config, looks })
  for (const c of report.comparisons) {
    if (c.metrics.some((m) => m.method === 'interval' && m.status === 'inconclusive')) open.add(`${c.pkg}\u0000${c.benchmark}`)
  }
  return open
}
