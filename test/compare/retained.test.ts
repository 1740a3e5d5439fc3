// Retained heap is sampled and machine-dependent: with too few samples for a significance test it may
// warn, never fail; and the line it names is always the module's, never the runtime's or the standard
// library's.
import { describe, expect, it } from 'vitest'
import { attributeGrowth, type ProfiledRun, type SiteValues } from '../../src/compare/attribute.js'
import { compareResults } from '../../src/compare/compare.js'
import { DEFAULT_COMPARE } from '../../src/config/defaults.js'
import type { BenchmarkResult } from '../../src/model/result.js'
import { bench, result } from './build-result.js'

const PKG = 'example.com/m/p'
const N = 1000

/** A benchmark whose live heap grows by each of `growth` B/op between N/4 and N ops, one full run each. */
function growing(growth: number[]): BenchmarkResult {
  const b = bench('BenchmarkCache', growth.map(() => ({ iterations: N })))
  const live = (heapBytes: number) => ({ heapBytes, heapObjects: 1, goroutines: 2 })
  b.runs.forEach((r, i) => (r.live = live(1_000_000 + growth[i] * (N - N / 4))))
  b.smallRuns = [0, 1].map((i) => ({ ...b.runs[0], index: i, iterations: N / 4, live: live(1_000_000) }))
  return b
}

function retainedFinding(base: number[], head: number[]) {
  const report = compareResults({
    base: result({ [PKG]: [growing(base)] }),
    head: result({ [PKG]: [growing(head)] }),
    baseDir: 'base',
    headDir: 'head',
    config: DEFAULT_COMPARE
  })
  return { report, finding: report.findings.find((f) => f.kind === 'heap-leak') }
}

describe('retained heap with few samples', () => {
  it('warns, and says why, when three samples per side cross the thresholds (issue 12: -5.87 -> 67.8 B/op)', () => {
    const { report, finding } = retainedFinding([-5.87, -6.3, -4.9], [67.8, 59.1, 70.4])
    expect(finding).toMatchObject({ severity: 'warn', metric: 'retained heap', pValue: null })
    expect(finding?.message).toContain('3 vs 3 samples, too few for a significance test')
    expect(finding?.message).toContain('cannot fail the gate')
    expect(report.verdict).toBe('pass')
  })

  it('still fails a clear leak once there are samples enough for the test', () => {
    const { report, finding } = retainedFinding([-5.87, -6.3, -4.9, -5.5, -6.0, -5.1], [4096.2, 4095.8, 4096.0, 4096.5, 4095.9, 4096.1])
    expect(finding?.severity).toBe('fail')
    expect(finding?.pValue).toBeLessThan(0.05)
    expect(report.verdict).toBe('fail')
  })
})

describe('attributeGrowth', () => {
  const site = (s: Partial<SiteValues> & Pick<SiteValues, 'function' | 'file' | 'line'>): SiteValues => ({
    inuseBytes: 0,
    inuseObjects: 0,
    allocBytes: 0,
    allocObjects: 0,
    ...s
  })
  const run = (sites: SiteValues[]): ProfiledRun => ({ iterations: N, sites })
  const user = { function: 'example.com/m/p.(*Cache).Put', file: 'p/cache.go', line: 31 }

  it('walks past runtime frames to the module’s line, the only module frame being their caller', () => {
    const head = [run([site({ function: 'runtime.mallocgc', file: 'runtime/malloc.go', line: 1100, inuseBytes: 64 * N, caller: user })])]
    const locations = attributeGrowth([run([])], head, 'inuseBytes', { modulePath: 'example.com/m' })
    expect(locations).toEqual([{ ...user, role: 'allocation', deltaPerOp: 64, deltaUnit: 'B' }])
  })

  it('shows a standard library line with the module’s call that led to it', () => {
    const format = { function: 'time.Time.Format', file: '$GOROOT/src/time/format.go', line: 650 }
    const head = [run([site({ ...format, allocObjects: N, caller: user })])]
    const locations = attributeGrowth([run([])], head, 'allocObjects', { modulePath: 'example.com/m' })
    expect(locations.map((l) => [l.role, l.function])).toEqual([
      ['allocation', format.function],
      ['caller', user.function]
    ])
  })

  it('names no line for growth with no module frame at all (the runtime’s own threads and goroutines)', () => {
    const malg = site({ function: 'runtime.mallocgc', file: 'runtime/malloc.go', line: 1100, inuseBytes: 480 * N })
    const own = site({ ...user, inuseBytes: 100 * N })
    const locations = attributeGrowth([run([])], [run([malg, own])], 'inuseBytes', { modulePath: 'example.com/m' })
    expect(locations.map((l) => `${l.role} ${l.function}`)).toEqual([`allocation ${user.function}`])
  })

  it('counts two sites that lead to one module line as one location', () => {
    const grow = site({ function: 'runtime.growslice', file: 'runtime/slice.go', line: 200, inuseBytes: 30 * N, caller: user })
    const make = site({ function: 'runtime.mallocgc', file: 'runtime/malloc.go', line: 1100, inuseBytes: 34 * N, caller: user })
    const locations = attributeGrowth([run([])], [run([grow, make])], 'inuseBytes', { modulePath: 'example.com/m' })
    expect(locations).toEqual([{ ...user, role: 'allocation', deltaPerOp: 64, deltaUnit: 'B' }])
  })
})
