// The statistics benchstat uses to compare two samples of benchmark measurements, so the gate and a user's
// own benchstat run agree: medians as the summary, a two-sided Mann-Whitney U test for "did it change", plus the
// multiple-comparison control (Benjamini-Hochberg) that benchstat lacks and a merge gate needs.
//
// The U test follows github.com/aclements/go-moremath/stats (called by golang.org/x/perf/benchmath, which
// benchstat uses): the exact permutation distribution of U up to 50 values per side, or up to 25 when any
// value is tied (the distribution then depends on the tie pattern and costs more to count); beyond that, the
// normal approximation with tie and continuity correction. It departs from go-moremath in three places:
//   - p is capped at 1. Doubling a one-sided tail of a lopsided tied distribution can exceed 1
//     (go-moremath gives 4/3 for [1] vs [1, 5]).
//   - With ties and unequal sizes, go-moremath evaluates min(U1, U2) under the first sample's distribution
//     of U even when the smaller U belongs to the second sample; that distribution differs from the
//     second's, so its p changes when the samples are swapped. Here the tail is taken under the distribution
//     of the sample whose U is smaller, which is what go-moremath computes whenever that is the first sample.
//     With equal sizes or without ties both distributions are the same and the answers agree.
//   - In the normal approximation go-moremath computes the upper tail as 1 - Phi(z), which cancels to 0 for
//     large z; the tail here is erfc(|z| / sqrt 2) either way. The difference stays below 1e-15.

/** The result of a two-sided Mann-Whitney U test. */
export interface MannWhitneyResult {
  /**
   * U for the first sample: the pairs (x from a, y from b) with x > y, plus half the pairs with x == y.
   * The second sample's U is a.length * b.length - u.
   */
  u: number
  /** Two-sided p-value of the hypothesis that both samples come from the same distribution. */
  pValue: number
  /**
   * Whether pValue comes from the exact distribution of U rather than the normal approximation. The
   * degenerate cases (an empty side, every value the same) have p = 1 exactly and report true.
   */
  exact: boolean
}

// go-moremath's MannWhitneyExactLimit and MannWhitneyTiesExactLimit: where benchstat stops using the exact
// distribution. Keeping them makes the gate's p-values those a user gets from benchstat.
const EXACT_LIMIT = 50
const EXACT_LIMIT_WITH_TIES = 25

/** Arithmetic mean; NaN for an empty sample. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

/**
 * The sample median (the mean of the two middle values for an even count): benchstat's summary statistic.
 * Equals quantile(xs, 0.5). NaN for an empty sample.
 */
export function median(xs: readonly number[]): number {
  const sorted = sortedCopy(xs, 'median')
  const n = sorted.length
  if (n === 0) return Number.NaN
  const mid = Math.floor(n / 2)
  if (n % 2 === 1) return sorted[mid]
  return interpolate(sorted[mid - 1], sorted[mid], 0.5)
}

/**
 * The q-quantile (0 <= q <= 1) by Hyndman and Fan's definition 8, the one go-moremath's Sample.Quantile uses:
 * position h = (n + 1/3) q + 1/3 in the sorted sample (1-based), interpolated linearly between neighbours and
 * clamped to the smallest and largest value. It is approximately median-unbiased whatever the distribution,
 * which matters for skewed samples like GC pauses, and it never extrapolates beyond the observed values, so
 * the p99 of up to 66 pauses is the largest pause rather than an invented one. NaN for an empty
 * sample.
 */
