// The decision on noisy metrics (time, throughput, custom units): a confidence interval of the change,
// compared with a threshold, with the level set for every such comparison of the report at once.
//
// How the threshold and the change to catch relate. A rule "fail when the estimate is above +10%" catches a
// true +10% about half the time: the estimate falls on either side of the truth. So the gate fails when the
// interval lies wholly above a threshold T (default +5%) placed below the change it must catch (+10%), and:
// - unchanged code (true change 0) fails only if the interval's lower bound lands T above the truth. The
//   bound errs upwards with probability at most alpha/m by construction, and by far less when the truth is T
//   below it, so A/A runs practically never fail;
// - a true +10% fails when its lower bound clears +5%. The bound sits about z * 1.023 * s / sqrt(n) below
//   the estimate (s: per-round spread of the log ratio; z: the normal quantile of the bound's level, ~2.9
//   for 23 comparisons at alpha 0.05), and the estimate itself falls below the truth by 1.645 of its own
//   standard error 5% of the time, so 95% power needs (2.9 + 1.645) * 1.023 * s / sqrt(n) < ln(1.10) -
//   ln(1.05) = 0.0465: with s = 2% of well-behaved noise that is n >= 4, and the paired interval needs 9
//   rounds to reach the level at all (2^-n <= alpha/m). Noise with heavy tails (runs hit by a neighbour)
//   needs more: test/compare/timing.test.ts simulates 2% per run plus 5% of runs 30% slow and needs 40
//   rounds for 95%. Inconclusive benchmarks get those rounds where a time budget allows (adaptive.ts).
// - when the interval straddles T the verdict is "inconclusive": reported with the rounds that would settle
//   it, never failed and never called a pass.
//
// Multiple comparisons: m comparisons are judged at once (200 benchmarks with 4 metrics is 800). The
// failing (lower) bound errs with probability alpha/m (Bonferroni), so the chance that any of them fails
// code whose true change is at most T is at most alpha; the passing (upper) bound errs with alpha per
// comparison, the miss rate (see decideOne). Bonferroni holds whatever the dependence between comparisons, and benchmarks of one run are
// dependent (they share the machine's load), which Benjamini-Hochberg's guarantee does not cover; it also
// gives every comparison an interval of its own. 'bh' is offered for large suites: the intervals then have
// the false-coverage-rate level alpha R / m (Benjamini and Yekutieli, 2005), R being the number of
// comparisons Benjamini-Hochberg selects on the one-sided tests "worse than T", which fails exactly those.
//
// Repeated looks: adaptive rounds (jobs/bench/adaptive.ts) judge the same comparisons at K planned round
// counts and stop those that settled. Each look is one more chance for the failing bound to err, so the
// family's failing share is split over the looks too (alpha / (m x K)); K is 1 for a fixed count.
import type { CompareConfig } from '../config/types.js'
import type { ChangeInterval, MetricComparison } from '../model/report.js'
import {
  pairedInterval,
  pairedPAbove,
  pairedReaches,
  pairsToSettle,
  robustSpread,
  roundsToReach,
  shiftInterval,
  unpairedPAbove,
  unpairedReaches,
  type Bounds,
  type IntervalMethod
} from './interval.js'

/** Above this many rounds to settle an unchanged benchmark, the machine is too noisy to judge it. */
export const MAX_USEFUL_ROUNDS = 100

/** A comparison to decide, with its threshold (a relative change, 0.05 = 5% worse). */
export interface TimingCase {
  m: MetricComparison
  threshold: number
}

/** What a comparison's data look like on the scale the decision is made on: "worse" is positive. */
interface Scaled {
  /** Per-round badness of head against base, when the rounds pair up. */
  paired?: number[]
  base: number[]
  head: number[]
  tau: number
  /** Back to a relative change. */
  toRelative: (x: number) => number
}

