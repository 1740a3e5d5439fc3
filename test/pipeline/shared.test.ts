// Shared pairing through the whole gate with real Go (fixtures/power's compute package): every timed
// round's base and head run at the same time, both pinned to the same CPU with GOMAXPROCS 1, the timed
// runs carry CPU time but no wall time, and the head's +20% work (CollatzRepeated: 6 passes instead of 5)
// fails on cpu-ns/op while the unchanged Collatz does not. Adaptive rounds as they ship: with 25% CPU steal
// on this runner 12 fixed rounds left the +20% inconclusive (ratios 0.76 to 1.30 around +10%), which is the
// noise adaptive rounds are there to outlast; the assertions count the rounds each benchmark got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { RunResult } from '../../src/model/result.js'
import { recordedGate, type RecordedGate, type StartedProcess } from '../helpers/gate-run.js'

const COUNT = 12
let gated: RecordedGate | undefined
let outcome: RecordedGate['outcome']
let outDir: string
let runs: StartedProcess[] = []
let head: RunResult

beforeAll(async () => {
  gated = await recordedGate('power', { packages: ['./compute'], bench: '^BenchmarkCollatz(Repeated)?$', count: COUNT, benchtime: '20ms', timeoutMs: 120_000, pairing: 'shared' })
  ;({ outcome, outDir, started: runs } = gated)
  head = JSON.parse(await readFile(join(outDir, 'head', 'result.json'), 'utf8')) as RunResult
}, 600_000)

afterAll(async () => {
  await gated?.cleanup()
})

const pinned = () => runs.filter((r) => r.argv[0] === 'taskset' && r.argv[1] === '-c')
const comparison = (name: string) => outcome.report.comparisons.find((c) => c.benchmark === name)
/** The timed rounds a benchmark got: one head/base ratio of cpu-ns/op each. */
const roundsOf = (name: string) => comparison(name)?.metrics.find((m) => m.unit === 'cpu-ns/op')?.ratios?.length ?? 0
const allRounds = () => roundsOf('BenchmarkCollatz') + roundsOf('BenchmarkCollatzRepeated')
/** What the adaptive record says a benchmark got: the first pass and its extra rounds. */
const recordedRounds = (name: string) => (head.env.adaptive?.firstRounds ?? NaN) + (head.env.adaptive?.extraRounds[`example.com/powerfixture/compute.${name}`] ?? 0)

describe('shared pairing', () => {
  it('runs every timed round as two processes started together on the same CPU, GOMAXPROCS 1', () => {
    const shared = pinned()
    // Both benchmarks' rounds x 2 sides: a first pass of 6 (at most 6 for count 12), then the extra rounds
    // adaptive sampling recorded for each.
    expect(head.env.adaptive?.firstRounds).toBe(6)
    for (const name of ['BenchmarkCollatz', 'BenchmarkCollatzRepeated']) expect(roundsOf(name), name).toBe(recordedRounds(name))
    expect(shared).toHaveLength(allRounds() * 2)
    const cpu = shared[0].argv[2]
    for (let i = 0; i < shared.length; i += 2) {
      const [a, b] = [shared[i], shared[i + 1]]
      expect([a.argv[2], b.argv[2]]).toEqual([cpu, cpu])
      expect(a.argv.find((x) => x.startsWith('-test.bench='))).toBe(b.argv.find((x) => x.startsWith('-test.bench=')))
      expect(a.start).toBeLessThan(b.end)
      expect(b.start).toBeLessThan(a.end)
      expect([a.env?.GOMAXPROCS, b.env?.GOMAXPROCS]).toEqual(['1', '1'])
    }
    expect(runs.filter((r) => r.argv.some((a) => a.startsWith('-test.cpuprofile='))).every((r) => r.argv[0] !== 'taskset')).toBe(true)
  })

  it('keeps CPU time and drops wall time in the timed runs, and records the CPU in result.json', () => {
    expect(head.env.pairing).toEqual({ used: 'shared', cpu: Number(pinned()[0].argv[2]) })
    const timed = head.packages.flatMap((p) => p.benchmarks.flatMap((b) => b.runs))
    expect(timed).toHaveLength(allRounds())
    for (const r of timed) {
      expect(r.metrics['cpu-ns/op']).toBeGreaterThan(0)
      expect(Object.hasOwn(r.metrics, 'ns/op')).toBe(false)
    }
  })

  it('records how busy the machine was, steal apart, and says so in the noise note', () => {
    for (const share of [head.env.otherCpu, head.env.cpuSteal]) {
      expect(share).toBeGreaterThanOrEqual(0)
      expect(share).toBeLessThanOrEqual(1)
    }
    expect(head.env.cpuSteal).toBeLessThanOrEqual(head.env.otherCpu ?? 0)
    expect(outcome.report.noise?.steal).toEqual({ base: head.env.cpuSteal, head: head.env.cpuSteal })
    expect(outcome.report.notes.find((n) => n.startsWith('Noise:'))).toMatch(/other processes used [\d.]+% of the CPU while base ran, [\d.]+% while head ran; of that, the hypervisor gave [\d.]+% while base ran, [\d.]+% while head ran to other machines \(CPU steal\)\.$/)
  })

  it('fails the +20% on cpu-ns/op from paired rounds, and passes the unchanged benchmark', () => {
    const repeated = comparison('BenchmarkCollatzRepeated')
    expect(repeated?.metrics.some((m) => m.unit === 'ns/op')).toBe(false)
    const cpu = repeated?.metrics.find((m) => m.unit === 'cpu-ns/op')
    expect(cpu?.status, cpu?.reason).toBe('regression')
    expect(cpu?.interval?.low).toBeGreaterThan(0.05)
    expect(outcome.report.findings.find((f) => f.subject === 'BenchmarkCollatzRepeated' && f.unit === 'cpu-ns/op')).toMatchObject({ severity: 'fail' })
    const plain = comparison('BenchmarkCollatz')?.metrics.find((m) => m.unit === 'cpu-ns/op')
    expect(plain?.status, plain?.reason).not.toBe('regression')
    expect(outcome.report.findings.filter((f) => f.subject === 'BenchmarkCollatz')).toEqual([])
    expect(outcome.report.notes.join('\n')).toContain('Timed rounds shared CPU')
  })
})
