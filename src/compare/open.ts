// Which benchmarks adaptive sampling should measure again: those with a noisy metric whose interval still
// straddles its threshold, or that had too few rounds to reach the level. Settled ones (regression,
// improvement, unchanged) stop. Too-noisy ones stop once they have had the MAX_USEFUL_ROUNDS rounds that
// verdict is about: before that it rests on a spread taken from a few rounds, which one process in an odd
// mode inflates (bench:power: a true +10% called too noisy after 9 rounds, at a spread the next run's 400
// rounds put at half of that).
// `looks` is the number of planned looks: each look judges at the level the final report will use.
import type { CompareConfig } from '../config/types.js'
import type { RunResult } from '../model/result.js'
import { compareResults } from './compare.js'
import { MAX_USEFUL_ROUNDS } from './timing.js'

export function openDecisions(results: RunResult[], config: CompareConfig, looks = 1): Set<string> {
  const [base, head] = results
  const open = new Set<string>()
  if (!base || !head) return open
  const report = compareResults({ base, head, baseDir: '', headDir: '', config, looks })
  for (const c of report.comparisons) {
    const undecided = c.metrics.some(
      (m) => m.method === 'interval' && (m.status === 'inconclusive' || (m.status === 'too-noisy' && (m.interval?.rounds ?? 0) < MAX_USEFUL_ROUNDS))
    )
    if (undecided) open.add(`${c.pkg}\u0000${c.benchmark}`)
  }
  return open
}
