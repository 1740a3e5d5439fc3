// Metrics some runs printed as +Inf, -Inf or NaN: judged by those values, never dropped, never fed to the
// U test. Through compareResults, the same path a real comparison takes.
import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import type { CompareConfig } from '../../src/config/types.js'
import { judgeMetricValues, medianValue } from '../../src/compare/nonfinite.js'
import { decideTiming } from '../../src/compare/timing.js'
import { compareResults } from '../../src/compare/compare.js'
import type { MetricValue } from '../../src/model/result.js'
import { bench, repeat, result } from './build-result.js'

const PKG = 'example.com/m/ratio'

function compare(unit: string, base: MetricValue[], head: MetricValue[], config: CompareConfig = DEFAULT_COMPARE) {
  const side = (values: MetricValue[]) => result({ [PKG]: [bench('BenchmarkRatio', repeat(values.length, (i) => ({ extra: { [unit]: values[i] } })))] })
  const report = compareResults({ base: side(base), head: side(head), baseDir: 'b', headDir: 'h', config })
  const metric = report.comparisons[0]?.metrics.find((m) => m.metric === unit)
  return { report, metric, findings: report.findings.filter((f) => f.metric === unit) }
}

const SIX = 6
const ones = Array<MetricValue>(SIX).fill(1)

describe('a metric that becomes infinite or NaN on head', () => {
  it('is a failing regression when a custom unit of unknown direction becomes +Inf (hits/miss with no misses)', () => {
    const { metric, findings, report } = compare('hits/miss', ones, Array<MetricValue>(SIX).fill('+Inf'))
    expect(metric).toMatchObject({ status: 'regression', method: 'non-finite', baseMedian: 1, headMedian: '+Inf', pValue: null })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'regression', severity: 'fail', base: 1, head: '+Inf' })
    expect(findings[0].message).toContain('head +Inf in 6 of 6 runs; base finite in all 6 runs')
    expect(report.verdict).toBe('fail')
  })

  it('is a regression when NaN appears, whatever the direction, even in one run of six', () => {
    for (const unit of ['ns/op', 'MB/s', 'misses/lookup']) {
      const head: MetricValue[] = [...ones.slice(1), 'NaN']
      const { metric, findings } = compare(unit, ones, head)
      expect(metric?.status, unit).toBe('regression')
      expect(metric?.headMedian, unit).toBe('NaN')
      expect(findings[0]?.message, unit).toContain('NaN in 1 of 6 runs')
    }
  })

  it('is a regression when a lower-is-better metric becomes +Inf, and -Inf in a higher-is-better one', () => {
    expect(compare('ns/op', ones, Array<MetricValue>(SIX).fill('+Inf')).metric?.status).toBe('regression')
    expect(compare('MB/s', ones, Array<MetricValue>(SIX).fill('-Inf')).metric?.status).toBe('regression')
  })

  it('is not judged when the infinity lies on the better side of a known direction', () => {
    const { metric, findings } = compare('MB/s', ones, Array<MetricValue>(SIX).fill('+Inf'))
    expect(metric).toMatchObject({ status: 'not-judged', method: 'non-finite' })
    expect(metric?.reason).toContain('cannot be compared')
    expect(findings).toEqual([])
  })

  it('is not judged, and fails nothing, when both sides print the same non-finite value', () => {
    const inf = Array<MetricValue>(SIX).fill('+Inf')
    const { metric, report } = compare('ops/idle', inf, inf)
    expect(metric).toMatchObject({ status: 'not-judged', baseMedian: '+Inf', headMedian: '+Inf' })
    expect(report.verdict).toBe('pass')
  })

  it('is an improvement when head is finite where base printed +Inf', () => {
    expect(compare('hits/miss', Array<MetricValue>(SIX).fill('+Inf'), ones).metric?.status).toBe('improvement')
  })

  it('keeps every sample, finite and not, in the comparison', () => {
    const head: MetricValue[] = [1, 2, '+Inf', 3, '+Inf', 4]
    const { metric } = compare('hits/miss', ones, head)
    expect(metric?.headSamples).toEqual(head)
    expect(metric?.baseSamples).toEqual(ones)
  })

  it('leaves finite metrics to the statistics: the same input gives the judgeMetric verdict', () => {
    const m = judgeMetricValues({ metric: 'ns/op', unit: 'ns/op', lowerIsBetter: true, base: ones, head: ones, rule: { mode: 'statistical', relative: 0.1 } }, DEFAULT_COMPARE.statistics)
    // Noisy metrics are decided over the report's whole family at once (compare/timing.ts).
    decideTiming([{ m, threshold: 0.1 }], DEFAULT_COMPARE.statistics)
    expect(m.method).toBe('interval')
    expect(m.status).toBe('unchanged')
  })
})

describe('medianValue', () => {
  it('orders infinities as numbers and makes any NaN the median', () => {
    expect(medianValue([1, '+Inf', 2])).toBe(2)
    expect(medianValue([1, '+Inf'])).toBe('+Inf')
    expect(medianValue(['-Inf', '+Inf'])).toBe('NaN')
    expect(medianValue([1, 2, 'NaN'])).toBe('NaN')
    expect(medianValue([])).toBeNull()
  })
})

describe('units named like Object members', () => {
  it('compare only the runs that reported them: `constructor` on base alone has no head samples', () => {
    const base = result({ [PKG]: [bench('BenchmarkRatio', repeat(SIX, () => ({ extra: { constructor: 1 } })))] })
    const head = result({ [PKG]: [bench('BenchmarkRatio', repeat(SIX, () => ({})))] })
    const report = compareResults({ base, head, baseDir: 'b', headDir: 'h', config: DEFAULT_COMPARE })
    const m = report.comparisons[0].metrics.find((x) => x.metric === 'constructor')
    expect(m).toMatchObject({ headSamples: [], status: 'not-judged', reason: 'no samples on one side' })
  })
})
