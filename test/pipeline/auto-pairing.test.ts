// Auto pairing through the whole gate with real Go (fixtures/pairing): the benchmark that keeps a CPU busy
// (Compute, +20% work in the head) shares one CPU with its pair and is judged on CPU time; the one that
// mostly sleeps (Nap, twice as long a sleep in the head, the same CPU time) alternates, so its slowdown,
// which only wall time shows, is still caught on ns/op.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { RunResult } from '../../src/model/result.js'
import { PROBE_ENV } from '../../src/go/probe-env.js'
import { recordedGate, type RecordedGate, type StartedProcess } from '../helpers/gate-run.js'

const ROUNDS = 10
let gated: RecordedGate | undefined
let outcome: RecordedGate['outcome']
let outDir: string
let started: StartedProcess[] = []

beforeAll(async () => {
  // Adaptive rounds, as by default: beside other tests' shared rounds on the same CPU a pair's spread can
  // grow past what 10 rounds settle.
  gated = await recordedGate('pairing', { count: ROUNDS, benchtime: '200ms', timeoutMs: 120_000, pairing: 'auto', adaptive: 4 })
  ;({ outcome, outDir, started } = gated)
}, 600_000)

afterAll(async () => {
  await gated?.cleanup()
})

// The timed runs: at a fixed b.N (not the calibration run), with the probe but no settle wait (not the
// memory-only runs), and no profile of their own.
const timedOf = (name: string) =>
  started.filter(
    (s) =>
      s.argv.includes(`-test.bench=^${name}$`) &&
      s.argv.some((a) => /^-test\.benchtime=\d+x$/.test(a)) &&
      s.env?.[PROBE_ENV.file] !== undefined &&
      s.env?.[PROBE_ENV.settle] === undefined &&
      !s.argv.some((a) => a.startsWith('-test.cpuprofile=') || a === '-test.memprofilerate=1')
  )
const metric = (name: string, unit: string) => outcome.report.comparisons.find((c) => c.benchmark === name)?.metrics.find((m) => m.unit === unit)

describe('auto pairing', () => {
  it('shares the CPU for the busy benchmark and alternates the sleeping one, saying why', async () => {
    const head = JSON.parse(await readFile(join(outDir, 'head', 'result.json'), 'utf8')) as RunResult
    const p = head.env.pairing
    expect(p).toMatchObject({ used: 'shared', asked: 'auto', alternated: [{ benchmark: 'example.com/pairingfixture/work.BenchmarkNap', why: 'waits' }] })
    const share = p?.used === 'shared' ? p.alternated?.[0]?.cpuShare : undefined
    expect(share).toBeLessThan(0.3)
    const compute = timedOf('BenchmarkCompute')
    expect(compute.length).toBeGreaterThanOrEqual(12)
    expect(compute.every((s) => s.argv[0] === 'taskset')).toBe(true)
    const nap = timedOf('BenchmarkNap')
    expect(nap.length).toBeGreaterThanOrEqual(12)
    expect(nap.some((s) => s.argv[0] === 'taskset')).toBe(false)
    expect(outcome.report.notes.join('\n')).toMatch(/1 alternated, judged on ns\/op and cpu-ns\/op as before: example\.com\/pairingfixture\/work\.BenchmarkNap \(on a CPU \d+% of its calibration run: it waits \(a sleep, I\/O, a lock\), or the machine was busy\)/)
  })

  it('fails the +20% work on cpu-ns/op, with no ns/op from the shared runs', () => {
    expect(metric('BenchmarkCompute', 'ns/op')).toBeUndefined()
    const cpu = metric('BenchmarkCompute', 'cpu-ns/op')
    expect(cpu?.status, cpu?.reason).toBe('regression')
    expect(outcome.report.findings.find((f) => f.subject === 'BenchmarkCompute' && f.unit === 'cpu-ns/op')).toMatchObject({ severity: 'fail' })
  })

  it('fails the longer sleep on ns/op, which CPU time would not show', () => {
    const wall = metric('BenchmarkNap', 'ns/op')
    expect(wall?.ratios?.length).toBeGreaterThanOrEqual(6)
    expect(wall?.status, wall?.reason).toBe('regression')
    expect(wall?.interval?.low).toBeGreaterThan(0.5)
    expect(outcome.report.findings.find((f) => f.subject === 'BenchmarkNap' && f.unit === 'ns/op')).toMatchObject({ severity: 'fail' })
  })
})
