// The noise note: the spread of the paired rounds, the other processes' CPU and, of that, the hypervisor's steal.
import { describe, expect, it } from 'vitest'
import { machineOf, noiseNotes } from '../../src/compare/noise.js'
import type { NoiseSummary, Report } from '../../src/model/report.js'
import type { RunResult } from '../../src/model/result.js'

const noise = (extra: Partial<NoiseSummary>): Report =>
  ({ noise: { comparisons: 26, medianSpread: 0.009, maxSpread: 0.087, noisiest: { pkg: 'p', benchmark: 'BenchmarkTitle', metric: 'cpu-ns/op' }, inconclusive: 0, tooNoisy: 0, ...extra } }) as unknown as Report
const side = (env: Partial<RunResult['env']>): RunResult => ({ env }) as unknown as RunResult

describe('noise note', () => {
  it('says how much of the CPU others used and how much of it the hypervisor took', () => {
    const [note] = noiseNotes(noise({ otherCpu: { base: 0.282, head: 0.282 }, steal: { base: 0.031, head: 0.031 } }))
    expect(note).toBe(
      'Noise: the per-round spread of head/base was 0.9% in the median over 26 timing comparisons (largest 8.7%: BenchmarkTitle cpu-ns/op); other processes used 28.2% of the CPU while base ran, 28.2% while head ran; of that, the hypervisor gave 3.1% while base ran, 3.1% while head ran to other machines (CPU steal).'
    )
  })

  it('leaves steal out where the run did not record it', () => {
    const [note] = noiseNotes(noise({ otherCpu: { head: 0.5 } }))
    expect(note).toMatch(/other processes used 50\.0% while head ran\.$/)
    expect(note).not.toMatch(/steal/)
  })

  it('takes both figures from the sides that recorded them', () => {
    expect(machineOf(side({ otherCpu: 0.4, cpuSteal: 0.02 }), side({ otherCpu: 0.4, cpuSteal: 0.02 }))).toEqual({ otherCpu: { base: 0.4, head: 0.4 }, steal: { base: 0.02, head: 0.02 } })
    expect(machineOf(side({}), side({ otherCpu: 0.1 }))).toEqual({ otherCpu: { head: 0.1 } })
    expect(machineOf(side({}), side({}))).toEqual({})
  })
})
