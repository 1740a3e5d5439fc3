// Distribution-free confidence intervals of a change, for deciding on an interval rather than on a p-value
// and a point estimate.
//
// - Paired (the default when the rounds allow it): base and head alternate round by round, so round i gives
//   one log ratio d_i = ln(head_i / base_i) taken close in time; a drift of the machine between rounds hits
//   both runs of a round and cancels out of d_i. When base and head runs are noisy in the same way, d_i is
//   head noise minus base noise, which is symmetric about the true change whatever the noise distribution.
//   That symmetry is all the Wilcoxon signed-rank test needs, so the interval is the Hodges-Lehmann one:
//   order statistics of the Walsh averages (d_i + d_j) / 2, i <= j, cut where the exact null distribution of
//   the signed-rank statistic puts the tail probability.
// - Unpaired (when there are too few rounds for the paired interval to reach the level): the shift interval
//   dual to the Mann-Whitney U test (Moses), order statistics of the differences ln(head_j) - ln(base_i).
//   Two samples of n carry C(2n, n) orderings against 2^n sign patterns of n pairs, so at 6 rounds the
//   unpaired interval reaches a level (1/924) that the paired one cannot (1/64).
import { erfc, mannWhitneyNullTail, median } from './stats.js'

export type IntervalMethod = 'signed-rank' | 'mann-whitney'

/** Bounds on the change (in the caller's scale: log ratios here) and the one-sided error of each bound. */
export interface Bounds {
  estimate: number
  low: number
  high: number
}

// Beyond this many pairs the signed-rank distribution is close enough to normal, and the exact table would
// cost n^3 / 2 steps.
const SIGNED_RANK_EXACT_LIMIT = 100

const signedRankTables = new Map<number, Float64Array>()

/**
 * table[w] = P(W <= w) under the null for the signed-rank statistic of n pairs without ties, w = 0..n(n+1)/2:
 * each rank is in the positive sum with probability 1/2, so the distribution is built one rank at a time.
 */
export function signedRankNullTail(n: number): Float64Array {
  const cached = signedRankTables.get(n)
  if (cached) return cached
  const top = (n * (n + 1)) / 2
  let p = new Float64Array(top + 1)
  p[0] = 1
  for (let r = 1; r <= n; r++) {
    const next = new Float64Array(top + 1)
    for (let w = 0; w <= top; w++) next[w] = (p[w] + (w >= r ? p[w - r] : 0)) / 2
    p = next
  }
  for (let w = 1; w <= top; w++) p[w] += p[w - 1]
  signedRankTables.set(n, p)
  return p
}

/** z with P(Z > z) = tail for a standard normal Z, by bisection on erfc (tail in (0, 0.5]). */
export function normalUpperQuantile(tail: number): number {
  let lo = 0
  let hi = 40
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (erfc(mid / Math.SQRT2) / 2 > tail) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * The largest k with P(S <= k) <= tail, from an exact table of the null distribution (or the normal
 * approximation with mean mu and standard deviation sd when there is no table); -1 when even k = 0 is too
 * likely: the sample is too small to reach that level at all.
 */
function cutIndex(table: Float64Array | undefined, tail: number, mu: number, sd: number): number {
  if (table) {
    let k = -1
    while (k + 1 < table.length && table[k + 1] <= tail) k++
    return k
  }
  return Math.floor(mu - normalUpperQuantile(tail) * sd - 0.5)
}

function sortedNumbers(xs: number[]): number[] {
  return Float64Array.from(xs).sort().reduce<number[]>((out, x) => (out.push(x), out), [])
}

function walshAverages(d: readonly number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < d.length; i++) for (let j = i; j < d.length; j++) out.push((d[i] + d[j]) / 2)
  return sortedNumbers(out)
}

/** Whether n pairs can give a paired interval whose bounds each err with probability at most tail. */
export function pairedReaches(n: number, tail: number): boolean {
  return n > 0 && 2 ** -n <= tail
}

/** Whether n1 and n2 unpaired values can give a shift interval at that level (1 / C(n1 + n2, n1) <= tail). */
export function unpairedReaches(n1: number, n2: number, tail: number): boolean {
  if (n1 === 0 || n2 === 0) return false
  let c = 1
  const k = Math.min(n1, n2)
  for (let i = 1; i <= k; i++) c = (c * (n1 + n2 - k + i)) / i
  return 1 / c <= tail
}

