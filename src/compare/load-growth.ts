// Leak or warm-up? A count measured after the warm-up and after each round of the same traffic
// (goroutines, live heap bytes, open descriptors) leaks when it keeps growing with the traffic: it
// grew in every round, at a rate per request above a floor, and the growth is not fading. A cache,
// a pool or a lazily built table grows in the first round or two and then stops: not a leak.
import type { GrowthFloor } from '../config/types.js'
import type { LoadGrowth } from '../model/report.js'

export type { GrowthFloor }
export type Growth = LoadGrowth

/** Fewer points cannot tell growth that continues from growth that stopped. */
export const MIN_GROWTH_ROUNDS = 3

// A leak adds the same each round; a filling cache adds less and less. Growth in the last round
// below a third of the first round's is fading, whatever the slope says.
const FADING = 1 / 3

function leastSquaresSlope(xs: number[], ys: number[]): number {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my)
    den += (xs[i] - mx) ** 2
  }
  return den === 0 ? 0 : num / den
}

function show(x: number, unit: string): string {
  const text = Math.abs(x) >= 100 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(3)
  return `${x > 0 ? '+' : ''}${text}${unit}`
}

/**
 * Judges one series. `values[0]` is the count after the warm-up, `values[i]` after round i; `work[i-1]`
 * is the requests round i sent (null when unknown: then growth is judged per round).
 */
export function judgeGrowth(values: number[], work: (number | null)[], floor: GrowthFloor, unit = ''): Growth {
  const deltas = values.slice(1).map((v, i) => v - values[i])
  const known = work.filter((w): w is number => w !== null && w > 0)
  // Per request only when every round's count is known; otherwise each round is one unit of work.
  const perRequest = known.length === deltas.length && work.length === deltas.length
  const units = perRequest ? known : deltas.map(() => 1)
  const per = perRequest ? 'request' : 'round'
  const xs = [0]
  for (let i = 0; i < deltas.length; i++) xs.push(xs[i] + units[i])
  const slope = values.length >= 2 ? leastSquaresSlope(xs, values) : 0
  const out = (leaking: boolean, reason: string): Growth => ({ values, deltas, slope, per, leaking, reason })
  const list = `${deltas.map((d) => show(d, '')).join(', ')}${unit}`
  if (deltas.length < MIN_GROWTH_ROUNDS) return out(false, `${deltas.length} rounds measured; ${MIN_GROWTH_ROUNDS} are needed to tell a leak from a warm-up`)

  const floorPer = perRequest ? floor.perRequest : floor.perRound
  const needed = (i: number): number => Math.max(floor.minRoundGrowth, 0.5 * floorPer * units[i])
  const flat = deltas.findIndex((d, i) => d < needed(i))
  if (flat >= 0) {
    const grew = deltas.slice(0, flat).some((d) => d > 0)
    return out(false, grew ? `grew, then stopped in round ${flat + 1} (${list}): a warm-up, not a leak` : `no steady growth (${list})`)
  }
  if (slope < floorPer) return out(false, `grew in every round (${list}) but by ${show(slope, unit)} per ${per}, under the ${show(floorPer, unit)} floor`)
  if (deltas[deltas.length - 1] < deltas[0] * FADING) return out(false, `grew in every round but fading (${list}): a cache or pool filling up`)
  return out(true, `grew in every round (${list}), ${show(slope, unit)} per ${per}`)
}