export function quantile(xs: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be between 0 and 1, got ${q}`)
  const sorted = sortedCopy(xs, 'quantile')
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = 1 / 3 + q * (n + 1 / 3)
  const k = Math.floor(h)
  if (k <= 0) return sorted[0]
  if (k >= n) return sorted[n - 1]
  return interpolate(sorted[k - 1], sorted[k], h - k)
}

/**
 * Two-sided Mann-Whitney U test of a against b, as benchstat computes it (see the top of this file for the
 * three places it departs). An empty side or samples whose values are all the same give p = 1: there is no
 * ordering to test, and benchstat reports those as unchanged too.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const first = sortedCopy(a, 'mannWhitneyU')
  const second = sortedCopy(b, 'mannWhitneyU')
  const n1 = first.length
  const n2 = second.length
  if (n1 === 0 || n2 === 0) return { u: 0, pValue: 1, exact: true }

  const { twoU, ties } = rankSamples(first, second)
  const u = twoU / 2
  if (ties.length === 1) return { u, pValue: 1, exact: true }

  const hasTies = ties.length < n1 + n2
  const limit = hasTies ? EXACT_LIMIT_WITH_TIES : EXACT_LIMIT
  if (n1 > limit || n2 > limit) {
    return { u, pValue: normalApproximationP(n1, n2, u, tieCorrection(ties)), exact: false }
  }

  // At the centre, n1 n2 / 2, every possible U is at least as far out: nothing points either way.
  const twoU2 = 2 * n1 * n2 - twoU
  if (twoU === twoU2) return { u, pValue: 1, exact: true }
  const tail = twoU < twoU2 ? lowerTail(n1, n2, ties, hasTies, twoU) : lowerTail(n2, n1, ties, hasTies, twoU2)
  return { u, pValue: Math.min(1, 2 * tail), exact: true }
}

/**
 * Benjamini-Hochberg adjusted p-values (q-values), in the order of the input. Flagging every comparison whose
 * q-value is at most alpha keeps the expected share of false alarms among the flagged ones at or below alpha,
 * however many benchmarks are compared (when the tests are independent or positively dependent). Each
 * q-value is min over j >= rank of (m p_(j) / j), capped at 1, so the q-values are monotone in the p-values.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${i} is ${p}, not in [0, 1]`)
  })
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j])
  const adjusted = new Array<number>(m)
  let smallestAbove = 1
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]
    smallestAbove = Math.min(smallestAbove, (pValues[i] * m) / rank)
    adjusted[i] = smallestAbove
  }
  return adjusted
}

/**
 * The smallest p-value mannWhitneyU can return for samples of n1 and n2 values: that of two fully separated
 * samples without ties. While the exact distribution is used that is 2 / C(n1 + n2, n1), so with 4 values
 * per side p cannot go below 2/70 ~ 0.029 and with 3 per side not below 0.1: fewer samples can never show a
 * change at alpha 0.05.
 */
export function minimumPossibleP(n1: number, n2: number): number {
  for (const n of [n1, n2]) {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`minimumPossibleP: sample sizes must be counts, got ${n}`)
    }
  }
  if (n1 === 0 || n2 === 0) return 1
  if (n1 > EXACT_LIMIT || n2 > EXACT_LIMIT) return normalApproximationP(n1, n2, 0, 0)
  return Math.min(1, 2 / choose(n1 + n2, n1))
}

function sortedCopy(xs: readonly number[], caller: string): Float64Array {
  const sorted = Float64Array.from(xs)
  // NaN has no place in an ordering: sorting would silently put it somewhere and every rank after it would
  // be wrong. It can only come from a parser bug upstream.
  const nan = sorted.findIndex(Number.isNaN)
  if (nan >= 0) throw new RangeError(`${caller}: value ${nan} is NaN`)
  return sorted.sort()
}

// Written as lo + frac (hi - lo), as go-moremath does, so results agree to the last bit where possible.
function interpolate(lo: number, hi: number, frac: number): number {
  return lo + frac * (hi - lo)
}

/**
 * Pools two sorted samples. Returns twice the first sample's U (an integer even with ties, which count half)
 * and the sizes of the groups of equal values in ascending order: with the sample sizes, all that the
 * distribution of U depends on.
 */
