// Number formatting in the manner of benchstat (golang.org/x/perf/benchunit): a value is scaled by an SI or
// binary prefix and printed with three significant digits (`1.23µs`, `12.3KiB`, `123k`), because more digits
// than that are noise on a shared CI runner and fewer hide a real difference. Trailing zeros after the point
// are dropped (`1.5KiB`, `3`): allocation counts and byte sizes are usually round.
//
// Every output is built from our own characters (digits, sign, point, SI and IEC prefixes, our unit symbols,
// `%`, `~`, `—`, `∞`, `p=`, `p<`, and the three texts of MetricValue: `+Inf`, `-Inf`, `NaN`), never from a unit
// string of the input, and none of them forms markdown where the renderers put it, so renderers use them
// without escaping.

import type { MetricValue } from '../model/metric-value.js'

/** Shown where a value is missing (a benchmark that did not run on one side, a change from zero). */
export const MISSING = '—'

/** Shown instead of a change that the statistics could not tell from noise, as benchstat does. */
export const NOT_SIGNIFICANT = '~'

/** benchstat's default significance level. */
export const DEFAULT_ALPHA = 0.05

interface Prefix {
  factor: number
  symbol: string
  /** Scaled values from here on round to 100 and 10 at three significant digits: print 0 and 1 decimals. */
  t100: number
  t10: number
  /** Values from here on round to at least 1 of this prefix at three significant digits. */
  t1: number
}

// Thresholds are parsed from their decimal spelling (as benchunit does), so that the choice of prefix and
// decimals agrees with how the printed number rounds: 999.5µs prints as 1ms, never as 1000µs.
function siPrefixes(symbols: string[], topExponent: number): Prefix[] {
  return symbols.map((symbol, i) => {
    const exp = topExponent - 3 * i
    return {
      factor: 10 ** exp,
      symbol,
      t100: Number(`99.95e${exp}`),
      t10: Number(`9.995e${exp}`),
      t1: Number(`0.9995e${exp}`)
    }
  })
}

// Binary prefixes stop at the unit: fractions of a byte have no prefix. Because 1 KiB is 1024 B, values in
// [1000, 1024) keep the smaller prefix (`1020B`), as benchstat prints them.
function iecPrefixes(): Prefix[] {
  return ['Ti', 'Gi', 'Mi', 'Ki', ''].map((symbol, i) => {
    const factor = 2 ** (40 - 10 * i)
    return { factor, symbol, t100: 99.95 * factor, t10: 9.995 * factor, t1: 0.9995 * factor }
  })
}

const TIME_PREFIXES = siPrefixes(['', 'm', 'µ', 'n'], 0)
// Counts get no fractional prefixes: "500m allocs/op" reads worse than 0.5.
const COUNT_PREFIXES = siPrefixes(['T', 'G', 'M', 'k', ''], 12)
const BYTE_PREFIXES = iecPrefixes()

interface UnitFormat {
  /** Multiplies a value in the benchmark's unit into the base unit the prefixes scale (ns -> s). */
  toBase: number
  prefixes: Prefix[]
  /** Appended after the prefix; empty for counts, whose unit the metric column names. */
  symbol: string
}

const COUNT: UnitFormat = { toBase: 1, prefixes: COUNT_PREFIXES, symbol: '' }

