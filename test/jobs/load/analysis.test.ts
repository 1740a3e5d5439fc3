// The pure half of load jobs: when growth over rounds is a leak, and what head against base makes of it.
import { describe, expect, it } from 'vitest'
import { compareLoadJobs } from '../../../src/compare/load.js'
import { DEFAULT_COMPARE } from '../../../src/config/defaults.js'
import { judgeGrowth } from '../../../src/compare/load-growth.js'
import type { LoadJobResult } from '../../../src/model/result.js'
import { frame, loadResult, site, steps } from './build-load.js'

const goroutineFloor = DEFAULT_COMPARE.thresholds.load.goroutines
const heapFloor = DEFAULT_COMPARE.thresholds.load.heap
const thousand = [1000, 1000, 1000, 1000, 1000]

describe('judgeGrowth', () => {
  it('calls growth in every round at one goroutine per 100 requests a leak, at that rate', () => {
    const g = judgeGrowth(steps(7, 10, 5), thousand, goroutineFloor)
    expect(g).toMatchObject({ leaking: true, per: 'request', deltas: [10, 10, 10, 10, 10] })
    expect(g.slope).toBeCloseTo(0.01, 10)
  })

  it('does not call a warm-up that stops after the first round a leak', () => {
    const g = judgeGrowth([7, 57, 57, 58, 57, 58], thousand, goroutineFloor)
    expect(g.leaking).toBe(false)
    expect(g.reason).toBe('grew, then stopped in round 2 (+50, 0, +1, -1, +1): a warm-up, not a leak')
  })

  it('does not call a cache filling up ever more slowly a leak, though every round grew', () => {
    const g = judgeGrowth([0, 400_000, 700_000, 900_000, 1_000_000, 1_090_000].map((x) => x + 1e6), thousand, heapFloor, ' B')
    expect(g.deltas.every((d) => d > 0)).toBe(true)
    expect(g.leaking).toBe(false)
    expect(g.reason).toMatch(/fading/)
  })

  it('keeps growth under the floor (one goroutine per 1000 requests) from being a leak', () => {
    const g = judgeGrowth(steps(7, 1, 5), thousand, goroutineFloor)
    expect(g.leaking).toBe(false)
    expect(g.reason).toMatch(/under the \+0\.00200 floor/)
  })

  it('needs growth in every round: noise that goes up and down is none', () => {
    expect(judgeGrowth([9, 10, 9, 10, 9, 10], thousand, goroutineFloor).leaking).toBe(false)
    expect(judgeGrowth([9, 12, 15, 15, 18, 21], thousand, goroutineFloor).reason).toMatch(/stopped in round 3/)
  })

  it('needs three rounds to say anything', () => {
    expect(judgeGrowth([0, 50, 100], [1000, 1000], goroutineFloor)).toMatchObject({ leaking: false, reason: '2 rounds measured; 3 are needed to tell a leak from a warm-up' })
  })

  it('judges per round when the request count is unknown (a run: command)', () => {
    const g = judgeGrowth(steps(0, 3, 4), [null, null, null, null], goroutineFloor)
    expect(g).toMatchObject({ leaking: true, per: 'round', slope: 3 })
    expect(judgeGrowth(steps(0, 1, 4), [null, null, null, null], goroutineFloor).leaking).toBe(false)
  })
})

const audit = { state: 'chan send', blocking: frame('m/api.(*S).audit.func1', 'api/audit.go', 14), creation: frame('m/api.(*S).audit', 'api/audit.go', 13) }