function rankSamples(first: Float64Array, second: Float64Array): { twoU: number; ties: number[] } {
  const ties: number[] = []
  let twoU = 0
  let i = 0
  let j = 0
  while (i < first.length || j < second.length) {
    const value = j >= second.length || (i < first.length && first[i] < second[j]) ? first[i] : second[j]
    const secondBelow = j
    let inFirst = 0
    let inSecond = 0
    while (i < first.length && first[i] === value) {
      i++
      inFirst++
    }
    while (j < second.length && second[j] === value) {
      j++
      inSecond++
    }
    twoU += inFirst * (2 * secondBelow + inSecond)
    ties.push(inFirst + inSecond)
  }
  return { twoU, ties }
}

/** The sum of t^3 - t over the groups of tied values, which shrinks the variance of U. */
function tieCorrection(ties: readonly number[]): number {
  let sum = 0
  for (const t of ties) sum += t * t * t - t
  return sum
}

/**
 * P(U <= twoU / 2) for a sample of n values against one of m values, given the pooled tie groups. Without
 * ties the distribution depends only on the sizes and is read from a memoised table; with ties it is
 * counted for this tie pattern.
 */
function lowerTail(n: number, m: number, ties: readonly number[], hasTies: boolean, twoU: number): number {
  if (!hasTies) return untiedLowerTail(n, m)[twoU / 2]
  const counts = countTwoU(n, ties, twoU)
  let sum = 0
  for (const c of counts) sum += c
  return sum / choose(n + m, n)
}

const untiedTables = new Map<string, Float64Array>()

/**
 * P(U <= u) for u = 0..floor(n m / 2) for samples of n and m distinct values, exact up to benchstat's limit
 * of 50 per side; undefined beyond it (callers use the normal approximation there). The interval of a shift
 * (interval.ts) reads its order statistics off this table.
 */
export function mannWhitneyNullTail(n: number, m: number): Float64Array | undefined {
  if (n > EXACT_LIMIT || m > EXACT_LIMIT) return undefined
  return untiedLowerTail(n, m)
}

/**
 * table[u] = P(U <= u) for u up to n m / 2 (the lower half is all a two-sided test needs), for samples of n
 * and m distinct values. The distribution is the same with n and m swapped, so one table serves both.
 */
function untiedLowerTail(n: number, m: number): Float64Array {
  const small = Math.min(n, m)
  const large = Math.max(n, m)
  const key = `${small},${large}`
  const cached = untiedTables.get(key)
  if (cached !== undefined) return cached
  const half = Math.floor((small * large) / 2)
  const counts = countTwoU(small, new Array<number>(small + large).fill(1), 2 * half)
  const total = choose(small + large, small)
  const table = new Float64Array(half + 1)
  let sum = 0
  for (let u = 0; u <= half; u++) {
    sum += counts[2 * u]
    table[u] = sum / total
  }
  untiedTables.set(key, table)
  return table
}

/**
 * counts[s] for s = 0..cap: the number of ways to choose which n of the pooled values belong to the sample
 * whose U is being counted such that 2U = s. Walks the tie groups in ascending order, keeping for each count
 * j of that sample's values placed so far how many placements give each partial 2U. Putting r of a group of
 * t into the sample (C(t, r) ways) adds, for each of those r, twice the other sample's values below the
 * group plus its t - r values tied with it. Every step adds a non-negative amount, so partial sums above cap
 * can be dropped: the table stays (n + 1) x (cap + 1) however many groups there are. It counts what Klotz
 * (1966) and Cheung and Klotz (1997) count, the method go-moremath implements with memo maps.
 */