const UNIT_FORMATS: Record<string, UnitFormat> = {
  'ns/op': { toBase: 1e-9, prefixes: TIME_PREFIXES, symbol: 's' },
  'cpu-ns/op': { toBase: 1e-9, prefixes: TIME_PREFIXES, symbol: 's' },
  ns: { toBase: 1e-9, prefixes: TIME_PREFIXES, symbol: 's' },
  'µs': { toBase: 1e-6, prefixes: TIME_PREFIXES, symbol: 's' },
  us: { toBase: 1e-6, prefixes: TIME_PREFIXES, symbol: 's' },
  ms: { toBase: 1e-3, prefixes: TIME_PREFIXES, symbol: 's' },
  'ms/op': { toBase: 1e-3, prefixes: TIME_PREFIXES, symbol: 's' },
  's': { toBase: 1, prefixes: TIME_PREFIXES, symbol: 's' },
  'sec/op': { toBase: 1, prefixes: TIME_PREFIXES, symbol: 's' },
  'B/op': { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
  B: { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
  bytes: { toBase: 1, prefixes: BYTE_PREFIXES, symbol: 'B' },
  // benchstat reads -benchmem's MB/s as decimal megabytes (testing divides by 1e6).
  'MB/s': { toBase: 1e6, prefixes: COUNT_PREFIXES, symbol: 'B/s' }
}

/** Significant-digit thresholds below the smallest prefix: 0.0995 needs 3 decimals, 0.00995 needs 4, ... */
const SMALL_THRESHOLDS = Array.from({ length: 8 }, (_, i) => Number(`9.995e${-2 - i}`))

function scale(abs: number, prefixes: Prefix[]): { text: string; symbol: string } {
  for (const p of prefixes) {
    if (abs >= p.t100) return { text: (abs / p.factor).toFixed(0), symbol: p.symbol }
    if (abs >= p.t10) return { text: (abs / p.factor).toFixed(1), symbol: p.symbol }
    if (abs >= p.t1) return { text: (abs / p.factor).toFixed(2), symbol: p.symbol }
  }
  // Below the smallest prefix: more decimals, up to 10 like benchunit.
  const smallest = prefixes[prefixes.length - 1]
  const scaled = abs / smallest.factor
  const index = SMALL_THRESHOLDS.findIndex((t) => scaled >= t)
  const decimals = index === -1 ? 10 : index + 3
  return { text: scaled.toFixed(decimals), symbol: smallest.symbol }
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  return value > 0 ? '∞' : '-∞'
}

/**
 * Formats a measured value in its benchmark unit: time units as seconds with an SI prefix (`1.23µs`), byte
 * units with a binary prefix (`1.5KiB`), MB/s as `B/s`, everything else as a scaled count (`1.23k`) without a
 * unit, which the metric column names. `null` (no value) prints as `—`; `+Inf`, `-Inf` and `NaN` as Go printed them.
 */
export function formatValue(value: MetricValue | null, unit: string): string {
  if (value === null) return MISSING
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return nonFinite(value)
  // Own keys only: a b.ReportMetric unit named `constructor` must not find Object's.
  const format = Object.hasOwn(UNIT_FORMATS, unit) ? UNIT_FORMATS[unit] : COUNT
  const base = value * format.toBase
  if (base === 0) return `0${format.symbol}`
  const { text, symbol } = scale(Math.abs(base), format.prefixes)
  return `${base < 0 ? '-' : ''}${trimZeros(text)}${symbol}${format.symbol}`
}

/** Formats a difference in a unit with an explicit sign: `+1.5KiB`, `-320ns`; zero has no sign. */
export function formatDelta(value: number | null, unit: string): string {
  if (value === null || value <= 0 || !Number.isFinite(value)) return formatValue(value, unit)
  return `+${formatValue(value, unit)}`
}

/** A site's growth per op: bytes (`+1KiB`), allocated objects (`+1.02 objects`) or CPU time (`+35µs CPU`). */
export function formatSiteDelta(value: number, unit: 'B' | 'objects' | 'ns' | undefined): string {
  if (unit === 'objects') return `${formatDelta(value, '')} objects`
  if (unit === 'ns') return `${formatDelta(value, 'ns')} CPU`
  return formatDelta(value, 'B')
}

/**
 * Formats a relative change ((head - base) / base) as a signed percentage with three significant digits (at
 * most two decimals): `+12.3%`, `-4.56%`, `+150%`. `null` (base zero or missing) prints as `—`.
 */
export function formatChange(change: number | null): string {
  if (change === null) return MISSING
  if (!Number.isFinite(change)) return nonFinite(change)
  const pct = change * 100
  const abs = Math.abs(pct)
  const text = abs >= 99.95 ? abs.toFixed(0) : abs >= 9.995 ? abs.toFixed(1) : abs.toFixed(2)
  if (Number(text) === 0) return '0.00%'
  return `${pct < 0 ? '-' : '+'}${text}%`
}

/** `p=0.002`, `p<0.001` below what three decimals show, `—` when no statistical test applied. */
export function formatPValue(pValue: number | null): string {
  if (pValue === null) return MISSING
  if (!Number.isFinite(pValue)) return `p=${nonFinite(pValue)}`
  const text = pValue.toFixed(3)
  return Number(text) === 0 && pValue >= 0 ? 'p<0.001' : `p=${text}`
}

/**
 * The change column of a comparison, as benchstat shows it: `~` when a statistical test ran and could not tell
 * the change from noise (p >= alpha), the signed percentage otherwise. Deterministic metrics (no p-value)
 * always show their change.
 */
/** A metric decided on an interval shows the interval: `+9.8% [+6.1%, +13.0%]`. */
export function formatChangeOf(m: { change: number | null; pValue: number | null; interval?: { estimate: number; low: number; high: number } }, alpha = DEFAULT_ALPHA): string {
  if (!m.interval) return formatChangeOrNoise(m.change, m.pValue, alpha)
  return `${formatChange(m.interval.estimate)} [${formatChange(m.interval.low)}, ${formatChange(m.interval.high)}]`
}

export function formatChangeOrNoise(change: number | null, pValue: number | null, alpha = DEFAULT_ALPHA): string {
  if (pValue !== null && pValue >= alpha) return NOT_SIGNIFICANT
  return formatChange(change)
}
