// A measured value as result.json and report.json carry it. Go prints `+Inf`, `-Inf` and `NaN` for a metric that
// divided by zero or overflowed (b.ReportMetric takes any float64), and JSON has no number for them:
// JSON.stringify would turn them into null, which reads back as "no value". So they travel as the text Go
// printed, and every reader decides what they mean.

export type NonFinite = '+Inf' | '-Inf' | 'NaN'
export type MetricValue = number | NonFinite

export const NON_FINITE: readonly NonFinite[] = ['+Inf', '-Inf', 'NaN']

export function isNonFinite(v: unknown): v is NonFinite {
  return v === '+Inf' || v === '-Inf' || v === 'NaN'
}

/** The value to store: a finite number as it is, anything else as Go prints it. */
export function toMetricValue(x: number): MetricValue {
  if (Number.isFinite(x)) return x
  if (Number.isNaN(x)) return 'NaN'
  return x > 0 ? '+Inf' : '-Inf'
}

/** The value as a JavaScript number (Infinity, NaN): for ordering and display only, never for statistics. */
export function metricNumber(v: MetricValue): number {
  if (typeof v === 'number') return v
  return v === 'NaN' ? Number.NaN : v === '+Inf' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY
}

/** The finite values, or undefined when any value is not finite. */
export function finiteValues(values: readonly MetricValue[]): number[] | undefined {
  const out: number[] = []
  for (const v of values) {
    if (typeof v !== 'number') return undefined
    out.push(v)
  }
  return out
}
