// What one benchmark process showed, from recorded real runs (Go 1.26, test/fixtures/recorded): the
// result line, gctrace, the memory profile and the probe's file.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RUN } from '../../../src/config/defaults.js'
import type { ProcessResult } from '../../../src/go/process.js'
import { observeRun, type ObserveContext } from '../../../src/jobs/bench/observe.js'
import type { PlannedRun } from '../../../src/jobs/bench/plan.js'
import { recordedLeaks } from '../../parse/recorded-leaks.js'
import { recordedText, recordedBytes } from '../../parse/recorded.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const planned = (kind: PlannedRun['kind']): PlannedRun => ({
  side: 0,
  pkg: 0,
  leaf: 0,
  kind,
  round: 1,
  iterations: 2000,
  argv: ['/scratch/batch0/recorded.test', '-test.run=^$', '-test.bench=^BenchmarkRetain$', '-test.benchtime=2000x'],
  cwd: '/src/recorded',
  env: {},
  profile: 'p0-BenchmarkRetain.1.pprof',
  profileDir: '/out/profiles',
  probeFile: '/scratch/probe.json'
})
const ctx: ObserveContext = { importPath: 'example.com/recorded', relDir: '.', leafName: 'BenchmarkRetain', modulePath: 'example.com/recorded', procs: 4, cfg: { ...DEFAULT_RUN, dir: '/src', timeoutMs: 15_000 }, rules: [] }

function exited(name: string, code: number | null, extra: Partial<ProcessResult> = {}): ProcessResult {
  return { argv: [], cwd: '', code, signal: null, stdout: recordedText(`${name}.stdout`), stderr: recordedText(`${name}.stderr`), timedOut: false, truncated: false, wallMs: 1234.6, ...extra }
}

const probe = (goroutines = ''): string => JSON.stringify({ heapAllocBytes: 5_000_000, heapObjects: 900, numGoroutine: 3, goroutines })
const profile = { data: Buffer.from(recordedBytes('retain.mem.pprof')) }

