// Adaptive sampling within a time budget (run.timeBudget): rounds are spent where the decision is open.
//
// A fixed count spends the same rounds on a benchmark whose interval cleared the threshold after 6 rounds
// as on one that straddles it after 10. With a budget the gate runs a first pass of at most
// FIRST_ROUNDS rounds (6 + 6 unpaired runs already reach a 1/924 level, enough to pass unchanged code and
// fail large changes), asks the judge which benchmarks are still open (inconclusive, or too few rounds for
// the level the family needs), and runs one more round of just those, until none is open, the next round
// would not fit in the budget, or 10 x count rounds ran. Each extra round is still base and head back to
// back, so the pairs stay paired.
//
// Looking again after every round is optional stopping: a comparison that is tested k times has k chances
// to cross. The failing bound's level is alpha/m per look, and the threshold keeps unchanged code (true
// change 0, not T) far from it, so A/A failures stay negligible; a change sitting exactly at the threshold
// gets up to k looks at alpha/m each. The round limit bounds k.
import type { RunConfig } from '../../config/types.js'
import type { AdaptiveRecord, RunResult } from '../../model/result.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import type { JobDeps } from '../deps.js'
import type { Observed } from './assemble.js'
import { planRound, planRounds, type MeasurementPlan } from './plan.js'
import type { PreparedSide } from './prepare.js'

export const FIRST_ROUNDS = 6
const MAX_ROUNDS_FACTOR = 10

/** Decides, from the results so far, which benchmarks (`importPath\0name`) need more rounds. */
export type OpenDecisions = (results: RunResult[]) => Set<string>

export interface Adaptive {
  budgetMs: number
  open: OpenDecisions
  /** Milliseconds, monotonic. */
  clock: () => number
}

type RunPhases = (plan: MeasurementPlan) => Promise<void>

/**
 * Runs the timed rounds adaptively into `observed` (through runPhases, which runs a plan) and returns what it
 * chose. `assemble` turns what was observed so far into the sides' results for the judge.
 */
export async function runAdaptiveRounds(
  deps: JobDeps,
  cfg: RunConfig,
  sides: PreparedSide[],
  rules: readonly GoroutineRule[],
  adaptive: Adaptive,
  runPhases: RunPhases,
  assemble: (observed: Observed[]) => RunResult[],
  observed: Observed[]
): Promise<AdaptiveRecord> {
  const started = adaptive.clock()
  const first = Math.min(cfg.count, FIRST_ROUNDS)
  const maxRounds = Math.max(first, cfg.count * MAX_ROUNDS_FACTOR)
  deps.log(`time budget ${Math.round(adaptive.budgetMs / 1000)}s: a first pass of ${first} rounds, then more rounds only for benchmarks still undecided`)
  await runPhases({ phases: planRounds(sides, cfg, deps.toolchain, rules, first) })
  const record: AdaptiveRecord = { budgetMs: adaptive.budgetMs, usedMs: 0, firstRounds: first, extraRounds: {}, stopped: 'settled' }
  let lastRoundMs = (adaptive.clock() - started) / Math.max(1, first)
  for (let round = first; ; round++) {
    const open = adaptive.open(assemble(observed))
    if (open.size === 0) break
    if (round >= maxRounds) {
      record.stopped = 'max-rounds'
      break
    }
    // A round of fewer benchmarks takes less than a full one; the last round's time is the estimate.
    if (adaptive.clock() - started + lastRoundMs > adaptive.budgetMs) {
      record.stopped = 'budget'
      break
    }
    const t = adaptive.clock()
    const title = `extra round ${round + 1}: ${open.size} undecided benchmark(s) × ${sides.length} side(s)`
    await runPhases({ phases: [planRound(sides, cfg, deps.toolchain, rules, round, title, (key) => open.has(key))] })
    lastRoundMs = adaptive.clock() - t
    for (const key of open) {
      const name = key.replace('\u0000', '.')
      record.extraRounds[name] = (record.extraRounds[name] ?? 0) + 1
    }
  }
  record.usedMs = Math.round(adaptive.clock() - started)
  return record
}
