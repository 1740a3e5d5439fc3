// Adaptive sampling within a time budget (run.timeBudget): rounds are spent where the decision is open.
//
// A fixed count spends the same rounds on a benchmark whose interval cleared the threshold after 6 rounds
// as on one that straddles it after 10. With a budget the gate runs a first pass of at most FIRST_ROUNDS
// rounds (6 + 6 unpaired runs already reach a 1/924 level), then judges at a fixed schedule of looks,
// geometric by LOOK_GROWTH (6, 9, 14, 21, 32, 48, 72, 108, 162, 200 at count 10), capped by the round limit
// of 20 x count. Between two looks the benchmarks still open (inconclusive, or too few rounds for the level
// the family needs) run, as one batch, the rounds up to the next look; settled ones stop. It ends when
// none is open, the next batch would not fit in the budget (then the rounds that fit run and are judged
// as the last look), or the last look is reached. Each round is still base and head back to back, so the
// pairs stay paired.
//
// Repeated looks are optional stopping: a comparison judged k times has k chances to cross. A change
// sitting exactly at the threshold never settles, so it is judged at every look, and at alpha/m per look
// it would fail far more often than alpha/m in all (judged after every round, as this module once did,
// up to 95 looks at count 10: in the simulation of test/jobs/bench/looks.test.ts a change at the threshold
// failed 21% of 400 seeded runs at alpha 0.05, against 3% with the planned looks). So alpha is spent over
// the planned looks by Bonferroni: the failing bound of every look is at alpha / (m x K), K
// the number of looks in the schedule (10 at count 10), and the chance that any look fails a comparison
// whose true change is at most the threshold is at most alpha / m whatever the dependence between looks.
// Fewer looks than planned (the budget ran out, or everything settled) only make it more conservative.
// The price is rounds: the level is K times stricter, so a paired interval needs log2(K) more rounds to
// reach it. A geometric schedule keeps K small (it grows with the log of the round limit) while a look
// still comes soon after a benchmark could settle: each batch adds half the rounds already run.
// The passing bound keeps alpha per look (timing.ts): a pass stops a benchmark's looks, so it can never add
// a false failure, but a regression sitting just above the threshold now has up to K chances to be passed
// (a miss rate of at most K x alpha there, far less for a change well above it, whose upper bound rarely
// dips below the threshold). Simulated (400 seeded runs each, 4% per run and a 10% drift per round, to the
// round limit): a true +5.5% was passed 6.8% of the time, +6% 3.3%, +7.5% 0.3%, and +10%, twice the
// threshold, never (caught 400/400 after 18.5 rounds on average; test/jobs/bench/looks.test.ts). So the
// bound's real cost is near alpha, not K x alpha. Splitting alpha on that bound as well would make
// unchanged code need about twice the rounds to pass.
import type { RunConfig } from '../../config/types.js'
import type { AdaptiveRecord, RunResult } from '../../model/result.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import type { JobDeps } from '../deps.js'
import type { Observed } from './assemble.js'
import { planRound, planRounds, type MeasurementPlan, type Phase } from './plan.js'
import type { PreparedSide } from './prepare.js'

export const FIRST_ROUNDS = 6
// 20, not 10: on a runner shared with another job (bench:power, two gates side by side) a true +10% with a
// per-round spread of 14% ended at 200 rounds undecided in 3 of 4 runs, its lower bound at +2.8% to +4.6%;
// the budget, not this limit, is what bounds the time.
const MAX_ROUNDS_FACTOR = 20
/** Each look comes after half again as many rounds as the one before. */
export const LOOK_GROWTH = 1.5

/**
 * Decides, from the results so far, which benchmarks (`importPath\0name`) need more rounds. `looks` is the
 * number of planned looks, over which the judge spends alpha.
 */
export type OpenDecisions = (results: RunResult[], looks: number) => Set<string>

