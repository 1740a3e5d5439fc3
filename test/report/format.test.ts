import { describe, expect, it } from 'vitest'
import {
  formatChange,
  formatChangeOf,
  formatChangeOrNoise,
  formatDelta,
  formatPValue,
  formatValue
} from '../../src/report/format.js'

describe('formatValue', () => {
  it('formats units named like Object members (b.ReportMetric takes any unit) as plain counts', () => {
    for (const unit of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(formatValue(1234, unit)).toBe(formatValue(1234, 'items/op'))
  })

  it('shows +Inf, -Inf and NaN as Go printed them', () => {
    expect([formatValue('+Inf', 'ns/op'), formatValue('-Inf', 'B/op'), formatValue('NaN', 'x')]).toEqual(['+Inf', '-Inf', 'NaN'])
  })

  it.each([
    [1234, 'ns/op', '1.23µs'],
    [812, 'ns/op', '812ns'],
    [12_345, 'ns/op', '12.3µs'],
    [2.5e9, 'ns/op', '2.5s'],
    [1.5e12, 'ns/op', '1500s'],
    [0.5, 'ns/op', '0.5ns'],
    [0.31, 'ms', '310µs'],
    [1.25, 'sec/op', '1.25s']
  ])('scales time %d %s to %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected)
  })

  it('moves to the next prefix where three digits would round up to 1000', () => {
    expect(formatValue(999.4, 'ns/op')).toBe('999ns')
    expect(formatValue(999.6, 'ns/op')).toBe('1µs')
    expect(formatValue(99.96, 'ns/op')).toBe('100ns')
    expect(formatValue(9.996, 'ns/op')).toBe('10ns')
  })

  it.each([
    [1536, 'B/op', '1.5KiB'],
    [96, 'B/op', '96B'],
    [1020, 'B/op', '1020B'],
    [1024, 'B/op', '1KiB'],
    [1_048_576, 'B', '1MiB'],
    [3.5 * 2 ** 30, 'bytes', '3.5GiB'],
    [0.25, 'B/op', '0.25B']
  ])('scales bytes %d %s to %s with binary prefixes', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected)
  })

  it.each([
    [3, 'allocs/op', '3'],
    [1_234_567, 'allocs/op', '1.23M'],
    [0.5, 'allocs/op', '0.5'],
    [0.001234, 'allocs/op', '0.00123'],
    [12_345, 'items/op', '12.3k'],
    [123.4, 'MB/s', '123MB/s'],
    [1234, 'MB/s', '1.23GB/s']
  ])('scales count %d %s to %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected)
  })

  it('keeps the sign of negative values', () => {
    expect(formatValue(-1234, 'ns/op')).toBe('-1.23µs')
    expect(formatValue(-1536, 'B/op')).toBe('-1.5KiB')
  })

  it('prints zero, missing and non-finite values plainly', () => {
    expect(formatValue(0, 'B/op')).toBe('0B')
    expect(formatValue(0, 'allocs/op')).toBe('0')
    expect(formatValue(null, 'B/op')).toBe('—')
    expect(formatValue(Number.NaN, 'ns/op')).toBe('NaN')
    expect(formatValue(Number.POSITIVE_INFINITY, 'ns/op')).toBe('∞')
    expect(formatValue(Number.NEGATIVE_INFINITY, 'ns/op')).toBe('-∞')
  })

  it('never copies the unit of the input into the output', () => {
    expect(formatValue(5, '|<b>@octocat')).toBe('5')
  })
})

describe('formatDelta', () => {
  it('signs increases and decreases', () => {
    expect(formatDelta(1024, 'B')).toBe('+1KiB')
    expect(formatDelta(-512, 'B')).toBe('-512B')
    expect(formatDelta(0, 'B')).toBe('0B')
    expect(formatDelta(null, 'B')).toBe('—')
  })
})

describe('formatChange', () => {
  it.each([
    [0.123, '+12.3%'],
    [-0.0456, '-4.56%'],
    [1.5, '+150%'],
    [0.0999, '+9.99%'],
    [0.09996, '+10.0%'],
    [0.9996, '+100%'],
    [0.005, '+0.50%'],
    [0, '0.00%'],
    [0.000001, '0.00%'],
    [-0.000001, '0.00%']
  ])('formats %d as %s', (change, expected) => {
    expect(formatChange(change)).toBe(expected)
  })

  it('shows a dash when the change is undefined (base zero or missing)', () => {
    expect(formatChange(null)).toBe('—')
  })
})

describe('formatPValue', () => {
  it.each([
    [0.002, 'p=0.002'],
    [0.05, 'p=0.050'],
    [0.4213, 'p=0.421'],
    [0.0004, 'p<0.001'],
    [0, 'p<0.001'],
    [1, 'p=1.000']
  ])('formats %d as %s', (p, expected) => {
    expect(formatPValue(p)).toBe(expected)
  })

  it('shows a dash when no test applied', () => {
    expect(formatPValue(null)).toBe('—')
  })
})

describe('formatChangeOf', () => {
  it('shows the interval a metric was decided on, and falls back to the p-value rule without one', () => {
    expect(formatChangeOf({ change: 0.1, pValue: 0.9, interval: { estimate: 0.098, low: 0.061, high: 0.13 } })).toBe('+9.80% [+6.10%, +13.0%]')
    expect(formatChangeOf({ change: 0.03, pValue: 0.42 })).toBe('~')
  })
})

describe('formatChangeOrNoise', () => {
  it('shows ~ when the test could not tell the change from noise', () => {
    expect(formatChangeOrNoise(0.03, 0.42)).toBe('~')
    expect(formatChangeOrNoise(0.03, 0.05)).toBe('~')
  })

  it('shows the change when it is significant or when no test applied', () => {
    expect(formatChangeOrNoise(0.03, 0.01)).toBe('+3.00%')
    expect(formatChangeOrNoise(0.03, null)).toBe('+3.00%')
  })

  it('takes the significance level as a parameter', () => {
    expect(formatChangeOrNoise(0.03, 0.42, 0.5)).toBe('+3.00%')
  })
})

describe('markdown safety', () => {
  it('writes only characters that need no markdown escaping', () => {
    const outputs: string[] = []
    const values = [null, 0, 0.0004, 0.5, 1, 999.6, 1234, -1234, 1e15, Number.NaN, Number.POSITIVE_INFINITY]
    for (const unit of ['ns/op', 'ms', 'B/op', 'MB/s', 'allocs/op', 'x']) {
      for (const v of values) outputs.push(formatValue(v, unit), formatDelta(v, unit))
    }
    for (const v of values) outputs.push(formatChange(v), formatPValue(v), formatChangeOrNoise(v, 0.9))
    for (const out of outputs) expect(out).toMatch(/^[-+0-9.%~—∞µ=<a-zA-Z/]+$/)
  })
})