function scale(c: TimingCase): Scaled | undefined {
  const { m, threshold } = c
  const base = m.baseSamples.filter((v): v is number => typeof v === 'number')
  const head = m.headSamples.filter((v): v is number => typeof v === 'number')
  const worse = m.lowerIsBetter === false ? -1 : 1
  if (base.every((v) => v > 0) && head.every((v) => v > 0)) {
    // Log ratios: a change of +10% and one of -9.1% are the same distance from 0, and drift that scales
    // both runs of a round cancels.
    return {
      paired: m.ratios?.map((r) => worse * Math.log(r)),
      base: base.map((v) => worse * Math.log(v)),
      head: head.map((v) => worse * Math.log(v)),
      tau: Math.log1p(threshold),
      toRelative: (x) => Math.expm1(worse * x) * worse
    }
  }
  // Zero or negative values (a custom unit): differences in units of the base's median.
  const ref = Math.abs(m.baseMedian as number)
  if (!(ref > 0)) return undefined
  return { base: base.map((v) => (worse * v) / ref), head: head.map((v) => (worse * v) / ref), tau: threshold, toRelative: (x) => worse * x }
}

function method(s: Scaled, bonferroniTail: number): IntervalMethod | undefined {
  if (s.paired && pairedReaches(s.paired.length, bonferroniTail)) return 'signed-rank'
  if (unpairedReaches(s.base.length, s.head.length, bonferroniTail)) return 'mann-whitney'
  return undefined
}

function pAbove(s: Scaled, how: IntervalMethod): number {
  return how === 'signed-rank' && s.paired ? pairedPAbove(s.paired, s.tau) : unpairedPAbove(s.base, s.head, s.tau)
}

function bounds(s: Scaled, how: IntervalMethod, tail: number): Bounds | undefined {
  return how === 'signed-rank' && s.paired ? pairedInterval(s.paired, tail) : shiftInterval(s.base, s.head, tail)
}