describe('observeRun', () => {
  it('reads the result line, the GC cycles, the heap left at exit and what the probe saw', () => {
    const o = observeRun(planned('full'), ctx, exited('retain', 0), { probe: probe(), profile })
    expect(o.kind).toBe('measured')
    if (o.kind !== 'measured') return
    expect(o.run).toMatchObject({
      command: ['./recorded.test', '-test.run=^$', '-test.bench=^BenchmarkRetain$', '-test.benchtime=2000x'],
      cwd: '.',
      iterations: 2000,
      metrics: { 'ns/op': 68925, 'B/op': 5012, 'allocs/op': 122, 'gc-cycles': 3 },
      live: { heapBytes: 5_000_000, heapObjects: 900, goroutines: 3 },
      wallMs: 1235
    })
    expect(o.run.gc.forcedCycles).toBeGreaterThan(0)
    expect(o.run.heap?.profile).toBe('profiles/p0-BenchmarkRetain.1.pprof')
    expect(o.run.heap?.inuseBytes).toBeGreaterThan(0)
    expect(o.cpu).toBe('AMD EPYC')
    // Full runs are timed: nobody looks for leaks there.
    expect(o.leaks).toBeUndefined()
    expect(o.errors).toEqual([])
  })

  it('leaves the wall-time units and the GC pauses out of a shared run, keeping its CPU time and GC cycles', () => {
    const alone = observeRun(planned('full'), ctx, exited('retain', 0), { probe: probe(), profile })
    const shared = observeRun({ ...planned('full'), duet: { launch: ['taskset', '-c', '1'], procs: 1, group: 0, shared: true } }, ctx, exited('retain', 0), {
      probe: JSON.stringify({ ...JSON.parse(probe()), cpuNs: 140_000_000 }),
      profile
    })
    if (alone.kind !== 'measured' || shared.kind !== 'measured') throw new Error('both runs should be measured')
    // The recorded run paused: its pauses are this process's own when it ran alone.
    expect(alone.run.gc.stwPausesMs.length).toBeGreaterThan(0)
    expect(shared.run.gc.stwPausesMs).toEqual([])
    expect(shared.run.gc.cycles).toBe(alone.run.gc.cycles)
    expect(shared.run.gc.measuredCycles).toBe(alone.run.gc.measuredCycles)
    expect(Object.hasOwn(shared.run.metrics, 'ns/op')).toBe(false)
    expect(shared.run.metrics['cpu-ns/op']).toBe(140_000_000 / 2000)
  })

  it('keeps the run without its heap when the profile is unusable, and says which', () => {
    const o = observeRun(planned('full'), ctx, exited('retain', 0), { profile: { data: Buffer.from([0x1f, 0x8b, 1, 2]) } })
    expect(o.kind).toBe('measured')
    if (o.kind !== 'measured') return
    expect(o.run.heap).toBeUndefined()
    expect(o.run.live).toBeUndefined()
    expect(o.errors).toEqual([expect.objectContaining({ kind: 'profile', subject: 'example.com/recorded.BenchmarkRetain', message: expect.stringMatching(/^memory profile p0-BenchmarkRetain\.1\.pprof unusable: /) })])
    const missing = observeRun(planned('full'), ctx, exited('retain', 0), { profile: { error: 'ENOENT: no such file' } })
    expect(missing.errors[0].message).toBe('memory profile p0-BenchmarkRetain.1.pprof unusable: ENOENT: no such file')
  })

  it('takes the goroutines left after a small run from the probe, with the user’s rules applied', () => {
    const withLeaks = { ...ctx, modulePath: 'example.com/leaks' }
    const o = observeRun(planned('small'), withLeaks, exited('retain', 0), { probe: probe(recordedLeaks('leaks-stack.txt')), profile })
    expect(o.leaks?.some((g) => g.state === 'chan send' && g.blocking?.file === 'leaky/leaky.go')).toBe(true)
    const ignored = observeRun(planned('small'), { ...withLeaks, rules: [{ anyFunction: 'example.com/leaks/leaky.BlockedSend.func1' }] }, exited('retain', 0), {
      probe: probe(recordedLeaks('leaks-stack.txt')),
      profile
    })
    expect(ignored.leaks?.some((g) => g.state === 'chan send')).toBe(false)
    // A probe that wrote nothing usable: leaks unknown, not none.
    expect(observeRun(planned('small'), ctx, exited('retain', 0), { profile }).leaks).toBeUndefined()
  })

  it('turns a panic into a failure with its message, and a timeout into a hang with the goroutines', () => {
    const panicked = observeRun(planned('full'), { ...ctx, leafName: 'BenchmarkPanic' }, exited('panic-nan', 2), { profile })
    expect(panicked.kind).toBe('failed')
    if (panicked.kind !== 'failed') return
    expect(panicked.failure.run).toBe(1)
    expect(panicked.failure.message).toContain('store: missing key "absent"')
    const hung = observeRun(planned('full'), ctx, { ...exited('retain', 2), stdout: '', stderr: recordedLeaks('sigquit.stderr'), timedOut: true }, { profile })
    expect(hung.kind).toBe('failed')
    if (hung.kind !== 'failed') return
    expect(hung.failure.message).toMatch(/^did not finish within 15s and was stopped/)
    expect(hung.failure.hang?.groups.length).toBeGreaterThan(0)
  })

  it('records a CPU-profiled run with its CPU profile and no heap, and says when the profile is unusable', () => {
    const cpuProfile = { data: readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'recorded-profiles', 'go1.26', 'cpu-head.pprof')) }
    const cpuRun = { ...planned('cpu'), profile: 'p0-BenchmarkRetain.cpu.pprof' }
    const o = observeRun(cpuRun, ctx, exited('retain', 0), { profile: cpuProfile })
    expect(o.kind).toBe('measured')
    if (o.kind !== 'measured') return
    expect(o.run.cpuProfile).toBe('profiles/p0-BenchmarkRetain.cpu.pprof')
    expect(o.run.heap).toBeUndefined()
    expect(o.errors).toEqual([])
    // A memory profile where the CPU profile should be has no cpu samples.
    const wrong = observeRun(cpuRun, ctx, exited('retain', 0), { profile })
    expect(wrong.kind).toBe('measured')
    expect(wrong.kind === 'measured' ? wrong.run.cpuProfile : 'failed').toBeUndefined()
    expect(wrong.errors[0].message).toMatch(/^CPU profile p0-BenchmarkRetain\.cpu\.pprof unusable: .*has no sample type cpu/)
  })

  it('marks the heap of an exact-allocation run as written at -test.memprofilerate=1', () => {
    const o = observeRun(planned('alloc'), ctx, exited('retain', 0), { profile })
    expect(o.kind === 'measured' && o.run.heap?.memProfileRate).toBe(1)
    const full = observeRun(planned('full'), ctx, exited('retain', 0), { profile })
    expect(full.kind === 'measured' ? full.run.heap?.inuseBytes : undefined).toBeGreaterThan(0)
    expect(full.kind === 'measured' ? full.run.heap?.memProfileRate : 'failed').toBeUndefined()
  })
})