describe('compareLoadJobs', () => {
  it('fails a goroutine group that grows on head only, pointing at where it waits and where it started', () => {
    const base = loadResult({ groups: [{ ...audit, counts: [0, 0, 0, 0, 0, 0] }] })
    const head = loadResult({ goroutines: steps(7, 10, 5), groups: [{ ...audit, counts: steps(0, 10, 5), confirmed: true }] })
    const [f, ...rest] = compareLoadJobs([base], [head], DEFAULT_COMPARE).findings
    expect(rest).toEqual([])
    expect(f).toMatchObject({ kind: 'goroutine-leak', severity: 'fail', subject: 'api', pkg: './cmd/api', metric: 'goroutines [chan send]', unit: 'goroutines/request', base: 0 })
    expect(f.head).toBeCloseTo(0.01, 10)
    expect(f.locations.map((l) => `${l.role} ${l.file}:${l.line}`)).toEqual(['blocking api/audit.go:14', 'creation api/audit.go:13'])
    expect(f.message).toMatch(/goroutineleak profile/)
    expect(f.message).toMatch(/the base does not leak here$/)
  })

  it('calls a leak the base has at the same rate pre-existing, and one three times as fast new', () => {
    const leak = (step: number): LoadJobResult => loadResult({ goroutines: steps(7, step, 5), groups: [{ ...audit, counts: steps(0, step, 5) }] })
    expect(compareLoadJobs([leak(10)], [leak(10)], DEFAULT_COMPARE).findings.map((f) => f.severity)).toEqual(['info'])
    expect(compareLoadJobs([leak(10)], [leak(30)], DEFAULT_COMPARE).findings.map((f) => [f.severity, f.message.endsWith('head leaks 3.0x as fast')])).toEqual([['fail', true]])
    // No base at all: nothing can be called new.
    expect(compareLoadJobs(undefined, [leak(10)], DEFAULT_COMPARE).findings.map((f) => f.severity)).toEqual(['warn'])
  })

  it('attributes a heap leak to the sites that kept growing, not to a cache that filled in round 1', () => {
    const journal = (i: number) => site('m/api.(*S).record', 'api/journal.go', 29, 100_000 * i)
    const cache = (i: number) => site('m/api.renderPage', 'api/render.go', 51, i >= 1 ? 262_144 : 100_000)
    const sites = [0, 1, 2, 3, 4, 5].map((i) => [journal(i), cache(i)])
    const head = loadResult({ heap: steps(2e6, 100_000, 5), sites })
    const [f] = compareLoadJobs([loadResult({})], [head], DEFAULT_COMPARE, 'm').findings
    expect(f).toMatchObject({ kind: 'heap-leak', severity: 'fail', metric: 'retained heap', unit: 'B/request' })
    expect(f.head).toBeCloseTo(100, 6)
    expect(f.locations.map((l) => l.function)).toEqual(['m/api.(*S).record'])
    expect(f.locations[0].deltaPerOp).toBeCloseTo(100, 6)
  })

  it('names the descriptors that grew, and says what CLOSE_WAIT means', () => {
    const targets = [0, 1, 2, 3, 4, 5].map((i) => ({ 'tcp listen :8080': 1, 'tcp 127.0.0.1:4000 CLOSE_WAIT': 10 * i }))
    const head = loadResult({ fds: steps(9, 10, 5), fdTargets: targets })
    const [f] = compareLoadJobs([loadResult({})], [head], DEFAULT_COMPARE).findings
    expect(f).toMatchObject({ kind: 'fd-leak', severity: 'fail', metric: 'open descriptors' })
    expect(f.message).toContain('new: +50 tcp 127.0.0.1:4000 CLOSE_WAIT (CLOSE_WAIT: the peer closed')
  })

  it('judges latency and errors over per-round samples, as benchmarks are judged', () => {
    const p99 = [5, 5, 5, 5, 5]
    const base = loadResult({ p50: [1, 1.1, 0.9, 1, 1.05], p99 })
    const slower = loadResult({ p50: [2, 2.1, 1.9, 2.2, 2], p99, errors: [0, 0, 3, 0, 0] })
    const c = compareLoadJobs([base], [slower], DEFAULT_COMPARE)
    expect(c.findings.map((f) => [f.kind, f.metric, f.severity])).toEqual([['regression', 'latency p50', 'fail']])
    const p50 = c.jobs[0].metrics.find((m) => m.metric === 'latency p50')
    expect(p50).toMatchObject({ status: 'regression', baseMedian: 1, headMedian: 2 })
    expect(p50?.pValue).toBeCloseTo(2 / 252, 10)
    // 3 errors in 1000 in one round: the median round has none, so no regression.
    expect(c.jobs[0].metrics.find((m) => m.metric === 'errors/request')?.status).toBe('unchanged')
    const failing = compareLoadJobs([base], [loadResult({ p50: [1, 1.1, 0.9, 1, 1.05], p99, errors: [2, 3, 2, 4, 2] })], DEFAULT_COMPARE).findings
    expect(failing.map((f) => [f.metric, f.head])).toEqual([['errors/request', 0.002]])
    // Slower by less than the 0.2 ms floor: unchanged, however significant.
    expect(compareLoadJobs([base], [loadResult({ p50: [1.1, 1.2, 1.0, 1.15, 1.1], p99 })], DEFAULT_COMPARE).findings).toEqual([])
  })

  it('reports a race the base does not have, and keeps a known one as info', () => {
    const race = { key: 'read m/api.f api/a.go | write m/api.g api/a.go', in: '', via: 'load' as const, count: 1, goroutines: [], report: '' }
    const access = { kind: 'write' as const, goroutine: '7', frames: [frame('m/api.g', 'api/a.go', 3)] }
    const previous = { kind: 'read' as const, goroutine: '8', frames: [frame('m/api.f', 'api/a.go', 9)] }
    const head = { ...loadResult({}), races: [{ ...race, access, previous }] }
    expect(compareLoadJobs([loadResult({})], [head], DEFAULT_COMPARE).findings.map((f) => [f.kind, f.severity, f.message])).toEqual([
      ['race', 'fail', 'new data race under load: write at m/api.g (api/a.go:3) races with an earlier read at m/api.f (api/a.go:9)']
    ])
    expect(compareLoadJobs([head], [head], DEFAULT_COMPARE).findings.map((f) => f.severity)).toEqual(['info'])
  })

  it('compares nothing of a side that failed, and says why', () => {
    const failed: LoadJobResult = { ...loadResult({ goroutines: steps(0, 50, 5) }), error: { kind: 'run', phase: 'round', message: "load job 'api': the service exited during round 2 (exit code 2)" } }
    const c = compareLoadJobs([loadResult({})], [failed], DEFAULT_COMPARE)
    expect(c.findings).toEqual([])
    expect(c.jobs[0].notes).toEqual(["the head side did not complete: load job 'api': the service exited during round 2 (exit code 2)"])
    expect(compareLoadJobs([], [loadResult({})], DEFAULT_COMPARE).jobs[0].notes).toEqual(['the base has no load job of this name: nothing to compare with'])
  })
})
