// Builds RunResult values for the pure comparison tests. Real runs are covered by the gate tests.
import type { BenchmarkResult, BenchRun, MetricValue, RunResult } from '../../src/model/result.js'

export interface RunSpec {
  ns?: number
  bop?: number
  allocs?: number
  retained?: number
  iterations?: number
  pauses?: number[]
  cycles?: number
  extra?: Record<string, MetricValue>
}

export function benchRun(i: number, s: RunSpec): BenchRun {
  const iterations = s.iterations ?? 100_000
  const metrics: Record<string, MetricValue> = { 'ns/op': s.ns ?? 100, 'B/op': s.bop ?? 64, 'allocs/op': s.allocs ?? 1, ...s.extra }
  return {
    index: i,
    command: ['./x.test'],
    cwd: '.',
    iterations,
    metrics,
    gc: { stwPausesMs: s.pauses ?? [0.01, 0.02], cycles: s.cycles ?? 10, measuredCycles: s.cycles ?? 10, forcedCycles: 3 },
    heap: { inuseBytes: (s.retained ?? 1) * iterations, inuseObjects: 10, profile: `profiles/p${i}.pprof` },
    wallMs: 10
  }
}

export function bench(name: string, runs: RunSpec[], failure?: string): BenchmarkResult {
  return {
    name,
    procs: 2,
    runs: runs.map((r, i) => benchRun(i, r)),
    ...(failure ? { failure: { run: 0, message: failure, output: '' } } : {})
  }
}

export function result(benchmarks: Record<string, BenchmarkResult[]>, opts: Partial<RunResult['env']> = {}, errors: RunResult['errors'] = []): RunResult {
  return {
    schemaVersion: 2,
    tool: { name: 'go-leak-gate', version: 'test' },
    env: { goVersion: 'go1.26.8', goos: 'linux', goarch: 'amd64', cpu: 'cpu', gomaxprocs: 2, race: false, module: 'example.com/m', benchtime: '1s', count: 8, ...opts },
    startedAt: '',
    finishedAt: '',
    packages: Object.entries(benchmarks).map(([importPath, bs]) => ({ importPath, dir: importPath.split('/').pop() ?? '.', build: { ok: true, command: [] }, benchmarks: bs })),
    errors
  }
}

/** Deterministic noise: a linear congruential generator, so a flaky-looking test is a real bug. */
export function noisy(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

export function repeat(n: number, f: (i: number) => RunSpec): RunSpec[] {
  return Array.from({ length: n }, (_, i) => f(i))
}