/** Rounds (pairs) the paired interval needs before its bounds can err with probability as small as tail. */
export function roundsToReach(tail: number): number {
  return Math.ceil(Math.log2(1 / tail))
}

/**
 * Hodges-Lehmann estimate and signed-rank interval of the centre of d: P(centre < low) <= tail and
 * P(centre > high) <= tail. Undefined when n pairs cannot reach that level (2^-n > tail).
 */
export function pairedInterval(d: readonly number[], tail: number): Bounds | undefined {
  const n = d.length
  if (!pairedReaches(n, tail)) return undefined
  const walsh = walshAverages(d)
  const table = n <= SIGNED_RANK_EXACT_LIMIT ? signedRankNullTail(n) : undefined
  const k = cutIndex(table, tail, walsh.length / 2, Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24))
  if (k < 0) return undefined
  return { estimate: median(walsh), low: walsh[k], high: walsh[walsh.length - 1 - k] }
}

/**
 * Hodges-Lehmann shift of y against x and the interval dual to the Mann-Whitney U test, each bound erring
 * with probability at most tail. Undefined when the samples are too small for that level.
 */
export function shiftInterval(x: readonly number[], y: readonly number[], tail: number): Bounds | undefined {
  const n1 = x.length
  const n2 = y.length
  if (!unpairedReaches(n1, n2, tail)) return undefined
  const diffs: number[] = []
  for (const a of x) for (const b of y) diffs.push(b - a)
  const sorted = sortedNumbers(diffs)
  const k = cutIndex(mannWhitneyNullTail(n1, n2), tail, (n1 * n2) / 2, Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12))
  if (k < 0) return undefined
  return { estimate: median(sorted), low: sorted[k], high: sorted[sorted.length - 1 - k] }
}

/**
 * One-sided p-value of "the centre of d is at most tau" against "it is above": the signed-rank statistic
 * counted as the Walsh averages at or below tau. Small when nearly every Walsh average is above tau.
 */
export function pairedPAbove(d: readonly number[], tau: number): number {
  const n = d.length
  if (n === 0) return 1
  const w = walshAverages(d).filter((a) => a <= tau).length
  if (n <= SIGNED_RANK_EXACT_LIMIT) return signedRankNullTail(n)[w]
  const mu = (n * (n + 1)) / 4
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24)
  return erfc((mu - w - 0.5) / sd / Math.SQRT2) / 2
}

/** One-sided p-value of "y - x is at most tau" from the Mann-Whitney count of differences at or below tau. */
export function unpairedPAbove(x: readonly number[], y: readonly number[], tau: number): number {
  let u = 0
  for (const a of x) for (const b of y) if (b - a <= tau) u++
  const n1 = x.length
  const n2 = y.length
  if (n1 === 0 || n2 === 0) return 1
  const table = mannWhitneyNullTail(n1, n2)
  if (table && u < table.length) return table[u]
  const mu = (n1 * n2) / 2
  const sd = Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12)
  const z = (mu - u - 0.5) / sd
  return z >= 0 ? erfc(z / Math.SQRT2) / 2 : 1 - erfc(-z / Math.SQRT2) / 2
}

/** A robust standard deviation: 1.4826 times the median absolute deviation (equals sigma for normal data). */
export function robustSpread(xs: readonly number[]): number {
  if (xs.length < 2) return 0
  const m = median(xs)
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)))
}

/**
 * About how many pairs would settle a decision: the Hodges-Lehmann estimate's standard error is close to
 * 1.023 sigma / sqrt(n) (its efficiency against the mean is 3/pi for normal noise), and the interval's
 * half-width is z of the level times that. Infinity when the estimate sits on the threshold.
 */
export function pairsToSettle(spread: number, gap: number, tail: number): number {
  if (!(Math.abs(gap) > 0)) return Infinity
  const z = normalUpperQuantile(tail)
  return Math.max(1, Math.ceil(((z * 1.023 * spread) / Math.abs(gap)) ** 2))
}
