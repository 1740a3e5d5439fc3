// One phase of traffic (the warm-up or a round), from the embedded generator or from the user's
// command, and what the service did meanwhile: GC pauses from its stderr, allocations from MemStats.
import type { Runner } from '../../go/process.js'
import type { LoadPhase } from '../../model/result.js'
import { parseGctrace, summarizeGc } from '../../parse/gctrace.js'
import type { CommandTraffic, EmbeddedTraffic, LoadJobConfig } from '../../config/types.js'
import { LoadConfigError, LoadRunError } from './errors.js'
import { sendTraffic, type PreparedRequest, type Schedule, type TrafficPlan, type TrafficStats } from './generator.js'
import { describeServiceExit, type RunningService } from './service.js'
import { allocationCounters, type SnapshotContext } from './snapshot.js'

const COMMAND_OUTPUT_BYTES = 1024 * 1024
const COMMAND_TAIL = 2000

export interface PhaseContext {
  job: LoadJobConfig
  run: Runner
  moduleDir: string
  service: RunningService
  snapshot: SnapshotContext
  requests: PreparedRequest[]
  schedule: Schedule
  /** GO_LEAK_GATE_URL and friends, for a run: command. */
  addressEnv: Record<string, string>
}

export interface PhaseOutcome {
  phase: LoadPhase
  /** Per request of the config, for the check that every URL answers (embedded generator only). */
  tallies?: TrafficStats['perRequest']
}

/** The pauses of the cycles whose gctrace lines arrived during the phase; forced ones (the gate's own) left out. */
function gcDuring(stderr: string): { gcPausesMs: number[]; gcCycles: number } {
  const gc = summarizeGc(parseGctrace(stderr).cycles, { memprofile: false })
  return { gcPausesMs: gc.stwPausesMs, gcCycles: gc.cycles }
}

function exitedDuring(ctx: PhaseContext, what: string): LoadRunError {
  const how = ctx.service.exit ? describeServiceExit(ctx.service.exit) : 'gone'
  return new LoadRunError(ctx.job.name, what === 'the warm-up' ? 'warmup' : 'round', `the service exited during ${what} (${how})`, ctx.service.outputTail())
}

/** How long a refused read after a phase waits for the service's exit to be seen (a crash by the phase's last request). */
const EXIT_GRACE_MS = 2000

/**
 * The allocation counters after a phase. A service that crashed on the phase's last requests can still be
 * unreaped when the read is refused: then the crash is what happened, not the read.
 */
async function countersAfter(ctx: PhaseContext, what: string): Promise<Awaited<ReturnType<typeof allocationCounters>>> {
  try {
    return await allocationCounters(ctx.snapshot)
  } catch (err) {
    let timer: NodeJS.Timeout | undefined
    const exited = await Promise.race([ctx.service.exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_GRACE_MS)))])
    clearTimeout(timer)
    if (exited || ctx.service.exit !== undefined) throw exitedDuring(ctx, what)
    throw err
  }
}

async function embedded(ctx: PhaseContext, t: EmbeddedTraffic, amount: { count?: number; durationMs?: number }): Promise<TrafficStats> {
  const plan: TrafficPlan = { requests: ctx.requests, concurrency: t.concurrency, timeoutMs: t.timeoutMs, ...amount, ...(t.rate !== undefined ? { rate: t.rate } : {}) }
  // A service that dies mid-round ends the round at once instead of collecting thousands of refusals.
  const stop = new AbortController()
  void ctx.service.exited.then(() => stop.abort())
  return sendTraffic(plan, ctx.schedule, stop.signal)
}

async function command(ctx: PhaseContext, t: CommandTraffic, phase: LoadPhase['phase'], round: number, what: string): Promise<LoadPhase['command']> {
  const env = { ...process.env, ...ctx.addressEnv, GO_LEAK_GATE_PHASE: phase, GO_LEAK_GATE_ROUND: String(round) }
  // The user's command is shell by design: passed to bash as written, never joined with other text.
  const r = await ctx.run({ argv: ['bash', '-c', t.run], cwd: ctx.moduleDir, env, timeoutMs: t.timeoutMs, maxOutputBytes: COMMAND_OUTPUT_BYTES })
  const output = (r.stdout + r.stderr).slice(-COMMAND_TAIL)
  if (r.spawnError) throw new LoadConfigError(ctx.job.name, phase, `cannot run the traffic command with bash: ${r.spawnError.message}`)
  if (r.timedOut) throw new LoadRunError(ctx.job.name, phase, `the traffic command did not finish ${what} within ${Math.round(t.timeoutMs / 1000)}s`, output)
  if (r.code !== 0) throw new LoadRunError(ctx.job.name, phase, `the traffic command failed ${what} (exit code ${r.code ?? r.signal ?? '?'})`, output)
  return { exitCode: r.code, output }
}

/**
 * Sends one phase of traffic. Allocation counters are read right before and right after it, so the
 * gate's own reads between rounds (settling, snapshots) are not counted as the service's work. The
 * read itself allocates (heap?debug=1 formats every profile bucket before it reads MemStats), so
 * the closing read's share is taken out: a second read right after it costs the same.
 */
export async function trafficPhase(ctx: PhaseContext, phase: LoadPhase['phase'], round: number): Promise<PhaseOutcome> {
  const t = ctx.job.traffic
  const what = phase === 'warmup' ? 'the warm-up' : `round ${round}`
  const mark = ctx.service.stderrMark()
  const before = await allocationCounters(ctx.snapshot)
  const started = performance.now()
  let stats: TrafficStats | undefined
  let cmd: LoadPhase['command']
  if (t.kind === 'embedded') {
    const amount = phase === 'warmup' ? ctx.job.warmup : t.count !== undefined ? { count: t.count } : { durationMs: t.durationMs }
    stats = await embedded(ctx, t, amount)
  } else {
    cmd = await command(ctx, t, phase, round, `in ${what}`)
  }
  const durationMs = performance.now() - started
  if (ctx.service.exit !== undefined) throw exitedDuring(ctx, what)
  const after = await countersAfter(ctx, what)
  const again = await countersAfter(ctx, what)
  const own = { mallocs: again.mallocs - after.mallocs, allocBytes: again.allocBytes - after.allocBytes }
  const requests = stats ? stats.requests : t.kind === 'command' ? (t.requests ?? null) : null
  const record: LoadPhase = {
    phase,
    round,
    requests,
    errors: stats ? stats.errors : null,
    ...(stats && stats.errors > 0 ? { errorKinds: stats.errorKinds } : {}),
    durationMs,
    throughput: requests !== null && durationMs > 0 ? (requests * 1000) / durationMs : null,
    ...(stats?.latency ? { latencyMs: stats.latency } : {}),
    ...gcDuring(ctx.service.stderrText(mark)),
    mallocs: Math.max(0, after.mallocs - before.mallocs - own.mallocs),
    allocBytes: Math.max(0, after.allocBytes - before.allocBytes - own.allocBytes),
    ...(cmd ? { command: cmd } : {})
  }
  return { phase: record, ...(stats ? { tallies: stats.perRequest } : {}) }
}

/** A request of the config that only ever got 404 or 405 names nothing on the service: a wrong URL or method. */
export function checkUrlsAnswer(job: string, tallies: TrafficStats['perRequest'], phase: 'warmup' | 'round'): void {
  tallies.forEach((t, i) => {
    if (t.sent > 0 && t.ok === 0 && t.notFound === t.sent) {
      throw new LoadConfigError(job, phase, `traffic.requests[${i}] (${t.label}) answered 404 or 405 to all ${t.sent} requests: is the URL or the method wrong?`)
    }
  })
}
