// What one measured benchmark process showed, from what it left: its exit, stdout and stderr, the
// probe's file and its profile (memory, or CPU for a CPU-profiled run). Pure: run.ts reads the files and
// hands their contents in.
import type { RunConfig } from '../../config/types.js'
import { errorMessage } from '../../errors.js'
import type { ProcessResult } from '../../go/process.js'
import { parseProbeOutput } from '../../go/probe-env.js'
import { CPU_TIME_UNIT, type BenchFailure, type BenchRun, type GcSummary, type LeakGroup, type MetricValue, type RunError } from '../../model/result.js'
import { parseBenchOutput } from '../../parse/benchfmt.js'
import { resultOf } from '../../parse/bench-select.js'
import { parseGctrace, summarizeGc } from '../../parse/gctrace.js'
import type { GoroutineRule } from '../../parse/goroutine-rules.js'
import { decodeProfile, heapSites } from '../../parse/pprof.js'
import { decodePprof, sampleTypeIndex } from '../../profile/index.js'
import { leakGroups } from '../observations.js'
import type { PlannedRun } from './plan.js'
import { exitedMessage, failureFrom, failuresOf } from './process.js'

/** What a run left on disk besides its output: the probe's JSON and its profile (or why not). */
export interface RunFiles {
  probe?: string
  profile: { data: Buffer } | { error: string }
}

export interface ObserveContext {
  importPath: string
  /** The package's directory relative to the module root. */
  relDir: string
  leafName: string
  modulePath: string
  procs: number
  cfg: RunConfig
  rules: readonly GoroutineRule[]
}

export type Observation =
  | {
      kind: 'measured'
      /** Without its index: that is its place among the benchmark's runs, known once all are in. */
      run: Omit<BenchRun, 'index'>
      /** Goroutines still alive after a small run's settle time (absent without the probe). */
      leaks?: LeakGroup[]
      cpu?: string
      errors: RunError[]
    }
  | { kind: 'failed'; failure: BenchFailure; leaks?: LeakGroup[]; cpu?: string; errors: RunError[] }

/** The run's CPU time per op beside what the benchmark printed (a unit of the same name it printed wins). */
function withCpuTime(metrics: Record<string, MetricValue>, cpuNs: number | undefined, iterations: number): Record<string, MetricValue> {
  if (cpuNs === undefined || !(iterations > 0) || Object.hasOwn(metrics, CPU_TIME_UNIT)) return metrics
  return { ...metrics, [CPU_TIME_UNIT]: cpuNs / iterations }
}

/**
 * Units a benchmark line derives from its wall time: in a shared round (duet.ts) that time includes the
 * other side's turns on the CPU, so these say nothing of this side and are left out; CPU time stays.
 */
export const WALL_UNITS: readonly string[] = ['ns/op', 'MB/s']

function withoutWallTime(metrics: Record<string, MetricValue>): Record<string, MetricValue> {
  return Object.fromEntries(Object.entries(metrics).filter(([unit]) => !WALL_UNITS.includes(unit)))
}

/**
 * A stop-the-world pause is wall time too: in a shared round the other side may hold the CPU in the middle
 * of it (a pause of 0.8 ms read 2.4 ms in fixtures/gate's BenchmarkGreeting). So a shared run keeps its GC
 * cycle counts and leaves its pauses out; the memory runs, which alternate, give the pauses (compareGc).
 */
function withoutPauses(gc: GcSummary): GcSummary {
  return { ...gc, stwPausesMs: [] }
}

export function observeRun(planned: PlannedRun, ctx: ObserveContext, r: ProcessResult, files: RunFiles): Observation {
  const subject = `${ctx.importPath}.${ctx.leafName}`
  const probe = files.probe === undefined ? undefined : parseProbeOutput(files.probe)
  // The probe's numbers say it ran to the end; its dump may still be empty.
  const live =
    probe?.heapAllocBytes !== undefined && probe.heapObjects !== undefined && probe.numGoroutine !== undefined
      ? { heapBytes: probe.heapAllocBytes, heapObjects: probe.heapObjects, goroutines: probe.numGoroutine }
      : undefined
  const leaks = planned.kind === 'small' && live ? { leaks: leakGroups(probe?.goroutines ?? '', null, ctx.modulePath, ctx.rules) } : {}
  const out = parseBenchOutput(r.stdout, { procs: ctx.procs })
  const cpu = out.config.cpu || undefined
  // Only the line of the benchmark this process was started for, at the b.N it was given, is its result:
  // anything else on stdout is output (see parse/bench-select.ts).
  const outcome = resultOf(out, ctx.leafName, planned.iterations)
  const line = outcome.kind === 'result' ? outcome.line : undefined
  if (!line || r.code !== 0 || out.failures.length > 0) {
    // An exit in the middle leaves a half-printed result line: the exit, not the line, is what happened.
    const parsed = failuresOf(r, ctx.procs)[0]?.message ?? (line ? undefined : exitedMessage(r)) ?? (outcome.kind === 'unreadable' ? outcome.message : undefined)
    const why = line ? 'the benchmark process failed' : 'the benchmark printed no result line'
    return {
      kind: 'failed',
      failure: failureFrom(r, ctx.cfg, planned.round, why, parsed, ctx.modulePath),
      ...leaks,
      cpu,
      errors: []
    }
  }
  const errors: RunError[] = []
  const gc = summarizeGc(parseGctrace(r.stderr).cycles)
  const run: Omit<BenchRun, 'index'> = {
    command: ['./' + (planned.argv[0].split('/').pop() ?? planned.argv[0]), ...planned.argv.slice(1)],
    cwd: ctx.relDir,
    iterations: line.iterations,
    metrics: withCpuTime(planned.duet?.shared ? withoutWallTime(line.metrics) : line.metrics, planned.kind === 'full' ? probe?.cpuNs : undefined, line.iterations),
    gc: planned.duet?.shared ? withoutPauses(gc) : gc,
    ...(live ? { live } : {}),
    wallMs: Math.round(r.wallMs)
  }
  const described = planned.kind === 'cpu' ? 'CPU profile' : 'memory profile'
  try {
    if (!('data' in files.profile)) throw new Error(files.profile.error)
    if (planned.kind === 'cpu') {
      // Decoded once here so that a profile compare could not read is named by the run that wrote it.
      sampleTypeIndex(decodePprof(files.profile.data, planned.profile), 'cpu')
      run.cpuProfile = `profiles/${planned.profile}`
    } else {
      const sites = heapSites(decodeProfile(files.profile.data, planned.profile))
      run.heap = {
        inuseBytes: sites.totals.inuseBytes,
        inuseObjects: sites.totals.inuseObjects,
        profile: `profiles/${planned.profile}`,
        ...(planned.kind === 'alloc' ? { memProfileRate: 1 } : {})
      }
    }
  } catch (err) {
    errors.push({ kind: 'profile', subject, message: `${described} ${planned.profile} unusable: ${errorMessage(err)}` })
  }
  return { kind: 'measured', run, ...leaks, cpu, errors }
}
