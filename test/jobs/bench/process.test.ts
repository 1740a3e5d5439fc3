import { describe, expect, it } from 'vitest'
import { calibrationBenchtime, leafIterations } from '../../../src/jobs/bench/process.js'

describe('calibrationBenchtime', () => {
  it('calibrates on a quarter of a duration and scales b.N back up', () => {
    expect(calibrationBenchtime('1s')).toEqual({ benchtime: '250000us', scale: 4 })
    expect(calibrationBenchtime('200ms')).toEqual({ benchtime: '50000us', scale: 4 })
  })

  it('calibrates short durations in full and leaves iteration counts alone', () => {
    expect(calibrationBenchtime('20ms')).toEqual({ benchtime: '20ms', scale: 1 })
    expect(calibrationBenchtime('2000x')).toEqual({ benchtime: '1x', scale: 0 })
  })

  it('runs every full run at the fixed N the user gave, or at the calibrated N scaled back up', () => {
    expect(leafIterations('2000x', 1)).toBe(2000)
    expect(leafIterations('1s', 1234)).toBe(4936)
    expect(leafIterations('20ms', 1234)).toBe(1234)
    expect(leafIterations('1s', 0)).toBe(1)
  })
})