export interface Adaptive {
  /** Wall time for all the timed rounds, the first pass included; Infinity when only `factor` bounds them. */
  budgetMs: number
  /**
   * A budget of `factor` times what `count` rounds of every benchmark would take, at the first pass's cost
   * per round (run.adaptive); with budgetMs as well, the smaller one holds.
   */
  factor?: number
  open: OpenDecisions
  /** Milliseconds, monotonic. */
  clock: () => number
}

type RunPhases = (plan: MeasurementPlan) => Promise<void>

/** Round counts after which the judge looks: first, then LOOK_GROWTH times more each time, ending at maxRounds. */
export function lookSchedule(first: number, maxRounds: number): number[] {
  const looks = [Math.min(first, maxRounds)]
  while (looks[looks.length - 1] < maxRounds) {
    const last = looks[looks.length - 1]
    looks.push(Math.min(maxRounds, Math.max(last + 1, Math.ceil(last * LOOK_GROWTH))))
  }
  return looks
}

/** The first pass and the round limit for a configuration. */
export function roundLimits(count: number): { first: number; maxRounds: number } {
  const first = Math.min(count, FIRST_ROUNDS)
  return { first, maxRounds: Math.max(first, count * MAX_ROUNDS_FACTOR) }
}

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
  observed: Observed[],
  seed?: number
): Promise<AdaptiveRecord> {
  const started = adaptive.clock()
  const { first, maxRounds } = roundLimits(cfg.count)
  const looks = lookSchedule(first, maxRounds)
  const bound = [Number.isFinite(adaptive.budgetMs) ? `${Math.round(adaptive.budgetMs / 1000)}s` : '', adaptive.factor ? `${adaptive.factor} x what ${cfg.count} rounds take` : ''].filter(Boolean).join(' or ')
  deps.log(`time budget ${bound}: a first pass of ${first} rounds, then more rounds only for benchmarks still undecided, judged after ${looks.join(', ')} rounds`)
  await runPhases({ phases: planRounds(sides, cfg, deps.toolchain, rules, first, seed) })
  const benchmarks = Math.max(1, planRound(sides, cfg, deps.toolchain, rules, 0, '').runs.length / sides.length)
  // A round of one benchmark on both sides, from the rounds run so far: a batch of fewer benchmarks
  // takes proportionally less than a full round.
  let benchRoundMs = (adaptive.clock() - started) / (first * benchmarks)
  // The relative budget is priced at the first pass: what count full rounds would cost at its pace.
  const budgetMs = Math.min(adaptive.budgetMs, adaptive.factor ? adaptive.factor * cfg.count * benchmarks * benchRoundMs : Number.POSITIVE_INFINITY)
  const record: AdaptiveRecord = { budgetMs: Math.round(budgetMs), usedMs: 0, firstRounds: first, looks, extraRounds: {}, stopped: 'settled', ...(adaptive.factor ? { factor: adaptive.factor } : {}) }
  let done = first
  for (let look = 1; ; look++) {
    const open = adaptive.open(assemble(observed), looks.length)
    if (open.size === 0) break
    if (look >= looks.length) {
      record.stopped = 'max-rounds'
      break
    }
    const left = budgetMs - (adaptive.clock() - started)
    const fits = Math.floor(left / Math.max(1e-9, benchRoundMs * open.size))
    const batch = Math.min(looks[look] - done, fits)
    if (batch < 1) {
      record.stopped = 'budget'
      break
    }
    const t = adaptive.clock()
    const phases: Phase[] = Array.from({ length: batch }, (_, i) =>
      planRound(sides, cfg, deps.toolchain, rules, done + i, `extra round ${done + i + 1}: ${open.size} undecided benchmark(s) × ${sides.length} side(s)`, (key) => open.has(key), seed)
    )
    await runPhases({ phases })
    benchRoundMs = (adaptive.clock() - t) / (batch * open.size)
    done += batch
    for (const key of open) {
      const name = key.replace('\u0000', '.')
      record.extraRounds[name] = (record.extraRounds[name] ?? 0) + batch
    }
    if (done < looks[look]) {
      // The rounds that fitted are judged once more, by compare, as the last look.
      record.stopped = 'budget'
      break
    }
  }
  record.usedMs = Math.round(adaptive.clock() - started)
  return record
}