function countTwoU(n: number, ties: readonly number[], cap: number): Float64Array {
  let pooled = 0
  for (const t of ties) pooled += t
  const m = pooled - n
  const width = cap + 1
  let current = new Float64Array((n + 1) * width)
  let next = new Float64Array((n + 1) * width)
  // reach[j]: the largest partial 2U with a non-zero count for j placed values, so loops skip empty cells.
  let reach = new Int32Array(n + 1).fill(-1)
  let nextReach = new Int32Array(n + 1)
  current[0] = 1
  reach[0] = 0
  let seen = 0
  for (const t of ties) {
    next.fill(0)
    nextReach.fill(-1)
    const ways = binomialRow(t)
    for (let j = Math.max(0, seen - m); j <= Math.min(n, seen); j++) {
      if (reach[j] < 0) continue
      const otherBelow = seen - j
      const rFrom = Math.max(0, seen + t - j - m)
      const rTo = Math.min(t, n - j)
      for (let r = rFrom; r <= rTo; r++) {
        const step = r * (2 * otherBelow + t - r)
        const last = Math.min(reach[j], cap - step)
        if (last < 0) continue
        const w = ways[r]
        const from = j * width
        const to = (j + r) * width + step
        for (let s = 0; s <= last; s++) next[to + s] += w * current[from + s]
        nextReach[j + r] = Math.max(nextReach[j + r], last + step)
      }
    }
    ;[current, next] = [next, current]
    ;[reach, nextReach] = [nextReach, reach]
    seen += t
  }
  return current.subarray(n * width, (n + 1) * width)
}

function binomialRow(t: number): Float64Array {
  const row = new Float64Array(t + 1)
  row[0] = 1
  for (let r = 1; r <= t; r++) row[r] = (row[r - 1] * (t - r + 1)) / r
  return row
}

/** C(n, k) as a float, within a few ulps; only ever needed up to C(100, 50). */
function choose(n: number, k: number): number {
  const kk = Math.min(k, n - k)
  let c = 1
  for (let i = 1; i <= kk; i++) c = (c * (n - kk + i)) / i
  return c
}

/**
 * The normal approximation to the two-sided p-value, with go-moremath's tie and continuity corrections:
 * variance n1 n2 ((N + 1) - sum(t^3 - t) / (N (N - 1))) / 12, and |U - n1 n2 / 2| reduced by 1/2.
 */
function normalApproximationP(n1: number, n2: number, u: number, tieSum: number): number {
  const pooled = n1 + n2
  const sigma = Math.sqrt((n1 * n2 * (pooled + 1 - tieSum / (pooled * (pooled - 1)))) / 12)
  if (!(sigma > 0)) return 1
  let deviation = u - (n1 * n2) / 2
  deviation -= Math.sign(deviation) * 0.5
  return erfc(Math.abs(deviation / sigma) / Math.SQRT2)
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI)

/**
 * erfc(x) for x >= 0, within 4e-13 relative of Go's math.Erfc up to x = 27 where it underflows, so the far
 * tail that GC pause samples with thousands of values reach keeps its precision. JavaScript has no erf, and
 * the tail cannot come from 1 - erf.
 */
export function erfc(x: number): number {
  if (x < 2) return 1 - erfSeries(x)
  return erfcContinuedFraction(x)
}

// erf(x) = 2/sqrt(pi) e^(-x^2) sum_k 2^k x^(2k+1) / (1 * 3 * ... * (2k+1)): all terms positive, so no
// cancellation, and for x < 2 erfc = 1 - erf loses at most a factor 1/erfc(2) ~ 200 in relative precision.
function erfSeries(x: number): number {
  const twoXSquared = 2 * x * x
  let term = x
  let sum = x
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= twoXSquared / (2 * k + 1)
    sum += term
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum
}

// erfc(x) = e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), evaluated front to back by
// Lentz's method; it converges in a few dozen terms for x >= 2 and faster further out.
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300
  let f = x
  let c = x
  let d = 0
  for (let k = 1; k < 1000; k++) {
    const a = k / 2
    d = x + a * d
    d = d === 0 ? 1 / tiny : 1 / d
    c = x + a / c
    if (c === 0) c = tiny
    const delta = c * d
    f *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return (TWO_OVER_SQRT_PI / 2) * Math.exp(-x * x) / f
}