function spreadOf(s: Scaled): number {
  if (s.paired) return robustSpread(s.paired)
  // Unpaired: the spread of a difference of two runs, from each side's own spread.
  return Math.hypot(robustSpread(s.base), robustSpread(s.head))
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`

/** How many comparisons Benjamini-Hochberg selects at alpha among these one-sided p-values. */
function selectedByBH(ps: number[], alpha: number): number {
  const sorted = [...ps].sort((a, b) => a - b)
  let r = 0
  sorted.forEach((p, i) => {
    if (p <= (alpha * (i + 1)) / sorted.length) r = i + 1
  })
  return r
}

/**
 * Decides every noisy comparison of a report together. Each gets an interval, a status (regression,
 * improvement, unchanged, inconclusive, too-noisy) and a reason saying what the interval was compared with.
 */
export function decideTiming(cases: TimingCase[], stats: CompareConfig['statistics'], looks = 1): TimingLevel {
  const scaled = cases.map((c) => ({ c, s: scale(c) }))
  const judged = scaled.filter((x): x is { c: TimingCase; s: Scaled } => x.s !== undefined)
  for (const x of scaled) {
    if (x.s === undefined) {
      x.c.m.status = 'not-judged'
      x.c.m.reason = 'base median is 0 and values are not all positive: no relative change to judge'
    }
  }
  const m = Math.max(1, judged.length)
  const k = Math.max(1, looks)
  const bonferroni = (stats.correction === 'none' ? stats.alpha : stats.alpha / m) / k
  const how = judged.map(({ s }) => method(s, bonferroni))
  let tail = bonferroni
  if (stats.correction === 'bh') {
    const ps = judged.map(({ s }, i) => {
      const h = how[i]
      return h ? pAbove(s, h) : 1
    })
    tail = (stats.alpha * Math.max(1, selectedByBH(ps, stats.alpha / k))) / m / k
  }
  const level = { m, looks: k, fail: tail }
  judged.forEach(({ c, s }, i) => decideOne(c, s, how[i], { fail: tail, pass: Math.max(tail, stats.alpha) }, bonferroni, level, stats))
  return level
}

/** The level the failing bounds were set at: alpha spent over m comparisons and K looks. */
export interface TimingLevel {
  m: number
  looks: number
  fail: number
}

function levelText(tail: number, level: TimingLevel, stats: CompareConfig['statistics'], passTail?: number): string {
  const { m, looks } = level
  const over = looks > 1 ? ` and ${looks} looks` : ''
  const family = stats.correction === 'none' ? (looks > 1 ? ` (alpha ${stats.alpha} over ${looks} looks)` : '') : ` (alpha ${stats.alpha} over ${m} comparisons${over}, ${stats.correction === 'bh' ? 'BH-selected FCR level' : 'Bonferroni'})`
  const upper = passTail === undefined ? '' : `, the upper with ${passTail.toPrecision(2)}`
  return `the lower bound errs with p <= ${tail.toPrecision(2)}${family}${upper}`
}

const methodText = (how: IntervalMethod, s: Scaled, rounds: number): string =>
  how === 'signed-rank' ? `the signed-rank interval over ${rounds} paired rounds` : `the Mann-Whitney shift interval over ${s.base.length} vs ${s.head.length} runs`

/** The interval a decision shows, in relative terms, with the tails its two bounds err at. */
function intervalOf(c: TimingCase, s: Scaled, how: IntervalMethod, b: { estimate: number; low: number; high: number }, tails: { fail: number; pass: number }, rounds: number, spread: number): ChangeInterval {
  return {
    method: how,
    estimate: s.toRelative(b.estimate),
    low: s.toRelative(b.low),
    high: s.toRelative(b.high),
    tail: tails.fail,
    passTail: tails.pass,
    rounds,
    threshold: c.threshold,
    spread
  }
}

/**
 * Too few rounds for the failing bound's level, but enough for the passing bound's: a benchmark whose upper
 * bound already lies below the threshold passes (or, below minus the threshold, improved). The upper bound
 * errs with alpha however many rounds it took, so passing early adds no misses; only failing needs the
 * family's level. Without it every benchmark of a large suite waits for the rounds the strictest decision
 * needs (14 paired rounds at alpha / 10,000), and adaptive rounds are spent on code that already passed.
 */
function passEarly(c: TimingCase, s: Scaled, passTail: number, spread: number, rounds: number, level: TimingLevel, stats: CompareConfig['statistics'], bonferroni: number): boolean {
  const how = method(s, passTail)
  const up = how ? bounds(s, how, passTail) : undefined
  if (!how || !up || !(up.high < s.tau)) return false
  const out = c.m
  const i = intervalOf(c, s, how, up, { fail: passTail, pass: passTail }, rounds, spread)
  out.interval = i
  const improved = up.high < -s.tau
  out.status = improved ? 'improvement' : 'unchanged'
  out.reason =
    `${pct(i.estimate)} [${pct(i.low)}, ${pct(i.high)}] by ${methodText(how, s, rounds)}, both bounds erring with p <= ${passTail.toPrecision(2)}: ` +
    `wholly below ${improved ? pct(-c.threshold) : `the ${pct(c.threshold)} threshold`}. ${rounds} rounds cannot reach the failing level (${levelText(bonferroni, level, stats)}), but passing needs only the upper bound's`
  return true
}

/**
 * Rounds the interval seen so far says would settle it: the bound that must cross the threshold is this far
 * from the estimate now, and that distance shrinks as 1/sqrt(rounds). The spread's estimate (pairsToSettle)
 * reads a robust spread that ignores the rounds a neighbour hit; the interval does not ignore them, so on a
 * machine with heavy tails (a run with 25% CPU steal read 0.76 and 1.30 among ratios near 1.1) the spread
 * alone said 1 more round where the interval's width says 16 (test/compare/timing.test.ts). The larger of the two is the estimate.
 */
