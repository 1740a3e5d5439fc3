// LoadJobResults made up for the pure tests: a series per quantity (after the warm-up, then after each
// round), a goroutine group per series given, and per-round traffic figures.
import type { Frame, LeakGroup, LoadHeapSite, LoadJobResult, LoadPhase, LoadSnapshot } from '../../../src/model/result.js'

export interface GroupSeries {
  state: string
  blocking: Frame
  creation: Frame
  counts: number[]
  stack?: Frame[]
  confirmed?: boolean
}

export interface LoadSpec {
  name?: string
  requests?: number
  goroutines?: number[]
  heap?: number[]
  fds?: number[]
  groups?: GroupSeries[]
  /** Heap sites per snapshot (same length as the series). */
  sites?: LoadHeapSite[][]
  fdTargets?: Record<string, number>[]
  p50?: number[]
  p99?: number[]
  errors?: number[]
  gcPausesMs?: number[][]
  mallocsPerRequest?: number[]
}

export function frame(fn: string, file: string, line: number): Frame {
  return { function: fn, file, line }
}

export function site(fn: string, file: string, line: number, inuseBytes: number): LoadHeapSite {
  return { function: fn, file, line, inuseBytes, inuseObjects: 1, allocBytes: inuseBytes, allocObjects: 1 }
}

function group(g: GroupSeries, count: number): LeakGroup {
  const key = `${g.state} | ${g.blocking.function} ${g.blocking.file}:${g.blocking.line} | created by ${g.creation.function} ${g.creation.file}:${g.creation.line}`
  return {
    key,
    looseKey: key.replace(/:\d+/g, ''),
    state: g.state,
    count,
    blocking: g.blocking,
    creation: g.creation,
    stack: g.stack ?? [g.blocking],
    tests: [],
    detectors: g.confirmed ? ['probe', 'goroutineleak'] : ['probe']
  }
}

/** A completed job of `rounds` rounds; every series has rounds + 1 values (after the warm-up first). */
export function loadResult(spec: LoadSpec): LoadJobResult {
  const n = Math.max(spec.goroutines?.length ?? 0, spec.heap?.length ?? 0, spec.fds?.length ?? 0, spec.groups?.[0]?.counts.length ?? 0, (spec.p50?.length ?? 5) + 1)
  const requests = spec.requests ?? 1000
  const snapshots: LoadSnapshot[] = []
  for (let i = 0; i < n; i++) {
    snapshots.push({
      phase: i === 0 ? 'warmup' : 'round',
      round: i,
      requestsBefore: requests * (i + 1),
      goroutines: spec.goroutines?.[i] ?? 10,
      groups: (spec.groups ?? []).filter((g) => g.counts[i] > 0).map((g) => group(g, g.counts[i])),
      heapAllocBytes: spec.heap?.[i] ?? 1 << 20,
      heapObjects: 1000,
      heapSites: spec.sites?.[i] ?? [],
      rssBytes: 50 << 20,
      fds: spec.fds?.[i] ?? 9,
      fdTargets: spec.fdTargets?.[i] ?? {}
    })
  }
  const phases: LoadPhase[] = []
  for (let i = 0; i < n; i++) {
    const r = i - 1
    const p50 = spec.p50?.[r] ?? 1
    phases.push({
      phase: i === 0 ? 'warmup' : 'round',
      round: i,
      requests,
      errors: spec.errors?.[r] ?? 0,
      durationMs: 500,
      throughput: requests * 2,
      latencyMs: { p50, p90: p50 * 2, p99: spec.p99?.[r] ?? p50 * 4, max: p50 * 10, mean: p50 * 1.2 },
      gcPausesMs: spec.gcPausesMs?.[r] ?? [0.1, 0.2],
      gcCycles: 1,
      mallocs: (spec.mallocsPerRequest?.[r] ?? 20) * requests,
      allocBytes: 2000 * requests
    })
  }
  return {
    name: spec.name ?? 'api',
    service: { package: './cmd/api', command: ['./api.service'], race: true, leakProfile: true },
    traffic: { kind: 'embedded', concurrency: 4 },
    phases,
    snapshots,
    races: [],
    notes: [],
    wallMs: 5000
  }
}

/** n equal steps of `step` from `start`. */
export function steps(start: number, step: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => start + i * step)
}

/** A job whose every piece of text the config or the service gives is `evil`, for the escaping tests. */
export function hostileLoadResult(evil: string): LoadJobResult {
  return {
    ...loadResult({ name: evil }),
    service: { package: evil, command: [evil], race: true, leakProfile: false },
    error: { kind: 'run', phase: evil, message: evil, detail: evil },
    crash: { value: `${evil}\npanic line two`, frames: [] },
    notes: [evil]
  }
}
