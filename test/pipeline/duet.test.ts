// Duet pairing through the whole gate with real Go (fixtures/power's alloc package): every timed round's
// base and head processes run at the same time under taskset, one CPU each with GOMAXPROCS 1, the runs
// still pair up into per-round ratios, the exact allocation counts are still judged, and the profiled
// runs stay unpinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { availableParallelism } from 'node:os'
import { recordedGate, type RecordedGate, type StartedProcess } from '../helpers/gate-run.js'

let gated: RecordedGate | undefined
let outcome: RecordedGate['outcome']
let runs: StartedProcess[] = []

beforeAll(async () => {
  // Exactly count rounds (adaptive: 0): the assertions count the pinned processes.
  gated = await recordedGate('power', { packages: ['./alloc'], bench: '^BenchmarkChain', count: 4, benchtime: '2000x', timeoutMs: 120_000, pairing: 'duet', adaptive: 0 })
  ;({ outcome, started: runs } = gated)
}, 600_000)

afterAll(async () => {
  await gated?.cleanup()
})

const pinned = () => runs.filter((r) => r.argv[0] === 'taskset' && r.argv[1] === '-c')

describe.skipIf(availableParallelism() < 2)('duet pairing', () => {
  it('runs every timed round of every benchmark as two processes started together, one per CPU, GOMAXPROCS 1', () => {
    const duets = pinned()
    // 3 benchmarks x 4 rounds x 2 sides.
    expect(duets).toHaveLength(24)
    for (let i = 0; i < duets.length; i += 2) {
      const [a, b] = [duets[i], duets[i + 1]]
      expect([a.argv[2], b.argv[2]].sort()).toEqual(['0', '1'])
      expect(a.argv.find((x) => x.startsWith('-test.bench='))).toBe(b.argv.find((x) => x.startsWith('-test.bench=')))
      // Each started before the other ended.
      expect(a.start).toBeLessThan(b.end)
      expect(b.start).toBeLessThan(a.end)
      expect([a.env?.GOMAXPROCS, b.env?.GOMAXPROCS]).toEqual(['1', '1'])
    }
  })

  it('keeps the profiled and exact-allocation runs unpinned', () => {
    const profiled = runs.filter((r) => r.argv.some((a) => a.startsWith('-test.cpuprofile=') || a === '-test.memprofilerate=1'))
    expect(profiled.length).toBeGreaterThan(0)
    expect(profiled.every((r) => r.argv[0] !== 'taskset')).toBe(true)
  })

  it('records and reports the duet, pairs the rounds and still judges the exact counts', () => {
    expect(outcome.report.notes.join('\n')).toContain('Timed rounds ran as duets')
    const chain2 = outcome.report.comparisons.find((c) => c.benchmark === 'BenchmarkChain2')
    expect(chain2?.metrics.find((m) => m.unit === 'ns/op')?.ratios).toHaveLength(4)
    expect(outcome.report.findings.find((f) => f.subject === 'BenchmarkChain2' && f.unit === 'allocs/op')).toMatchObject({ severity: 'fail', base: 2, head: 3 })
  })
})