function pairsFromInterval(b: { estimate: number; low: number; high: number }, tau: number, rounds: number): number {
  const gap = Math.abs(b.estimate - tau)
  const half = b.estimate > tau ? b.estimate - b.low : b.high - b.estimate
  if (!(gap > 0) || !(half > 0)) return Infinity
  return Math.ceil(rounds * (half / gap) ** 2)
}

/**
 * The two bounds err with different probabilities because their errors cost different things. The lower
 * bound fails the gate: above the threshold by chance it blocks a good pull request, and it is checked for
 * m comparisons at once, so it gets the family's share (tails.fail). The upper bound passes: below the
 * threshold by chance it waves one real regression through, an error per comparison whose rate is the
 * gate's miss rate, so it gets alpha itself (tails.pass): a slowdown above the threshold is called a pass
 * at most alpha of the time. Without that, unchanged code would need as many rounds to pass as a
 * regression needs to fail.
 */
function decideOne(
  c: TimingCase,
  s: Scaled,
  how: IntervalMethod | undefined,
  tails: { fail: number; pass: number },
  bonferroni: number,
  level: TimingLevel,
  stats: CompareConfig['statistics']
): void {
  const { m } = level
  const out = c.m
  const spread = spreadOf(s)
  const rounds = s.paired?.length ?? Math.min(s.base.length, s.head.length)
  const tail = tails.fail
  const lower = how ? bounds(s, how, tails.fail) : undefined
  const upper = how ? bounds(s, how, tails.pass) : undefined
  const b = lower && upper ? { estimate: lower.estimate, low: lower.low, high: upper.high } : undefined
  if (!how && passEarly(c, s, tails.pass, spread, rounds, level, stats, bonferroni)) return
  if (!how || !b) {
    const need = roundsToReach(bonferroni)
    out.status = 'inconclusive'
    out.reason = `${rounds} rounds cannot reach the level the ${m} comparisons need (${levelText(bonferroni, level, stats)}): at least ${need} paired rounds would`
    out.settle = { moreRounds: Math.max(1, need - rounds) }
    return
  }
  const interval = intervalOf(c, s, how, b, tails, rounds, spread)
  out.interval = interval
  const shown = `${pct(interval.estimate)} [${pct(interval.low)}, ${pct(interval.high)}] by ${methodText(how, s, rounds)}, ${levelText(tail, level, stats, tails.pass)}`
  if (b.low > s.tau) {
    out.status = 'regression'
    out.reason = `${shown}: wholly above the ${pct(c.threshold)} threshold`
  } else if (b.high < -s.tau) {
    out.status = 'improvement'
    out.reason = `${shown}: wholly below ${pct(-c.threshold)}`
  } else if (b.high < s.tau) {
    out.status = 'unchanged'
    out.reason = `${shown}: wholly below the ${pct(c.threshold)} threshold`
  } else {
    const needed = Math.max(pairsToSettle(spread, b.estimate - s.tau, b.estimate > s.tau ? tails.fail : tails.pass), pairsFromInterval(b, s.tau, rounds))
    const quiet = pairsToSettle(spread, s.tau, tails.pass)
    out.status = quiet > MAX_USEFUL_ROUNDS ? 'too-noisy' : 'inconclusive'
    const more = Number.isFinite(needed) ? Math.max(1, needed - rounds) : undefined
    out.settle = { moreRounds: more ?? null }
    out.reason =
      out.status === 'too-noisy'
        ? `${shown}: straddles ${pct(c.threshold)}, and a spread of ${pct(spread).slice(1)} per round is too noisy to judge: even unchanged code would need about ${quiet} rounds to pass`
        : `${shown}: straddles the ${pct(c.threshold)} threshold; ${more === undefined ? 'the estimate sits on the threshold, so no number of rounds settles it' : `about ${more} more rounds would settle it`}`
  }
}
